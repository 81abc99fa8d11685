"""Benchmark of the award chain (run by hand: ``python bench/award_chain.py``; prints figures).

The demo ward with a 2026 round of one Giấy khen dossier per person of its register (up to 200;
the demo has 92), complete and submitted to the council, then times what the clerk waits for,
each through the one door as the window and the command line run it:

1. the council's meeting and one secret ballot (per dossier, the workflow's rules included);
2. the Biên bản of the meeting (a row of ballots per dossier), issued;
3. the ward Tờ trình to the Chairman with its Danh sách, issued (every dossier listed);
4. the Chairman's Quyết định with its list attached and tiền thưởng, issued: every dossier awarded;
5. the Giấy khen of the decision, numbered in the certificate register: a page each;
6. the award register of the year in Excel.

Anchor: the quarterly report of the ward (Báo cáo kết quả, issued), the document the clerk already
prints most often; each step is printed beside it as a ratio.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOMINEES = 200


def main() -> None:
    from sqlmodel import select

    from desktop.awards import papers
    from desktop.awards.catalogue import components_of, criteria_of
    from desktop.awards.dossiers import NewDossier, create_dossier, set_component, set_criterion
    from desktop.awards.workflow import move_dossier
    from desktop.context import AppContext
    from desktop.council import ops as council
    from desktop.decisions.certificate_ops import print_certificates
    from desktop.decisions.register import RegisterFilter, award_register
    from desktop.demo.ward import build_demo_ward
    from desktop.documents import directions
    from desktop.documents import ops as documents
    from desktop.documents.common import DocumentRequest
    from desktop.excel.awards_register import export_award_register
    from desktop.models import AwardForm, Campaign, CampaignKind, DossierStatus, Person
    from desktop.models.ids import CampaignId, MeetingId
    from desktop.models.ids import saved_id as sid

    folder = Path(tempfile.mkdtemp(prefix="thidua-bench-awards-"))
    ctx = AppContext.from_args(folder)
    build_demo_ward(ctx.db)
    with ctx.db.session() as s:
        campaign = s.exec(
            select(Campaign).where(Campaign.year == 2026, Campaign.kind == CampaignKind.YEARLY)
        ).one()
        form = s.exec(select(AwardForm).where(AwardForm.code == "GKCTP")).one()
        persons = s.exec(select(Person).where(Person.active)).all()[:NOMINEES]
        ids = []
        for person in persons:
            dossier = create_dossier(
                s,
                NewDossier(CampaignId(sid(campaign.id)), sid(form.id), nominee_person_id=person.id),
            )
            for criterion in criteria_of(s, sid(form.id)):
                if not criterion.heading:
                    set_criterion(s, sid(dossier.id), sid(criterion.id), True, "Minh chứng")
            for component in components_of(s, sid(form.id)):
                if component.required and not component.made_by:
                    set_component(s, sid(dossier.id), sid(component.id), True)
            move_dossier(s, sid(dossier.id), DossierStatus.SUBMITTED_TO_COUNCIL)
            ids.append(sid(dossier.id))
        del papers
    campaign_id = CampaignId(sid(campaign.id))
    print(f"round of {len(ids)} nominees, complete and with the council")
    day = date(2026, 12, 1)

    def clock(work):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        value = work()
        return time.perf_counter() - started, value

    # The report is issued only with its Phương hướng written (issue 14): written before the clock.
    ctx.door.run(
        directions.save_direction(2026, 3, "Tiếp tục đôn đốc các đơn vị chưa đạt chỉ tiêu.")
    )
    anchor, _ = clock(
        lambda: ctx.door.run(
            documents.issue(
                DocumentRequest("report", year=2026, quarter=3), day, ctx.folder.documents
            )
        )
    )
    rows: list[tuple[str, float]] = []
    ctx.door.run(council.copy_members(2025, 2026))
    members = [m.id for m in ctx.door.read(council.read_members(2026))]
    seconds, meeting = clock(
        lambda: ctx.door.run(council.create_meeting(campaign_id, day, "Hội trường", members))
    )
    rows.append(("council meeting recorded", seconds))
    started = time.perf_counter()
    for dossier_id in ids:
        ctx.door.run(council.record_vote(MeetingId(meeting), dossier_id, 7, 7, 6))
    rows.append(
        (
            f"one secret ballot (mean of {len(ids)})",
            (time.perf_counter() - started) / len(ids),
        )
    )
    for label, request in (
        (
            "Biên bản of the meeting, issued",
            DocumentRequest("minutes", meeting_id=MeetingId(meeting)),
        ),
        (
            "ward Tờ trình to the Chairman, issued",
            DocumentRequest("submission", campaign_id=campaign_id, to="ward"),
        ),
        (
            "Chairman's Quyết định with its list, issued",
            DocumentRequest("decision", campaign_id=campaign_id),
        ),
    ):
        seconds, _ = clock(
            lambda r=request: ctx.door.run(documents.issue(r, day, ctx.folder.documents))
        )
        rows.append((label, seconds))
    with ctx.db.session() as s:
        from desktop.models import AwardDecision

        decision = s.exec(select(AwardDecision).order_by(AwardDecision.id.desc())).first()  # type: ignore[union-attr]
        decision_id = sid(decision.id)
    seconds, printed = clock(lambda: ctx.door.run(print_certificates(decision_id, day)))
    rows.append((f"Giấy khen of the decision ({printed.count} pages), numbered", seconds))
    target = folder / "so-khen-thuong.xlsx"
    seconds, _ = clock(
        lambda: export_award_register(
            ctx.door.read(lambda s: award_register(s, RegisterFilter(year=2026))), target
        )
    )
    rows.append(("award register of the year in Excel", seconds))
    print(f"{'anchor: quarterly report issued':<52}{anchor * 1000:>9.0f} ms   1,00×")
    for label, seconds in rows:
        print(f"{label:<52}{seconds * 1000:>9.0f} ms {seconds / anchor:>6.2f}×".replace(".", ","))
    ctx.close()


if __name__ == "__main__":
    main()

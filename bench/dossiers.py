"""Benchmark of the dossiers (run by hand: ``python bench/dossiers.py``; prints figures).

A synthetic ward of 2,000 units with 2025 values, 6,000 dossiers over every campaign (bulk-inserted:
generated data, no audit), then times what the clerk waits for:

1. the dossier list with its columns, a filtered list and the counts per status;
2. opening one dossier (detail, completeness, the nominee's results, the nominee's history);
3. one workflow step through the door, with its history line and audit rows;
4. ticking a standard through the door and taking it back (Ctrl+Z), each one transaction;
5. attaching a 50 MB file (hash + copy) and attaching it again (stored once), through the door;
6. a tick end to end as the clerk waits for it: the door's transaction, then the dossier list of
   the Hồ sơ page (offscreen) showing the change, and its Ctrl+Z the same way.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(label: str, function, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"{label:<62}{median * 1000:>9.1f} ms")
    return median


def main() -> None:
    from sqlalchemy import insert
    from sqlmodel import select

    from desktop.awards.attachment_ops import attach_files
    from desktop.awards.detail import load_detail
    from desktop.awards.dossier_ops import SCOPE, check_criterion, take_step
    from desktop.awards.dossiers import DossierFilter, count_by_status, list_dossiers
    from desktop.awards.history import nominee_history
    from desktop.awards.results import dossier_results
    from desktop.changes import Door
    from desktop.demo.ward import SyntheticSize, build_synthetic_ward
    from desktop.models import AwardForm, Campaign, Dossier, DossierStatus, Unit
    from desktop.models._base import now
    from desktop.storage import Database

    folder = Path(tempfile.mkdtemp(prefix="thidua-bench-dossiers-"))
    db = Database.open(folder / "thidua.sqlite3")
    started = time.perf_counter()
    build_synthetic_ward(
        db, SyntheticSize(units=2000, first_year=2025, last_year=2025, indicators=12)
    )
    print(f"synthetic ward (2,000 units, 2025):{time.perf_counter() - started:>27.1f} s")
    with db.session() as s:
        units = s.exec(select(Unit.id)).all()
        forms = [f for f in s.exec(select(AwardForm)) if f.for_collective]
        campaigns = s.exec(select(Campaign.id)).all()
        stamp = now()
        statuses = list(DossierStatus)
        rows = []
        for n in range(6000):
            rows.append(
                {
                    "campaign_id": campaigns[n % len(campaigns)],
                    "award_form_id": forms[(n // len(campaigns)) % len(forms)].id,
                    "nominee_unit_id": units[n % len(units)],
                    "proposing_unit_id": units[n % len(units)],
                    "status": statuses[n % len(statuses)].name,
                    "achievement": "{}",
                    "incomplete_reason": "",
                    "decision_number": "",
                    "decision_issuer": "",
                    "note": "",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        s.connection().execute(insert(Dossier.__table__), rows)
    print("dossiers: 6,000")

    with db.session() as s:
        dossier_rows = list_dossiers(s)
        assert len(dossier_rows) == 6000
        first_campaign = campaigns[0]
        draft = s.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).first()
        assert draft is not None

        timed("list of 6,000 dossiers with their columns", lambda: list_dossiers(s))
        timed(
            "filtered list (one campaign, drafts)",
            lambda: list_dossiers(
                s, DossierFilter(campaign_id=first_campaign, status=DossierStatus.DRAFT)
            ),
        )
        timed(
            "search 'don vi thu nghiem 17' over the list",
            lambda: list_dossiers(s, DossierFilter(query="don vi thu nghiem 17")),
        )
        timed("counts per status", lambda: count_by_status(dossier_rows))
        timed("open one dossier: detail + completeness", lambda: load_detail(s, draft.id).missing())
        timed("open one dossier: nominee's indicator results", lambda: dossier_results(s, draft))
        timed(
            "open one dossier: nominee's award history",
            lambda: nominee_history(s, draft.nominee_unit_id),
        )

    door = Door(lambda: db)

    criterion = door.read(lambda s: load_detail(s, draft.id).criteria[0].criterion.id)
    ticks = iter(range(1_000_000))
    timed(
        "tick a standard through the door (with its undo step)",
        lambda: door.run(check_criterion(draft.id, criterion, True, f"minh chứng {next(ticks)}")),
    )
    timed("Ctrl+Z of that tick (one transaction, audited)", lambda: door.undo(SCOPE))

    def one_step() -> None:
        d = door.read(
            lambda s: s.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).first()
        )
        door.run(take_step(d.id, DossierStatus.SUBMITTED_TO_COUNCIL, reason="đo hiệu năng"))

    timed("one workflow step (with completeness check, history, audit)", one_step)

    big = folder / "scan-50MB.pdf"
    with big.open("wb") as handle:
        block = bytes(range(256)) * 4096
        for _ in range(50):
            handle.write(block)

    def attach(dossier_id: int) -> None:
        door.run(attach_files(folder / "attachments", dossier_id, [big]))

    timed("attach a 50 MB file (hash + copy + fsync)", lambda: attach(draft.id), runs=1)
    timed(
        "attach the same 50 MB file to another dossier (stored once)",
        lambda: attach(draft.id + 6),
        runs=1,
    )
    stored = [p for p in (folder / "attachments").rglob("*") if p.is_file()]
    print(f"files in the store after two attachments: {len(stored)}")
    tick_on_the_page(folder, db)
    db.close()


def tick_on_the_page(folder: Path, db) -> None:  # type: ignore[no-untyped-def]
    """A tick and its Ctrl+Z with the dossier list listening, as in the window (offscreen Qt)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlmodel import select

    from desktop.awards.detail import load_detail
    from desktop.awards.dossier_ops import SCOPE, check_criterion
    from desktop.context import AppContext
    from desktop.models import Dossier, DossierStatus
    from desktop.paths import DataFolder
    from desktop.ui.awards.page import DossierListPanel

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(DataFolder(folder), _db=db)
    # A draft the workflow step above left alone (the first one moved on), and one of its standards.
    with db.session() as s:
        drafts = s.exec(select(Dossier.id).where(Dossier.status == DossierStatus.DRAFT)).all()
        dossier_id = drafts[len(drafts) // 2]
        criterion = load_detail(s, dossier_id).criteria[0].criterion.id
    panel = DossierListPanel(ctx)
    panel.resize(1200, 800)
    panel.show()
    panel.refresh()
    assert panel.model.rowCount() == 6000
    panel.select_dossier(dossier_id)
    ctx.door.listen(panel.on_change)
    app.processEvents()
    ticks = iter(range(1_000_000))

    def tick() -> None:
        ctx.door.run(check_criterion(dossier_id, criterion, True, f"trang {next(ticks)}"))
        app.processEvents()  # what the window paints before the clerk sees the tick

    def undo() -> None:
        ctx.door.undo(SCOPE)
        app.processEvents()

    timed("a tick end to end: door + the list of 6,000 shows it", tick)
    timed("its Ctrl+Z end to end: door + the list shows it", undo)
    selected = panel.selected()
    kept = selected is not None and selected.dossier.id == dossier_id
    print(f"the clerk's selected dossier kept through them: {'yes' if kept else 'no'}")
    panel.close()


if __name__ == "__main__":
    main()

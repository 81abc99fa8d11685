"""Việc cần làm: each kind of item appears when its deadline has passed (or is near) undone, and
not otherwise — on fixed dates over the demo ward (built on 1/12/2026: quý 3/2026 being collected,
the quarters before it locked)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlmodel import Session, select

from desktop.awards.catalogue_ops import save_round
from desktop.awards.dossiers import list_dossiers
from desktop.backup.status import record_usb_backup
from desktop.changes import Area, Change, Done
from desktop.context import AppContext
from desktop.documents import ops as documents
from desktop.documents.common import DocumentRequest
from desktop.documents.directions import save_direction
from desktop.indicators import ops as indicators
from desktop.indicators.results import ward_results
from desktop.models import Campaign
from desktop.models.ids import CampaignId
from desktop.movement.commitment_ops import record_commitment
from desktop.movement.commitments import standing
from desktop.movement.deadline_settings import (
    DeadlineError,
    DeadlineSettings,
    load_deadlines,
    save_deadlines,
)
from desktop.movement.deadlines import DueItem, Severity, due_items, next_deadline
from desktop.storage import Database

ON = date(2026, 12, 2)


def _due(db: Database, today: date = ON, kind: str | None = None) -> list[DueItem]:
    with db.session() as session:
        items = due_items(session, today)
    return [i for i in items if kind is None or i.kind == kind]


def _set(ctx: AppContext, **changes: object) -> None:
    current = ctx.door.read(load_deadlines)
    ctx.door.run(save_deadlines(DeadlineSettings(**{**current.__dict__, **changes})))


# -- the quarters ---------------------------------------------------------------------------------
def test_a_quarter_past_its_collection_day_names_the_units_that_have_not_reported(
    demo_db: Database,
) -> None:
    """Quý 3/2026 was due by 10/10/2026 (day 10 of the month after it): on 2/12 it is late, and
    its units are those the results count missing on some indicator of the quarter."""
    (item,) = _due(demo_db, kind="collection")
    with demo_db.session() as session:
        missing = {
            u.name for r in ward_results(session, 2026, 3) if r.target for u in r.missing_units
        }
    assert item.severity is Severity.LATE
    assert set(item.names) == missing and missing
    assert item.text.startswith(f"Quý 3/2026: {len(missing)} đơn vị chưa báo cáo số liệu")
    assert "hạn 10/10/2026, quá hạn 53 ngày" in item.text
    assert item.names[0] in item.text
    assert (item.target.page, item.target.year, item.target.quarter) == ("indicators", 2026, 3)
    assert len(item.target.unit_ids) == len(missing)


def test_a_quarter_is_coming_before_its_day_and_not_asked_for_long_before(
    demo_db: Database, ctx: AppContext
) -> None:
    (item,) = _due(demo_db, date(2026, 10, 5), kind="collection")
    assert item.severity is Severity.SOON and "còn 5 ngày" in item.text
    _set(ctx, collection_day=30)  # 30/10: 25 days ahead, more than the 14 days of notice
    assert _due(demo_db, date(2026, 10, 5), kind="collection") == []
    assert _due(demo_db, date(2026, 10, 16), kind="collection")[0].severity is Severity.SOON
    assert _due(demo_db, date(2026, 10, 31), kind="collection")[0].severity is Severity.LATE


def test_a_locked_quarter_asks_nothing_even_with_units_missing(
    demo_db: Database, ctx: AppContext
) -> None:
    ctx.door.run(indicators.lock_quarter(2026, 3, today=ON, allow_incomplete=True))
    assert _due(demo_db, kind="collection") == [] and _due(demo_db, kind="lock") == []


def test_a_quarter_all_in_but_not_locked_waits_for_its_lock(
    demo_db: Database, ctx: AppContext
) -> None:
    """Quý 2/2026 is complete in the demo; opened again to correct a value, it is due to be
    locked again — and once locked, nothing is due of it."""
    assert _due(demo_db, kind="lock") == []
    ctx.door.run(indicators.unlock_quarter(2026, 2, "Đơn vị báo cáo lại số liệu"))
    (item,) = _due(demo_db, kind="lock")
    assert item.severity is Severity.LATE
    assert "Quý 2/2026: đủ số liệu của" in item.text and "chưa chốt số liệu" in item.text
    assert (item.target.year, item.target.quarter) == (2026, 2)
    ctx.door.run(indicators.lock_quarter(2026, 2, today=ON))
    assert _due(demo_db, kind="lock") == []


# -- the dossiers ---------------------------------------------------------------------------------
def test_dossiers_past_their_campaigns_deadline_still_with_the_clerk_are_late(
    demo_db: Database,
) -> None:
    with demo_db.session() as session:
        overdue = [r for r in list_dossiers(session, today=ON) if r.overdue]
    assert overdue, "the demo ward keeps drafts of its 2025 round"
    (item,) = _due(demo_db, kind="dossiers")
    assert item.severity is Severity.LATE
    assert sorted(item.names) == sorted(r.nominee for r in overdue)
    assert f"{len(overdue)} hồ sơ quá hạn nộp" in item.text and "hạn 30/11/2025" in item.text
    assert item.target.page == "dossiers"
    assert item.target.campaign_id == overdue[0].dossier.campaign_id
    assert item.target.dossier_id in {r.dossier.id for r in overdue}


def test_a_campaign_deadline_moved_later_makes_its_dossiers_coming_then_not_due(
    demo_db: Database, ctx: AppContext
) -> None:
    with demo_db.session() as session:
        campaign = session.exec(select(Campaign).where(Campaign.name == "Khen thưởng năm 2025")).one()
        cid, name, kind, year = campaign.id, campaign.name, campaign.kind, campaign.year
    ctx.door.run(save_round(name, kind, year, date(2026, 12, 10), campaign_id=CampaignId(cid or 0)))
    (item,) = _due(demo_db, kind="dossiers")
    assert item.severity is Severity.SOON and "sắp đến hạn nộp" in item.text
    assert "còn 8 ngày" in item.text
    ctx.door.run(save_round(name, kind, year, date(2027, 3, 1), campaign_id=CampaignId(cid or 0)))
    assert _due(demo_db, kind="dossiers") == []


# -- the reports ----------------------------------------------------------------------------------
def test_the_yearly_report_is_coming_then_late_until_issued(
    demo_db: Database, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Due by 15/12 of its year (Cài đặt): 2026's is coming on 2/12 and not asked on 1/11; 2025's,
    never issued in the demo, is late until the year's report is issued."""
    reports = {i.target.year: i for i in _due(demo_db, kind="yearly_report")}
    assert reports[2026].severity is Severity.SOON and "còn 13 ngày" in reports[2026].text
    assert reports[2025].severity is Severity.LATE
    assert reports[2025].target.page == "documents"
    assert {i.target.year for i in _due(demo_db, date(2026, 11, 1), kind="yearly_report")} == {2025}
    ctx.door.run(save_direction(2025, None, "Tiếp tục đôn đốc các đơn vị báo cáo đúng hạn."))
    monkeypatch.setenv("THIDUA_TODAY", "2025-12-20")
    ctx.door.run(
        documents.issue(DocumentRequest("report", year=2025), date(2025, 12, 20), ctx.folder.documents)
    )
    assert {i.target.year for i in _due(demo_db, kind="yearly_report")} == {2026}


def test_the_review_reports_are_known_in_their_year_coming_and_late(
    demo_db: Database, ctx: AppContext
) -> None:
    """Sơ kết 2027 (plan II.3): nothing before 2027; from 1/1/2027 known; coming within the
    days of notice before its day (30/11/2027 unless the clerk sets another); late after it."""
    assert _due(demo_db, kind="review_report") == []
    (known,) = _due(demo_db, date(2027, 1, 5), kind="review_report")
    assert known.severity is Severity.INFO and "sơ kết" in known.text
    assert "2025–2027" in known.text and "hạn 30/11/2027" in known.text
    assert _due(demo_db, date(2027, 11, 20), kind="review_report")[0].severity is Severity.SOON
    assert _due(demo_db, date(2027, 12, 1), kind="review_report")[0].severity is Severity.LATE
    _set(ctx, so_ket=date(2027, 12, 20))
    assert _due(demo_db, date(2027, 12, 1), kind="review_report")[0].severity is Severity.INFO
    both = _due(demo_db, date(2030, 2, 1), kind="review_report")
    assert [i.target.year for i in both] == [2027, 2030]  # sơ kết still not issued: late
    assert [i.severity for i in both] == [Severity.LATE, Severity.INFO]


# -- commitments, backup ---------------------------------------------------------------------------
def test_units_that_have_not_registered_this_year_are_named_until_they_do(
    demo_db: Database, ctx: AppContext
) -> None:
    with demo_db.session() as session:
        missing = standing(session, 2026).missing
    (item,) = _due(demo_db, kind="commitments")
    assert item.severity is Severity.LATE and "hạn 31/03/2026" in item.text
    assert list(item.names) == [u.name for u in missing]
    assert item.target.page == "movement" and item.target.year == 2026
    (early,) = _due(demo_db, date(2026, 2, 1), kind="commitments")
    assert early.severity is Severity.INFO
    for unit in missing:
        ctx.door.run(record_commitment(2026, unit.id or 0, date(2026, 3, 2), None))
    assert _due(demo_db, kind="commitments") == []


def test_the_usb_backup_is_due_when_the_status_bar_shows_it_red(
    demo_db: Database, ctx: AppContext
) -> None:
    (never,) = _due(demo_db, kind="backup")
    assert never.severity is Severity.LATE and "chưa được sao lưu ra USB" in never.text
    assert never.target.page == "backup"

    def backed_up(day: date) -> None:
        def operation(session: Session) -> Done[None]:
            record_usb_backup(session, datetime.combine(day, time(0, 0)))  # whatever the clock
            return Done(None, Change.of(Area.BACKUPS))

        ctx.door.run(operation)

    backed_up(date(2026, 11, 30))
    assert _due(demo_db, kind="backup") == []
    backed_up(date(2026, 11, 20))
    (old,) = _due(demo_db, kind="backup")
    assert "đã 12 ngày (20/11/2026 00:00)" in old.text


# -- the plan, order, the next day ----------------------------------------------------------------
def test_the_plan_not_issued_is_due_by_the_end_of_its_launch_year(
    demo_db: Database, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _due(demo_db, date(2024, 12, 1), kind="plan") == []
    assert _due(demo_db, date(2025, 6, 1), kind="plan")[0].severity is Severity.INFO
    (late,) = _due(demo_db, kind="plan")
    assert late.severity is Severity.LATE and late.target.document == "plan"
    monkeypatch.setenv("THIDUA_TODAY", "2025-02-05")
    ctx.door.run(documents.issue(DocumentRequest("plan"), date(2025, 2, 5), ctx.folder.documents))
    assert _due(demo_db, kind="plan") == []


def test_late_items_come_first_then_coming_then_known(demo_db: Database) -> None:
    severities = [i.severity for i in _due(demo_db, date(2027, 1, 5))]
    assert severities == sorted(severities, key=[Severity.LATE, Severity.SOON, Severity.INFO].index)
    assert Severity.LATE in severities and Severity.INFO in severities


def test_the_next_deadline_is_the_first_day_after_today(demo_db: Database) -> None:
    with demo_db.session() as session:
        after = next_deadline(session, ON)
        at_year_end = next_deadline(session, date(2026, 12, 16))
    assert after is not None and after.day == date(2026, 12, 15) and "báo cáo năm 2026" in after.text
    assert at_year_end is not None and at_year_end.day == date(2027, 1, 10)
    assert "quý 4/2026" in at_year_end.text


# -- the clerk's dates ----------------------------------------------------------------------------
def test_the_clerks_dates_are_saved_and_read_back_announcing_settings(ctx: AppContext, db: Database) -> None:
    seen = []
    ctx.door.listen(seen.append)
    chosen = DeadlineSettings(
        collection_day=15, yearly_report=(5, 1), commitment_day=(15, 2), soon_days=20,
        so_ket=date(2027, 12, 10),
    )
    ctx.door.run(save_deadlines(chosen))
    assert ctx.door.read(load_deadlines) == chosen
    assert seen and seen[-1].touches(Area.SETTINGS)


def test_impossible_dates_are_refused_with_every_problem_and_nothing_saved(
    ctx: AppContext, db: Database
) -> None:
    wrong = DeadlineSettings(
        collection_day=31, yearly_report=(30, 2), soon_days=0, tong_ket=date(2026, 5, 1)
    )
    with pytest.raises(DeadlineError) as refused:
        ctx.door.run(save_deadlines(wrong))
    text = refused.value.text()
    assert "Ngày thu số liệu quý phải từ 1 đến 30" in text
    assert "Hạn gửi báo cáo năm 30/2 không phải một ngày trong năm" in text
    assert "Số ngày nhắc trước hạn phải từ 1 đến 90" in text
    assert "tổng kết phải trong năm 2030 hoặc 2031" in text
    assert ctx.door.read(load_deadlines) == DeadlineSettings()


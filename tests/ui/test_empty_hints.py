"""Each page's table, empty, says what to do first (desktop.ui.widgets.empty_hint); with the demo
ward's records the hints are gone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from desktop.context import AppContext
from desktop.models.periods import today
from desktop.ui.pages import PAGES
from desktop.ui.texts import help as th
from desktop.ui.widgets.elided import cut_texts
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.table_model import Column, RecordTableModel


def _open(qtbot, ctx: AppContext, demo: bool):  # type: ignore[no-untyped-def]
    from desktop.ui.app import open_window

    window = open_window(ctx, first_run_choice=demo)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.navigation.currentRow() == 0, timeout=10_000)
    for spec in PAGES:  # every page made, as the clerk opens them
        window.show_page(spec.key)
    return window


def _hints(window) -> dict[str, EmptyHint]:  # type: ignore[no-untyped-def]
    """The hints by where they lie: page key, then the attribute the page keeps them in."""
    pages = {spec.key: window.page(spec.key) for spec in PAGES}
    movement = pages["movement"].parts
    return {
        "units": pages["units"].empty_hint,
        "entry": pages["indicators"].entry.empty_hint,
        "dossiers": pages["dossiers"].dossiers.empty_hint,
        "campaigns": pages["dossiers"].campaigns.empty_hint,
        "members": pages["council"].council.members_hint,
        "meetings": pages["council"].council.meetings_hint,
        "decisions": pages["council"].decisions.empty_hint,
        "award_register": pages["council"].register.empty_hint,
        "activities": movement["ActivitiesTab"].empty_hint,
        "initiatives": movement["InitiativesTab"].empty_hint,
        "commitments": movement["CommitmentsTab"].empty_hint,
        "documents": pages["documents"].empty_hint,
        "backups": pages["backup"].empty_hint,
        "audit": pages["audit"].empty_hint,
    }


def test_on_an_empty_ward_every_page_says_its_next_step(qtbot, ctx: AppContext) -> None:
    window = _open(qtbot, ctx, demo=False)
    hints = _hints(window)
    year = today().year
    expected = {
        "units": th.HINT_UNITS,
        "entry": th.HINT_ENTRY,
        "dossiers": th.HINT_DOSSIERS,  # the plan's campaigns come with a new ward
        "members": th.HINT_MEMBERS.format(year=year),
        "meetings": th.HINT_MEETINGS,
        "decisions": th.HINT_DECISIONS,
        "award_register": th.HINT_AWARD_REGISTER,
        "activities": th.HINT_ACTIVITIES_YEAR.format(year=year),
        "initiatives": th.HINT_INITIATIVES,
        "commitments": th.HINT_COMMITMENTS,
        "documents": th.HINT_DOCUMENTS,
        "backups": th.HINT_BACKUPS,
    }
    shown = {where: hint.text() for where, hint in hints.items() if hint.shown()}
    assert shown == expected
    # Every hint of the window is one of these (no page has one the test does not know),
    # but the persons' list, which says nothing before a unit is chosen.
    persons = window.page("units").persons.empty_hint
    assert not persons.shown()
    assert {id(h) for h in window.findChildren(EmptyHint)} == {
        id(h) for h in [*hints.values(), persons]
    }
    # The hint lies over its table, inside it, visible with the page.
    window.show_page("units")
    hint = hints["units"]
    qtbot.waitUntil(hint.isVisible, timeout=5_000)
    assert hint.parentWidget() is window.page("units").table.viewport()
    assert hint.height() > 0 and hint.width() <= hint.parentWidget().width()
    # Each hint is shown whole (the window's elision rule), on every page of a 1366×768 screen.
    window.resize(1366, 768)
    texts = set(expected.values())
    for spec in PAGES:
        page = window.show_page(spec.key)
        qtbot.wait(10)
        assert [str(cut) for cut in cut_texts(page) if cut.text in texts] == [], spec.key


def test_the_dossiers_hint_follows_the_campaigns_and_a_new_unit_hides_the_units_one(
    qtbot, ctx: AppContext
) -> None:
    from desktop.awards.catalogue import list_campaigns
    from desktop.awards.catalogue_ops import remove_round, save_round
    from desktop.models import CampaignKind, UnitKind
    from desktop.models.ids import CampaignId, saved_id
    from desktop.register import ops as register_ops
    from desktop.register.units import UNITS, UnitData

    window = _open(qtbot, ctx, demo=False)
    hints = _hints(window)
    for campaign in ctx.door.read(list_campaigns):  # a ward without any campaign
        ctx.door.run(remove_round(CampaignId(saved_id(campaign.id))))
    assert hints["dossiers"].text() == th.HINT_NO_CAMPAIGN
    assert hints["campaigns"].shown() and hints["campaigns"].text() == th.HINT_CAMPAIGNS
    assert hints["meetings"].text() == th.HINT_MEETINGS_NO_CAMPAIGN
    ctx.door.run(save_round("Khen thưởng năm 2026", CampaignKind.YEARLY, today().year, None))
    assert hints["dossiers"].shown() and hints["dossiers"].text() == th.HINT_DOSSIERS
    assert not hints["campaigns"].shown()
    assert hints["meetings"].text() == th.HINT_MEETINGS

    unit = UnitData(code="TDP01", name="Tổ dân phố số 1", kind=UnitKind.WARD_OFFICE)
    ctx.door.run(register_ops.add(UNITS, unit))
    assert not hints["units"].shown()
    units = window.page("units")
    units.search.setText("không có đơn vị nào tên này")
    assert units.empty_hint.shown() and units.empty_hint.text() == th.HINT_FILTERED
    units.search.clear()
    assert not units.empty_hint.shown()
    units.table.selectRow(0)
    assert units.persons.empty_hint.shown()
    assert units.persons.empty_hint.text() == th.HINT_PERSONS


def test_the_demo_ward_shows_its_records_and_no_hint(qtbot, ctx: AppContext) -> None:
    window = _open(qtbot, ctx, demo=True)
    hints = _hints(window)
    # The demo ward keeps records in each of these (its council of this year, its register of
    # issued documents and its backups may be empty: their hints then say the truth).
    for where in (
        "units",
        "entry",
        "dossiers",
        "campaigns",
        "decisions",
        "award_register",
        "activities",
        "initiatives",
        "commitments",
        "audit",
    ):
        assert not hints[where].shown(), where
    # A log the clerk's search empties says so, not "nothing logged yet".
    audit = window.page("audit")
    audit.search.setText("không có thay đổi nào như thế này")
    audit.reload()
    assert hints["audit"].shown() and hints["audit"].text() == th.HINT_FILTERED


@pytest.mark.parametrize("rows", [0, 2])
def test_a_hint_follows_its_model_by_itself(qtbot, rows: int) -> None:
    model: RecordTableModel[str] = RecordTableModel([Column[str]("Tên", lambda r: r)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    said = []
    hint = EmptyHint(view, lambda: said.append(1) or "Chưa có gì: bấm Thêm.")
    model.set_records([f"dòng {n}" for n in range(rows)])
    assert hint.shown() is (rows == 0)
    model.set_records([])
    assert hint.shown() and hint.text() == "Chưa có gì: bấm Thêm."
    assert said  # the text is read again each time it shows

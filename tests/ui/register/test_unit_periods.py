"""A unit's reporting quarters and head-counts in its form (issue 12), as the clerk edits them.

The demo ward is built as it stands on the tests' day (``the_clerks_day`` in tests/conftest.py,
1/12/2026): quarters up to 2/2026 are locked, 3/2026 is being collected, 4/2026 — the open
quarter — is under way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlmodel import select

from desktop.context import AppContext
from desktop.indicators import ops as indicator_ops
from desktop.indicators.rules import Pair
from desktop.indicators.values import ValueChange
from desktop.models import Indicator, Unit, UnitKind
from desktop.models.ids import IndicatorId, UnitId
from desktop.storage import Database
from desktop.ui.main_window import ChangeRelay
from desktop.ui.register.record_dialog import PeriodEdit
from desktop.ui.register.units_page import UnitsPage
from tests.helpers.typing import type_text
from tests.helpers.values import stored_pair_of

pytestmark = pytest.mark.gui


@dataclass
class Clerk:
    """Answers the page's question about updating Mẫu số, and remembers it."""

    answer: bool = True
    questions: list[str] = field(default_factory=list)

    def ask(self, question: str) -> bool:
        self.questions.append(question)
        return self.answer


@pytest.fixture
def clerk() -> Clerk:
    return Clerk()


@pytest.fixture
def page(qtbot, ctx: AppContext, demo_db: Database, clerk: Clerk) -> Iterator[UnitsPage]:  # type: ignore[no-untyped-def]
    widget = UnitsPage(ctx)
    relay = ChangeRelay(widget)  # as the main window does: the door's news on the GUI thread
    relay.changed.connect(widget.on_change)
    stop = ctx.door.listen(relay.changed.emit)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.ask_update = clerk.ask
    yield widget
    stop()


def _unit(ctx: AppContext, code: str) -> Unit:
    with ctx.db.session() as s:
        return s.exec(select(Unit).where(Unit.code == code)).one()


def _period(page: UnitsPage) -> PeriodEdit:
    assert page.dialog is not None
    editor = page.dialog.editors["reports_from"]
    assert isinstance(editor, PeriodEdit)
    return editor


def _choose(editor: PeriodEdit, quarter: int, year: int) -> None:
    editor.quarter.setCurrentIndex(quarter - 1)
    editor.year.setValue(year)


def _pair(ctx: AppContext, code: str, indicator: str, year: int = 2026, quarter: int = 4) -> Pair | None:
    return stored_pair_of(ctx.db, code, indicator, year, quarter)

def test_a_new_unit_reports_from_the_quarter_the_clerk_chooses(
    page: UnitsPage, ctx: AppContext
) -> None:
    """Issue 12, periods of a unit: a new unit reports from the quarter it was added (the first
    open one); the clerk may choose an earlier quarter, but not a locked one."""
    page.actions_["add"].trigger()
    dialog = page.dialog
    assert dialog is not None
    editor = _period(page)
    assert (editor.quarter.currentIndex() + 1, editor.year.value()) == (4, 2026)
    assert (editor.year.minimum(), editor.year.maximum()) == (2025, 2030)
    type_text(dialog.name, "Trường Tiểu học Nguyễn Trãi")  # type: ignore[attr-defined]
    dialog.kind.setCurrentIndex(dialog.kind.findData(UnitKind.SCHOOL_PRIMARY))  # type: ignore[attr-defined]
    _choose(editor, 2, 2026)  # locked: its results would change
    dialog.accept()
    assert dialog.isVisible() and "quý 2/2026 đã chốt số liệu" in dialog.errors.text()
    with ctx.db.session() as s:
        assert s.exec(select(Unit).where(Unit.name == "Trường Tiểu học Nguyễn Trãi")).first() is None
    _choose(editor, 3, 2026)  # being collected: the school did report it
    dialog.accept()
    assert not dialog.isVisible()
    with ctx.db.session() as s:
        added = s.exec(select(Unit).where(Unit.name == "Trường Tiểu học Nguyễn Trãi")).one()
    assert added.reports_from == 20263


def test_a_units_form_shows_its_reporting_quarter_and_keeps_it(
    page: UnitsPage, ctx: AppContext
) -> None:
    """Issue 12: the form shows the quarter an existing unit reports from; saving the form
    unchanged changes nothing, moving it earlier across a locked quarter is refused."""
    assert page.select(_unit(ctx, "VHXH").id)
    page.actions_["edit"].trigger()
    editor = _period(page)
    assert (editor.quarter.currentIndex() + 1, editor.year.value()) == (1, 2025)
    assert page.dialog is not None
    page.dialog.accept()
    assert _unit(ctx, "VHXH").reports_from == 20251
    new = _unit(ctx, "DNGPS")  # added by the demo ward this quarter
    assert page.select(new.id)
    page.actions_["edit"].trigger()
    editor = _period(page)
    assert (editor.quarter.currentIndex() + 1, editor.year.value()) == (4, 2026)
    _choose(editor, 1, 2026)
    page.dialog.accept()
    assert "đã chốt số liệu" in page.dialog.errors.text()
    assert _unit(ctx, "DNGPS").reports_from == 20264
    page.dialog.reject()


def test_a_closed_unit_says_since_when_it_stopped_reporting(
    page: UnitsPage, ctx: AppContext
) -> None:
    """Issue 12: a deactivated unit has the quarter it stopped (the demo's HTXRS: 2/2026)."""
    assert page.select(_unit(ctx, "HTXRS").id)
    page.actions_["edit"].trigger()
    assert page.dialog is not None
    assert page.dialog.note.isVisibleTo(page.dialog)
    assert page.dialog.note.text() == "Ngừng báo cáo từ quý 2/2026"
    page.dialog.reject()
    assert page.select(_unit(ctx, "VHXH").id)
    page.actions_["edit"].trigger()
    assert not page.dialog.note.isVisibleTo(page.dialog)
    page.dialog.reject()


def test_a_new_head_count_offers_to_update_the_open_quarters_denominators(
    page: UnitsPage, ctx: AppContext, clerk: Clerk
) -> None:
    """Issue 12, denominators from the register: "changing a head-count in the register offers to
    update the open quarter's Mẫu số" — of that unit only, in one undoable step, and the clerk is
    told how many cells changed; earlier quarters keep what was reported."""
    tdp01 = _unit(ctx, "TDP01")
    old = tdp01.adult_count
    assert old is not None
    with ctx.db.session() as s:
        danso = IndicatorId(s.exec(select(Indicator.id).where(Indicator.code == "DANSO")).one())
    ctx.door.run(
        indicator_ops.save_cells(
            2026, 4, [ValueChange(UnitId(tdp01.id or 0), danso, Pair(old // 2, old))], "nhập",
            ask_note=False,
        )
    )
    reported = _pair(ctx, "TDP01", "DANSO", 2026, 3)
    # An edit that leaves the head-counts alone asks nothing.
    assert page.select(tdp01.id)
    page.actions_["edit"].trigger()
    assert page.dialog is not None
    page.dialog.phone.setText("0912 345 678")  # type: ignore[attr-defined]
    page.dialog.accept()
    assert clerk.questions == []
    # New adults, and the clerk says "Để sau": nothing changes.
    clerk.answer = False
    page.actions_["edit"].trigger()
    page.dialog.adult_count.setText(str(old + 70))  # type: ignore[attr-defined]
    page.dialog.accept()
    assert len(clerk.questions) == 1
    assert "Cập nhật mẫu số quý 4/2026 của đơn vị theo số mới?" in clerk.questions[0]
    assert _pair(ctx, "TDP01", "DANSO") == Pair(old // 2, old)
    # Again, and "Cập nhật": DANSO keeps its Tử số with the new Mẫu số, VNEID gets it too.
    clerk.answer = True
    page.actions_["edit"].trigger()
    page.dialog.adult_count.setText(str(old + 80))  # type: ignore[attr-defined]
    page.dialog.accept()
    assert len(clerk.questions) == 2
    assert _pair(ctx, "TDP01", "DANSO") == Pair(old // 2, old + 80)
    assert _pair(ctx, "TDP01", "VNEID") == Pair(None, old + 80)
    assert "Đã cập nhật 2 ô mẫu số quý 4/2026" in page.message.text()
    assert _pair(ctx, "TDP01", "DANSO", 2026, 3) == reported  # the past is as reported
    assert _pair(ctx, "TDP02", "DANSO") is None  # other units are left alone
    ctx.door.undo("values")
    assert _pair(ctx, "TDP01", "DANSO") == Pair(old // 2, old)

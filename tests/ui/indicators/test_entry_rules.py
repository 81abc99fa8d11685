"""The quarterly grid under the plan's rules (issue 12), as the clerk meets them.

The demo ward is built as it stands on the tests' day (``the_clerks_day`` in tests/conftest.py,
1/12/2026): quarters up to 2/2026 are locked, 3/2026 is being collected (a few units late),
4/2026 is under way with nothing reported yet.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from desktop.context import AppContext
from desktop.indicators.ops import LockIncomplete
from desktop.indicators.rules import Pair
from desktop.models import Unit, UnitKind
from desktop.models.ids import UnitId
from desktop.register import ops as register_ops
from desktop.register.units import UNITS, UnitData
from desktop.storage import Database
from desktop.ui.indicators.page import IndicatorsPage
from desktop.ui.indicators.values_model import PROPOSED
from tests.helpers.typing import type_text
from tests.helpers.values import stored_pair_of

pytestmark = pytest.mark.gui


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Warnings shown in a dialog (title, text), recorded instead of waiting for a click."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    return shown


@pytest.fixture
def notes() -> list[list[str]]:
    """The warnings the note dialog was asked with, once per question."""
    return []


@pytest.fixture
def page(qtbot, ctx: AppContext, demo_db: Database, dialogs, notes):  # type: ignore[no-untyped-def]
    widget = IndicatorsPage(ctx)
    qtbot.addWidget(widget)
    stop = ctx.door.listen(widget.on_change)  # as the main window relays the door's news
    widget.resize(1366, 700)
    widget.show()

    def answer(warnings: list[str]) -> str:
        notes.append(warnings)
        return "đã kiểm tra"

    widget.entry.model.ask_note = answer
    yield widget
    stop()


def _open(page: IndicatorsPage, year: int, quarter: int) -> None:
    page.entry.year.setValue(year)
    page.entry.quarter.setCurrentIndex(quarter - 1)
    assert page.entry.period == (year, quarter)


def _cell(page: IndicatorsPage, unit: str, indicator: str, denominator: bool = False) -> QModelIndex:
    model = page.entry.model
    assert model.grid is not None
    row = next(r for r, u in enumerate(model.grid.units) if u.code == unit)
    column = next(2 * c for c, i in enumerate(model.grid.indicators) if i.code == indicator)
    return model.index(row, column + int(denominator))


def _stored(
    ctx: AppContext, unit: str, indicator: str, year: int = 2026, quarter: int = 4
) -> Pair | None:
    return stored_pair_of(ctx.db, unit, indicator, year, quarter)

def _type(qtbot, view, index: QModelIndex, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select the cell and type as the clerk does: the first key opens the editor, Enter saves."""
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, text[0])  # an ASCII key: QTest knows no other
    editor = view.focusWidget()
    if editor is not view:
        type_text(editor, text[1:])  # "ó" as a Vietnamese keyboard sends it
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def _unit_id(ctx: AppContext, code: str) -> UnitId:
    with ctx.db.session() as s:
        return UnitId(s.exec(select(Unit.id).where(Unit.code == code)).one())


# -- yes/no indicators ----------------------------------------------------------------------------


def test_a_yes_no_cell_refuses_30_and_takes_co(page: IndicatorsPage, ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Plan II.2 (TRUONGKNS, "1 = có, 0 = chưa"): one tick per school, never a count like 30."""
    _open(page, 2026, 4)
    view, model = page.entry.view, page.entry.model
    cell = _cell(page, "THCSTTN", "TRUONGKNS")
    assert model.headerData(cell.column(), Qt.Orientation.Horizontal) == (
        "Trường dạy kỹ năng số\nCó / chưa"
    )
    _type(qtbot, view, cell, "30")
    assert _stored(ctx, "THCSTTN", "TRUONGKNS") is None
    assert "không hợp lệ" in (model.error_at(cell.row(), cell.column()) or "")
    assert "“Có”" in page.entry.status.text()
    _type(qtbot, view, cell, "có")
    assert _stored(ctx, "THCSTTN", "TRUONGKNS") == Pair(1, 1)
    assert cell.data() == "Có"
    assert model.error_at(cell.row(), cell.column()) is None
    _type(qtbot, view, cell, "0")
    assert _stored(ctx, "THCSTTN", "TRUONGKNS") == Pair(0, 1)
    assert cell.data() == "Chưa"
    # Its Mẫu số is always 1: the cell takes nothing and says why.
    denominator = _cell(page, "THCSTTN", "TRUONGKNS", denominator=True)
    assert not model.flags(denominator) & Qt.ItemFlag.ItemIsEditable
    assert denominator.data() == ""
    assert "không có mẫu số" in denominator.data(Qt.ItemDataRole.ToolTipRole)
    view.setCurrentIndex(denominator)
    qtbot.keyClicks(view, "5")
    assert "không có mẫu số" in page.entry.status.text()
    # Delete clears the tick: no report at all, not "chưa".
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _stored(ctx, "THCSTTN", "TRUONGKNS") == Pair(None, None)
    assert cell.data() == ""


def test_a_yes_no_column_is_pasted_as_ticks(page: IndicatorsPage, ctx: AppContext) -> None:
    """Plan II.2 (TRUONGKNS): a pasted column of Có / Chưa / x / 1 / 0 is one tick per school;
    a pasted 30 refuses the whole block."""
    _open(page, 2026, 4)
    view = page.entry.view
    schools = ["THCSBS", "THCSLL", "THCSTTN"]  # consecutive rows in name order
    rows = [_cell(page, code, "TRUONGKNS").row() for code in schools]
    assert rows == list(range(rows[0], rows[0] + 3))
    view.setCurrentIndex(_cell(page, schools[0], "TRUONGKNS"))
    assert not view.paste_text("x\n30\nchưa\n")
    assert all(_stored(ctx, code, "TRUONGKNS") is None for code in schools)
    view.setCurrentIndex(_cell(page, schools[0], "TRUONGKNS"))
    # Copied with its Mẫu số column ("1" or empty): the tick alone is read.
    assert view.paste_text("x\t1\nChưa\t\n1\t1\n")
    assert [_stored(ctx, code, "TRUONGKNS") for code in schools] == [
        Pair(1, 1),
        Pair(0, 1),
        Pair(1, 1),
    ]


# -- the year's scope -----------------------------------------------------------------------------


def test_hocsinh_of_a_primary_school_is_closed_in_2025_and_open_in_2026(
    page: IndicatorsPage,
) -> None:
    """Plan II.2.1: "100% học sinh các trường trung học" (2025), "từ cấp tiểu học" (2026)."""
    model = page.entry.model
    _open(page, 2025, 4)
    primary, secondary = _cell(page, "THLL", "HOCSINH"), _cell(page, "THCSLL", "HOCSINH")
    assert not model.reports(primary.row(), primary.column())
    assert model.reports(secondary.row(), secondary.column())
    why = primary.data(Qt.ItemDataRole.ToolTipRole)
    assert "Trường tiểu học không báo cáo chỉ tiêu “Học sinh có kỹ năng số” năm 2025" in why
    assert "Trường trung học cơ sở" in why  # whom the year's target covers
    assert primary.data(Qt.ItemDataRole.BackgroundRole) is not None  # greyed
    _open(page, 2026, 4)
    primary = _cell(page, "THLL", "HOCSINH")
    assert model.reports(primary.row(), primary.column())
    assert model.flags(primary) & Qt.ItemFlag.ItemIsEditable
    assert "không báo cáo" not in (primary.data(Qt.ItemDataRole.ToolTipRole) or "")


def test_typing_into_a_closed_cell_says_why(page: IndicatorsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Plan II.2: a unit kind outside an indicator's scope has nothing to report for it."""
    _open(page, 2026, 4)
    view = page.entry.view
    view.setFocus()
    view.setCurrentIndex(_cell(page, "TDP01", "CBCC"))
    qtbot.keyClicks(view, "7")
    assert (
        "Tổ dân phố không báo cáo chỉ tiêu “CB, CC, VC, NLĐ có kỹ năng số” năm 2026"
        in page.entry.status.text()
    )


# -- Mẫu số from the register ---------------------------------------------------------------------


def test_a_new_school_gets_the_registers_denominator_when_its_numerator_is_typed(
    page: IndicatorsPage, ctx: AppContext, qtbot, notes: list[list[str]]
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12, "denominators from the register": a new school with 42 staff and 856 pupils gets
    them as Mẫu số — proposed in grey, saved with the Tử số the clerk types."""
    _open(page, 2026, 4)
    rows = page.entry.model.rowCount()
    ctx.door.run(
        register_ops.add(
            UNITS,
            UnitData(
                code="THCSNEW",
                name="Trường THCS Ngô Quyền",
                kind=UnitKind.SCHOOL_LOWER_SECONDARY,
                staff_count=42,
                student_count=856,
            ),
        )
    )
    assert page.entry.model.rowCount() == rows + 1  # it reports from today's quarter
    students = _cell(page, "THCSNEW", "HOCSINH", denominator=True)
    assert students.data() == "856"
    assert students.data(Qt.ItemDataRole.ForegroundRole) == PROPOSED
    font = students.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert "Mẫu số đề xuất theo sổ đơn vị (856) — được lưu khi nhập tử số" in students.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert _stored(ctx, "THCSNEW", "HOCSINH") is None  # proposed, not saved
    _type(qtbot, page.entry.view, _cell(page, "THCSNEW", "HOCSINH"), "800")
    assert _stored(ctx, "THCSNEW", "HOCSINH") == Pair(800, 856)
    assert students.data() == "856  (93,5%)"
    assert students.data(Qt.ItemDataRole.ForegroundRole) is None  # saved: no longer grey
    _type(qtbot, page.entry.view, _cell(page, "THCSNEW", "CBCC"), "40")
    assert _stored(ctx, "THCSNEW", "CBCC") == Pair(40, 42)
    assert notes == []  # the register's own numbers need no note


def test_without_a_head_count_the_previous_quarters_denominator_is_proposed(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: Mẫu số come from the register, "and from the previous quarter where the register
    has none"."""
    tdp04 = _unit_id(ctx, "TDP04")
    before = ctx.door.read(lambda s: UnitData.of(s.get(Unit, tdp04)))
    ctx.door.run(register_ops.edit(UNITS, tdp04, replace(before, adult_count=None)))
    last = _stored(ctx, "TDP04", "DANSO", 2026, 3)
    assert last is not None and last.denominator
    _open(page, 2026, 4)
    cell = _cell(page, "TDP04", "DANSO", denominator=True)
    assert cell.data() == f"{last.denominator}"
    assert (
        f"Mẫu số đề xuất theo quý trước ({last.denominator})"
        in cell.data(Qt.ItemDataRole.ToolTipRole)
    )
    page.entry.view.setCurrentIndex(_cell(page, "TDP04", "DANSO"))
    assert page.entry.view.paste_text(f"{last.denominator - 10}\n")  # a numerator alone
    assert _stored(ctx, "TDP04", "DANSO") == Pair(last.denominator - 10, last.denominator)


def test_fill_denominators_then_undo(page: IndicatorsPage, ctx: AppContext) -> None:
    """Issue 12: "Điền mẫu số" writes the register's head-counts into the empty Mẫu số of the
    quarter, one undoable step; a yes/no indicator has none to fill."""
    _open(page, 2026, 4)
    entry = page.entry
    entry.fill_button.click()
    assert "Đã điền" in entry.status.text()
    assert _stored(ctx, "THPTKA", "HOCSINH") == Pair(None, 1560)
    assert _stored(ctx, "THPTKA", "CBCC") == Pair(None, 78)
    assert _stored(ctx, "THPTKA", "TRUONGKNS") is None
    cell = _cell(page, "THPTKA", "HOCSINH", denominator=True)
    assert cell.data() == "1.560"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is None  # stored now, not a proposal
    entry.fill_button.click()
    assert "Không có mẫu số nào để điền" in entry.status.text()
    entry.view.undo_action.trigger()
    assert _stored(ctx, "THPTKA", "HOCSINH") == Pair(None, None)


def test_a_denominator_far_from_the_register_or_from_the_same_people_asks_a_note(
    page: IndicatorsPage, ctx: AppContext, notes: list[list[str]]
) -> None:
    """Issue 12: a Mẫu số more than the tolerance (10 %) off the register, or unlike another
    indicator's measured on the same adults (DANSO and VNEID), asks for a note, as a big change
    does; the note stays on the cell."""
    _open(page, 2026, 4)
    asked = notes
    view = page.entry.view
    adults = page.entry.model.unit_at(_cell(page, "TDP05", "DANSO").row()).counts.adult_count
    assert adults is not None

    def as_last_quarter(code: str, denominator: int) -> int:
        """A Tử số keeping last quarter's share: no big change to warn about."""
        last = _stored(ctx, "TDP05", code, 2026, 3)
        assert last is not None and last.numerator is not None and last.denominator
        return round(last.numerator * denominator / last.denominator)

    half = adults // 2
    view.setCurrentIndex(_cell(page, "TDP05", "DANSO"))
    assert view.paste_text(f"{as_last_quarter('DANSO', half)}\t{half}\n")
    assert len(asked) == 1 and "trong sổ đơn vị" in asked[0][0]
    danso = _cell(page, "TDP05", "DANSO", denominator=True)
    assert "Ghi chú: đã kiểm tra" in danso.data(Qt.ItemDataRole.ToolTipRole)
    # VNEID on the register's adults: right by the register, unlike DANSO's Mẫu số.
    view.setCurrentIndex(_cell(page, "TDP05", "VNEID"))
    assert view.paste_text(f"{as_last_quarter('VNEID', adults)}\t{adults}\n")
    assert len(asked) == 2 and "khác mẫu số của DANSO" in asked[1][0]
    assert _stored(ctx, "TDP05", "VNEID") == Pair(as_last_quarter("VNEID", adults), adults)


# -- locking --------------------------------------------------------------------------------------


def test_an_incomplete_quarter_is_locked_only_when_the_clerk_says_so(
    page: IndicatorsPage, ctx: AppContext
) -> None:
    """Issue 12, guards: "a lock warns when coverage is incomplete" — 3/2026 still misses four
    units; the clerk is told which indicators miss whom and decides."""
    _open(page, 2026, 3)
    entry = page.entry
    asked: list[LockIncomplete] = []
    entry.ask_incomplete = lambda incomplete: asked.append(incomplete) or False  # type: ignore[func-returns-value]
    assert not entry.lock()
    assert len(asked) == 1
    assert any("đơn vị đã báo cáo" in p for p in asked[0].problems)
    assert "Chưa chốt" in entry.status.text()
    assert not entry.model.locked and not entry.banner.isVisible()
    entry.ask_incomplete = lambda incomplete: asked.append(incomplete) or True  # type: ignore[func-returns-value]
    assert entry.lock()
    assert len(asked) == 2
    assert entry.model.locked and "đã chốt" in entry.banner.text()
    assert entry.lock_button.text() == "Mở c&hốt…"


def test_a_quarter_not_begun_cannot_be_locked(
    page: IndicatorsPage, dialogs: list[tuple[str, str]]
) -> None:
    """Issue 12, guards: "a quarter that has not started cannot be locked" (1/2027 on 1/12/2026)."""
    _open(page, 2027, 1)
    entry = page.entry
    entry.ask_incomplete = lambda incomplete: pytest.fail("not begun: nothing to ask")  # type: ignore[assignment]
    assert not entry.lock()
    assert dialogs and "chưa bắt đầu" in dialogs[-1][1]
    assert not entry.model.locked


def test_the_years_offered_are_the_plans(page: IndicatorsPage) -> None:
    """Issue 12, guards: years outside the plan's 2025–2030 are not offered."""
    year = page.entry.year
    assert (year.minimum(), year.maximum()) == (2025, 2030)

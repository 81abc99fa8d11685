"""Issue 15, in the window: a blank cell of a returned form erases a saved value only when the
clerk ticks "Xóa các ô để trống" in the import preview; an untouched form changes nothing."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QWidget
from sqlmodel import select

from desktop.context import AppContext
from desktop.excel.values_forms import FIRST_ROW, NUMERATOR_COL, SHEET, write_forms
from desktop.excel.values_import import FileResult, read_returned
from desktop.indicators.ops import save_cells
from desktop.indicators.rules import Pair
from desktop.indicators.values import ValueChange
from desktop.models import Indicator, QuarterValue, Unit
from desktop.models.ids import IndicatorId, UnitId
from desktop.storage import Database
from desktop.ui.indicators.values_excel import ImportPreview, ValuesExcelActions

YEAR, QUARTER = 2026, 4


def _ids(db: Database) -> tuple[UnitId, IndicatorId]:
    with db.session() as s:
        unit = s.exec(select(Unit.id).where(Unit.code == "TDP01")).one()
        indicator = s.exec(select(Indicator.id).where(Indicator.code == "DANSO")).one()
    return UnitId(unit or 0), IndicatorId(indicator or 0)


def _stored(db: Database) -> Pair:
    unit, indicator = _ids(db)
    with db.session() as s:
        row = s.exec(
            select(QuarterValue).where(
                QuarterValue.unit_id == unit,
                QuarterValue.indicator_id == indicator,
                QuarterValue.year == YEAR,
                QuarterValue.quarter == QUARTER,
            )
        ).one()
    return Pair(row.numerator, row.denominator)


def _emptied_form(ctx: AppContext, tmp_path: Path) -> Path:
    """TDP01 has 300/400 (DANSO) and 200/400 (VNEID) saved; its form comes back with the DANSO
    Tử số erased."""
    unit, indicator = _ids(ctx.db)
    with ctx.db.session() as s:
        vneid = IndicatorId(
            s.exec(select(Indicator.id).where(Indicator.code == "VNEID")).one() or 0
        )
    saved = [ValueChange(unit, indicator, Pair(300, 400)), ValueChange(unit, vneid, Pair(200, 400))]
    ctx.door.run(save_cells(YEAR, QUARTER, saved, "nhập tay", ask_note=False))
    with ctx.db.session() as s:
        (path,) = write_forms(s, YEAR, QUARTER, tmp_path, [unit])
    workbook = load_workbook(path)
    workbook[SHEET].cell(row=FIRST_ROW, column=NUMERATOR_COL).value = None
    workbook.save(path)
    return path


def test_blank_cells_are_cleared_only_when_the_clerk_ticks_the_box(
    demo_db: Database, ctx: AppContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _emptied_form(ctx, tmp_path)
    with ctx.db.session() as s:
        results = read_returned(s, [path], YEAR, QUARTER)
    dialog = ImportPreview(results)
    qtbot.addWidget(dialog)
    assert not dialog.clear_blank.isHidden() and not dialog.clear_blank.isChecked()
    assert "giữ nguyên 1 ô để trống" in dialog.report.toPlainText()
    assert [r.changes for r in dialog.chosen()] == [[]]  # nothing to save as it stands
    dialog.clear_blank.setChecked(True)
    assert "xóa 1 ô để trống theo lựa chọn" in dialog.report.toPlainText()
    (chosen,) = dialog.chosen()
    assert [c.pair for c in chosen.changes] == [Pair(None, 400)]


def test_untouched_form_in_the_window_changes_nothing(
    demo_db: Database, ctx: AppContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _emptied_form(ctx, tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = ValuesExcelActions(ctx, parent, lambda: (YEAR, QUARTER))
    shown: list[list[FileResult]] = []

    def keep_blanks(results: list[FileResult]) -> list[FileResult]:
        shown.append(results)
        return results

    actions.import_files([path], confirm=keep_blanks)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert _stored(ctx.db) == Pair(300, 400)
    assert "Không có gì thay đổi" in actions.message.text()

    def clear_blanks(results: list[FileResult]) -> list[FileResult]:
        dialog = ImportPreview(results, parent)
        dialog.clear_blank.setChecked(True)
        return dialog.chosen()

    actions.import_files([path], confirm=clear_blanks)
    qtbot.waitUntil(lambda: "Đã nhập 1 ô" in actions.message.text(), timeout=10_000)
    assert _stored(ctx.db) == Pair(None, 400)

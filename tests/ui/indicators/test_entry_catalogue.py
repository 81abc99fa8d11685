"""The catalogue of indicators and the yearly targets (issue 12), as the clerk edits them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.context import AppContext
from desktop.indicators.targets import TargetRow, list_targets
from desktop.models import Comparison, UnitKind, ValueKind
from desktop.storage import Database
from desktop.ui.indicators.catalogue import IndicatorCatalogue
from desktop.ui.indicators.indicator_dialog import IndicatorDialog, TargetDialog
from desktop.ui.indicators.page import IndicatorsPage
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ctx: AppContext, demo_db: Database):  # type: ignore[no-untyped-def]
    widget = IndicatorsPage(ctx)
    qtbot.addWidget(widget)
    stop = ctx.door.listen(widget.on_change)
    widget.resize(1366, 700)
    widget.show()
    widget.tabs.setCurrentWidget(widget.catalogue)
    yield widget
    stop()


def _choose(catalogue: IndicatorCatalogue, code: str) -> int:
    for row in range(catalogue.model.rowCount()):
        if catalogue.model.record(row).indicator.code == code:
            catalogue.table.selectRow(row)
            return row
    raise AssertionError(code)


def _column(catalogue: IndicatorCatalogue, header: str) -> int:
    model = catalogue.model
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == header
    )


def _target(ctx: AppContext, code: str, year: int) -> TargetRow:
    return next(r for r in ctx.door.read(list_targets) if r.code == code and r.year == year)


def _targets_shown(catalogue: IndicatorCatalogue) -> dict[int, list[str]]:
    model = catalogue.target_model
    return {
        model.record(r).year: [
            model.index(r, c).data() for c in range(model.columnCount())
        ]
        for r in range(model.rowCount())
    }


def test_targets_are_shown_per_year_as_the_plan_words_them(page: IndicatorsPage) -> None:
    """Plan II.2: "Trên 80%" is strictly more, "100%" all of them, and HOCSINH 2025 covers the
    secondary schools only; 2027–2030 repeat 2026 as "duy trì" targets, marked as such."""
    catalogue = page.catalogue
    row = _choose(catalogue, "CBCC")
    cell = catalogue.model.index(row, _column(catalogue, "Năm 2025")).data()
    assert cell == "trên 80%"
    assert catalogue.model.index(row, _column(catalogue, "Năm 2026")).data() == "100%"
    assert catalogue.model.index(row, _column(catalogue, "Năm 2027")).data() == "100%\n(duy trì)"
    _choose(catalogue, "HOCSINH")
    assert "HOCSINH" in catalogue.target_title.text()
    shown = _targets_shown(catalogue)
    assert set(shown) == set(range(2025, 2031))
    year, share, comparison, kinds, note, _text = shown[2025]
    assert (share, comparison, note) == ("100%", Comparison.EQUAL.label, "")
    assert kinds == "Trường trung học cơ sở, Trường trung học phổ thông"
    assert "Trường tiểu học" in shown[2026][3]
    assert shown[2026][4] == ""
    assert shown[2027][4] == "Duy trì từ 2026"


def test_setting_a_carried_over_target_saves_its_comparison_and_kinds_and_clears_the_mark(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12, targets after 2026: a "duy trì" target is "editable per year"; once the ward sets
    it, it is the ward's own (no longer marked), with the comparison and the year's unit kinds
    chosen — a subset of the indicator's."""
    catalogue = page.catalogue
    row = catalogue.model.record(_choose(catalogue, "HOCSINH"))
    dialog = TargetDialog(ctx, row, catalogue, year=2027)
    qtbot.addWidget(dialog)
    assert (dialog.year.minimum(), dialog.year.maximum()) == (2025, 2030)
    assert dialog.year.value() == 2027
    assert "duy trì từ 2026" in dialog.state.text()
    assert dialog.comparison.currentData() == Comparison.EQUAL
    # Only the indicator's own kinds can be chosen, and they start as 2027's.
    assert set(dialog.kinds) == {
        UnitKind.SCHOOL_PRIMARY,
        UnitKind.SCHOOL_LOWER_SECONDARY,
        UnitKind.SCHOOL_UPPER_SECONDARY,
    }
    assert all(box.isChecked() for box in dialog.kinds.values())
    for box in dialog.kinds.values():
        box.setChecked(False)
    dialog.save()
    assert "ít nhất một loại đơn vị" in dialog.error.text()
    assert _target(ctx, "HOCSINH", 2027).carried_over  # nothing saved
    dialog.kinds[UnitKind.SCHOOL_LOWER_SECONDARY].setChecked(True)
    dialog.kinds[UnitKind.SCHOOL_UPPER_SECONDARY].setChecked(True)
    dialog.percent.setValue(95)
    dialog.comparison.setCurrentIndex(dialog.comparison.findData(Comparison.AT_LEAST))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    target = _target(ctx, "HOCSINH", 2027)
    assert (target.percent, target.comparison, target.carried_over) == (
        95,
        Comparison.AT_LEAST,
        False,
    )
    assert target.kinds == (UnitKind.SCHOOL_LOWER_SECONDARY, UnitKind.SCHOOL_UPPER_SECONDARY)
    # The door's announcement reloaded the tab: the mark is gone, the new scope is shown.
    row_number = _choose(catalogue, "HOCSINH")
    assert (
        catalogue.model.index(row_number, _column(catalogue, "Năm 2027")).data()
        == "từ 95% trở lên"
    )
    year, share, comparison, kinds, note, _text = _targets_shown(catalogue)[2027]
    assert (share, comparison, note) == ("95%", Comparison.AT_LEAST.label, "")
    assert kinds == "Trường trung học cơ sở, Trường trung học phổ thông"
    assert _targets_shown(catalogue)[2028][4] == "Duy trì từ 2026"  # the other years keep theirs


def test_a_year_without_a_target_starts_from_the_year_before(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: nothing is invented silently — a year without a target says so, and its form
    starts from the year before's target for the clerk to confirm."""
    catalogue = page.catalogue
    row = catalogue.model.record(_choose(catalogue, "TRUONGKNS"))
    dialog = TargetDialog(ctx, row, catalogue, year=2025)
    qtbot.addWidget(dialog)
    assert "chưa có chỉ tiêu" in dialog.state.text()
    dialog.year.setValue(2026)
    assert dialog.percent.value() == 80
    assert dialog.comparison.currentData() == Comparison.AT_LEAST
    assert "đã có chỉ tiêu" in dialog.state.text()


def test_a_new_indicator_can_be_yes_no(page: IndicatorsPage, ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 12, kinds of indicator: a yes/no indicator is one tick per unit, and the grid knows
    it."""
    dialog = IndicatorDialog(ctx, None, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "TTSO")
    type_text(dialog.name, "Trường có tủ sách số")
    dialog.value_kind.setCurrentIndex(dialog.value_kind.findData(ValueKind.YES_NO))
    dialog.population.setCurrentIndex(dialog.population.findData("schools"))
    type_text(dialog.numerator, "Trường có tủ sách số (1 = có, 0 = chưa)")
    type_text(dialog.denominator, "Trường")
    dialog.kinds[UnitKind.SCHOOL_PRIMARY].setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    catalogue = page.catalogue
    row = _choose(catalogue, "TTSO")
    assert catalogue.model.index(row, _column(catalogue, "Loại")).data() == "Có / chưa"
    edit = IndicatorDialog(ctx, catalogue.model.record(row).indicator, page)
    qtbot.addWidget(edit)
    assert edit.value_kind.currentData() == ValueKind.YES_NO
    page.tabs.setCurrentWidget(page.entry)
    page.entry.open_quarter()
    grid = page.entry.model.grid
    assert grid is not None
    assert next(i for i in grid.indicators if i.code == "TTSO").yes_no

"""Dialogs of the catalogue: an indicator (code, name, short name for the printed tables' column
headings, how it is reported, population, labels, reporting kinds) and a yearly target (percent, comparison, the year's unit kinds, the plan's
sentence). Both save through the door; the page hears of it in its ``on_change``."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.indicators import ops
from desktop.indicators.scope import plan_years
from desktop.indicators.targets import (
    POPULATION_LABELS,
    SHORT_NAME_LENGTH,
    IndicatorInput,
    IndicatorRow,
    list_targets,
)
from desktop.models import Comparison, Indicator, UnitKind, ValueKind
from desktop.models.ids import IndicatorId, saved_id
from desktop.ui.texts import indicators as t
from desktop.ui.widgets.buttons import save_cancel

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


class IndicatorDialog(QDialog):
    def __init__(
        self, ctx: AppContext, indicator: Indicator | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.indicator_id = IndicatorId(saved_id(indicator.id)) if indicator else None
        self.setWindowTitle(t.INDICATOR_DIALOG)
        self.code = QLineEdit(indicator.code if indicator else "")
        self.name = QLineEdit(indicator.name if indicator else "")
        self.short_name = QLineEdit(indicator.short_name if indicator else "")
        self.short_name.setObjectName("short_name")
        self.short_name.setMaxLength(SHORT_NAME_LENGTH)
        self.short_name.setPlaceholderText(t.SHORT_NAME_HINT)
        self.value_kind = QComboBox()
        self.value_kind.setObjectName("value_kind")
        for value_kind in ValueKind:
            self.value_kind.addItem(value_kind.label, value_kind)
        if indicator:
            self.value_kind.setCurrentIndex(
                max(0, self.value_kind.findData(ValueKind(indicator.value_kind)))
            )
        self.population = QComboBox()
        for key, label in POPULATION_LABELS.items():
            self.population.addItem(label, key)
        if indicator:
            self.population.setCurrentIndex(max(0, self.population.findData(indicator.population)))
        self.numerator = QLineEdit(indicator.numerator_label if indicator else "")
        self.denominator = QLineEdit(indicator.denominator_label if indicator else "")
        chosen = set(indicator.unit_kind_list) if indicator else set()
        self.kinds: dict[UnitKind, QCheckBox] = {}
        kinds_box = QWidget()
        grid = QGridLayout(kinds_box)
        for n, kind in enumerate(UnitKind):
            box = QCheckBox(kind.label)
            box.setChecked(kind.value in chosen)
            self.kinds[kind] = box
            grid.addWidget(box, n // 2, n % 2)
        self.active = QCheckBox(t.FIELD_ACTIVE)
        self.active.setChecked(indicator.active if indicator else True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color:#b00020")
        form = QFormLayout()
        form.addRow(t.FIELD_CODE, self.code)
        form.addRow(t.FIELD_NAME, self.name)
        form.addRow(t.FIELD_SHORT_NAME, self.short_name)
        form.addRow(t.FIELD_VALUE_KIND, self.value_kind)
        form.addRow(t.FIELD_POPULATION, self.population)
        form.addRow(t.FIELD_NUMERATOR, self.numerator)
        form.addRow(t.FIELD_DENOMINATOR, self.denominator)
        form.addRow(t.FIELD_KINDS, kinds_box)
        form.addRow("", self.active)
        buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def data(self) -> IndicatorInput:
        return IndicatorInput(
            code=self.code.text(),
            name=self.name.text(),
            population=str(self.population.currentData()),
            numerator_label=self.numerator.text(),
            denominator_label=self.denominator.text(),
            unit_kinds=[k for k, box in self.kinds.items() if box.isChecked()],
            active=self.active.isChecked(),
            id=self.indicator_id,
            value_kind=ValueKind(self.value_kind.currentData()),
            short_name=self.short_name.text(),
        )

    def save(self) -> None:
        try:
            self.ctx.door.run(ops.save_indicator(self.data()))
        except Refusal as error:
            self.error.setText(error.text())
            return
        self.accept()


class TargetDialog(QDialog):
    """Đặt chỉ tiêu năm: a year of the plan, its percent, how it is compared, which of the
    indicator's unit kinds report it that year, and the plan's sentence. Saving a "duy trì"
    target makes it the ward's own for that year."""

    def __init__(
        self,
        ctx: AppContext,
        row: IndicatorRow,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(f"{t.TARGET_DIALOG} — {row.indicator.code}")
        indicator_id = row.id
        self.years, targets = ctx.door.read(
            lambda s: (plan_years(s), list_targets(s, indicator_id))
        )
        self.targets = {r.year: r for r in targets}
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(self.years.start, self.years.stop - 1)
        missing = [y for y in self.years if y not in self.targets]
        if year is None or year not in self.years:
            year = missing[0] if missing else self.years.stop - 1
        self.percent = QDoubleSpinBox()
        self.percent.setObjectName("percent")
        self.percent.setRange(0, 100)
        self.percent.setDecimals(1)
        self.percent.setSuffix("%")
        self.percent.setLocale(VIETNAMESE)  # "80,5%", as the one voice writes a percent
        self.comparison = QComboBox()
        self.comparison.setObjectName("comparison")
        for comparison in Comparison:
            self.comparison.addItem(comparison.label, comparison)
        own = [k for k in UnitKind if k.value in row.indicator.unit_kind_list]
        self.kinds: dict[UnitKind, QCheckBox] = {}
        kinds_box = QWidget()
        kinds_box.setToolTip(t.YEAR_KINDS_TIP)
        grid = QGridLayout(kinds_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, kind in enumerate(own):
            box = QCheckBox(kind.label)
            self.kinds[kind] = box
            grid.addWidget(box, n // 2, n % 2)
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setFixedHeight(90)
        self.state = QLabel()
        self.state.setObjectName("state")
        self.state.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b00020")
        form = QFormLayout()
        form.addRow(t.FIELD_YEAR, self.year)
        form.addRow(t.FIELD_TARGET, self.percent)
        form.addRow(t.FIELD_COMPARISON, self.comparison)
        form.addRow(t.FIELD_YEAR_KINDS, kinds_box)
        form.addRow(t.FIELD_TARGET_TEXT, self.text)
        buttons = save_cancel(self, self.save)
        title = QLabel(row.indicator.name)
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.year.setValue(year)
        self.year.valueChanged.connect(self._show_year)
        self._show_year(year)

    def _show_year(self, year: int) -> None:
        """The year's target as stored; a year without one starts from the year before's, the
        usual way a plan continues."""
        target = self.targets.get(year)
        start = target or self.targets.get(year - 1)
        self.percent.setValue(start.percent if start else 100.0)
        comparison = start.comparison if start else Comparison.AT_LEAST
        self.comparison.setCurrentIndex(max(0, self.comparison.findData(comparison)))
        kinds = set(start.kinds) if start else set(self.kinds)
        for kind, box in self.kinds.items():
            box.setChecked(kind in kinds)
        self.text.setPlainText(target.text if target else "")
        if target is None:
            self.state.setText(t.TARGET_STATE_NEW.format(year=year))
        elif target.carried_over:
            source = target.carried_from
            self.state.setText(
                t.TARGET_STATE_CARRIED.format(year=year, source=source or t.TARGET_PLAN_LAST)
            )
        else:
            self.state.setText(t.TARGET_STATE_PLAN.format(year=year))
        self.error.clear()

    def chosen_kinds(self) -> list[UnitKind]:
        return [kind for kind, box in self.kinds.items() if box.isChecked()]

    def save(self) -> None:
        operation = ops.set_target(
            self.row.id,
            self.year.value(),
            self.percent.value(),
            self.text.toPlainText(),
            comparison=Comparison(self.comparison.currentData()),
            unit_kinds=self.chosen_kinds(),
        )
        try:
            self.ctx.door.run(operation)
        except Refusal as error:
            self.error.setText(error.text())
            return
        self.accept()

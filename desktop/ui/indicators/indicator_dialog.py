"""Dialogs of the catalogue: an indicator (code, name, population, labels, reporting kinds) and a
yearly target. Both save through the door; the page hears of it in its ``on_change``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from desktop.indicators.targets import (
    PLAN_FIRST_YEAR,
    PLAN_LAST_YEAR,
    POPULATION_LABELS,
    IndicatorInput,
    IndicatorRow,
    get_target,
)
from desktop.models import Indicator, UnitKind
from desktop.models.ids import IndicatorId, saved_id
from desktop.ui.indicators.values_dialogs import name_buttons
from desktop.ui.texts import indicators as t


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
        form.addRow(t.FIELD_POPULATION, self.population)
        form.addRow(t.FIELD_NUMERATOR, self.numerator)
        form.addRow(t.FIELD_DENOMINATOR, self.denominator)
        form.addRow(t.FIELD_KINDS, kinds_box)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
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
        )

    def save(self) -> None:
        try:
            self.ctx.door.run(ops.save_indicator(self.data()))
        except Refusal as error:
            self.error.setText(error.text())
            return
        self.accept()


class TargetDialog(QDialog):
    def __init__(self, ctx: AppContext, row: IndicatorRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(f"{t.TARGET_DIALOG} — {row.indicator.code}")
        self.year = QSpinBox()
        self.year.setRange(PLAN_FIRST_YEAR, PLAN_LAST_YEAR)
        later = [y for y in range(PLAN_FIRST_YEAR, PLAN_LAST_YEAR + 1) if y not in row.targets]
        self.year.setValue(later[0] if later else PLAN_LAST_YEAR)
        self.percent = QDoubleSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setDecimals(1)
        self.percent.setSuffix("%")
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(80)
        self.year.valueChanged.connect(self._show_year)
        self._show_year(self.year.value())
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        form = QFormLayout()
        form.addRow(t.FIELD_YEAR, self.year)
        form.addRow(t.FIELD_TARGET, self.percent)
        form.addRow(t.FIELD_TARGET_TEXT, self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(row.indicator.name))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _show_year(self, year: int) -> None:
        indicator_id = self.row.id
        target = self.ctx.door.read(lambda s: get_target(s, indicator_id, year))
        # A new year starts from the year before's target, the usual way a plan continues.
        percent, text = target if target else (self.row.targets.get(year - 1, 100.0), "")
        self.percent.setValue(percent)
        self.text.setPlainText(text)

    def save(self) -> None:
        operation = ops.set_target(
            self.row.id, self.year.value(), self.percent.value(), self.text.toPlainText()
        )
        try:
            self.ctx.door.run(operation)
        except Refusal as error:
            self.error.setText(error.text())
            return
        self.accept()

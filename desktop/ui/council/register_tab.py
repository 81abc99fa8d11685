"""Sổ theo dõi khen thưởng: every award of the movement by year, from the decisions on record and
the earlier awards entered by hand, with its Excel export (the printed register is a document of
the Văn bản page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.decisions.register import AwardRegister, AwardRow, RegisterFilter, register_read
from desktop.models.periods import today
from desktop.text import wording
from desktop.ui.council.council_tab import button_row, table
from desktop.ui.errors import show_error
from desktop.ui.texts import council as t
from desktop.ui.texts import help as th
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.file_dialogs import Purpose, save_file
from desktop.ui.widgets.table_model import Column, RecordTableModel

R = t.REGISTER_COLUMNS
COLUMNS: list[Column[AwardRow]] = [
    Column(R["year"], lambda r: r.year),
    Column(R["award"], lambda r: r.award),
    Column(R["nominee"], lambda r: r.nominee),
    Column(R["unit"], lambda r: r.unit),
    Column(R["decision"], lambda r: r.decision_text),
    Column(R["bonus"], lambda r: r.bonus_text, align_right=True),
    Column(R["certificate"], lambda r: r.certificate),
]


class RegisterTab(QWidget):
    """The register of a year (0: the whole movement)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = QSpinBox()
        self.year.setObjectName("register_year")
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(t.REGISTER_ALL_YEARS)
        self.year.setValue(today().year - 1)
        self.year.valueChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("register_summary")
        self.model: RecordTableModel[AwardRow] = RecordTableModel(COLUMNS, self)
        self.view = table("award_register", self.model)
        self.empty_hint = EmptyHint(self.view, th.HINT_AWARD_REGISTER)
        top = QHBoxLayout()
        top.addWidget(QLabel(t.REGISTER_YEAR))
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(button_row(self, (t.REGISTER_EXCEL, "register_excel", self.export_excel)))
        self.register: AwardRegister | None = None
        self.refresh()

    def _filter(self) -> RegisterFilter:
        return RegisterFilter(year=self.year.value() or None)

    def refresh(self) -> None:
        self.register = self.ctx.door.read(register_read(self._filter()))
        self.model.set_records(self.register.rows)
        self.view.resizeColumnsToContents()
        self.summary.setText(
            t.REGISTER_SUMMARY.format(
                who=wording.nominees(self.register.collectives, self.register.individuals)
                or t.REGISTER_NOBODY,
                bonus=wording.money(self.register.bonus),
            )
        )

    def export_excel(self) -> Path | None:
        from desktop.excel.awards_register import export_award_register

        name = save_file(
            self, self.ctx, Purpose.EXCEL_EXPORT, t.REGISTER_EXCEL, "so-theo-doi-khen-thuong.xlsx",
            "Excel (*.xlsx)",
        )  # fmt: skip
        if not name or self.register is None:
            return None
        try:
            export_award_register(self.register, Path(name))
        except Exception as error:
            show_error(self, error)
            return None
        return Path(name)

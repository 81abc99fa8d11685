"""Hồ sơ khen thưởng, one dossier: what is proposed, the achievement report, the two checklists,
files, the nominee's results and earlier awards, the history, and the workflow buttons."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.detail import ComponentLine, CriterionLine, DossierDetail, load_detail
from desktop.awards.dossiers import (
    EDITABLE_STATUSES,
    achievement_sections,
    is_overdue,
    save_achievement,
    save_details,
    set_component,
    set_criterion,
)
from desktop.awards.errors import DossierError
from desktop.awards.history import HistoryLine, add_prior_award, nominee_history
from desktop.awards.nominees import record_discipline
from desktop.awards.results import ResultLine, dossier_results
from desktop.awards.workflow import ACTION_LABELS, allowed_next
from desktop.context import AppContext
from desktop.models import DossierEvent, DossierStatus, Unit
from desktop.register.units import list_units
from desktop.ui.awards.attachments import AttachmentsTab
from desktop.ui.awards.dossier_models import ComponentsModel, CriteriaModel
from desktop.ui.awards.dossier_widgets import table_view
from desktop.ui.awards.history_dialog import PRIOR_COLUMNS
from desktop.ui.awards.step_dialog import StepDialog
from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.table_model import Column, RecordTableModel

MAX_COLUMN_WIDTH = 480


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _verdict(line: ResultLine) -> str:
    if line.percent is None:
        return t.NO_DATA
    if line.target is None:
        return t.NO_TARGET
    return t.REACHED if line.met else t.NOT_REACHED


RESULT_COLUMNS = [
    Column[ResultLine](t.RESULT_COLUMNS[0], lambda r: r.year, align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[1], lambda r: r.indicator_code),
    Column[ResultLine](t.RESULT_COLUMNS[2], lambda r: r.indicator_name),
    Column[ResultLine](t.RESULT_COLUMNS[3], lambda r: r.quarter or "", align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[4], lambda r: r.numerator, align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[5], lambda r: r.denominator, align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[6], lambda r: _percent(r.percent), align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[7], lambda r: _percent(r.target), align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[8], _verdict),
]
EVENT_COLUMNS = [
    Column[DossierEvent](t.EVENT_COLUMNS[0], lambda e: f"{e.at:%d/%m/%Y %H:%M}"),
    Column[DossierEvent](
        t.EVENT_COLUMNS[1], lambda e: e.from_status.label if e.from_status else ""
    ),
    Column[DossierEvent](t.EVENT_COLUMNS[2], lambda e: e.to_status.label),
    Column[DossierEvent](t.EVENT_COLUMNS[3], lambda e: e.note),
]


class DossierEditor(QDialog):
    """Opened from the dossier list; every change goes through the domain and is saved at once,
    except the texts (achievement report, proposer, note), saved with Lưu."""

    changed = Signal()

    def __init__(self, ctx: AppContext, dossier_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id = ctx, dossier_id
        self.detail: DossierDetail | None = None
        self.step_dialog: StepDialog | None = None
        self._operation: Any = None
        self.resize(1100, 760)
        self.header = QLabel()
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("state")
        self.state.setWordWrap(True)
        self.steps = QHBoxLayout()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), t.TAB_GENERAL)
        self.tabs.addTab(self._achievement_tab(), t.TAB_ACHIEVEMENT)
        self.criteria = CriteriaModel(self._save_criterion, self)
        self.tabs.addTab(table_view(self.criteria, "criteria"), t.TAB_CRITERIA)
        self.components = ComponentsModel(self._save_component, self)
        self.tabs.addTab(table_view(self.components, "components"), t.TAB_COMPONENTS)
        self.files = AttachmentsTab(ctx, dossier_id, self._refuse, self)
        self.files.changed.connect(lambda: self._after_change(texts=False))
        self.tabs.addTab(self.files, t.TAB_ATTACHMENTS)
        self.tabs.addTab(self._results_tab(), t.TAB_RESULTS)
        self.prior: RecordTableModel[HistoryLine] = RecordTableModel(PRIOR_COLUMNS, self)
        self.tabs.addTab(self._prior_tab(), t.TAB_PRIOR)
        self.events: RecordTableModel[DossierEvent] = RecordTableModel(EVENT_COLUMNS, self)
        self.tabs.addTab(table_view(self.events, "events"), t.TAB_EVENTS)
        self.save_button = QPushButton(t.SAVE)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addLayout(self.steps)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.proposer = QComboBox()
        self.proposer.setObjectName("proposer")
        with self.ctx.db.session() as session:
            units: list[Unit] = list_units(session)
        self.proposer.addItem("", None)
        for unit in units:
            self.proposer.addItem(unit.name, unit.id)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.locked = QLabel(t.LOCKED)
        self.discipline = QLineEdit()
        self.discipline.setObjectName("discipline")
        self.discipline.setPlaceholderText(t.DISCIPLINE_HINT)
        record = QPushButton(t.DISCIPLINE_SAVE)
        record.setObjectName("save_discipline")
        record.clicked.connect(self.save_discipline)
        discipline = QHBoxLayout()
        discipline.addWidget(self.discipline, 1)
        discipline.addWidget(record)
        form.addRow(t.FIELD_PROPOSER, self.proposer)
        form.addRow(t.FIELD_NOTE, self.note)
        form.addRow(self.locked)
        form.addRow(t.FIELD_DISCIPLINE, discipline)
        return page

    def _achievement_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.sections: dict[str, QPlainTextEdit] = {}
        for section in achievement_sections():
            edit = QPlainTextEdit()
            edit.setObjectName(f"section_{section.key}")
            edit.setPlaceholderText(section.hint)
            layout.addWidget(QLabel(f"<b>{section.title}</b>"))
            layout.addWidget(edit, 1)
            self.sections[section.key] = edit
        return page

    def _prior_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        add = QPushButton(t.ADD_PRIOR)
        add.setObjectName("add_prior")
        add.clicked.connect(self.add_prior)
        layout.addWidget(table_view(self.prior, "prior"), 1)
        layout.addWidget(add)
        return page

    def _results_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.results_note = QLabel()
        self.results: RecordTableModel[ResultLine] = RecordTableModel(RESULT_COLUMNS, self)
        layout.addWidget(self.results_note)
        layout.addWidget(table_view(self.results, "results"), 1)
        return page

    # -- reading -------------------------------------------------------------------------------
    def reload(self, texts: bool = True) -> None:
        """Read the dossier again; ``texts`` False keeps what the clerk is typing in the text boxes."""
        with self.ctx.db.session() as session:
            detail = load_detail(session, self.dossier_id)
            results = dossier_results(session, detail.dossier)
            prior = nominee_history(
                session,
                detail.nominee.unit_id,
                detail.nominee.person_id,
                exclude_dossier_id=self.dossier_id,
            )
            steps = allowed_next(detail.dossier, detail.award)
            results_unit = session.get(Unit, detail.nominee.results_unit_id or 0)
        self.detail = detail
        editable = detail.dossier.status in EDITABLE_STATUSES
        self.setWindowTitle(t.EDITOR_TITLE.format(id=self.dossier_id, nominee=detail.nominee.name))
        self.header.setText(self._header_text(detail))
        self.state.setText(self._state_text(detail))
        if texts:
            self.proposer.setCurrentIndex(
                max(0, self.proposer.findData(detail.dossier.proposing_unit_id))
            )
            self.note.setPlainText(detail.dossier.note)
            for key, edit in self.sections.items():
                edit.setPlainText(detail.achievement.get(key, ""))
            self.discipline.setText(detail.nominee.discipline_note)
        for edit in self.sections.values():
            edit.setReadOnly(not editable)
        self.proposer.setEnabled(editable)
        self.note.setReadOnly(not editable)
        self.locked.setVisible(not editable)
        self.save_button.setEnabled(editable)
        self.criteria.set_lines(detail.criteria, editable)
        self.components.set_lines(detail.components, editable)
        self.files.show_detail(detail)
        self.results.set_records(results)
        unit_name = results_unit.name if results_unit else ""
        self.results_note.setText(
            t.RESULTS_NOTE.format(unit=unit_name) if results else t.NO_RESULTS
        )
        self.prior.set_records(prior)
        self.events.set_records(detail.events)
        self._build_steps(steps)
        for view in self.findChildren(QTableView):
            view.resizeColumnsToContents()
            for column in range(view.model().columnCount()):
                # Long standards wrap instead of pushing the evidence column off screen.
                view.setColumnWidth(column, min(view.columnWidth(column), MAX_COLUMN_WIDTH))
            view.resizeRowsToContents()

    def _header_text(self, d: DossierDetail) -> str:
        deadline = (
            t.HEADER_DEADLINE.format(deadline=f"{d.campaign.deadline:%d/%m/%Y}")
            if d.campaign.deadline
            else ""
        )
        text = t.HEADER.format(
            nominee=d.nominee.name,
            kind=d.nominee.kind.label.lower(),
            award=d.award.name,
            category=d.award.category.label.lower(),
            level=d.award.level_label or d.award.level,
            campaign=d.campaign.name,
            deadline=deadline,
            status=d.dossier.status.label,
        )
        if d.dossier.decision_number and d.dossier.decision_date:
            text += t.HEADER_DECISION.format(
                number=d.dossier.decision_number,
                date=f"{d.dossier.decision_date:%d/%m/%Y}",
                issuer=d.dossier.decision_issuer,
            )
        if d.dossier.incomplete_reason:
            text += t.HEADER_INCOMPLETE.format(reason=d.dossier.incomplete_reason)
        return text

    def _state_text(self, d: DossierDetail) -> str:
        lines = [t.WARNING_LINE.format(text=w) for w in d.warnings()]
        if is_overdue(d.dossier, d.campaign, date.today()):
            deadline = f"{d.campaign.deadline:%d/%m/%Y}"
            lines.append(t.WARNING_LINE.format(text=t.OVERDUE_TIP.format(deadline=deadline)))
        missing = d.missing()
        if missing:
            lines.append(t.MISSING_HEADING + " " + "; ".join(missing))
        else:
            lines.append(t.COMPLETE)
        return "<br>".join(lines)

    def _build_steps(self, steps: list[DossierStatus]) -> None:
        while self.steps.count():
            item = self.steps.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone at once, not at the next event loop turn
                widget.deleteLater()
        for status in steps:
            button = QPushButton(ACTION_LABELS[status])
            button.setObjectName(f"step_{status.value}")
            button.clicked.connect(lambda _=False, s=status: self.open_step(s))
            self.steps.addWidget(button)

    def step_button(self, status: DossierStatus) -> QPushButton | None:
        return self.findChild(QPushButton, f"step_{status.value}")

    # -- changing ------------------------------------------------------------------------------
    def _refuse(self, error: DossierError) -> None:
        QMessageBox.warning(self, t.REFUSED_TITLE, str(error))

    def _after_change(self, texts: bool = True) -> None:
        self.reload(texts)
        self.changed.emit()

    def _save_criterion(self, line: CriterionLine, met: bool, evidence: str) -> bool:
        try:
            with self.ctx.db.session() as session:
                set_criterion(session, self.dossier_id, line.criterion.id or 0, met, evidence)
        except DossierError as error:
            self._refuse(error)
            return False
        self._after_change(texts=False)
        return True

    def _save_component(self, line: ComponentLine, present: bool, note: str) -> bool:
        try:
            with self.ctx.db.session() as session:
                set_component(session, self.dossier_id, line.component.id or 0, present, note)
        except DossierError as error:
            self._refuse(error)
            return False
        self._after_change(texts=False)
        return True

    def save(self) -> bool:
        sections = {key: edit.toPlainText() for key, edit in self.sections.items()}
        try:
            with self.ctx.db.session() as session:
                save_achievement(session, self.dossier_id, sections)
                save_details(
                    session, self.dossier_id, self.proposer.currentData(), self.note.toPlainText()
                )
        except DossierError as error:
            self._refuse(error)
            return False
        self._after_change()
        return True

    def add_prior(self) -> None:
        """An award the nominee received before (kept on the nominee, shown in every dossier)."""
        from desktop.ui.awards.history_dialog import PriorAwardDialog

        dialog = PriorAwardDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_prior(dialog.year.value(), dialog.award.text(), dialog.decision.text())

    def record_prior(self, year: int, award: str, decision: str) -> bool:
        if self.detail is None:
            return False
        nominee = self.detail.nominee
        try:
            with self.ctx.db.session() as session:
                add_prior_award(
                    session,
                    year,
                    award,
                    decision,
                    unit_id=nominee.unit_id,
                    person_id=nominee.person_id,
                )
        except DossierError as error:
            self._refuse(error)
            return False
        self._after_change(texts=False)
        return True

    def save_discipline(self) -> None:
        """Kỷ luật / khiếu nại is kept on the nominee, whatever the dossier's step."""
        if self.detail is None:
            return
        nominee = self.detail.nominee
        with self.ctx.db.session() as session:
            record_discipline(session, nominee.unit_id, nominee.person_id, self.discipline.text())
        self._after_change(texts=False)

    def open_step(self, status: DossierStatus) -> StepDialog | None:
        """Open the step's dialog (window-modal, not blocking); the dossier reloads when it is done.

        Texts being typed are saved first, so a step never loses them."""
        if self.save_button.isEnabled() and not self.save():
            return None
        dialog = StepDialog(self.ctx, self.dossier_id, status, self)
        dialog.accepted.connect(self._after_change)
        self.step_dialog = dialog
        dialog.open()
        return dialog

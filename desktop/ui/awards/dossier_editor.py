"""Hồ sơ khen thưởng, one dossier: what is proposed, the achievement report, the two checklists,
files, the nominee's results and earlier awards, the history, and the workflow buttons.

Every change goes through the door (:mod:`desktop.awards.dossier_ops`); the editor reloads in
:meth:`DossierEditor.on_change` when its dossier (or what it shows of the register, the catalogue or
the values) changed. What the clerk has typed and not yet saved is kept across those reloads.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
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

from desktop.awards.attachment_ops import prune
from desktop.awards.detail import ComponentLine, CriterionLine, DossierDetail
from desktop.awards.dossier_ops import (
    SCOPE,
    DossierFields,
    add_prior,
    check_component,
    check_criterion,
    note_discipline,
    remove_prior,
    save_fields,
)
from desktop.awards.dossiers import EDITABLE_STATUSES, achievement_sections, is_overdue
from desktop.awards.history import HistoryLine
from desktop.awards.results import ResultLine
from desktop.awards.views import EditorView, editor_view, unit_choices
from desktop.awards.workflow import ACTION_LABELS
from desktop.changes import Area, Change, Operation
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models import DossierEvent, DossierStatus
from desktop.models.ids import DossierId, UnitId
from desktop.text import wording
from desktop.ui.awards.attachments import AttachmentsTab
from desktop.ui.awards.dossier_models import ComponentsModel, CriteriaModel
from desktop.ui.awards.dossier_widgets import table_view
from desktop.ui.awards.history_dialog import PRIOR_COLUMNS, PriorAwardDialog, prior_to_remove
from desktop.ui.awards.initiatives_picker import InitiativesPicker
from desktop.ui.awards.step_dialog import StepDialog
from desktop.ui.errors import ran, show_error
from desktop.ui.texts import dossiers as t
from desktop.ui.texts import movement as mt
from desktop.ui.widgets.picker import make_searchable, picked_data
from desktop.ui.widgets.scrolling import scrolling
from desktop.ui.widgets.table_model import Column, RecordTableModel
from desktop.ui.widgets.undo_actions import UndoActions
from desktop.ui.window_geometry import fitting_size

MAX_COLUMN_WIDTH = 480
# What the editor shows besides the dossier itself: the nominee (register), the catalogue's
# standards and papers, the indicator results.
SHOWN_ALSO = (Area.AWARDS, Area.UNITS, Area.PERSONS, Area.INDICATORS, Area.VALUES)

RESULT_COLUMNS = [
    Column[ResultLine](t.RESULT_COLUMNS[0], lambda r: r.year, align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[1], lambda r: r.indicator_code),
    Column[ResultLine](t.RESULT_COLUMNS[2], lambda r: r.indicator_name),
    Column[ResultLine](t.RESULT_COLUMNS[3], lambda r: r.quarter or "", align_right=True),
    Column[ResultLine](
        t.RESULT_COLUMNS[4], lambda r: wording.count(r.numerator, ""), align_right=True
    ),
    Column[ResultLine](
        t.RESULT_COLUMNS[5], lambda r: wording.count(r.denominator, ""), align_right=True
    ),
    Column[ResultLine](t.RESULT_COLUMNS[6], lambda r: wording.percent(r.percent), align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[7], lambda r: wording.percent(r.target), align_right=True),
    Column[ResultLine](t.RESULT_COLUMNS[8], wording.verdict),
]
EVENT_COLUMNS = [
    Column[DossierEvent](t.EVENT_COLUMNS[0], lambda e: wording.date_time(e.at)),
    Column[DossierEvent](
        t.EVENT_COLUMNS[1], lambda e: e.from_status.label if e.from_status else ""
    ),
    Column[DossierEvent](t.EVENT_COLUMNS[2], lambda e: e.to_status.label),
    Column[DossierEvent](t.EVENT_COLUMNS[3], lambda e: e.note),
]


class DossierEditor(QDialog):
    """Opened from the dossier list; every change is saved at once through the door, except the
    texts (achievement report, proposer, note), saved with Lưu. Ctrl+Z takes back the last thing
    filled in on a dossier; a workflow step is a recorded act and is not taken back."""

    def __init__(
        self, ctx: AppContext, dossier_id: DossierId, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id = ctx, dossier_id
        self.detail: DossierDetail | None = None
        self.step_dialog: StepDialog | None = None
        # What each text box held when last read: a box that differs holds the clerk's typing.
        self._loaded: dict[str, str] = {}
        self.resize(fitting_size(self, 1100, 760))  # within a 1366×768 screen
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
        self.initiatives = InitiativesPicker(ctx, dossier_id, self)  # chosen, not retyped
        self.tabs.addTab(self.initiatives, mt.INI_PICKER_TAB)
        self.criteria = CriteriaModel(self._save_criterion, self)
        self.criteria_view = table_view(self.criteria, "criteria")
        self.tabs.addTab(self.criteria_view, t.TAB_CRITERIA)
        self.components = ComponentsModel(self._save_component, self)
        self.components_view = table_view(self.components, "components")
        self.tabs.addTab(self.components_view, t.TAB_COMPONENTS)
        self.files = AttachmentsTab(ctx, dossier_id, self)
        self.tabs.addTab(self.files, t.TAB_ATTACHMENTS)
        self.tabs.addTab(self._results_tab(), t.TAB_RESULTS)
        self.prior: RecordTableModel[HistoryLine] = RecordTableModel(PRIOR_COLUMNS, self)
        self.tabs.addTab(self._prior_tab(), t.TAB_PRIOR)
        self.events: RecordTableModel[DossierEvent] = RecordTableModel(EVENT_COLUMNS, self)
        self.tabs.addTab(table_view(self.events, "events"), t.TAB_EVENTS)
        self.undo_actions = UndoActions(ctx, SCOPE, self, key_in_tip=True)
        self.save_button = QPushButton(t.SAVE)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addLayout(self.steps)
        bottom.addStretch(1)
        for button in self.undo_actions.buttons():
            bottom.addWidget(button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        # Lưu leaves the window open: this line says it was done, until the next edit.
        self.saved_line = QLabel()
        self.saved_line.setObjectName("saved_line")
        layout.addWidget(self.saved_line)
        self.finished.connect(self._closed)
        self.reload()
        for box in (self.note, *self.sections.values()):
            box.textChanged.connect(self._edited)
        self.proposer.currentIndexChanged.connect(self._edited)
        proposer_line = self.proposer.lineEdit()
        if proposer_line is not None:
            proposer_line.textEdited.connect(self.saved_line.clear)

    # -- building ------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.proposer = make_searchable(QComboBox())  # typed without marks, chosen from the list
        self.proposer.setObjectName("proposer")
        self._fill_proposers()
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

    def _fill_proposers(self) -> None:
        chosen = self.proposer.currentData()
        self.proposer.blockSignals(True)
        self.proposer.clear()
        self.proposer.addItem("", None)
        for unit in self.ctx.door.read(unit_choices):
            self.proposer.addItem(unit.label, unit.id)
        self.proposer.setCurrentIndex(max(0, self.proposer.findData(chosen)))
        self.proposer.blockSignals(False)

    def _achievement_tab(self) -> QWidget:
        layout = QVBoxLayout()
        self.sections: dict[str, QPlainTextEdit] = {}
        for section in achievement_sections():
            edit = QPlainTextEdit()
            edit.setObjectName(f"section_{section.key}")
            edit.setPlaceholderText(section.hint)
            layout.addWidget(QLabel(f"<b>{section.title}</b>"))
            layout.addWidget(edit, 1)
            self.sections[section.key] = edit
        return scrolling(layout)  # the report's parts scroll on a small screen

    def _prior_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        add = QPushButton(t.ADD_PRIOR)
        add.setObjectName("add_prior")
        add.clicked.connect(self.add_prior)
        remove = QPushButton(t.REMOVE_PRIOR)
        remove.setObjectName("remove_prior")
        remove.clicked.connect(self.remove_selected_prior)
        self.prior_view = table_view(self.prior, "prior")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(self.prior_view, 1)
        layout.addLayout(buttons)
        return page

    def _results_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.results_note = QLabel()
        self.results: RecordTableModel[ResultLine] = RecordTableModel(RESULT_COLUMNS, self)
        layout.addWidget(self.results_note)
        layout.addWidget(table_view(self.results, "results"), 1)
        return page

    # -- the texts the clerk types -----------------------------------------------------------------
    def _text_boxes(self) -> dict[str, QPlainTextEdit | QLineEdit]:
        boxes: dict[str, QPlainTextEdit | QLineEdit] = {"note": self.note}
        boxes.update({f"section_{key}": edit for key, edit in self.sections.items()})
        boxes["discipline"] = self.discipline
        return boxes

    @staticmethod
    def _text_of(box: QPlainTextEdit | QLineEdit) -> str:
        return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()

    def _typed(self) -> dict[str, str]:
        typed = {key: self._text_of(box) for key, box in self._text_boxes().items()}
        typed["proposer"] = str(self.proposer.currentData())
        return typed

    def _stored(self, d: DossierDetail) -> dict[str, str]:
        stored = {"note": d.dossier.note, "discipline": d.nominee.discipline_note}
        stored.update({f"section_{k}": d.achievement.get(k, "") for k in self.sections})
        return stored

    def _show_stored(self, d: DossierDetail) -> None:
        """Put the stored texts in every box the clerk has not typed in since the last read."""
        stored, typed = self._stored(d), self._typed()
        first = not self._loaded
        for key, box in self._text_boxes().items():
            if first or typed[key] == self._loaded[key]:
                if isinstance(box, QPlainTextEdit):
                    box.setPlainText(stored[key])
                else:
                    box.setText(stored[key])
                self._loaded[key] = stored[key]
        if first or typed["proposer"] == self._loaded["proposer"]:
            index = self.proposer.findData(d.dossier.proposing_unit_id)
            self.proposer.setCurrentIndex(max(0, index))
            self._loaded["proposer"] = str(self.proposer.currentData())

    # -- reading -------------------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """Read the dossier again when it, or what the editor shows with it, changed."""
        if change.touches(Area.UNITS):
            self._fill_proposers()
        mine = change.ids_of(Area.DOSSIERS)
        if change.touches(*SHOWN_ALSO) or (
            change.touches(Area.DOSSIERS) and (not mine or self.dossier_id in mine)
        ):
            self.reload()
        if self.detail is None:
            return  # the dossier is gone and this window closed
        self.initiatives.on_change(change)
        self.undo_actions.refresh()

    def reload(self) -> None:
        """Read the dossier again, keeping what the clerk is typing in the text boxes."""
        try:
            view: EditorView = self.ctx.door.read(editor_view(self.dossier_id))
        except Refusal:
            # Deleted meanwhile (a draft removed, another data folder): nothing left to show.
            self.detail = None
            QMessageBox.information(self, t.PAGE_TITLE, t.DOSSIER_GONE.format(id=self.dossier_id))
            self.reject()
            return
        detail = view.detail
        self.detail = detail
        editable = detail.dossier.status in EDITABLE_STATUSES
        self.setWindowTitle(t.EDITOR_TITLE.format(id=self.dossier_id, nominee=detail.nominee.name))
        self.header.setText(self._header_text(detail))
        self.state.setText(self._state_text(detail))
        self._show_stored(detail)
        for edit in self.sections.values():
            edit.setReadOnly(not editable)
        self.proposer.setEnabled(editable)
        self.note.setReadOnly(not editable)
        self.locked.setVisible(not editable)
        self.save_button.setEnabled(editable)
        self.criteria.set_lines(detail.criteria, editable)
        self.components.set_lines(detail.components, editable)
        self.files.show_detail(detail)
        self.results.set_records(view.results)
        self.results_note.setText(
            t.RESULTS_NOTE.format(unit=view.results_unit) if view.results else t.NO_RESULTS
        )
        self.prior.set_records(view.prior)
        self.events.set_records(detail.events)
        self._build_steps(view.steps)
        self.undo_actions.refresh()
        for table in self.findChildren(QTableView):
            table.resizeColumnsToContents()
            for column in range(table.model().columnCount()):
                # Long standards wrap instead of pushing the evidence column off screen.
                table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))
            table.resizeRowsToContents()

    def _header_text(self, d: DossierDetail) -> str:
        deadline = (
            t.HEADER_DEADLINE.format(deadline=wording.short_date(d.campaign.deadline))
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
                date=wording.short_date(d.dossier.decision_date),
                issuer=d.dossier.decision_issuer,
            )
        if d.dossier.incomplete_reason:
            text += t.HEADER_INCOMPLETE.format(reason=d.dossier.incomplete_reason)
        return text

    def _state_text(self, d: DossierDetail) -> str:
        lines = [t.WARNING_LINE.format(text=w) for w in d.warnings()]
        if is_overdue(d.dossier, d.campaign, date.today()):
            deadline = wording.short_date(d.campaign.deadline)
            lines.append(t.WARNING_LINE.format(text=t.OVERDUE_TIP.format(deadline=deadline)))
        missing = d.missing()
        if missing:
            lines.append(t.MISSING_HEADING + " " + "; ".join(missing))
        else:
            lines.append(t.COMPLETE)
        return "<br>".join(lines)

    def _build_steps(self, steps: list[DossierStatus]) -> None:
        while (item := self.steps.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone at once, not at the next event loop turn
                widget.deleteLater()
        for status in steps:
            button = QPushButton(ACTION_LABELS[status])
            button.setObjectName(f"step_{status.value}")
            button.setToolTip(t.STEP_TIP)
            button.clicked.connect(lambda _=False, s=status: self.open_step(s))
            self.steps.addWidget(button)

    def step_button(self, status: DossierStatus) -> QPushButton | None:
        return self.findChild(QPushButton, f"step_{status.value}")

    # -- changing ------------------------------------------------------------------------------
    def _run_typed(self, keys: tuple[str, ...], operation: Operation[Any]) -> bool:
        """Run an operation that stores what is typed in ``keys``: those boxes count as read."""
        before = dict(self._loaded)
        typed = self._typed()
        self._loaded.update({key: typed[key] for key in keys})
        try:
            self.ctx.door.run(operation)
        except Exception as error:
            self._loaded = before
            show_error(self, error)
            return False
        return True

    def _save_criterion(self, line: CriterionLine, met: bool, evidence: str) -> bool:
        criterion_id = line.criterion.id
        assert criterion_id is not None  # read from the database
        return ran(
            self, self.ctx.door, check_criterion(self.dossier_id, criterion_id, met, evidence)
        )

    def _save_component(self, line: ComponentLine, present: bool, note: str) -> bool:
        component_id = line.component.id
        assert component_id is not None  # read from the database
        return ran(
            self, self.ctx.door, check_component(self.dossier_id, component_id, present, note)
        )

    def save(self) -> bool:
        """Lưu: the texts and the proposer; Ctrl+Z puts the texts saved before back."""
        try:
            proposer = picked_data(self.proposer, t.FIELD_PROPOSER)
        except Refusal as refusal:
            show_error(self, refusal)
            return False
        fields = DossierFields(
            UnitId(proposer) if proposer is not None else None,
            self.note.toPlainText(),
            {key: edit.toPlainText() for key, edit in self.sections.items()},
        )
        if not self._run_typed(self._saved_keys(), save_fields(self.dossier_id, fields)):
            return False
        self.saved_line.setText(t.SAVED_AT.format(time=wording.clock(datetime.now().time())))
        return True

    def _saved_keys(self) -> tuple[str, ...]:
        """The boxes Lưu stores."""
        return ("note", "proposer", *(f"section_{key}" for key in self.sections))

    def _edited(self) -> None:
        # A reload rewrites the boxes with what was saved: only typing that differs is an edit.
        typed = self._typed()
        if any(typed[key] != self._loaded.get(key) for key in self._saved_keys()):
            self.saved_line.clear()

    def add_prior(self) -> None:
        """An award the nominee received before (kept on the nominee, shown in every dossier)."""
        dialog = PriorAwardDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_prior(dialog.year.value(), dialog.award.text(), dialog.decision.text())

    def record_prior(self, year: int, award: str, decision: str) -> bool:
        if self.detail is None:
            return False
        nominee = self.detail.nominee
        operation = add_prior(
            year, award, decision, unit_id=nominee.unit_id, person_id=nominee.person_id
        )
        return ran(self, self.ctx.door, operation)

    def remove_selected_prior(self) -> bool:
        rows = self.prior_view.selectionModel().selectedRows()
        line = self.prior.record(rows[0].row()) if rows else None
        prior_id = prior_to_remove(self, line)
        if prior_id is None:
            return False
        return ran(self, self.ctx.door, remove_prior(prior_id))

    def save_discipline(self) -> None:
        """Kỷ luật / khiếu nại is kept on the nominee, whatever the dossier's step."""
        if self.detail is None:
            return
        nominee = self.detail.nominee
        reason = ""
        if nominee.flagged and not self.discipline.text().strip():
            # Clearing a note of discipline is a recorded act: the law asks why (audited).
            reason, given = QInputDialog.getText(
                self, t.DISCIPLINE_CLEAR_TITLE, t.DISCIPLINE_CLEAR_REASON
            )
            if not given:
                return
        operation = note_discipline(
            nominee.unit_id, nominee.person_id, self.discipline.text(), reason
        )
        self._run_typed(("discipline",), operation)

    def open_step(self, status: DossierStatus) -> StepDialog | None:
        """Open the step's dialog (window-modal, not blocking); the dossier reloads when it is done.

        Texts being typed are saved first, so a step never loses them."""
        if self.save_button.isEnabled() and not self.save():
            return None
        dialog = StepDialog(self.ctx, self.dossier_id, status, self)
        self.step_dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, _result: int) -> None:
        # Files taken off while the dossier was open leave the store once it is closed.
        try:
            self.ctx.door.read(prune(self.ctx.folder.attachments))
        except Refusal as error:
            show_error(self, error)

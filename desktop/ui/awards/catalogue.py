"""Danh mục khen thưởng: the titles and forms of award, each with its standards and papers; editable.

Changes go through the door (:mod:`desktop.awards.catalogue_ops`); the panel reloads in
:meth:`CataloguePanel.on_change` when the catalogue changed, keeping the entry the clerk has open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import (
    AwardFormInput,
    components_of,
    criteria_of,
    list_award_forms,
)
from desktop.awards.catalogue_ops import (
    remove_form_component,
    remove_form_criterion,
    save_form,
    save_form_component,
    save_form_criterion,
)
from desktop.changes import Area, Change, Operation
from desktop.context import AppContext
from desktop.models import (
    AwardCategory,
    AwardCriterion,
    AwardForm,
    CampaignKind,
    Comparison,
    DossierComponent,
    NomineeKind,
    UnitKind,
)
from desktop.models.ids import AwardFormId, saved_id
from desktop.ui.awards.dossier_widgets import dialog_buttons, table_view
from desktop.ui.errors import show_error
from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.table_model import Column, RecordTableModel

R = TypeVar("R")


def _for_text(form: AwardForm) -> str:
    who = [
        (t.FOR_COLLECTIVE, form.for_collective),
        (t.FOR_BUSINESS, form.for_business),
        (t.FOR_INDIVIDUAL, form.for_individual),
    ]
    return ", ".join(label for label, on in who if on)


FORM_COLUMNS = [
    Column[AwardForm](t.CATALOGUE_COLUMNS[0], lambda f: f.category.label),
    Column[AwardForm](t.CATALOGUE_COLUMNS[1], lambda f: f.name),
    Column[AwardForm](t.CATALOGUE_COLUMNS[2], lambda f: f.level_label),
    Column[AwardForm](t.CATALOGUE_COLUMNS[3], lambda f: f.issuer),
    Column[AwardForm](t.CATALOGUE_COLUMNS[4], _for_text),
    Column[AwardForm](t.CATALOGUE_COLUMNS[5], lambda f: t.YES if f.active else t.NO),
]
CRITERION_COLUMNS = [
    Column[AwardCriterion](t.CATALOGUE_CRITERIA_COLUMNS[0], lambda c: c.nominee_kind.label),
    Column[AwardCriterion](t.CATALOGUE_CRITERIA_COLUMNS[1], lambda c: c.text),
]
COMPONENT_COLUMNS = [
    Column[DossierComponent](t.CATALOGUE_COMPONENT_COLUMNS[0], lambda c: c.name),
    Column[DossierComponent](
        t.CATALOGUE_COMPONENT_COLUMNS[1], lambda c: t.YES if c.required else t.NO
    ),
]


def _coefficient_box(name: str) -> QDoubleSpinBox:
    """Hệ số tiền thưởng, "0,15" as the clerk writes it (the decimal comma of vi_VN)."""
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    box.setDecimals(3)
    box.setRange(0, 100)
    box.setSingleStep(0.05)
    return box


class CriterionDialog(QDialog):
    def __init__(self, criterion: AwardCriterion | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t.CRITERION_TITLE)
        self.resize(560, 260)
        self.kind = QComboBox()
        for kind in NomineeKind:
            self.kind.addItem(kind.label, kind.value)
        self.text = QPlainTextEdit(criterion.text if criterion else "")
        self.heading = QCheckBox(t.CRITERION_HEADING)
        self.heading.setObjectName("criterion_heading")
        if criterion is not None:
            self.kind.setCurrentIndex(self.kind.findData(criterion.nominee_kind.value))
            self.heading.setChecked(criterion.heading)
        form = QFormLayout(self)
        form.addRow(t.CRITERION_KIND, self.kind)
        form.addRow(t.CRITERION_TEXT, self.text)
        form.addRow("", self.heading)
        buttons = dialog_buttons(self)
        form.addRow(buttons)


class ComponentDialog(QDialog):
    def __init__(self, component: DossierComponent | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t.COMPONENT_TITLE)
        self.resize(480, 120)
        self.name = QLineEdit(component.name if component else "")
        self.required = QCheckBox(t.COMPONENT_REQUIRED)
        self.required.setChecked(component.required if component else True)
        form = QFormLayout(self)
        form.addRow(t.COMPONENT_NAME, self.name)
        form.addRow("", self.required)
        buttons = dialog_buttons(self)
        form.addRow(buttons)


def _selected(view: QTableView, model: RecordTableModel[R]) -> R | None:
    rows = view.selectionModel().selectedRows()
    return model.record(rows[0].row()) if rows else None


class CataloguePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form_id: AwardFormId | None = None
        self._reselecting = False
        self.forms: RecordTableModel[AwardForm] = RecordTableModel(FORM_COLUMNS, self)
        self.forms_view = table_view(self.forms, "forms")
        self.forms_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.forms_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.forms_view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.criteria: RecordTableModel[AwardCriterion] = RecordTableModel(CRITERION_COLUMNS, self)
        self.components: RecordTableModel[DossierComponent] = RecordTableModel(
            COMPONENT_COLUMNS, self
        )
        self.criteria_view = table_view(self.criteria, "catalogue_criteria")
        self.components_view = table_view(self.components, "catalogue_components")

        splitter = QSplitter()
        splitter.addWidget(self.forms_view)
        # On a 1366×768 screen the entry and its two lists do not fit: the editor scrolls.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._editor())
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _editor(self) -> QWidget:
        box = QWidget()
        self.name = QLineEdit()
        self.name.setObjectName("form_name")
        self.code = QLineEdit()
        self.code.setObjectName("form_code")
        self.category = QComboBox()
        self.category.setObjectName("form_category")
        for category in AwardCategory:
            self.category.addItem(category.label, category.value)
        self.level = QSpinBox()
        self.level.setObjectName("form_level")
        self.level.setRange(1, 5)
        self.level_label = QLineEdit()
        self.level_label.setObjectName("form_level_label")
        self.issuer = QLineEdit()
        self.issuer.setObjectName("form_issuer")
        self.for_collective = QCheckBox(t.FOR_COLLECTIVE)
        self.for_business = QCheckBox(t.FOR_BUSINESS)
        self.for_individual = QCheckBox(t.FOR_INDIVIDUAL)
        self.for_individual.setObjectName("form_for_individual")
        self.active = QCheckBox(t.FORM_ACTIVE)
        self.note = QLineEdit()
        self.rounds = {kind: QCheckBox(kind.label) for kind in CampaignKind}
        rounds = QHBoxLayout()
        for kind, check in self.rounds.items():
            check.setObjectName(f"form_round_{kind.value}")
            rounds.addWidget(check)
        self.unit_kinds = QListWidget()
        self.unit_kinds.setObjectName("form_unit_kinds")
        self.unit_kinds.setFixedHeight(88)
        for unit_kind in UnitKind:
            item = QListWidgetItem(unit_kind.label)
            item.setData(Qt.ItemDataRole.UserRole, unit_kind.value)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.unit_kinds.addItem(item)
        self.vote_comparison = QComboBox()
        self.vote_comparison.addItem(t.VOTE_ABOVE, Comparison.ABOVE.value)
        self.vote_comparison.addItem(t.VOTE_AT_LEAST, Comparison.AT_LEAST.value)
        self.vote_percent = QSpinBox()
        self.vote_percent.setObjectName("form_vote_percent")
        self.vote_percent.setRange(1, 100)
        self.vote_percent.setSuffix("%")
        vote = QHBoxLayout()
        vote.addWidget(self.vote_comparison)
        vote.addWidget(self.vote_percent)
        vote.addWidget(QLabel(t.FORM_VOTE_AFTER))
        vote.addStretch(1)
        self.bonus_individual = _coefficient_box("form_bonus_individual")
        self.bonus_collective = _coefficient_box("form_bonus_collective")
        bonus = QHBoxLayout()
        for label_, coefficient in (
            (t.BONUS_INDIVIDUAL, self.bonus_individual),
            (t.BONUS_COLLECTIVE, self.bonus_collective),
        ):
            bonus.addWidget(QLabel(label_))
            bonus.addWidget(coefficient)
        bonus.addStretch(1)
        who = QHBoxLayout()
        for box_ in (self.for_collective, self.for_business, self.for_individual):
            who.addWidget(box_)
        form = QFormLayout()
        form.addRow(t.FORM_NAME, self.name)
        form.addRow(t.FORM_CODE, self.code)
        form.addRow(t.FORM_CATEGORY, self.category)
        form.addRow(t.FORM_LEVEL, self.level)
        form.addRow(t.FORM_LEVEL_LABEL, self.level_label)
        form.addRow(t.FORM_ISSUER, self.issuer)
        form.addRow(t.FORM_FOR, who)
        form.addRow(t.FORM_UNIT_KINDS, self.unit_kinds)
        form.addRow(t.FORM_ROUNDS, rounds)
        form.addRow(t.FORM_VOTE, vote)
        form.addRow(t.FORM_BONUS, bonus)
        form.addRow("", self.active)
        form.addRow(t.FORM_NOTE, self.note)
        new = QPushButton(t.NEW_FORM)
        new.setObjectName("new_form")
        new.clicked.connect(self.start_new)
        save = QPushButton(t.SAVE_FORM)
        save.setObjectName("save_form")
        save.clicked.connect(self.save_form)
        actions = QHBoxLayout()
        actions.addWidget(new)
        actions.addStretch(1)
        actions.addWidget(save)
        self.saved = QLabel()
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.saved)
        layout.addWidget(self._list_box(t.CRITERIA_HEADING, self.criteria_view, self._criterion))
        layout.addWidget(
            self._list_box(t.COMPONENTS_HEADING, self.components_view, self._component)
        )
        return box

    def _list_box(self, heading: str, view: QWidget, edit: Callable[[str], None]) -> QGroupBox:
        box = QGroupBox()
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(heading))
        layout.addWidget(view, 1)
        buttons = QHBoxLayout()
        for text, action in ((t.ADD, "add"), (t.EDIT, "edit"), (t.REMOVE, "remove")):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=action: edit(a))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    # -- reading -------------------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if change.touches(Area.AWARDS):
            self.refresh()

    def refresh(self) -> None:
        """Read the catalogue again; the entry the clerk has open stays open, its typing kept."""
        forms = self.ctx.door.read(list_award_forms)
        self.forms.set_records(forms)
        self.forms_view.resizeColumnsToContents()
        row = self._row_of(self.form_id) if self.form_id is not None else None
        if row is not None:
            self._reselecting = True  # the same entry: its lists change, not what is typed
            self.forms_view.selectRow(row)
            self._reselecting = False
            self._show_lists()
        elif self.form_id is None and not self.name.text() and forms:
            self.forms_view.selectRow(0)
        else:
            self._show_lists()

    def _row_of(self, form_id: int) -> int | None:
        for row in range(self.forms.rowCount()):
            if self.forms.record(row).id == form_id:
                return row
        return None

    def select_form(self, form_id: AwardFormId) -> None:
        row = self._row_of(form_id)
        if row is not None:
            self.forms_view.selectRow(row)
            self._show_selected()

    def _show_selected(self) -> None:
        if self._reselecting:
            return
        form = _selected(self.forms_view, self.forms)
        if form is None:
            return
        self.form_id = AwardFormId(saved_id(form.id))
        self.name.setText(form.name)
        self.code.setText(form.code)
        self.category.setCurrentIndex(self.category.findData(form.category.value))
        self.level.setValue(form.level)
        self.level_label.setText(form.level_label)
        self.issuer.setText(form.issuer)
        self.for_collective.setChecked(form.for_collective)
        self.for_business.setChecked(form.for_business)
        self.for_individual.setChecked(form.for_individual)
        self.active.setChecked(form.active)
        self.note.setText(form.note)
        self._show_rules(
            set(filter(None, form.unit_kinds.split(","))),
            set(filter(None, form.campaign_kinds.split(","))),
            form.vote_percent,
            form.vote_comparison,
            (form.bonus_individual_permille, form.bonus_collective_permille),
        )
        self._show_lists()

    def _show_rules(
        self,
        unit_kinds: set[str],
        rounds: set[str],
        vote_percent: int,
        comparison: Comparison,
        bonus: tuple[int, int],
    ) -> None:
        for row in range(self.unit_kinds.count()):
            item = self.unit_kinds.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in unit_kinds
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        for kind, check in self.rounds.items():
            check.setChecked(kind.value in rounds)
        self.vote_percent.setValue(vote_percent)
        self.vote_comparison.setCurrentIndex(self.vote_comparison.findData(comparison.value))
        self.bonus_individual.setValue(bonus[0] / 1000)
        self.bonus_collective.setValue(bonus[1] / 1000)

    def _show_lists(self) -> None:
        form_id = self.form_id
        if form_id is None:
            self.criteria.set_records([])
            self.components.set_records([])
            return
        criteria, components = self.ctx.door.read(
            lambda session: (criteria_of(session, form_id), components_of(session, form_id))
        )
        self.criteria.set_records(criteria)
        self.components.set_records(components)
        self.components_view.resizeColumnToContents(0)
        self.criteria_view.resizeRowsToContents()

    # -- changing ------------------------------------------------------------------------------
    def _run(self, operation: Operation[Any]) -> Any:
        """Run a change; a refusal is shown and None returned."""
        try:
            return self.ctx.door.run(operation)
        except Exception as error:
            show_error(self, error)
            return None

    def start_new(self) -> None:
        self.forms_view.clearSelection()
        self.form_id = None
        for edit in (self.name, self.code, self.level_label, self.issuer, self.note):
            edit.clear()
        self.level.setValue(1)
        self.for_collective.setChecked(True)
        self.for_business.setChecked(False)
        self.for_individual.setChecked(False)
        self.active.setChecked(True)
        self._show_rules(set(), {k.value for k in CampaignKind}, 50, Comparison.ABOVE, (0, 0))
        self._show_lists()
        self.name.setFocus()

    def save_form(self) -> bool:
        data = AwardFormInput(
            name=self.name.text(),
            category=AwardCategory(self.category.currentData()),
            level=self.level.value(),
            issuer=self.issuer.text(),
            level_label=self.level_label.text(),
            for_collective=self.for_collective.isChecked(),
            for_business=self.for_business.isChecked(),
            for_individual=self.for_individual.isChecked(),
            code=self.code.text(),
            active=self.active.isChecked(),
            note=self.note.text(),
            unit_kinds=[
                UnitKind(item.data(Qt.ItemDataRole.UserRole))
                for item in (self.unit_kinds.item(r) for r in range(self.unit_kinds.count()))
                if item.checkState() == Qt.CheckState.Checked
            ],
            campaign_kinds=[k for k, check in self.rounds.items() if check.isChecked()],
            vote_percent=self.vote_percent.value(),
            vote_comparison=Comparison(self.vote_comparison.currentData()),
            bonus_individual_permille=round(self.bonus_individual.value() * 1000),
            bonus_collective_permille=round(self.bonus_collective.value() * 1000),
        )
        saved = self._run(save_form(data, self.form_id))
        if saved is None:
            return False
        self.form_id = saved
        self.select_form(saved)
        self.saved.setText(t.FORM_SAVED.format(name=self.name.text()))
        return True

    def _criterion(self, action: str) -> None:
        form_id = self.form_id
        if form_id is None:
            return
        chosen = _selected(self.criteria_view, self.criteria)
        if action == "remove":
            if chosen is not None:
                self._run(remove_form_criterion(form_id, saved_id(chosen.id)))
            return
        current = chosen if action == "edit" else None
        if action == "edit" and current is None:
            return
        dialog = CriterionDialog(current, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(
            save_form_criterion(
                form_id,
                dialog.text.toPlainText(),
                NomineeKind(dialog.kind.currentData()),
                current.id if current else None,
                dialog.heading.isChecked(),
            )
        )

    def _component(self, action: str) -> None:
        form_id = self.form_id
        if form_id is None:
            return
        chosen = _selected(self.components_view, self.components)
        if action == "remove":
            if chosen is not None:
                self._run(remove_form_component(form_id, saved_id(chosen.id)))
            return
        current = chosen if action == "edit" else None
        if action == "edit" and current is None:
            return
        dialog = ComponentDialog(current, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(
            save_form_component(
                form_id,
                dialog.name.text(),
                dialog.required.isChecked(),
                current.id if current else None,
            )
        )

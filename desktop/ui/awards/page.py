"""Hồ sơ khen thưởng: the dossiers with their filters and counts, the catalogue, the campaigns.

The page reads through the door and reloads in :meth:`DossiersPage.on_change`: the rows of the
dossiers a change names (a tick re-reads one row of thousands), the whole list when the catalogue
or the register changed or the change names many dossiers, the catalogue and campaign tabs when
the catalogue did; it passes the change on to the dossier windows and dialogs it opened. Ctrl+Z on the list takes
back the last thing filled in on a dossier (the same history as in the dossier window).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.attachment_ops import prune
from desktop.awards.attachments import check_store
from desktop.awards.catalogue import LEVEL_LABELS, list_campaigns
from desktop.awards.dossier_ops import SCOPE, delete_draft
from desktop.awards.dossiers import DossierFilter, DossierRow, count_by_status, list_dossiers
from desktop.awards.views import NomineeChoice, dossier_rows
from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.models import DossierStatus, NomineeKind
from desktop.models.ids import CampaignId, DossierId, PersonId, UnitId, saved_id
from desktop.movement.deadlines import Target
from desktop.text import wording
from desktop.ui.awards.campaigns import CampaignsPanel
from desktop.ui.awards.catalogue import CataloguePanel
from desktop.ui.awards.dossier_editor import DossierEditor
from desktop.ui.awards.dossier_models import DossierListModel, flags_text
from desktop.ui.awards.history_dialog import NomineeChooser, NomineeHistoryDialog
from desktop.ui.awards.new_dialog import NewDossierDialog
from desktop.ui.awards.nominations_dialog import NominationPreviewDialog, write_campaign_template
from desktop.ui.errors import show_error
from desktop.ui.texts import common as tc
from desktop.ui.texts import dossiers as t
from desktop.ui.texts import help as th
from desktop.ui.widgets.background import Operation, run_with_progress
from desktop.ui.widgets.elided import full_text_tips
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.file_dialogs import Purpose, open_file, save_file
from desktop.ui.widgets.table_model import Column, RecordSortProxy
from desktop.ui.widgets.undo_actions import UndoActions

C = t.COLUMNS
COLUMNS = [
    Column[DossierRow](C["id"], lambda r: r.dossier.id, align_right=True),
    Column[DossierRow](C["nominee"], lambda r: r.nominee),
    Column[DossierRow](C["kind"], lambda r: r.nominee_kind.label),
    Column[DossierRow](C["award"], lambda r: r.award),
    Column[DossierRow](C["level"], lambda r: r.level_label),
    Column[DossierRow](C["campaign"], lambda r: r.campaign),
    Column[DossierRow](C["status"], lambda r: r.status.label),
    Column[DossierRow](C["flags"], flags_text),
]
NOMINEE_KINDS = (NomineeKind.COLLECTIVE, NomineeKind.BUSINESS, NomineeKind.INDIVIDUAL)
# A change naming more dossiers than this re-reads the whole list: one read beats many small ones.
FEW_DOSSIERS = 50


STEP_BUTTONS = ("new_dossier", "open_dossier", "nominee_history", "delete_dossier")


def _combo(name: str, first: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(first, None)
    return combo


class DossierListPanel(QWidget):
    """The list of dossiers: filter by campaign, status, level and kind; search; counts per status."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: DossierEditor | None = None
        self.new_dialog: NewDossierDialog | None = None
        self.history_dialog: NomineeHistoryDialog | None = None
        self.nominations_dialog: NominationPreviewDialog | None = None
        # The windows opened from the list that show data: each is told of every change.
        self._windows: list[DossierEditor | NewDossierDialog | NomineeHistoryDialog] = []
        self._operation: Operation | None = None
        # Every row of the chosen campaign, level and kind, whatever status is shown: the counts.
        self._rows: dict[int, DossierRow] = {}
        self.campaign = _combo("campaign_filter", t.ALL_CAMPAIGNS)
        self.status = _combo("status_filter", t.ALL_STATUSES)
        for status in DossierStatus:
            self.status.addItem(status.label, status.value)
        self.level = _combo("level_filter", t.ALL_LEVELS)
        for level, label in sorted(LEVEL_LABELS.items()):
            self.level.addItem(t.LEVEL_ITEM.format(level=level, label=label), level)
        self.kind = _combo("kind_filter", t.ALL_KINDS)
        for kind in NOMINEE_KINDS:
            self.kind.addItem(kind.label, kind.value)
        for combo in (self.campaign, self.status, self.level, self.kind):
            combo.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tc.SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_text)
        self.counts = QLabel()
        self.counts.setObjectName("status_counts")
        self.counts.setWordWrap(True)  # the count of every status wraps on a narrow screen
        self.count_label = QLabel()

        self.model = DossierListModel(COLUMNS, self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        full_text_tips(self.table)  # "Đã trình Hội đồng ph…" in a narrow column reads whole
        self.table.activated.connect(lambda _index: self.open_selected())  # Enter or double-click

        # Two rows, the dossier's own steps above its files: one row is wider than a 1366-pixel
        # screen at 125 %.
        buttons, files = QHBoxLayout(), QHBoxLayout()
        for text, name, slot in (
            (t.NEW_DOSSIER, "new_dossier", self.new_dossier),
            (t.OPEN_DOSSIER, "open_dossier", self.open_selected),
            (t.NOMINEE_HISTORY, "nominee_history", self.show_history),
            (t.DELETE_DOSSIER, "delete_dossier", self.delete_selected),
            (t.CHECK_FILES, "check_files", self.check_files),
            (t.EXPORT, "export_excel", self.choose_export),
            (t.NOMINATION_TEMPLATE, "nomination_template", self.save_nomination_template),
            (t.NOMINATION_IMPORT, "nomination_import", self.import_nomination_list),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            (buttons if name in STEP_BUTTONS else files).addWidget(button)
        buttons.addStretch(1)
        files.addStretch(1)
        self.undo_actions = UndoActions(
            ctx, SCOPE, self, Qt.ShortcutContext.WidgetWithChildrenShortcut, key_in_tip=True
        )
        for undo_button in self.undo_actions.buttons():
            buttons.addWidget(undo_button)
        filters = QHBoxLayout()
        for widget in (self.campaign, self.status, self.level, self.kind):
            filters.addWidget(widget)
        filters.addStretch(1)
        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(search)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(files)
        self.fill_campaigns()
        self.empty_hint = EmptyHint(self.table, self._empty_text)

    def _empty_text(self) -> str:
        """The next step of an empty list: a campaign first, then a dossier in it."""
        if self.campaign.count() <= 1:  # only "Mọi đợt xét"
            return th.HINT_NO_CAMPAIGN
        return th.HINT_FILTERED if self._rows else th.HINT_DOSSIERS

    def fill_campaigns(self) -> None:
        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        while self.campaign.count() > 1:
            self.campaign.removeItem(1)
        for c in self.ctx.door.read(list_campaigns):
            self.campaign.addItem(c.name, c.id)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))
        self.campaign.blockSignals(False)

    def on_change(self, change: Change) -> None:
        """Reload what the list shows of the change, then tell the windows opened from it."""
        if change.touches(Area.AWARDS):
            self.fill_campaigns()
        named = change.ids_of(Area.DOSSIERS)
        if change.touches(Area.AWARDS, Area.UNITS, Area.PERSONS) or len(named) > FEW_DOSSIERS:
            self.refresh()  # names and flags of many rows, or many dossiers at once
        elif named:
            self.reload_dossiers(named)
        elif change.touches(Area.DOSSIERS):
            self.refresh()
        self.undo_actions.refresh()
        for window in list(self._windows):
            window.on_change(change)

    def _where(self) -> DossierFilter:
        return DossierFilter(
            campaign_id=self.campaign.currentData(),
            level=self.level.currentData(),
            nominee_kind=NomineeKind(self.kind.currentData()) if self.kind.currentData() else None,
        )

    def _status_shows(self, row: DossierRow) -> bool:
        # Combo data holds the plain value: Qt hands enums back as text.
        status = self.status.currentData()
        return not status or row.status is DossierStatus(status)

    def refresh(self) -> None:
        """Read the whole list again, keeping the clerk's filters and selected dossier."""
        where = self._where()
        rows = self.ctx.door.read(lambda session: list_dossiers(session, where, date.today()))
        self._rows = {saved_id(r.dossier.id): r for r in rows}
        selected = self.selected()
        self.model.set_records([r for r in rows if self._status_shows(r)])
        self.table.resizeColumnsToContents()
        self._show_counts()
        if selected is not None:
            self.select_dossier(saved_id(selected.dossier.id))

    def reload_dossiers(self, dossier_ids: Collection[int]) -> None:
        """Read again the rows of ``dossier_ids`` only: replaced, added or taken off the list."""
        where = self._where()
        fresh = {
            saved_id(r.dossier.id): r
            for r in self.ctx.door.read(dossier_rows(dossier_ids, date.today()))
            if where.accepts(r)
        }
        for dossier_id in dossier_ids:
            row = fresh.get(dossier_id)
            if row is None:  # deleted, or no longer of the chosen campaign, level or kind
                self._rows.pop(dossier_id, None)
            else:
                self._rows[dossier_id] = row
            if row is not None and self._status_shows(row):
                self.model.put(row)
            else:
                self.model.drop(dossier_id)
        self._show_counts()

    def _show_counts(self) -> None:
        # Counts cover every status of the chosen campaign, level and kind, whatever status is shown.
        counts = count_by_status(list(self._rows.values()))
        self.counts.setText(
            " · ".join(
                t.STATUS_COUNT.format(label=s.label, count=wording.count(n))
                for s, n in counts.items()
            )
        )
        self._update_count()

    def _filter_text(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            tc.COUNT_SHOWN.format(
                shown=wording.count(self.proxy.rowCount()),
                total=wording.count(self.model.rowCount()),
            )
        )

    def selected(self) -> DossierRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def select_dossier(self, dossier_id: int) -> bool:
        """Select the row of ``dossier_id``; False when the filters or the search hide it."""
        row = self.model.row_of(dossier_id)
        shown = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if shown is None or not shown.isValid():
            return False
        self.table.selectRow(shown.row())
        return True

    def show_campaign(self, campaign_id: int | None, dossier_id: int | None = None) -> None:
        """Filter on ``campaign_id`` alone (any status, level, kind, no search) and select
        ``dossier_id``."""
        for combo in (self.status, self.level, self.kind):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        index = self.campaign.findData(campaign_id) if campaign_id is not None else 0
        self.campaign.blockSignals(True)
        self.campaign.setCurrentIndex(max(0, index))
        self.campaign.blockSignals(False)
        self.refresh()
        if dossier_id is not None:
            self.select_dossier(dossier_id)

    # -- windows opened from the list ----------------------------------------------------------------
    def _track(self, window: DossierEditor | NewDossierDialog | NomineeHistoryDialog) -> None:
        """Keep ``window`` told of changes while it is open."""
        self._windows.append(window)
        window.finished.connect(lambda _result: self._forget(window))

    def _forget(self, window: DossierEditor | NewDossierDialog | NomineeHistoryDialog) -> None:
        if window in self._windows:
            self._windows.remove(window)

    def new_dossier(self) -> None:
        campaign = self.campaign.currentData()
        dialog = NewDossierDialog(
            self.ctx, CampaignId(campaign) if campaign is not None else None, self
        )
        dialog.accepted.connect(lambda: self._created(dialog.created_id))
        self.new_dialog = dialog
        self._track(dialog)
        dialog.open()

    def _created(self, dossier_id: DossierId | None) -> None:
        if dossier_id is not None:
            self.open_dossier(dossier_id)

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            QMessageBox.information(self, t.PAGE_TITLE, t.SELECT_FIRST)
            return
        self.open_dossier(DossierId(saved_id(row.dossier.id)))

    def open_dossier(self, dossier_id: DossierId) -> None:
        editor = DossierEditor(self.ctx, dossier_id, self)
        if editor.detail is None:
            return  # gone before it opened; the editor has told the clerk
        self.editor = editor
        self._track(editor)
        editor.show()

    def show_history(self) -> None:
        row = self.selected()
        if row is not None:
            d = row.dossier
            unit_id = UnitId(d.nominee_unit_id) if d.nominee_unit_id is not None else None
            person_id = PersonId(d.nominee_person_id) if d.nominee_person_id is not None else None
        else:  # no dossier chosen: any unit or person of the register
            chosen = self.choose_nominee()
            if chosen is None:
                return
            unit_id, person_id = chosen.unit_id, chosen.person_id
        dialog = NomineeHistoryDialog(self.ctx, unit_id, person_id, self)
        self.history_dialog = dialog
        self._track(dialog)
        dialog.show()

    def choose_nominee(self) -> NomineeChoice | None:
        chooser = NomineeChooser(self.ctx, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return None
        return chooser.chosen()

    # -- changing ------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dossier_id = DossierId(saved_id(row.dossier.id))
        reason, ok = QInputDialog.getText(
            self, t.DELETE_REASON_TITLE, t.DELETE_REASON.format(id=dossier_id)
        )
        if not ok:
            return
        try:
            self.ctx.door.run(delete_draft(dossier_id, reason))
            # After the commit, so a file still in use is never deleted.
            self.ctx.door.read(prune(self.ctx.folder.attachments))
        except Exception as error:
            show_error(self, error)

    def shown_rows(self) -> list[DossierRow]:
        """The rows the clerk sees, in the order shown (filters, search and sort applied)."""
        return [
            self.model.record(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def choose_export(self) -> None:
        name = save_file(
            self, self.ctx, Purpose.EXCEL_EXPORT, t.EXPORT_TITLE, t.EXPORT_FILE, t.EXPORT_FILTER
        )
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> None:
        """Write the shown list to Excel off the GUI thread."""
        from desktop.excel.dossiers_export import export_dossiers

        rows = self.shown_rows()
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")

        def done(count: int) -> None:
            QMessageBox.information(
                self, t.EXPORT_TITLE, t.EXPORTED.format(count=wording.count(count), path=path)
            )

        self._operation = run_with_progress(
            self,
            lambda _progress: export_dossiers(rows, path),
            done,
            lambda error: show_error(self, error, t.EXPORT_TITLE),
            t.EXPORTING,
        )

    # -- the units' lists of nominations ------------------------------------------------------
    def nomination_campaign(self, title: str) -> int | None:
        """The campaign chosen in the filter, else the one the clerk picks (None: cancelled)."""
        chosen = self.campaign.currentData()
        if chosen is not None:
            return int(chosen)
        names = [self.campaign.itemText(i) for i in range(1, self.campaign.count())]
        if not names:
            QMessageBox.information(self, title, t.NOMINATION_NO_CAMPAIGN)
            return None
        name, ok = QInputDialog.getItem(self, title, t.NOMINATION_CHOOSE_CAMPAIGN, names, 0, False)
        if not ok or name not in names:
            return None
        return int(self.campaign.itemData(names.index(name) + 1))

    def save_nomination_template(self) -> None:
        campaign_id = self.nomination_campaign(t.NOMINATION_TEMPLATE_TITLE)
        if campaign_id is None:
            return
        file = save_file(
            self,
            self.ctx,
            Purpose.EXCEL_EXPORT,
            t.NOMINATION_TEMPLATE_TITLE,
            t.NOMINATION_TEMPLATE_FILE,
            t.EXPORT_FILTER,
        )
        if not file:
            return
        path = Path(file)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            name = write_campaign_template(self.ctx, campaign_id, path)
        except Exception as error:
            show_error(self, error, t.NOMINATION_TEMPLATE_TITLE)
            return
        QMessageBox.information(
            self,
            t.NOMINATION_TEMPLATE_TITLE,
            t.NOMINATION_TEMPLATE_SAVED.format(name=name, path=path),
        )

    def import_nomination_list(self) -> None:
        from desktop.excel.nominations import read_nominations

        campaign_id = self.nomination_campaign(t.NOMINATION_IMPORT_TITLE)
        if campaign_id is None:
            return
        file = open_file(
            self, self.ctx, Purpose.EXCEL_IMPORT, t.NOMINATION_IMPORT_TITLE, t.EXPORT_FILTER
        )
        if not file:
            return
        try:
            nominations = read_nominations(Path(file))
            dialog = NominationPreviewDialog(self.ctx, campaign_id, nominations, self)
        except Exception as error:
            show_error(self, error, t.NOMINATION_IMPORT_TITLE)
            return
        self.nominations_dialog = dialog
        dialog.open()

    def check_files(self) -> list[str]:
        """Tell the clerk which attached files are no longer in the data folder."""
        store = self.ctx.folder.attachments
        problems = [
            (
                t.FILE_PROBLEM.format(id=p.attachment.dossier_id, problem=p.problem)
                if p.attachment.dossier_id is not None
                else t.SCAN_PROBLEM.format(id=p.attachment.decision_id, problem=p.problem)
            )
            for p in self.ctx.door.read(lambda session: check_store(session, store))
        ]
        if problems:
            QMessageBox.warning(
                self,
                t.CHECK_FILES_TITLE,
                t.FILES_MISSING.format(
                    count=wording.count(len(problems)), lines="\n".join(problems[:30])
                ),
            )
        else:
            QMessageBox.information(self, t.CHECK_FILES_TITLE, t.FILES_OK)
        return problems


class DossiersPage(QWidget):
    """The page of the main window; see the module's docstring."""

    title = t.PAGE_TITLE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossiers = DossierListPanel(ctx, self)
        self.catalogue = CataloguePanel(ctx, self)
        self.campaigns = CampaignsPanel(ctx, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dossiers, t.TAB_DOSSIERS)
        self.tabs.addTab(self.catalogue, t.TAB_CATALOGUE)
        self.tabs.addTab(self.campaigns, t.TAB_CAMPAIGNS)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.title}</h2>"))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # The list page's interface, kept for whoever drives the page (tests, the main window).
    @property
    def model(self) -> DossierListModel:
        return self.dossiers.model

    @property
    def proxy(self) -> RecordSortProxy:
        return self.dossiers.proxy

    @property
    def search(self) -> QLineEdit:
        return self.dossiers.search

    def on_change(self, change: Change) -> None:
        self.dossiers.on_change(change)
        self.catalogue.on_change(change)
        self.campaigns.on_change(change)

    def open_target(self, target: Target) -> None:
        """Opened from Việc cần làm: the list of the item's campaign, every status shown, on its
        dossier."""
        self.tabs.setCurrentWidget(self.dossiers)
        self.dossiers.show_campaign(target.campaign_id, target.dossier_id)

    def refresh(self) -> None:
        """Read everything the page shows (as after a restore)."""
        self.dossiers.fill_campaigns()
        self.dossiers.refresh()
        self.catalogue.refresh()
        self.campaigns.refresh()

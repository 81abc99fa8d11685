"""Table models of the dossier pages: the list (with late and flagged rows marked) and the two
checklists of a dossier, whose ticks and notes are saved through the domain as the clerk makes them."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.awards.detail import ComponentLine, CriterionLine
from desktop.awards.dossiers import DossierRow
from desktop.models.ids import saved_id
from desktop.text import wording
from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#fde2e1")
FLAG = QColor("#fff3cd")


def _id_of(row: DossierRow) -> int:
    return saved_id(row.dossier.id)


class DossierListModel(RecordTableModel[DossierRow]):
    """The dossier list; a dossier late for its deadline or with a flagged nominee is coloured.

    Its rows stay in the order of their dossier's id (the order the list is read in), so the row of
    a dossier is found by bisection and a change to a few dossiers touches only their rows.
    """

    def row_of(self, dossier_id: int) -> int | None:
        """The row showing ``dossier_id``, None when it is not listed."""
        row = bisect_left(self._records, dossier_id, key=_id_of)
        found = row < len(self._records) and _id_of(self._records[row]) == dossier_id
        return row if found else None

    def put(self, record: DossierRow) -> None:
        """Show ``record``: in place of its dossier's row, or as a new row where its id goes."""
        dossier_id = _id_of(record)
        row = bisect_left(self._records, dossier_id, key=_id_of)
        if row < len(self._records) and _id_of(self._records[row]) == dossier_id:
            self._records[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.insert(row, record)
        self.endInsertRows()

    def drop(self, dossier_id: int) -> None:
        """No longer show ``dossier_id`` (deleted, or out of the filters now)."""
        row = self.row_of(dossier_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._records[row]
            self.endRemoveRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            row = self.record(index.row())
            if role == Qt.ItemDataRole.BackgroundRole:
                if row.overdue:
                    return QBrush(LATE)
                return QBrush(FLAG) if row.flagged else None
            tips = []
            if row.overdue and row.deadline:
                tips.append(t.OVERDUE_TIP.format(deadline=wording.short_date(row.deadline)))
            if row.flagged:
                tips.append(t.FLAGGED_TIP.format(note=row.discipline_note))
            return "\n".join(tips) or None
        return super().data(index, role)


def flags_text(row: DossierRow) -> str:
    return ", ".join(
        text for text, on in ((t.OVERDUE, row.overdue), (t.FLAGGED, row.flagged)) if on
    )


class _ChecklistModel(QAbstractTableModel):
    """A few lines with a tick in column 0 and one editable note column."""

    headers: Sequence[str] = ()
    note_column = -1

    def __init__(self, save: Callable[[Any, bool, str], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[Any] = []
        self._save = save
        self.editable = True

    def set_lines(self, lines: Sequence[Any], editable: bool) -> None:
        self.beginResetModel()
        self._lines, self.editable = list(lines), editable
        self.endResetModel()

    def line(self, row: int) -> Any:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return base
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.note_column:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def ticked(self, line: Any) -> bool:
        raise NotImplementedError

    def note(self, line: Any) -> str:
        raise NotImplementedError

    def text(self, line: Any, column: int) -> str:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.ticked(line) else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == self.note_column:
                return self.note(line)
            return "" if index.column() == 0 else self.text(line, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() != 0:
            return self.text(line, index.column()) if index.column() != self.note_column else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        line = self._lines[index.row()]
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._save(line, checked, self.note(line))
        if index.column() == self.note_column and role == Qt.ItemDataRole.EditRole:
            return self._save(line, self.ticked(line), str(value))
        return False


class CriteriaModel(_ChecklistModel):
    """Tiêu chuẩn: Đạt ✓, who it applies to, the standard, the evidence (minh chứng)."""

    headers = t.CRITERIA_COLUMNS
    note_column = 3

    def ticked(self, line: CriterionLine) -> bool:
        return line.met

    def note(self, line: CriterionLine) -> str:
        return line.evidence

    def text(self, line: CriterionLine, column: int) -> str:
        return line.criterion.nominee_kind.label if column == 1 else line.criterion.text


class ComponentsModel(_ChecklistModel):
    """Thành phần hồ sơ: Đã có ✓, the paper, required, its attached files, a note."""

    headers = t.COMPONENT_COLUMNS
    note_column = 4

    def ticked(self, line: ComponentLine) -> bool:
        return line.present

    def note(self, line: ComponentLine) -> str:
        return line.note

    def text(self, line: ComponentLine, column: int) -> str:
        if column == 1:
            return line.component.name
        if column == 2:
            return t.YES if line.component.required else t.NO
        return "; ".join(a.original_name for a in line.attachments)

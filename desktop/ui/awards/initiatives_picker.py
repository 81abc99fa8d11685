"""The dossier editor's Sáng kiến - mô hình tab: the nominee's initiatives of the campaign's period,
each with a check box "Đưa vào báo cáo thành tích" (chosen, not retyped; printed by the achievement
report). A tick runs :func:`desktop.movement.initiative_ops.choose_for_dossier` through the door at
once (Ctrl+Z in the editor takes it back); a dossier past the clerk shows its choice read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.movement.initiative_ops import DossierChoice, choose_for_dossier, dossier_choice
from desktop.movement.initiatives import InitiativeView
from desktop.ui.errors import show_error
from desktop.ui.texts import movement as t


def item_text(view: InitiativeView) -> str:
    authors = f" — {', '.join(view.authors)}" if view.authors else ""
    return f"{view.year} · {view.kind.label}: {view.title}{authors} ({view.recognition.label})"


class InitiativesPicker(QWidget):
    """See the module's docstring; the editor calls :meth:`on_change` with every change."""

    def __init__(self, ctx: AppContext, dossier_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id = ctx, dossier_id
        self.choice: DossierChoice | None = None
        self.heading = QLabel()
        self.heading.setObjectName("initiatives_heading")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("initiatives_picker")
        self.list.setSpacing(2)  # room for the marks above and below Vietnamese letters
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._ticked)
        self.note = QLabel()
        self.note.setObjectName("initiatives_note")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        self.reload()

    def reload(self) -> None:
        self.choice = self.ctx.door.read(lambda s: dossier_choice(s, self.dossier_id))
        choice = self.choice
        self.heading.setText(t.INI_PICKER_HEADING.format(period=choice.period))
        self.list.blockSignals(True)
        self.list.clear()
        for view in choice.offered:
            item = QListWidgetItem(item_text(view))
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setToolTip(f"{t.INI_PICKER_CHECK}\n{view.effect}".strip())
            flags = Qt.ItemFlag.ItemIsEnabled
            if choice.editable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            ticked = view.id in choice.chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not choice.offered:
            self.note.setText(t.INI_PICKER_NONE.format(period=choice.period))
        else:
            self.note.setText("" if choice.editable else t.INI_PICKER_LOCKED)

    def checked(self) -> list[int]:
        """The ticked initiatives: those chosen before keep their order, new ones follow."""
        ticked = [
            int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        before = self.choice.chosen if self.choice else []
        return [i for i in before if i in ticked] + [i for i in ticked if i not in before]

    def _ticked(self, _item: QListWidgetItem) -> None:
        try:
            self.ctx.door.run(choose_for_dossier(self.dossier_id, self.checked()))
        except Exception as error:
            show_error(self, error)
            self.reload()

    def on_change(self, change: Change) -> None:
        mine = change.ids_of(Area.DOSSIERS)
        if change.touches(Area.INITIATIVES, Area.PERSONS, Area.UNITS) or (
            change.touches(Area.DOSSIERS) and (not mine or self.dossier_id in mine)
        ):
            self.reload()

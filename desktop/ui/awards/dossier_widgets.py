"""Small widgets shared by the dossier and catalogue dialogs: OK/Hủy buttons in Vietnamese, tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableView

from desktop.ui.texts import common as tc
from desktop.ui.texts import dossiers as t


def dialog_buttons(dialog: QDialog, ok_text: str = t.OK) -> QDialogButtonBox:
    """OK and Hủy wired to the dialog; Qt's own button texts would be English."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tc.CANCEL)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def table_view(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(True)
    return view

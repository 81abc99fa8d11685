"""Small questions of the indicators page, with Vietnamese buttons (Qt's own say OK / Cancel)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.ui.texts import indicators as t


def ask_text(parent: QWidget, title: str, label: str, ok_text: str = t.BUTTON_OK) -> str | None:
    """A line of text from the clerk, or None when Hủy was pressed."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText(ok_text)
    dialog.setCancelButtonText(t.BUTTON_CANCEL)
    dialog.resize(520, dialog.sizeHint().height())
    return dialog.textValue() if dialog.exec() else None


def confirm(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t.BUTTON_CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes

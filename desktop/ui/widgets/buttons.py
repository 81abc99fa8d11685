"""The buttons under a dialog, in Vietnamese with their keys ("&Lưu", "&Hủy"): Qt's translation
(:mod:`desktop.ui.translations`) words the standard buttons without a key, and these words stay
Vietnamese even if that translation could not be loaded."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.ui.texts import common as t

WORDS = (
    (QDialogButtonBox.StandardButton.Ok, t.BUTTON_OK),
    (QDialogButtonBox.StandardButton.Save, t.BUTTON_SAVE),
    (QDialogButtonBox.StandardButton.Cancel, t.BUTTON_CANCEL),
)


def name_buttons(buttons: QDialogButtonBox) -> None:
    """Vietnamese words on the standard buttons ``buttons`` holds."""
    for standard, text in WORDS:
        button = buttons.button(standard)
        if button is not None:
            button.setText(text)


def save_cancel(dialog: QDialog, on_save: Callable[[], None] | None = None) -> QDialogButtonBox:
    """Lưu (``on_save``, else the dialog's accept) and Hủy (reject) for ``dialog``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    name_buttons(buttons)
    buttons.accepted.connect(on_save or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ok_cancel(dialog: QDialog, ok_text: str = t.BUTTON_OK) -> QDialogButtonBox:
    """``ok_text`` (accept) and Hủy (reject) for ``dialog``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    name_buttons(buttons)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons

"""Typing Vietnamese into widgets: QTest's keyClicks only knows ASCII keys (Qt asserts otherwise).

Each character is sent as a key press carrying its text, the way an IME (Unikey, the Windows
Vietnamese keyboard) delivers a composed letter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)

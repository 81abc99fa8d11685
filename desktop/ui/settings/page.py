"""Cài đặt: the ward settings as they will be printed, and where the data lives.

Reloaded in :meth:`SettingsPage.on_change` when the settings changed (the dialog's operation) or
the whole data was replaced (a restore).
"""

from __future__ import annotations

from dataclasses import fields
from html import escape

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.settings import WardSettings, load_settings
from desktop.ui.texts import common as t


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.summary.setObjectName("settings_summary")
        self.summary.setWordWrap(True)
        edit = QPushButton(t.ACTION_SETTINGS)
        edit.setObjectName("edit_settings")
        edit.clicked.connect(self._edit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{t.PAGE_SETTINGS}</h2>"))
        layout.addWidget(self.summary)
        layout.addWidget(edit)
        layout.addStretch(1)
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.touches(Area.SETTINGS):
            self.refresh()

    def refresh(self) -> None:
        settings = self.ctx.door.read(load_settings)
        rows = "".join(
            f"<tr><td>{escape(t.SETTINGS_FIELDS[f.name])}</td>"
            f"<td><b>{escape(str(getattr(settings, f.name))).replace(chr(10), '<br>')}</b></td></tr>"
            for f in fields(WardSettings)
        )
        self.summary.setText(
            f"<table cellpadding='3'>{rows}</table><p>Thư mục dữ liệu: "
            f"{escape(str(self.ctx.folder.root))}</p>"
        )

    def _edit(self) -> None:
        from desktop.ui.main_window import MainWindow

        window = self.window()
        if isinstance(window, MainWindow):  # the window's own action, with its status message
            window.edit_settings()

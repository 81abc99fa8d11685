"""Cài đặt: the ward settings as they will be printed, and where the data lives."""

from __future__ import annotations

from dataclasses import fields
from html import escape

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

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

    def refresh(self) -> None:
        with self.ctx.db.session() as session:
            settings = load_settings(session)
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
        window = self.window()
        if hasattr(window, "edit_settings"):
            window.edit_settings()

"""Cài đặt: the ward settings as they will be printed, the rules the results are judged by, the
backups, and where the data lives.

Reloaded in :meth:`SettingsPage.on_change` when the settings changed (the dialog's operation) or
the whole data was replaced (a restore).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.settings import WardSettings, load_settings
from desktop.ui.settings import labels
from desktop.ui.settings.deadlines import DeadlinesGroup
from desktop.ui.texts import common as t

# Shown as one row of the summary: "Các năm của Kế hoạch 2025–2030".
JOINED = {"plan_first_year", "plan_last_year"}


def summary_html(settings: WardSettings, folder: str) -> str:
    """The settings by group, one row per field, values in bold as the clerk set them."""
    parts = []
    for title, names in labels.groups():
        rows = []
        for name in names:
            if name in JOINED:
                if name != "plan_first_year":
                    continue
                text, value = labels.PLAN_YEARS, labels.PLAN_YEARS_VALUE.format(
                    first=settings.plan_first_year, last=settings.plan_last_year
                )
            else:
                text, value = labels.label(name), _value(name, getattr(settings, name))
            shown = escape(value).replace(chr(10), "<br>")
            rows.append(f"<tr><td>{escape(text)}</td><td><b>{shown}</b></td></tr>")
        parts.append(f"<h3>{escape(title)}</h3><table cellpadding='3'>{''.join(rows)}</table>")
    parts.append(f"<p>{escape(labels.DATA_FOLDER.format(folder=folder))}</p>")
    return "".join(parts)


def _value(name: str, value: object) -> str:
    spec = labels.NUMBER_FIELDS.get(name)
    if spec is not None and isinstance(value, int):
        return spec.summary(value)
    return str(value)


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.summary.setObjectName("settings_summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        edit = QPushButton(t.ACTION_SETTINGS)
        edit.setObjectName("edit_settings")
        edit.clicked.connect(self._edit)
        edit_results = QPushButton(labels.EDIT_RESULTS)
        edit_results.setObjectName("edit_result_settings")
        edit_results.clicked.connect(self._edit_results)
        buttons = QHBoxLayout()
        buttons.addWidget(edit)
        buttons.addWidget(edit_results)
        buttons.addStretch(1)
        scroll = QScrollArea()  # the summary outgrows a 768-pixel screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The summary, then the deadlines' own group with its Lưu (Mốc thời gian và hạn).
        self.deadlines = DeadlinesGroup(ctx, self)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.summary)
        column.addWidget(self.deadlines)
        column.addStretch(1)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{t.PAGE_SETTINGS}</h2>"))
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.touches(Area.SETTINGS):
            self.refresh()
        if change.touches(Area.SETTINGS, Area.AWARDS):  # a campaign's deadline
            self.deadlines.refresh()

    def refresh(self) -> None:
        settings = self.ctx.door.read(load_settings)
        self.summary.setText(summary_html(settings, str(self.ctx.folder.root)))

    def _edit(self) -> None:
        from desktop.ui.main_window import MainWindow

        window = self.window()
        if isinstance(window, MainWindow):  # the window's own action, with its status message
            window.edit_settings()

    def _edit_results(self) -> None:
        """The same dialog, opened on the rules of the results."""
        from desktop.ui.main_window import MainWindow
        from desktop.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self, tab=labels.RESULTS_TAB)
        window = self.window()
        if dialog.exec() and isinstance(window, MainWindow):
            window.statusBar().showMessage(labels.RESULTS_SAVED, 5000)

"""Khó khăn, vướng mắc and Phương hướng, nhiệm vụ of a sơ kết or tổng kết report, in the clerk's
words (parts V and VI of the review; :mod:`desktop.documents.review_texts`). Both are saved
through the door in one step, so one Ctrl+Z on the Văn bản page takes both back; the report is
issued only when both are written."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.documents import ops
from desktop.errors import Refusal
from desktop.ui.errors import show_error
from desktop.ui.texts import documents as t
from desktop.ui.widgets.buttons import save_cancel


class ReviewTextsDialog(QDialog):
    """Lưu saves both texts and closes; Hủy closes without saving."""

    def __init__(
        self, ctx: AppContext, last_year: int, period: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.last_year, self.period = ctx, last_year, period
        self.setWindowTitle(t.REVIEW_TEXTS_TITLE.format(period=period))
        self.resize(640, 560)
        saved = ctx.door.read(ops.review_texts_of(last_year))
        note = QLabel(t.REVIEW_TEXTS_NOTE)
        note.setObjectName("review_texts_note")
        note.setWordWrap(True)
        self.difficulties = QPlainTextEdit(saved.difficulties)
        self.difficulties.setObjectName("review_difficulties")
        self.difficulties.setPlaceholderText(t.REVIEW_DIFFICULTIES_HINT)
        self.direction = QPlainTextEdit(saved.direction)
        self.direction.setObjectName("review_direction")
        self.direction.setPlaceholderText(t.REVIEW_DIRECTION_HINT)
        for editor in (self.difficulties, self.direction):
            editor.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(QLabel(t.REVIEW_DIFFICULTIES_LABEL))
        layout.addWidget(self.difficulties, 1)
        layout.addWidget(QLabel(t.REVIEW_DIRECTION_LABEL))
        layout.addWidget(self.direction, 1)
        layout.addWidget(save_cancel(self, self.save))
        self.missing: list[str] = saved.missing

    def save(self) -> None:
        operation = ops.save_review_texts(
            self.last_year,
            self.period,
            difficulties=self.difficulties.toPlainText(),
            direction=self.direction.toPlainText(),
        )
        try:
            self.missing = self.ctx.door.run(operation).missing
        except Refusal as error:  # a text too long: the dialog stays open with the clerk's words
            show_error(self, error, t.ERROR_TITLE)
            return
        self.accept()

    def result_text(self) -> str:
        """What the page's status line says after Lưu."""
        if self.missing:
            return t.REVIEW_TEXTS_MISSING.format(
                period=self.period, missing=", ".join(self.missing)
            )
        return t.REVIEW_TEXTS_SAVED.format(period=self.period)

"""Phương hướng, đề xuất: the clerk writes section IV of a Báo cáo kết quả and saves it through the
door (:func:`desktop.documents.ops.save_direction`). Until it is saved, the dialog starts from the
sentences the draft prints, and says so; a report is issued only once the text is saved.

For the yearly report on the movement (``difficulties=True``) the dialog also holds its section
III, Khó khăn, vướng mắc (:func:`desktop.documents.ops.save_difficulties`), kept in the same
year's record; that report is issued only once both are saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.documents import ops
from desktop.documents.directions import period_words
from desktop.errors import Refusal
from desktop.ui.errors import show_error
from desktop.ui.texts import documents as t
from desktop.ui.widgets.buttons import save_cancel


class DirectionDialog(QDialog):
    """Lưu saves the text (an empty one removes it) and closes; Hủy closes without saving."""

    def __init__(
        self,
        ctx: AppContext,
        year: int,
        quarter: int | None,
        parent: QWidget | None = None,
        difficulties: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.year, self.quarter = ctx, year, quarter
        self.period = period_words(year, quarter)
        self.setWindowTitle(t.DIRECTION_TITLE.format(period=self.period))
        self.resize(640, 420)
        start = ctx.door.read(ops.report_direction(year, quarter))
        words = t.YEARLY_NOTE if difficulties else t.DIRECTION_NOTE
        note = QLabel(words if start.saved else f"{words}\n{t.DIRECTION_SUGGESTED}")
        note.setObjectName("direction_note")
        note.setWordWrap(True)
        self.editor = QPlainTextEdit(start.text)
        self.editor.setObjectName("direction_text")
        self.editor.setTabChangesFocus(True)
        buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        # Khó khăn, vướng mắc: only the yearly report on the movement has this section.
        self.difficulties: QPlainTextEdit | None = None
        if difficulties and not quarter:
            self.resize(640, 560)
            self.difficulties = QPlainTextEdit(start.difficulties)
            self.difficulties.setObjectName("difficulties_text")
            self.difficulties.setTabChangesFocus(True)
            layout.addWidget(QLabel(t.DIFFICULTIES_LABEL))
            layout.addWidget(self.difficulties, 1)
            layout.addWidget(QLabel(t.DIRECTION_LABEL))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.saved_text: str | None = None  # what was stored, once Lưu succeeded

    def save(self) -> None:
        try:
            if self.difficulties is not None:  # both parts in one step: one Ctrl+Z
                both = ops.save_yearly_texts(
                    self.year, self.difficulties.toPlainText(), self.editor.toPlainText()
                )
                self.saved_text = self.ctx.door.run(both)[1]
            else:
                operation = ops.save_direction(self.year, self.quarter, self.editor.toPlainText())
                self.saved_text = self.ctx.door.run(operation)
        except Refusal as error:  # a text too long: the dialog stays open with the clerk's words
            show_error(self, error, t.ERROR_TITLE)
            return
        self.accept()

    def result_text(self) -> str:
        """What the page's status line says after Lưu."""
        template = t.DIRECTION_SAVED if self.saved_text else t.DIRECTION_CLEARED
        return template.format(period=self.period)

"""Cài đặt › Mốc thời gian và hạn: the plan's milestones, the clerk's own dates (edited here) and
the campaigns' deadlines for dossiers (edited on the dossiers page, shown here beside the rest).

The dates are typed as the clerk writes them ("15/12", "30/11/2027") and read by the domain's
parsers, so that the window and ``deadlines set`` refuse the same text with the same words; they
are saved by :func:`~desktop.movement.deadline_settings.save_deadlines`, which announces
``Change(Area.SETTINGS)`` — Việc cần làm reads its list again.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import list_campaigns
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.movement.deadline_settings import (
    REVIEW_NAMES,
    DeadlineSettings,
    load_deadlines,
    milestones,
    parse_date,
    parse_day_month,
    review_day,
    save_deadlines,
)
from desktop.text import wording
from desktop.ui.errors import show_error
from desktop.ui.texts import movement as t


class DeadlinesGroup(QGroupBox):
    """The group of the Cài đặt page; :meth:`refresh` reads it all again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(t.DUE_SETTINGS_GROUP, parent)
        self.setObjectName("deadlines_group")
        # Titled like the summary's groups above it (h3), its fields in the usual font.
        self.setStyleSheet("QGroupBox#deadlines_group { font-weight: bold; font-size: 12pt; }")
        self.ctx = ctx
        self.settings = DeadlineSettings()
        self.reviews: dict[str, int] = {}
        self.milestones = QLabel()
        self.milestones.setObjectName("deadline_milestones")
        self.milestones.setWordWrap(True)
        self.collection_day = QSpinBox()
        self.collection_day.setObjectName("deadline_collection_day")
        self.collection_day.setRange(1, 31)  # the rule (1–30) and its message are the domain's
        self.yearly_report = _line("deadline_yearly_report", "15/12")
        self.commitment_day = _line("deadline_commitment_day", "31/03")
        self.review_edits = {kind: _line(f"deadline_{kind}", "30/11/2027") for kind in REVIEW_NAMES}
        self.soon_days = QSpinBox()
        self.soon_days.setObjectName("deadline_soon_days")
        self.soon_days.setRange(0, 365)
        self.soon_days.setSuffix(t.DUE_SETTINGS_SOON_SUFFIX)
        self.campaigns = QLabel()
        self.campaigns.setObjectName("deadline_campaigns")
        self.campaigns.setWordWrap(True)
        self.save_button = QPushButton(t.DUE_SETTINGS_SAVE)
        self.save_button.setObjectName("save_deadlines")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("deadline_status")

        self.form = QFormLayout()
        collection = QHBoxLayout()
        collection.addWidget(self.collection_day)
        collection.addWidget(QLabel(t.DUE_SETTINGS_COLLECTION_AFTER))
        collection.addStretch(1)
        self.form.addRow(t.DUE_SETTINGS_COLLECTION, collection)
        self.form.addRow(t.DUE_SETTINGS_YEARLY, self.yearly_report)
        self.form.addRow(t.DUE_SETTINGS_COMMITMENT, self.commitment_day)
        self.review_labels = {kind: QLabel() for kind in REVIEW_NAMES}
        for kind, edit in self.review_edits.items():
            self.form.addRow(self.review_labels[kind], edit)
        soon = QHBoxLayout()
        soon.addWidget(self.soon_days)
        soon.addStretch(1)
        self.form.addRow(t.DUE_SETTINGS_SOON, soon)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.milestones)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.campaigns)
        self.refresh()

    def refresh(self) -> None:
        def read(session: Any) -> tuple[Any, ...]:
            return milestones(session), load_deadlines(session), list_campaigns(session)

        marks, self.settings, campaigns = self.ctx.door.read(read)
        self.reviews = {m.kind: m.year for m in marks if m.kind in REVIEW_NAMES}
        self.milestones.setText(
            f"<b>{t.DUE_SETTINGS_MILESTONES}</b><br>"
            + "<br>".join(escape(m.text) for m in marks)
        )
        s = self.settings
        self.collection_day.setValue(s.collection_day)
        self.yearly_report.setText(wording.day_month(*s.yearly_report))
        self.commitment_day.setText(wording.day_month(*s.commitment_day))
        for kind, edit in self.review_edits.items():
            year = self.reviews.get(kind)
            shown = year is not None
            edit.setVisible(shown)
            self.review_labels[kind].setVisible(shown)
            if year is not None:
                self.review_labels[kind].setText(
                    t.DUE_SETTINGS_REVIEW.format(name=REVIEW_NAMES[kind], year=year)
                )
                edit.setText(wording.short_date(review_day(s, kind, year)))
        self.soon_days.setValue(s.soon_days)
        lines = [
            f"{escape(c.name)}: <b>"
            f"{wording.short_date(c.deadline) if c.deadline else t.DUE_SETTINGS_NO_DEADLINE}</b>"
            for c in campaigns
        ]
        self.campaigns.setText(f"<b>{t.DUE_SETTINGS_CAMPAIGNS}</b><br>" + "<br>".join(lines))

    def edited(self) -> DeadlineSettings:
        """The dates as typed; refused (DeadlineError) when one cannot be read."""
        reviews = {
            kind: parse_date(edit.text(), f"Hạn gửi báo cáo {REVIEW_NAMES[kind]}")
            for kind, edit in self.review_edits.items()
            if kind in self.reviews
        }
        return replace(
            self.settings,
            collection_day=self.collection_day.value(),
            yearly_report=parse_day_month(self.yearly_report.text(), "Hạn gửi báo cáo năm"),
            commitment_day=parse_day_month(self.commitment_day.text(), "Hạn đăng ký thi đua"),
            soon_days=self.soon_days.value(),
            **reviews,
        )

    def save(self) -> bool:
        try:
            self.ctx.door.run(save_deadlines(self.edited()))
        except Exception as error:  # a date to correct, a busy or read-only file, or a bug
            show_error(self, error, t.DUE_SETTINGS_INVALID if isinstance(error, Refusal) else "")
            return False
        self.status.setText(t.DUE_SETTINGS_SAVED)
        return True


def _line(name: str, example: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(example)
    edit.setMaximumWidth(140)
    return edit

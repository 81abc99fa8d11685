"""The units' lists of nominations (danh sách đề nghị): the blank workbook of a campaign, and the
preview of a filled one before it becomes Nháp dossiers.

Both go through the domain's own reads and operation, the same the command line uses: the preview
says row by row what importing would create and every problem; with a single problem nothing can be
imported (the "Nhập" button is not offered) and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import get_campaign, list_award_forms
from desktop.awards.nominations import (
    Imported,
    NominationList,
    NominationPreview,
    import_nominations,
    preview,
)
from desktop.awards.rules import campaign_kinds_of
from desktop.changes import Query
from desktop.context import AppContext
from desktop.errors import more_lines
from desktop.models import AwardForm, Campaign, Unit
from desktop.models.ids import CampaignId
from desktop.register.units import list_units
from desktop.text import wording
from desktop.ui.errors import show_error
from desktop.ui.texts import common as tc
from desktop.ui.texts import dossiers as t

TemplateChoices = tuple[str, list[tuple[str, str]], list[tuple[str, str]]]


def _choices(
    campaign: Campaign, forms: Sequence[AwardForm], units: Sequence[Unit]
) -> TemplateChoices:
    offered = [(f.code, f.name) for f in forms if campaign.kind in campaign_kinds_of(f)]
    return campaign.name, offered, [(u.code, u.name) for u in units]


def template_choices(campaign_id: int) -> Query[TemplateChoices]:
    """The campaign's name, the (code, name) of the forms it offers, of the active units: the
    same reads as ``thidua-cli dossiers template``."""
    return lambda session: _choices(
        get_campaign(session, campaign_id),
        list_award_forms(session, include_inactive=False),
        list_units(session, include_inactive=False),
    )


def write_campaign_template(ctx: AppContext, campaign_id: int, path: Path) -> str:
    """Write the blank list of the campaign to ``path``; its name."""
    from desktop.excel.nominations import write_template

    name, forms, units = ctx.door.read(template_choices(campaign_id))
    write_template(path, name, forms, units)
    return name


def preview_text(seen: NominationPreview) -> str:
    """What the clerk reads: the summary, the rows to be created, the problems."""
    lines = [seen.summary(), ""]
    lines += [p.describe() for p in seen.planned]
    if seen.problems:
        lines += ["", *more_lines(seen.problems), "", t.NOMINATION_NOTHING_WRITTEN]
    return "\n".join(lines)


class NominationPreviewDialog(QDialog):
    """The preview of a filled list; "Nhập" creates the dossiers when the list has no problem."""

    def __init__(
        self,
        ctx: AppContext,
        campaign_id: int,
        nominations: NominationList,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = CampaignId(campaign_id)
        self.nominations = nominations
        self.imported: Imported | None = None
        self.setWindowTitle(t.NOMINATION_IMPORT_TITLE)
        self.resize(720, 420)
        self.preview = ctx.door.read(lambda s: preview(s, campaign_id, nominations))
        self.summary = QLabel(self.preview.summary())
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(preview_text(self.preview))
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        if self.preview.ok:
            self.import_button = self.buttons.addButton(
                t.NOMINATION_DO_IMPORT, QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.import_button.setObjectName("import_nominations")
            self.buttons.addButton(tc.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.buttons.addButton(t.NOMINATION_CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    @property
    def text(self) -> str:
        return self.details.toPlainText()

    def run_import(self) -> None:
        try:
            imported = self.ctx.door.run(import_nominations(self.campaign_id, self.nominations))
        except Exception as error:
            show_error(self, error, t.NOMINATION_IMPORT_TITLE)
            return
        self.imported = imported
        message = t.NOMINATION_IMPORTED.format(
            count=wording.count(len(imported.dossier_ids)),
            numbers=", ".join(str(i) for i in imported.dossier_ids),
        )
        if imported.person_ids:
            message += "\n" + t.NOMINATION_PERSONS_ADDED.format(
                count=wording.count(len(imported.person_ids))
            )
        QMessageBox.information(self, t.NOMINATION_IMPORT_TITLE, message)
        self.accept()

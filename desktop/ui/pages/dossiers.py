"""Hồ sơ khen thưởng: the dossiers of every campaign."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.dossiers import DossierRow, list_dossiers
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column

COLUMNS = [
    Column[DossierRow]("Số", lambda r: r.dossier.id, align_right=True),
    Column[DossierRow]("Đối tượng đề nghị", lambda r: r.nominee),
    Column[DossierRow]("Hình thức", lambda r: r.award),
    Column[DossierRow]("Đợt xét", lambda r: r.campaign),
    Column[DossierRow]("Trạng thái", lambda r: r.status.label),
]


class DossiersPage(ListPage):
    title = "Hồ sơ khen thưởng"
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(parent)
        self.refresh()

    def load(self) -> list[DossierRow]:
        with self.ctx.db.session() as session:
            return list_dossiers(session)

"""Văn bản & báo cáo: the register of documents the ward has issued."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.documents_register import list_issued
from desktop.models import IssuedDocument
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column

COLUMNS = [
    Column[IssuedDocument]("Số, ký hiệu", lambda d: d.symbol),
    Column[IssuedDocument]("Ngày", lambda d: d.issued_on.strftime("%d/%m/%Y")),
    Column[IssuedDocument]("Trích yếu", lambda d: d.title),
]


class DocumentsPage(ListPage):
    title = "Văn bản và báo cáo đã ban hành"
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(parent)
        self.refresh()

    def load(self) -> list[IssuedDocument]:
        with self.ctx.db.session() as session:
            return list_issued(session)

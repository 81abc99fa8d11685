"""Đơn vị: the register of units."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.models import Unit
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column
from desktop.units import list_units

COLUMNS = [
    Column[Unit]("Mã", lambda u: u.code),
    Column[Unit]("Tên đơn vị", lambda u: u.name),
    Column[Unit]("Loại", lambda u: u.kind.label),
    Column[Unit]("Người đứng đầu", lambda u: u.head_name),
    Column[Unit]("Điện thoại", lambda u: u.phone),
    Column[Unit]("Hoạt động", lambda u: "Có" if u.active else "Không"),
]


class UnitsPage(ListPage):
    title = "Đơn vị"
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(parent)
        self.refresh()

    def load(self) -> list[Unit]:
        with self.ctx.db.session() as session:
            return list_units(session)

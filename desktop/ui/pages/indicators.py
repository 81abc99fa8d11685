"""Chỉ tiêu & số liệu: the plan's indicators and their yearly targets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.indicators import IndicatorRow, list_indicators
from desktop.models import UnitKind
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column


def _target(year: int):
    return lambda r: f"{r.targets[year]:g} %" if year in r.targets else ""


def _kinds(row: IndicatorRow) -> str:
    return ", ".join(UnitKind(k).label for k in row.indicator.unit_kind_list)


COLUMNS = [
    Column[IndicatorRow]("Mã", lambda r: r.indicator.code),
    Column[IndicatorRow]("Chỉ tiêu", lambda r: r.indicator.name),
    Column[IndicatorRow]("Năm 2025", _target(2025), align_right=True),
    Column[IndicatorRow]("Năm 2026", _target(2026), align_right=True),
    Column[IndicatorRow]("Đơn vị báo cáo", _kinds),
]


class IndicatorsPage(ListPage):
    title = "Chỉ tiêu và số liệu"
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(parent)
        self.refresh()

    def load(self) -> list[IndicatorRow]:
        with self.ctx.db.session() as session:
            return list_indicators(session)

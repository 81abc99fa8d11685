"""The short name of an indicator (issue 14): edited in the catalogue's dialog, saved through the
door, and printed over the indicator's column in the report's annex instead of its code."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.context import AppContext
from desktop.documents import report
from desktop.documents.common import DocumentRequest
from desktop.models import Indicator
from desktop.storage import Database
from desktop.ui.indicators.indicator_dialog import IndicatorDialog
from desktop.ui.indicators.page import IndicatorsPage
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


def _indicator(ctx: AppContext, code: str) -> Indicator:
    found = ctx.door.read(lambda s: s.exec(select(Indicator).where(Indicator.code == code)).one())
    assert isinstance(found, Indicator)
    return found


def test_the_clerk_gives_an_indicator_a_short_name_for_the_annex(
    qtbot, ctx: AppContext, demo_db: Database
) -> None:  # type: ignore[no-untyped-def]
    page = IndicatorsPage(ctx)
    qtbot.addWidget(page)
    dialog = IndicatorDialog(ctx, _indicator(ctx, "VNEID"), page)
    qtbot.addWidget(dialog)
    assert dialog.short_name.text() == "Phổ cập kỹ năng số trên VNeID"  # the plan's own
    dialog.short_name.clear()
    type_text(dialog.short_name, "  Xác nhận   trên VNeID ")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = _indicator(ctx, "VNEID")
    assert saved.short_name == "Xác nhận trên VNeID" and saved.label == "Xác nhận trên VNeID"
    data = ctx.door.read(lambda s: report.gather(s, DocumentRequest("report", year=2025)))
    labels = data["report"]["indicator_labels"]
    assert "Xác nhận trên VNeID" in labels and "VNEID" not in labels
    # Left empty, the column is headed by the indicator's name.
    again = IndicatorDialog(ctx, saved, page)
    qtbot.addWidget(again)
    again.short_name.clear()
    again.save()
    assert _indicator(ctx, "VNEID").label == saved.name
    assert again.short_name.maxLength() == 60

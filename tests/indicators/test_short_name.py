"""An indicator's short name (tên ngắn, issue 14) is saved by the catalogue's one operation, trimmed,
and refused when too long for a column heading."""

from __future__ import annotations

import pytest

from desktop.context import AppContext
from desktop.indicators import ops
from desktop.indicators.rules import ValueRefused
from desktop.indicators.targets import SHORT_NAME_LENGTH, IndicatorInput
from desktop.models import Indicator, UnitKind
from desktop.storage import Database


def _new(short_name: str) -> IndicatorInput:
    return IndicatorInput(
        code="TTSO",
        name="Trường có tủ sách số",
        population="schools",
        numerator_label="Trường có tủ sách số",
        denominator_label="Trường",
        unit_kinds=[UnitKind.SCHOOL_PRIMARY],
        short_name=short_name,
    )


def test_a_short_name_is_saved_trimmed_and_heads_the_column(db: Database, ctx: AppContext) -> None:
    indicator_id = ctx.door.run(ops.save_indicator(_new("  Tủ sách\tsố ")))
    saved = ctx.door.read(lambda s: s.get(Indicator, indicator_id))
    assert saved is not None and saved.short_name == "Tủ sách số" and saved.label == "Tủ sách số"
    edited = _new("")
    edited.id = indicator_id
    ctx.door.run(ops.save_indicator(edited))
    again = ctx.door.read(lambda s: s.get(Indicator, indicator_id))
    assert again is not None and again.short_name == "" and again.label == "Trường có tủ sách số"


def test_a_short_name_too_long_is_refused_with_the_other_problems(
    db: Database, ctx: AppContext
) -> None:
    wrong = _new("x" * (SHORT_NAME_LENGTH + 1))
    wrong.unit_kinds = []
    with pytest.raises(ValueRefused) as refused:
        ctx.door.run(ops.save_indicator(wrong))
    assert "Tên ngắn của chỉ tiêu dài quá 60 ký tự" in str(refused.value)
    assert "Hãy chọn ít nhất một loại đơn vị" in str(refused.value)

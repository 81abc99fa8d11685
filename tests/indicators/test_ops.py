"""The indicators' operations through the one door: one transaction and one check per edit, a note
asked before anything is written, undo audited, and each change telling what it touched."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import event
from sqlmodel import select

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.indicators import ops
from desktop.indicators.lock import QuarterLocked
from desktop.indicators.rules import Pair
from desktop.indicators.targets import IndicatorInput
from desktop.indicators.values import CellsRefused, ValueChange
from desktop.models import AuditEntry, Indicator, IndicatorTarget, QuarterValue, Unit, UnitKind
from desktop.models.ids import IndicatorId, UnitId
from desktop.storage import Database


@dataclass
class Traffic:
    """What the engine was asked while it was watched."""

    statements: list[str] = field(default_factory=list)
    begins: int = 0
    commits: int = 0
    rollbacks: int = 0

    def reads_of(self, table: str) -> int:
        return sum(f"FROM {table}" in s for s in self.statements if s.startswith("SELECT"))


@pytest.fixture
def traffic(ctx: AppContext, demo_db: Database) -> Iterator[Traffic]:
    seen = Traffic()
    engine = demo_db.engine

    def statement(_conn, _cursor, sql, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.statements.append(sql.strip())

    def began(_conn) -> None:  # type: ignore[no-untyped-def]
        seen.begins += 1

    def committed(_conn) -> None:  # type: ignore[no-untyped-def]
        seen.commits += 1

    def rolled_back(_conn) -> None:  # type: ignore[no-untyped-def]
        seen.rollbacks += 1

    hooks = [
        ("before_cursor_execute", statement),
        ("begin", began),
        ("commit", committed),
        ("rollback", rolled_back),
    ]
    for name, hook in hooks:
        event.listen(engine, name, hook)
    yield seen
    for name, hook in hooks:
        event.remove(engine, name, hook)


def _ids(ctx: AppContext, unit: str, indicator: str) -> tuple[UnitId, IndicatorId]:
    def query(s):  # type: ignore[no-untyped-def]
        unit_id = s.exec(select(Unit.id).where(Unit.code == unit)).one()
        indicator_id = s.exec(select(Indicator.id).where(Indicator.code == indicator)).one()
        return UnitId(unit_id), IndicatorId(indicator_id)

    return ctx.door.read(query)


def _stored(ctx: AppContext, unit: str, indicator: str, year: int = 2026, quarter: int = 4):  # type: ignore[no-untyped-def]
    unit_id, indicator_id = _ids(ctx, unit, indicator)

    def query(s):  # type: ignore[no-untyped-def]
        return s.exec(
            select(QuarterValue).where(
                QuarterValue.unit_id == unit_id,
                QuarterValue.indicator_id == indicator_id,
                QuarterValue.year == year,
                QuarterValue.quarter == quarter,
            )
        ).first()

    row = ctx.door.read(query)
    return None if row is None else Pair(row.numerator, row.denominator)


def _edit(ctx: AppContext, unit: str, indicator: str, pair: Pair, **options: object):  # type: ignore[no-untyped-def]
    unit_id, indicator_id = _ids(ctx, unit, indicator)
    change = ValueChange(unit_id, indicator_id, pair)
    return ops.save_cells(2026, 4, [change], f"sửa ô {indicator} của {unit}", **options)  # type: ignore[arg-type]


def _reasons(ctx: AppContext) -> list[str]:
    return ctx.door.read(lambda s: [e.reason for e in s.exec(select(AuditEntry))])


def test_one_cell_edit_is_one_transaction_that_checks_once(
    ctx: AppContext, traffic: Traffic
) -> None:
    operation = _edit(ctx, "TDP01", "DANSO", Pair(None, 630))  # the register's adults
    traffic.statements.clear()
    traffic.begins = traffic.commits = 0
    saved = ctx.door.run(operation)
    assert (traffic.begins, traffic.commits, traffic.rollbacks) == (1, 1, 0)
    assert traffic.statements.count("BEGIN IMMEDIATE") == 1
    assert traffic.reads_of("setting") == 1  # the warning threshold: the rules ran once
    assert traffic.reads_of("quarterlock") == 1
    assert saved.after == {_ids(ctx, "TDP01", "DANSO"): Pair(None, 630)}


def test_a_big_change_is_refused_until_the_clerk_gives_a_note(
    ctx: AppContext, traffic: Traffic
) -> None:
    # The demo ward (as of 1/12/2026, quarter 4 open) has TDP01 at 100 % in 2026 Q3: 10 % is a big fall.
    with pytest.raises(ops.NoteNeeded) as needed:
        ctx.door.run(_edit(ctx, "TDP01", "DANSO", Pair(10, 100)))
    assert "giảm" in needed.value.warnings[0].message
    assert needed.value.problems == [w.message for w in needed.value.warnings]
    assert _stored(ctx, "TDP01", "DANSO") is None  # nothing written
    assert not ctx.door.history.can_undo(ops.SCOPE)
    noted = _edit(ctx, "TDP01", "DANSO", Pair(10, 100), note="Tổ rà soát lại")
    commits = traffic.commits
    ctx.door.run(noted)
    assert traffic.commits == commits + 1  # saved once, with the note
    assert _stored(ctx, "TDP01", "DANSO") == Pair(10, 100)
    unit_id, indicator_id = _ids(ctx, "TDP01", "DANSO")
    note = ctx.door.read(
        lambda s: s.exec(
            select(QuarterValue.note).where(
                QuarterValue.unit_id == unit_id, QuarterValue.indicator_id == indicator_id
            )
        ).all()
    )
    assert "Tổ rà soát lại" in note
    # Delete and copied denominators save despite a warning, without asking.
    ctx.door.run(_edit(ctx, "TDP02", "DANSO", Pair(5, 100), ask_note=False))
    assert _stored(ctx, "TDP02", "DANSO") == Pair(5, 100)


def test_undo_writes_the_old_pair_back_audited_and_redo_again(ctx: AppContext, demo_db) -> None:  # type: ignore[no-untyped-def]
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    ctx.door.run(_edit(ctx, "TDP01", "DANSO", Pair(600, 630)))
    unit_id, _indicator = _ids(ctx, "TDP01", "DANSO")
    assert heard[-1].ids_of(Area.VALUES) == {unit_id}
    assert ctx.door.undo(ops.SCOPE) == "sửa ô DANSO của TDP01"
    assert _stored(ctx, "TDP01", "DANSO") == Pair(None, None)
    assert "Hoàn tác: sửa ô DANSO của TDP01" in _reasons(ctx)
    assert heard[-1].ids_of(Area.VALUES) == {unit_id}  # the grid reloads that unit's row
    assert ctx.door.redo(ops.SCOPE) == "sửa ô DANSO của TDP01"
    assert _stored(ctx, "TDP01", "DANSO") == Pair(600, 630)
    assert "Làm lại: sửa ô DANSO của TDP01" in _reasons(ctx)


def test_undo_into_a_locked_quarter_is_refused_and_leaves_the_history(
    ctx: AppContext, demo_db: Database
) -> None:
    ctx.door.run(_edit(ctx, "TDP01", "DANSO", Pair(600, 630)))
    ctx.door.run(ops.lock_quarter(2026, 4, allow_incomplete=True))
    with pytest.raises(QuarterLocked):
        ctx.door.undo(ops.SCOPE)
    assert _stored(ctx, "TDP01", "DANSO") == Pair(600, 630)
    assert not ctx.door.history.can_undo(ops.SCOPE)


def test_a_wrong_cell_refuses_the_batch_and_names_it(ctx: AppContext, demo_db: Database) -> None:
    good = _ids(ctx, "TDP01", "DANSO")
    bad = _ids(ctx, "TDP02", "DANSO")
    batch = [ValueChange(*good, Pair(10, 20)), ValueChange(*bad, Pair(30, 20))]
    with pytest.raises(CellsRefused) as refused:
        ctx.door.run(ops.save_cells(2026, 4, batch, "dán 4 ô"))
    assert [c.key for c in refused.value.cells] == [bad]
    assert "không được lớn hơn" in refused.value.text()
    assert _stored(ctx, "TDP01", "DANSO") is None


def test_copy_previous_denominators_is_one_undoable_step(
    ctx: AppContext, demo_db: Database
) -> None:
    saved = ctx.door.run(ops.copy_previous_denominators(2026, 4, "chép mẫu số quý trước"))
    assert saved.count > 0 and all(p.numerator is None for p in saved.after.values())
    assert _stored(ctx, "TDP01", "DANSO") == Pair(None, _stored(ctx, "TDP01", "DANSO", 2026, 3).denominator)
    again = ctx.door.run(ops.copy_previous_denominators(2026, 4, "chép mẫu số quý trước"))
    assert again.count == 0  # every denominator is there now: nothing to do, nothing to undo
    assert ctx.door.history.undo_label(ops.SCOPE) == "chép mẫu số quý trước"
    ctx.door.undo(ops.SCOPE)
    assert _stored(ctx, "TDP01", "DANSO") == Pair(None, None)


def test_lock_and_unlock_tell_the_quarter_changed(ctx: AppContext, demo_db: Database) -> None:
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    ctx.door.run(ops.lock_quarter(2026, 4, allow_incomplete=True))
    with pytest.raises(QuarterLocked):
        ctx.door.run(_edit(ctx, "TDP01", "DANSO", Pair(1, 2)))
    ctx.door.run(ops.unlock_quarter(2026, 4, "Tổ 1 báo cáo lại"))
    assert [c.touches(Area.VALUES) and not c.ids_of(Area.VALUES) for c in heard] == [True, True]
    assert "Tổ 1 báo cáo lại" in _reasons(ctx)


def test_an_indicator_and_its_target_announce_the_catalogue(
    ctx: AppContext, demo_db: Database
) -> None:
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    data = IndicatorInput(
        code="dvctt",
        name="Hồ sơ thủ tục hành chính nộp trực tuyến",
        population="adults",
        numerator_label="Số hồ sơ trực tuyến",
        denominator_label="Tổng số hồ sơ",
        unit_kinds=[UnitKind.WARD_OFFICE],
    )
    indicator_id = ctx.door.run(ops.save_indicator(data))
    assert heard[-1] == Change.of(Area.INDICATORS, indicator_id)
    ctx.door.run(ops.set_target(indicator_id, 2027, 95))
    assert heard[-1] == Change.of(Area.INDICATORS, indicator_id)
    target = ctx.door.read(
        lambda s: s.exec(
            select(IndicatorTarget.target_percent).where(
                IndicatorTarget.indicator_id == indicator_id
            )
        ).all()
    )
    assert target == [95]

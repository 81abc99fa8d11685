"""Units' commitments (đăng ký thi đua): who of the units expected in a year registered and sent
their own plan, who is to be chased; recorded, refused, undone, with the plan's file kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.awards.attachments import stored_path
from desktop.changes import Area
from desktop.errors import Refusal
from desktop.movement import commitment_ops as ops
from desktop.movement.commitment_ops import CommitmentError, plan_files
from desktop.movement.commitments import registered_unit_ids, standing
from desktop.register.lookup import unit_by_code


def unit_id(ctx, code: str) -> int:  # type: ignore[no-untyped-def]
    return ctx.door.read(lambda s: unit_by_code(s, code).id)


def codes(rows) -> list[str]:  # type: ignore[no-untyped-def]
    return [(r[0] if isinstance(r, tuple) else r).code for r in rows]


def unrecorded(ctx, year: int, *unit_codes: str) -> list[int]:  # type: ignore[no-untyped-def]
    """The units' ids, with whatever the demo ward recorded for them in ``year`` cleared."""
    ids = [unit_id(ctx, code) for code in unit_codes]
    recorded = ctx.door.read(lambda s: [u for u in ids if ops.commitment_of(s, year, u)])
    for uid in recorded:
        ctx.door.run(ops.clear_commitment(year, uid))
    return ids


def refusal(ctx, operation) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CommitmentError) as refused:
        ctx.door.run(operation)
    return refused.value.text()


def test_the_units_expected_in_a_year_follow_the_registers_periods(db, ctx):
    from desktop.models import UnitKind
    from desktop.register import ops as register_ops
    from desktop.register.units import UNITS, UnitData

    for code in ("A", "B", "C"):
        ctx.door.run(
            register_ops.add(
                UNITS, UnitData(code=code, name=f"Đơn vị {code}", kind=UnitKind.BUSINESS)
            )
        )
    # Today is 1/12/2026: units added now report from quarter 4/2026, not in 2025.
    assert ctx.door.read(lambda s: standing(s, 2025)).expected == 0
    year = ctx.door.read(lambda s: standing(s, 2026))
    assert year.expected == 3 and codes(year.missing) == ["A", "B", "C"]


def test_registered_plan_received_and_missing(demo_db, ctx):
    before = ctx.door.read(lambda s: standing(s, 2026))
    vp, ttsnc = unrecorded(ctx, 2026, "VP", "TTSNC")
    ctx.door.run(ops.record_commitment(2026, vp, date(2026, 1, 15), date(2026, 2, 2)))
    ctx.door.run(ops.record_commitment(2026, ttsnc, date(2026, 1, 20), None, "Hẹn gửi kế hoạch"))

    year = ctx.door.read(lambda s: standing(s, 2026))
    assert year.expected == before.expected
    assert {"VP", "TTSNC"} <= set(codes(year.registered))
    assert "VP" in codes(year.plan_received) and "TTSNC" not in codes(year.plan_received)
    assert "TTSNC" in codes(year.without_plan)
    assert not {"VP", "TTSNC"} & set(codes(year.missing))
    assert len(year.registered) + len(year.missing) == year.expected
    assert {vp, ttsnc} <= ctx.door.read(lambda s: registered_unit_ids(s, 2026))


def test_a_unit_closed_before_the_years_end_is_not_chased(demo_db, ctx):
    # The demo's Hợp tác xã Rau sạch Bắc Sơn stopped from quarter 2/2026.
    assert "HTXRS" in codes(
        ctx.door.read(lambda s: standing(s, 2025)).missing
        + [u for u, _ in ctx.door.read(lambda s: standing(s, 2025)).registered]
    )
    year = ctx.door.read(lambda s: standing(s, 2026))
    assert "HTXRS" not in codes(year.missing)


def test_the_rules_word_the_dates(demo_db, ctx):
    (vp,) = unrecorded(ctx, 2026, "VP")
    early = ops.record_commitment(2026, vp, date(2026, 3, 1), date(2026, 2, 1))
    assert "Ngày nhận kế hoạch 01/02/2026 trước ngày đăng ký 01/03/2026." in refusal(ctx, early)
    late = ops.record_commitment(2026, vp, date(2026, 12, 20), None)
    assert "Ngày đăng ký 20/12/2026 sau hôm nay (01/12/2026)." in refusal(ctx, late)
    outside = ops.record_commitment(2031, vp, date(2026, 3, 1), None)
    assert "Năm 2031 nằm ngoài Kế hoạch (2025 - 2030)." in refusal(ctx, outside)
    plan_only = ops.record_commitment(2026, vp, None, date(2026, 3, 1))
    assert "mà chưa ghi ngày đăng ký thi đua" in refusal(ctx, plan_only)
    assert ctx.door.read(lambda s: ops.commitment_of(s, 2026, vp)) is None


def test_record_and_clear_are_undone(demo_db, ctx):
    (uid,) = unrecorded(ctx, 2026, "TDP05")
    heard: list = []
    ctx.door.listen(heard.append)
    ctx.door.run(ops.record_commitment(2026, uid, date(2026, 3, 2), None))
    assert heard[-1].ids_of(Area.COMMITMENTS) == {uid}
    assert ctx.door.undo(ops.SCOPE) == "ghi đăng ký thi đua năm 2026 của “Tổ dân phố số 5”"
    assert uid not in ctx.door.read(lambda s: registered_unit_ids(s, 2026))
    ctx.door.redo(ops.SCOPE)
    ctx.door.run(ops.clear_commitment(2026, uid))
    assert uid not in ctx.door.read(lambda s: registered_unit_ids(s, 2026))
    ctx.door.undo(ops.SCOPE)
    assert uid in ctx.door.read(lambda s: registered_unit_ids(s, 2026))


def test_the_plans_file_is_stored_once_and_goes_and_comes_back(demo_db, ctx, tmp_path: Path):
    store = ctx.folder.attachments
    (uid,) = unrecorded(ctx, 2026, "DNGPS")  # added this quarter
    plan = tmp_path / "Kế hoạch chuyển đổi số 2026.pdf"
    plan.write_bytes(b"%PDF-1.4 ke hoach")
    attachment_id = ctx.door.run(ops.attach_plan(store, 2026, uid, plan))

    year = ctx.door.read(lambda s: standing(s, 2026))
    (row,) = [c for u, c in year.plan_received if u.code == "DNGPS"]
    assert row.registered_on == row.plan_received_on == date(2026, 12, 1)
    (file,) = ctx.door.read(lambda s: plan_files(s, row.id))
    assert file.id == attachment_id and file.original_name == "Kế hoạch chuyển đổi số 2026.pdf"
    assert stored_path(store, file.sha256).read_bytes() == b"%PDF-1.4 ke hoach"
    assert "đã được đính kèm vào kế hoạch" in refusal(ctx, ops.attach_plan(store, 2026, uid, plan))

    ctx.door.run(ops.detach_plan(store, attachment_id))
    assert ctx.door.read(lambda s: plan_files(s, row.id)) == []
    ctx.door.undo(ops.SCOPE)
    assert [f.sha256 for f in ctx.door.read(lambda s: plan_files(s, row.id))] == [file.sha256]
    ctx.door.undo(ops.SCOPE)  # the attaching itself: the unit was not recorded before it
    assert uid not in ctx.door.read(lambda s: registered_unit_ids(s, 2026))


def test_a_missing_file_is_refused_and_nothing_is_recorded(demo_db, ctx, tmp_path: Path):
    (uid,) = unrecorded(ctx, 2026, "DNGPS")
    with pytest.raises(Refusal, match="Không tìm thấy tệp"):
        ctx.door.run(ops.attach_plan(ctx.folder.attachments, 2026, uid, tmp_path / "khong.pdf"))
    assert uid not in ctx.door.read(lambda s: registered_unit_ids(s, 2026))

"""Activities of the movement: the plan's rules, the door's changes and their undo, their files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.changes import Area
from desktop.models import (
    Activity,
    ActivityKind,
    ActivityUnit,
    Attachment,
    AuditEntry,
    Unit,
    UnitKind,
)
from desktop.movement import activity_files, activity_ops
from desktop.movement.activities import ActivityData, ActivityError, activity_views
from desktop.movement.activity_ops import ImportRow


@pytest.fixture
def units(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        rows = [
            Unit(code="MTTQ", name="Ủy ban MTTQ phường", kind=UnitKind.FRONT_ORGANISATION),
            Unit(code="TDP5", name="Tổ dân phố số 5", kind=UnitKind.RESIDENTIAL_GROUP),
        ]
        session.add_all(rows)
        session.commit()
        return {u.code: u.id for u in rows}  # type: ignore[misc]


def a_class(units: dict[str, int], **changes: object) -> ActivityData:
    values: dict[str, object] = {
        "held_on": date(2025, 9, 20),
        "title": "Lớp “Bình dân học vụ số” tại Tổ dân phố số 5",
        "kind": ActivityKind.DIGITAL_CLASS,
        "place": "Nhà văn hóa Tổ dân phố số 5",
        "unit_ids": (units["TDP5"], units["MTTQ"]),
        "participants": 45,
        "residents": 38,
        "workers": 5,
    }
    values.update(changes)
    return ActivityData(**values)  # type: ignore[arg-type]


def views(ctx) -> list:  # type: ignore[no-untyped-def,type-arg]
    return ctx.door.read(activity_views)


def test_a_class_added_is_listed_with_its_organisers_and_can_be_taken_back(ctx, units) -> None:  # type: ignore[no-untyped-def]
    heard: list = []  # type: ignore[type-arg]
    ctx.door.listen(heard.append)
    activity_id = ctx.door.run(activity_ops.add_activity(a_class(units)))
    (view,) = views(ctx)
    assert (view.id, view.unit_codes) == (activity_id, ("TDP5", "MTTQ"))
    assert view.organisers == "Tổ dân phố số 5; Ủy ban MTTQ phường"
    assert heard[-1].ids_of(Area.ACTIVITIES) == {activity_id}
    assert (
        ctx.door.undo("activities")
        == "thêm hoạt động “Lớp “Bình dân học vụ số” tại Tổ dân phố số 5”"
    )
    assert views(ctx) == []
    ctx.door.redo("activities")
    assert [v.id for v in views(ctx)] == [activity_id]


def test_every_broken_rule_is_said_at_once_and_nothing_is_saved(ctx, units) -> None:  # type: ignore[no-untyped-def]
    bad = a_class(units, held_on=date(2024, 12, 31), title="  ", residents=41, unit_ids=(999,))
    with pytest.raises(ActivityError) as refused:
        ctx.door.run(activity_ops.add_activity(bad))
    assert refused.value.problems == [
        "Ngày 31/12/2024 nằm ngoài thời gian của Kế hoạch (2025 - 2030).",
        "Thiếu tên hoạt động.",
        "Tổng các nhóm (46) vượt số người tham gia (45).",
        "Không tìm thấy đơn vị mã số 999 trong sổ đơn vị.",
    ]
    assert views(ctx) == []


def test_groups_may_not_exceed_the_participants_nor_be_negative(ctx, units) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ActivityError) as refused:
        ctx.door.run(activity_ops.add_activity(a_class(units, residents=41, workers=5)))
    assert refused.value.problems == ["Tổng các nhóm (46) vượt số người tham gia (45)."]
    with pytest.raises(ActivityError) as refused:
        ctx.door.run(activity_ops.add_activity(a_class(units, students=-2)))
    assert refused.value.problems == ["Số học sinh không được âm (đã ghi -2)."]
    # Groups without a total, and a total without groups, are both fine.
    ctx.door.run(activity_ops.add_activity(a_class(units, participants=None)))
    ctx.door.run(activity_ops.add_activity(a_class(units, residents=None, workers=None)))
    assert len(views(ctx)) == 2


def test_an_edit_is_undone_to_the_old_fields_and_organisers(ctx, units) -> None:  # type: ignore[no-untyped-def]
    activity_id = ctx.door.run(activity_ops.add_activity(a_class(units)))
    changed = a_class(units, title="Lớp học số buổi 2", unit_ids=(units["MTTQ"],), participants=60)
    ctx.door.run(activity_ops.edit_activity(activity_id, changed))
    (view,) = views(ctx)
    assert (view.title, view.unit_codes, view.participants) == ("Lớp học số buổi 2", ("MTTQ",), 60)
    ctx.door.undo("activities")
    (view,) = views(ctx)
    assert (view.title, view.unit_codes, view.participants) == (
        "Lớp “Bình dân học vụ số” tại Tổ dân phố số 5",
        ("TDP5", "MTTQ"),
        45,
    )


def test_a_deleted_activity_comes_back_with_its_photo(ctx, units, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = ctx.folder.attachments
    activity_id = ctx.door.run(activity_ops.add_activity(a_class(units)))
    photo = tmp_path / "ảnh lớp học.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the class")
    ctx.door.run(activity_files.attach_files(store, activity_id, [photo]))
    assert views(ctx)[0].attachments == 1
    ctx.door.run(activity_ops.delete_activity(store, activity_id))

    def rows(session):  # type: ignore[no-untyped-def]
        return (
            len(session.exec(select(Activity)).all()),
            len(session.exec(select(ActivityUnit)).all()),
            [a.original_name for a in session.exec(select(Attachment))],
        )

    assert ctx.door.read(rows) == (0, 0, [])
    ctx.door.undo("activities")
    assert ctx.door.read(rows) == (1, 2, ["ảnh lớp học.jpg"])


def test_the_same_file_twice_is_refused_and_a_file_taken_off_comes_back(
    ctx, units, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = ctx.folder.attachments
    activity_id = ctx.door.run(activity_ops.add_activity(a_class(units)))
    listing = tmp_path / "danh sách.xlsx"
    listing.write_bytes(b"PK list of participants")
    (file_id,) = ctx.door.run(activity_files.attach_files(store, activity_id, [listing]))
    with pytest.raises(
        ActivityError, match="đã được đính kèm vào hoạt động với tên “danh sách.xlsx”"
    ):
        ctx.door.run(activity_files.attach_files(store, activity_id, [listing]))
    ctx.door.run(activity_files.detach_file(store, file_id))
    assert ctx.door.read(activity_files.activity_files(activity_id)) == []
    ctx.door.undo("activities")
    assert [a.original_name for a in ctx.door.read(activity_files.activity_files(activity_id))] == [
        "danh sách.xlsx"
    ]


def test_an_import_with_one_bad_row_saves_nothing_and_names_every_bad_row(ctx, units) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ImportRow(2, a_class(units)),
        ImportRow(3, a_class(units, title="")),
        ImportRow(4, a_class(units, title="Tuyên truyền", residents=99)),
    ]
    with pytest.raises(ActivityError) as refused:
        ctx.door.run(activity_ops.import_activities(rows))
    assert refused.value.problems == [
        "Dòng 3: thiếu tên hoạt động.",
        "Dòng 4: tổng các nhóm (104) vượt số người tham gia (45).",
    ]
    assert views(ctx) == []


def test_an_import_skips_what_is_already_stored_and_is_undone_as_one_step(ctx, units) -> None:  # type: ignore[no-untyped-def]
    ctx.door.run(activity_ops.add_activity(a_class(units)))
    again = a_class(
        units, title="lop “binh dan hoc vu so” tai to dan pho so 5"
    )  # same, typed loosely
    other = a_class(units, held_on=date(2025, 10, 4))
    done = ctx.door.run(
        activity_ops.import_activities(
            [ImportRow(2, again), ImportRow(3, other), ImportRow(4, other)]
        )
    )
    assert (len(done.added), done.duplicates) == (1, (2, 4))
    assert len(views(ctx)) == 2
    ctx.door.undo("activities")
    assert len(views(ctx)) == 1


def test_changes_are_audited_in_their_transaction(ctx, units) -> None:  # type: ignore[no-untyped-def]
    activity_id = ctx.door.run(activity_ops.add_activity(a_class(units)))

    def actions(session):  # type: ignore[no-untyped-def]
        return [
            row.action
            for row in session.exec(
                select(AuditEntry).where(
                    AuditEntry.table_name == "activity", AuditEntry.record_id == activity_id
                )
            )
        ]

    assert ctx.door.read(actions)

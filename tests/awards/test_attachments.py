"""Attachments: stored once by content, shown by original name, every bad file refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from desktop.awards.attachments import (
    MAX_BYTES,
    attach_file,
    check_store,
    clean_stored_names,
    name_problem,
    prune_store,
    remove_attachment,
    stored_path,
    stored_problem,
    viewer_folder,
    viewing_copy,
)
from desktop.awards.catalogue import components_of
from desktop.awards.detail import load_detail
from desktop.awards.errors import DossierError
from desktop.models import Attachment, Dossier, DossierStatus


def first_draft(s) -> Dossier:
    return s.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).first()


def scan(
    tmp_path: Path, name: str = "Tờ trình số 12.pdf", content: bytes = b"%PDF-1.4 to trinh"
) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_the_same_file_attached_twice_is_stored_once_under_its_hash(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    first = scan(tmp_path)
    renamed = scan(tmp_path, "ban sao.pdf")
    with demo_db.session() as s:
        drafts = s.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).all()
        a = attach_file(s, store, drafts[0].id, first)
        b = attach_file(s, store, drafts[1].id, renamed)
    assert a.sha256 == b.sha256 and len(a.sha256) == 64
    assert (a.original_name, b.original_name) == ("Tờ trình số 12.pdf", "ban sao.pdf")
    stored = [p for p in store.rglob("*") if p.is_file()]
    assert stored == [stored_path(store, a.sha256)]
    assert stored[0].read_bytes() == first.read_bytes()


def test_attaching_the_same_file_to_the_same_dossier_again_is_refused(
    demo_db, ctx, tmp_path
) -> None:
    with demo_db.session() as s:
        dossier = first_draft(s)
        attach_file(s, ctx.folder.attachments, dossier.id, scan(tmp_path))
        with pytest.raises(DossierError, match="đã được đính kèm"):
            attach_file(s, ctx.folder.attachments, dossier.id, scan(tmp_path, "khac.pdf"))


def test_a_file_attached_as_a_paper_makes_that_paper_present(demo_db, ctx, tmp_path) -> None:
    with demo_db.session() as s:
        dossier = first_draft(s)
        component = components_of(s, dossier.award_form_id)[0]
        attach_file(s, ctx.folder.attachments, dossier.id, scan(tmp_path), component.id)
        line = next(
            c for c in load_detail(s, dossier.id).components if c.component.id == component.id
        )
        assert line.satisfied and not line.present
        assert not any(component.name in m for m in load_detail(s, dossier.id).missing())


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "khong-co.pdf", "Không tìm thấy tệp"),
        (lambda d: scan(d, "rong.pdf", b""), "rỗng"),
        (lambda d: d, "là thư mục"),
        (lambda d: scan(d, "bien ban: hop.pdf"), "Windows không cho phép"),
        (lambda d: scan(d, 'bao cao "cuoi".pdf'), "Windows không cho phép"),
        (lambda d: scan(d, "CON.pdf"), "tên dành riêng"),
        (lambda d: scan(d, "to trinh."), "dấu chấm"),
    ],
    ids=["missing", "empty", "folder", "colon", "quote", "reserved", "trailing-dot"],
)
def test_bad_files_are_refused_and_nothing_is_stored(demo_db, ctx, tmp_path, make, message) -> None:
    source = make(tmp_path)
    with pytest.raises(DossierError, match=message), demo_db.session() as s:
        attach_file(s, ctx.folder.attachments, first_draft(s).id, source)
    with demo_db.session() as s:
        assert s.exec(select(Attachment)).all() == []
    assert not [p for p in ctx.folder.attachments.rglob("*") if p.is_file()]


def test_a_file_over_100_mb_is_refused(demo_db, ctx, tmp_path) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:  # sparse: takes no room on disk
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(DossierError, match="quá giới hạn 100 MB"), demo_db.session() as s:
        attach_file(s, ctx.folder.attachments, first_draft(s).id, big)


def test_an_unreadable_file_is_refused(demo_db, ctx, tmp_path, monkeypatch) -> None:
    source = scan(tmp_path)
    real_open = Path.open

    def locked(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == source:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(DossierError, match="Không đọc được tệp"), demo_db.session() as s:
        attach_file(s, ctx.folder.attachments, first_draft(s).id, source)


def test_windows_names_are_checked_without_a_file() -> None:
    assert name_problem("Báo cáo thành tích 2025.docx") is None
    assert "ký tự" in name_problem("a|b.pdf")
    assert "dành riêng" in name_problem("lpt1.txt")
    assert "mã 9" in name_problem("a\tb.pdf")


def test_a_removed_stored_file_is_reported_and_not_opened(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        attachment = attach_file(s, store, first_draft(s).id, scan(tmp_path))
    assert check_store_of(demo_db, store) == []
    stored_path(store, attachment.sha256).unlink()
    problems = check_store_of(demo_db, store)
    assert [p.attachment.id for p in problems] == [attachment.id]
    assert "không còn trong thư mục dữ liệu" in problems[0].problem
    with pytest.raises(DossierError, match="không còn"):
        viewing_copy(store, attachment, tmp_path / "view")


def check_store_of(db, store: Path):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return check_store(s, store)


def test_a_viewing_copy_carries_the_original_name(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        attachment = attach_file(s, store, first_draft(s).id, scan(tmp_path))
    copy = viewing_copy(store, attachment, tmp_path / "view")
    assert copy.name == "Tờ trình số 12.pdf"
    assert copy.read_bytes() == b"%PDF-1.4 to trinh"


def test_a_removed_attachment_frees_its_file_only_when_no_one_else_uses_it(
    demo_db, ctx, tmp_path
) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        drafts = s.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).all()
        a = attach_file(s, store, drafts[0].id, scan(tmp_path))
        b = attach_file(s, store, drafts[1].id, scan(tmp_path))
    with demo_db.session() as s:
        remove_attachment(s, a.id)
    with demo_db.session() as s:
        assert prune_store(s, store) == 0
        remove_attachment(s, b.id)
    with demo_db.session() as s:
        assert prune_store(s, store) == 1
    assert not stored_path(store, a.sha256).exists()


def test_names_with_invisible_characters_are_stored_clean(demo_db, ctx, tmp_path) -> None:
    source = scan(tmp_path, "Tờ trình\u202efdp.exe\u200b")
    with demo_db.session() as s:
        attachment = attach_file(s, ctx.folder.attachments, first_draft(s).id, source)
        assert attachment.original_name == "Tờ trìnhfdp.exe"


@pytest.mark.parametrize("name", ["COM¹.pdf", "CONIN$.txt", "lpt³.docx"])
def test_device_names_of_every_form_are_refused_when_attaching(
    demo_db, ctx, tmp_path, name
) -> None:
    with pytest.raises(DossierError, match="dành riêng"), demo_db.session() as s:
        attach_file(s, ctx.folder.attachments, first_draft(s).id, scan(tmp_path, name))


def test_restored_unsafe_names_are_renamed(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        dossier_id = first_draft(s).id
        good = attach_file(s, store, dossier_id, scan(tmp_path))
        bad = attach_file(s, store, dossier_id, scan(tmp_path, "b.pdf", b"other"))
        s.commit()
        good_id, bad_id = good.id, bad.id
    # What a crafted backup can carry in its database.
    unsafe = [
        "../../../.bashrc",
        "..\\..\\x.pdf",
        "COM¹.pdf",
        "hoa\u202efdp.exe",
        "CON",
        "a\u200b.pdf",
    ]
    with demo_db.session() as s:
        for name in unsafe:
            s.add(Attachment(dossier_id=dossier_id, sha256=bad.sha256, original_name=name, size=5))
        s.get(Attachment, bad_id).original_name = "C:\\Windows\\NUL.txt "
        s.commit()
    with demo_db.session() as s:
        assert clean_stored_names(s) == len(unsafe) + 1
        s.commit()
    with demo_db.session() as s:
        names = {a.id: a.original_name for a in s.exec(select(Attachment))}
        assert names[good_id] == "Tờ trình số 12.pdf"
        assert names[bad_id] == "_NUL.txt"
        assert sorted(n for i, n in names.items() if i not in (good_id, bad_id)) == sorted(
            ["Tệp đính kèm.bashrc", "x.pdf", "_COM¹.pdf", "hoafdp.exe", "_CON", "a.pdf"]
        )
        assert clean_stored_names(s) == 0


def test_viewer_copy_stays_in_its_folder(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        attachment = attach_file(s, store, first_draft(s).id, scan(tmp_path))
        # A name as a crafted backup can carry it, not cleaned by a restore.
        attachment.original_name = "../../../../ngoai.pdf"
    folder = viewer_folder(ctx.folder)
    assert folder == ctx.folder.scratch / "xem"
    copy = viewing_copy(store, attachment, folder)
    assert copy.resolve().parent == (folder / str(attachment.id)).resolve()
    assert copy.name == "ngoai.pdf"
    outside = [p for p in tmp_path.rglob("ngoai.pdf") if folder not in p.parents]
    assert outside == []


def test_viewer_does_not_write_through_a_planted_link(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        attachment = attach_file(s, store, first_draft(s).id, scan(tmp_path))
    folder = viewer_folder(ctx.folder)
    victim = tmp_path / "victim.txt"
    victim.write_text("giữ nguyên", encoding="utf-8")
    (folder / str(attachment.id)).mkdir(parents=True)
    (folder / str(attachment.id) / attachment.original_name).symlink_to(victim)
    copy = viewing_copy(store, attachment, folder)
    assert not copy.is_symlink() and copy.read_bytes() == b"%PDF-1.4 to trinh"
    assert victim.read_text(encoding="utf-8") == "giữ nguyên"


def test_viewer_folder_that_is_a_link_elsewhere_is_refused(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        attachment = attach_file(s, store, first_draft(s).id, scan(tmp_path))
    folder = viewer_folder(ctx.folder)
    folder.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / str(attachment.id)).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(DossierError, match="ngoài vùng tạm"):
        viewing_copy(store, attachment, folder)
    assert list(elsewhere.iterdir()) == []


def test_viewer_refuses_changed_bytes(demo_db, ctx, tmp_path) -> None:
    store = ctx.folder.attachments
    with demo_db.session() as s:
        attachment = attach_file(s, store, first_draft(s).id, scan(tmp_path))
    stored = stored_path(store, attachment.sha256)
    stored.write_bytes(b"%PDF-1.4 to_trinh")  # other bytes, same size
    assert stored_problem(store, attachment) is None  # the size alone does not notice…
    problems = check_store_of(demo_db, store)  # …the files check hashes, as `check` does
    assert [p.attachment.id for p in problems] == [attachment.id]
    folder = viewer_folder(ctx.folder)
    with pytest.raises(DossierError, match="đã bị thay đổi"):
        viewing_copy(store, attachment, folder)
    assert [p for p in folder.rglob("*") if p.is_file()] == []


def test_the_files_check_names_same_size_changed_bytes_and_a_link_as_check_does(
    demo_db, ctx, tmp_path
) -> None:
    """``dossiers files`` and the page's check said "còn đủ" of other bytes of the same size;
    they hash now, with ``check``'s own function (desktop/backup/stored.py), never a copy."""
    from desktop.awards import attachments
    from desktop.backup import stored as backup_stored

    assert attachments.stored_sha256 is backup_stored.file_sha256
    store = ctx.folder.attachments
    with demo_db.session() as s:
        draft = first_draft(s).id
        changed = attach_file(s, store, draft, scan(tmp_path))
        linked = attach_file(s, store, draft, scan(tmp_path, "anh.jpg", b"\xff\xd8 anh bang khen"))
    stored_path(store, changed.sha256).write_bytes(b"%PDF-1.4 to_trinh")  # same size
    outside = tmp_path / "ngoai.jpg"
    outside.write_bytes(b"\xff\xd8 anh bang khen")
    stored_path(store, linked.sha256).unlink()
    stored_path(store, linked.sha256).symlink_to(outside)  # right bytes, but not in the folder
    problems = {p.attachment.id: p.problem for p in check_store_of(demo_db, store)}
    assert set(problems) == {changed.id, linked.id}
    assert "“Tờ trình số 12.pdf” trong thư mục dữ liệu đã bị thay đổi" in problems[changed.id]
    assert "nên không mở" not in problems[changed.id]
    assert "lối tắt (liên kết)" in problems[linked.id]

"""``python -m desktop council …`` as the clerk (or a script) runs it: members, a meeting, a ballot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.models import Dossier, DossierStatus
from desktop.models.ids import saved_id
from desktop.storage import Database
from tests.council.conftest import campaign_of, ready_dossier, seed_ward


@pytest.fixture
def ward_dir(db: Database, data_dir: Path) -> Path:
    """The plan's catalogue, four units, a teacher, the council of nine of 2026."""
    seed_ward(db)
    return data_dir


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(folder), "council", *args])
    return code, capsys.readouterr().out


def test_members_are_listed_added_removed_and_copied(ward_dir: Path, capsys) -> None:
    code, out = run(ward_dir, capsys, "members", "--year", "2026")
    assert code == 0
    assert "    1  Nguyễn Văn Hùng, Chủ tịch UBND phường — Chủ tịch Hội đồng" in out
    assert out.strip().endswith("Tổng: 9 thành viên.")
    code, out = run(
        ward_dir, capsys, "members", "--year", "2026", "--add", "Lưu Văn Tâm",
        "--position", "Trưởng Trạm Y tế", "--role", "member",
    )
    assert (code, out.strip()) == (0, "Đã thêm thành viên số 10: Lưu Văn Tâm (Hội đồng năm 2026).")
    code, out = run(ward_dir, capsys, "members", "--year", "2026", "--remove", "10")
    assert (code, out.strip()) == (0, "Đã xóa thành viên số 10.")
    code, out = run(ward_dir, capsys, "members", "--year", "2027", "--copy-from", "2026")
    assert (code, out.strip()) == (0, "Đã chép 9 thành viên của năm 2026 sang Hội đồng năm 2027.")
    code, out = run(ward_dir, capsys, "members", "--year", "2027", "--json")
    members = json.loads(out)
    assert len(members) == 9 and members[-1]["role"] == "secretary"
    assert members[0]["role_label"] == "Chủ tịch Hội đồng"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--add", "Trịnh Văn An", "--role", "chair"), "đã có Chủ tịch Hội đồng (Nguyễn Văn Hùng)"),
        (("--add", "Trịnh Văn An", "--role", "boss"), "Không có vai trò “boss” trong Hội đồng"),
        (("--add", " "), "Hãy ghi họ và tên của thành viên Hội đồng."),
        (("--remove", "99"), "Không tìm thấy thành viên Hội đồng số 99."),
    ],
)
def test_refused_member_changes_exit_2(ward_dir: Path, capsys, args, message) -> None:
    code, out = run(ward_dir, capsys, "members", "--year", "2026", *args)
    assert code == 2 and message in out


def _campaign_and_dossiers(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        campaign_id = saved_id(campaign_of(s).id)
        school = ready_dossier(s, unit="THCSTTN")
        group = ready_dossier(s, unit="TDP01")
    return campaign_id, school, group


def test_a_meeting_and_its_ballots(db: Database, ward_dir: Path, capsys) -> None:
    campaign_id, school, group = _campaign_and_dossiers(db)
    code, out = run(
        ward_dir, capsys, "meeting", "--campaign", str(campaign_id), "--date", "28/11/2026",
        "--place", "Hội trường UBND phường", "--attend", "1,2,3,4,5,6,7,9", "--note", "Họp xét",
        "--from", "8:00", "--to", "10:30",
    )
    assert code == 0
    assert out.strip() == (
        "Đã ghi phiên họp số 1 ngày 28/11/2026 (Khen thưởng năm 2026): có mặt 8/9 thành viên."
    )
    code, out = run(
        ward_dir, capsys, "vote", "--meeting", "1", "--dossier", str(school),
        "--issued", "8", "--valid", "8", "--for", "8",
    )
    assert code == 0
    assert f"Hồ sơ số {school}: Trường THCS Trần Thành Ngọ — Giấy khen của Chủ tịch UBND phường" in out
    assert "Phiếu phát ra 8, hợp lệ 8, đồng ý 8/9 thành viên (88,9%); cần trên 50% tổng số" in out
    assert "Kết quả: Hội đồng đề nghị." in out
    code, out = run(
        ward_dir, capsys, "vote", "--meeting", "1", "--dossier", str(group),
        "--issued", "8", "--valid", "7", "--for", "4", "--conclusion", "Chưa tiêu biểu",
    )
    assert code == 0 and "Kết quả: Hội đồng không đề nghị. Kết luận: Chưa tiêu biểu" in out
    with db.session() as s:
        assert s.get(Dossier, school).status is DossierStatus.COUNCIL_PROPOSED
        assert s.get(Dossier, group).status is DossierStatus.COUNCIL_DECLINED

    code, out = run(ward_dir, capsys, "meeting", "--show", "1")
    assert code == 0
    assert "Phiên họp số 1 ngày 28/11/2026 (8:00–10:30) — Khen thưởng năm 2026" in out
    assert "Có mặt 8/9 thành viên; vắng: Bùi Văn Nam." in out
    assert "Đã bỏ phiếu 2 hồ sơ: 1 đề nghị, 1 không đề nghị." in out
    code, out = run(ward_dir, capsys, "meeting", "--show", "1", "--json")
    shown = json.loads(out)
    assert shown["secretary"] == "Ngô Thị Thu" and shown["absent"] == [8]
    assert (shown["starts_at"], shown["ends_at"]) == ("08:00", "10:30")
    assert [(v["ballots_for"], v["proposed"]) for v in shown["votes"]] == [(8, True), (4, False)]
    code, out = run(ward_dir, capsys, "meetings", "--campaign", str(campaign_id))
    assert code == 0
    assert "    1  28/11/2026  Khen thưởng năm 2026 — Hội trường UBND phường — 8 thành viên dự, 2 hồ sơ" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "31/02/2026", "--attend", "1,2,3,4,5"), "Ngày “31/02/2026” không đúng dạng"),
        (("--date", "28/11/2026", "--attend", "1,2,x"), "Số thành viên “x” không hợp lệ"),
        (("--date", "28/11/2026", "--attend", "1,2"), "Phiên họp phải có ít nhất 5 thành viên dự"),
        (("--date", "28/11/2026",), "Phiên họp phải có ít nhất 5 thành viên dự"),
        (("--date", "28/11/2026", "--from", "8 giờ rưỡi"), "Không hiểu giờ bắt đầu “8 giờ rưỡi”"),
    ],
)
def test_refused_meetings_exit_2(db: Database, ward_dir: Path, capsys, args, message) -> None:
    campaign_id, _school, _group = _campaign_and_dossiers(db)
    code, out = run(ward_dir, capsys, "meeting", "--campaign", str(campaign_id), *args)
    assert code == 2 and message in out
    code, out = run(ward_dir, capsys, "meetings")
    assert out.strip() == "Tổng: 0 phiên họp."


def test_refused_ballots_exit_2_and_leave_the_dossier(db: Database, ward_dir: Path, capsys) -> None:
    campaign_id, school, _group = _campaign_and_dossiers(db)
    run(ward_dir, capsys, "meeting", "--campaign", str(campaign_id), "--date", "28/11/2026",
        "--attend", "1,2,3,4,5")
    code, out = run(
        ward_dir, capsys, "vote", "--meeting", "1", "--dossier", str(school),
        "--issued", "6", "--valid", "5", "--for", "5",
    )
    assert code == 2 and "Số phiếu phát ra (6) nhiều hơn số thành viên dự họp (5)" in out
    code, out = run(
        ward_dir, capsys, "vote", "--meeting", "7", "--dossier", str(school),
        "--issued", "5", "--valid", "5", "--for", "5",
    )
    assert code == 2 and "Không tìm thấy phiên họp Hội đồng số 7." in out
    code, out = run(ward_dir, capsys, "meeting", "--show", "7")
    assert code == 2 and "Không tìm thấy phiên họp Hội đồng số 7." in out
    with db.session() as s:
        assert s.get(Dossier, school).status is DossierStatus.SUBMITTED_TO_COUNCIL

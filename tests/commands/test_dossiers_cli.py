"""``python -m desktop dossiers …`` as the clerk (or a script) runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


@pytest.fixture
def demo_dir(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    return data_dir


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(folder), "dossiers", *args])
    return code, capsys.readouterr().out


def test_list_shows_every_dossier_and_the_counts(demo_dir, capsys) -> None:
    code, out = run(demo_dir, capsys, "list")
    assert code == 0
    assert "Trường THCS Trần Thành Ngọ — Giấy khen của Chủ tịch UBND phường" in out
    assert "Tổng: 5 hồ sơ. Nháp: 2; Đã trình Hội đồng phường: 0" in out
    assert "Hội đồng đề nghị: 1; Hội đồng không đề nghị: 1" in out


def test_list_filters_by_campaign_and_status_as_json(demo_dir, capsys) -> None:
    code, out = run(
        demo_dir, capsys, "list", "--campaign", "2025", "--status", "hoi dong de nghi", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert [d["award"] for d in data["dossiers"]] == ["Bằng khen của Chủ tịch UBND thành phố"]
    assert data["counts"]["proposed"] == 1 and data["counts"]["draft"] == 0
    code, out = run(demo_dir, capsys, "list", "--campaign", "sơ kết", "--json")
    assert json.loads(out)["dossiers"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--status", "xong"), "Không rõ trạng thái “xong”"),
        (("--campaign", "2019"), "Không có đợt xét nào khớp “2019”"),
    ],
)
def test_unknown_filters_get_a_clear_message(demo_dir, capsys, args, message) -> None:
    code, out = run(demo_dir, capsys, "list", *args)
    assert code == 2 and message in out


def test_history_of_a_unit(demo_dir, capsys) -> None:
    code, out = run(demo_dir, capsys, "history", "--unit", "thcsttn")
    assert code == 0
    assert (
        "2025  Giấy khen của Chủ tịch UBND phường (Được khen thưởng) — Quyết định số 125/QĐ-UBND"
        in out
    )
    code, out = run(demo_dir, capsys, "history", "--unit", "KHONGCO")
    assert code == 2 and "Không có đơn vị mã" in out


def test_files_reports_a_removed_attachment(demo_dir, capsys, tmp_path) -> None:
    from desktop.awards.attachments import attach_file, stored_path
    from desktop.context import AppContext

    source = tmp_path / "to-trinh.pdf"
    source.write_bytes(b"%PDF to trinh")
    ctx = AppContext.from_args(demo_dir)
    with ctx.db.session() as s:
        attachment = attach_file(s, ctx.folder.attachments, 4, source)
    ctx.close()
    assert run(demo_dir, capsys, "files")[0] == 0
    stored_path(demo_dir / "attachments", attachment.sha256).unlink()
    code, out = run(demo_dir, capsys, "files")
    assert code == 1 and "Hồ sơ số 4: Tệp “to-trinh.pdf” không còn" in out


def test_files_names_an_attachment_replaced_by_other_bytes_of_the_same_size(
    demo_dir, capsys, tmp_path
) -> None:
    """``dossiers files`` compared sizes only and said "Mọi tệp đính kèm đều còn đủ" of a file
    whose bytes were swapped, which ``check`` named; both hash it now."""
    from desktop.awards.attachments import attach_file, stored_path
    from desktop.context import AppContext

    source = tmp_path / "to-trinh.pdf"
    source.write_bytes(b"%PDF to trinh")
    ctx = AppContext.from_args(demo_dir)
    with ctx.db.session() as s:
        attachment = attach_file(s, ctx.folder.attachments, 4, source)
    ctx.close()
    stored = stored_path(demo_dir / "attachments", attachment.sha256)
    stored.write_bytes(b"%PDF to_trinh")  # other bytes, the same size
    code, out = run(demo_dir, capsys, "files")
    assert "còn đủ" not in out
    assert (
        code == 1 and "Hồ sơ số 4: Tệp “to-trinh.pdf” trong thư mục dữ liệu đã bị thay đổi" in out
    )
    assert "nên không mở" not in out  # a check, not a refusal to open
    assert main(["--data-dir", str(demo_dir), "check"]) != 0
    assert "đã bị thay đổi" in capsys.readouterr().out


def test_show_tells_what_is_missing_and_the_history(demo_dir, capsys) -> None:
    code, out = run(demo_dir, capsys, "show", "1")
    assert code == 0
    assert (
        "Trạng thái: Được khen thưởng" in out and "Quyết định số 125/QĐ-UBND ngày 20/12/2025" in out
    )
    assert "Nháp → Đã trình Hội đồng phường" in out
    assert "Đã trình Hội đồng phường → Hội đồng đề nghị" in out
    code, out = run(demo_dir, capsys, "show", "4")
    assert "Còn thiếu:" in out and "Báo cáo thành tích" in out  # a draft as the unit sent it
    code, out = run(demo_dir, capsys, "show", "2", "--json")
    data = json.loads(out)
    assert data["status"] == "declined" and data["nominee"] == "Tổ dân phố số 3"
    assert [c["name"] for c in data["components"]][0] == "Tờ trình đề nghị khen thưởng"
    code, out = run(demo_dir, capsys, "show", "99")
    assert code == 2 and "Không tìm thấy hồ sơ số 99" in out


def test_list_to_excel_keeps_the_filter_and_the_counts(demo_dir, capsys, tmp_path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "ho-so.xlsx"
    code, out = run(demo_dir, capsys, "list", "--status", "nháp", "--excel", str(target))
    assert code == 0 and "Đã ghi 2 hồ sơ" in out
    workbook = load_workbook(target)
    sheet = workbook["Hồ sơ khen thưởng"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Số hồ sơ", "Đối tượng đề nghị")
    assert [r[1] for r in rows[1:]] == ["Công ty Cổ phần May Hải Phòng Star", "Lê Thị Chi"]
    assert all(r[8] == "Nháp" for r in rows[1:])
    counts = dict(workbook["Theo trạng thái"].iter_rows(min_row=2, values_only=True))
    assert counts["Nháp"] == 2 and counts["Được khen thưởng"] == 0


def test_unit_codes_are_found_as_everywhere_and_refusals_are_vietnamese(demo_dir, capsys) -> None:
    code, out = run(demo_dir, capsys, "history", "--unit", " tHcStTn ")
    assert code == 0 and "Lịch sử khen thưởng của Trường THCS Trần Thành Ngọ:" in out
    code = main(["--data-dir", str(demo_dir), "dossiers", "history", "--unit", "khongco"])
    captured = capsys.readouterr()
    assert code == 2
    assert "Không có đơn vị mã “KHONGCO” trong sổ đơn vị." in captured.out
    assert "Traceback" not in captured.err
    code, out = run(demo_dir, capsys, "history", "--person", "999")
    assert code == 2 and "Không có cá nhân số 999 trong sổ đăng ký." in out


def test_late_dossiers_are_noted_with_the_date_as_the_clerk_writes_it(demo_dir, capsys, tmp_path):  # type: ignore[no-untyped-def]
    import re

    from openpyxl import load_workbook

    target = tmp_path / "nhap.xlsx"
    assert run(demo_dir, capsys, "list", "--status", "nháp", "--excel", str(target))[0] == 0
    notes = [
        r[11]
        for r in load_workbook(target)["Hồ sơ khen thưởng"].iter_rows(min_row=2, values_only=True)
    ]
    assert notes and all(re.fullmatch(r"Quá hạn nộp \d{2}/\d{2}/\d{4}.*", n) for n in notes)

"""``document direction`` and ``document … --issue`` as the clerk runs them (issue 14): the report's
Phương hướng, đề xuất written from the command line, a report refused without it, and issuing that
stops to say why before a date out of the register's order, unless told ``--confirm``."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from desktop.cli import main
from desktop.context import AppContext
from desktop.storage import Database


@pytest.fixture
def data(demo_db: Database, ctx: AppContext) -> list[str]:
    args = ["--data-dir", str(ctx.folder.root)]
    ctx.close()
    return args


def _text(pdf: Path) -> str:
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in document.pages)


def test_the_direction_is_written_printed_and_read_from_a_utf8_file(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    direction = [*data, "document", "direction", "--year", "2026", "--quarter", "3"]
    assert main(direction) == 0
    assert "Báo cáo quý III năm 2026 chưa có phần Phương hướng, đề xuất." in capsys.readouterr().out
    assert main([*direction, "--text", "Đôn đốc các đơn vị.\nĐề xuất tập huấn."]) == 0
    assert "Đã lưu phần Phương hướng, đề xuất của báo cáo quý III năm 2026 (2 đoạn)." in (
        capsys.readouterr().out
    )
    assert main(direction) == 0
    assert capsys.readouterr().out == "Đôn đốc các đơn vị.\nĐề xuất tập huấn.\n"
    written = tmp_path / "phuong-huong.txt"
    written.write_text("\ufeffNăm 2026, hướng dẫn người dân xác nhận trên VNeID.\n", "utf-8")
    yearly = [*data, "document", "direction", "--year", "2025", "--file", str(written)]
    assert main(yearly) == 0
    assert "báo cáo năm 2025 (1 đoạn)" in capsys.readouterr().out
    assert main([*data, "document", "direction", "--year", "2025"]) == 0
    assert capsys.readouterr().out == "Năm 2026, hướng dẫn người dân xác nhận trên VNeID.\n"
    legacy = tmp_path / "cu.txt"
    legacy.write_bytes("Đôn".encode("cp1258"))  # a file saved in the old Vietnamese code page
    assert main([*data, "document", "direction", "--year", "2025", "--file", str(legacy)]) == 2
    assert "không phải văn bản UTF-8" in capsys.readouterr().out
    assert main([*data, "document", "direction", "--quarter", "3", "--text", "x"]) == 2
    assert "Hãy cho biết năm của báo cáo: --year N" in capsys.readouterr().out
    assert main([*direction, "--text", ""]) == 0  # an empty text removes it
    assert "Đã xóa phần Phương hướng, đề xuất" in capsys.readouterr().out


def test_a_report_is_issued_only_with_its_direction_and_prints_it(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bc.pdf"
    plan = [*data, "document", "plan", "--issue", "--date", "07/07/2025", "--out", str(out)]
    assert main(plan) == 0
    issue = [*data, "document", "report", "--year", "2026", "--quarter", "3", "--issue"]
    issue += ["--date", "05/10/2026", "--out", str(out)]
    capsys.readouterr()
    assert main(issue) == 2
    said = capsys.readouterr().out
    assert (
        "Hãy viết phần Phương hướng, đề xuất của báo cáo quý III năm 2026 trước khi cấp số" in said
    )
    assert "document direction --year 2026 --quarter 3" in said
    assert main([*data, "document", "list"]) == 0
    assert "BC-UBND" not in capsys.readouterr().out
    text = "Đôn đốc Tổ dân phố số 7, số 10 gửi số liệu quý III."
    assert (
        main([*data, "document", "direction", "--year", "2026", "--quarter", "3", "--text", text])
        == 0
    )
    assert main(issue) == 0
    assert "Đã cấp số 01/BC-UBND ngày 05/10/2026." in capsys.readouterr().out
    printed = _text(out)
    assert text in printed
    assert "(Kèm theo Báo cáo số 01/BC-UBND ngày 05/10/2026 của UBND phường Kiến An)" in printed
    assert "…" not in printed and "chỉ tiêu năm —" not in printed


def test_issuing_out_of_order_stops_and_says_why_until_confirmed(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """02/KH dated before 01/KH: the command refuses, names the number and its date, says how to
    issue anyway; with --confirm it issues. --again says the same (the Tờ trình's old word)."""
    out = tmp_path / "kh.pdf"
    plan = [*data, "document", "plan", "--issue", "--out", str(out), "--date"]
    assert main([*plan, "07/07/2025"]) == 0
    capsys.readouterr()
    assert main([*plan, "01/07/2025"]) == 2
    said = capsys.readouterr().out
    assert said.startswith("Chưa cấp số, vì:\n- Số 02/KH-UBND sẽ mang ngày 01/07/2025, trước ngày")
    assert "của số 01/KH-UBND (07/07/2025)" in said
    assert said.rstrip().endswith("Nếu vẫn ban hành, chạy lại lệnh với --confirm.")
    assert main([*data, "document", "list"]) == 0
    assert "02/KH-UBND" not in capsys.readouterr().out
    assert main([*plan, "01/07/2025", "--confirm"]) == 0
    assert "Đã cấp số 02/KH-UBND ngày 01/07/2025." in capsys.readouterr().out
    assert main([*plan, "02/07/2025", "--again"]) == 0
    assert "Đã cấp số 03/KH-UBND ngày 02/07/2025." in capsys.readouterr().out


def test_the_help_names_the_direction_and_the_confirmation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["document", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "document direction --year N" in shown and "Phương hướng, đề xuất" in shown
    assert "--confirm" in shown and "--text" in shown and "--file" in shown


def test_a_pdf_to_a_missing_folder_is_refused_before_a_number_and_makes_no_folder(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``document plan --out /media/gone/p.pdf`` made the folder and said "Đã ghi"; now it is
    refused as an Excel file there is, with a non-zero exit, before a number is given."""
    gone = tmp_path / "gone" / "p.pdf"
    assert main([*data, "document", "plan", "--out", str(gone)]) == 2
    out = capsys.readouterr().out
    assert "thư mục “" in out and "không có (USB đã rút ra hoặc đường dẫn gõ nhầm)" in out
    assert "Đã ghi" not in out and "Traceback" not in out
    assert main([*data, "document", "plan", "--issue", "--confirm", "--out", str(gone)]) == 2
    assert "USB đã rút ra" in capsys.readouterr().out
    assert main([*data, "document", "reprint", "--id", "1", "--out", str(gone)]) == 2
    assert "USB đã rút ra" in capsys.readouterr().out
    assert not gone.parent.exists()
    assert main([*data, "document", "list"]) == 0
    assert "Sổ văn bản chưa có văn bản nào." in capsys.readouterr().out

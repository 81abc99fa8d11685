"""``document yearly --year Y`` as the clerk runs it: a draft PDF and its workbook, the two texts
written with ``document direction --difficulties … --text …``, then the report issued."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

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


def test_the_yearly_report_is_drafted_written_and_issued_from_the_command_line(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, workbook = tmp_path / "nam-2025.pdf", tmp_path / "nam-2025.xlsx"
    yearly = [*data, "document", "yearly", "--year", "2025"]
    assert main([*yearly, "--out", str(draft), "--excel", str(workbook)]) == 0
    assert "Đã ghi các bảng ra" in capsys.readouterr().out
    assert "III. KHÓ KHĂN, VƯỚNG MẮC" in _text(draft)
    sheets = load_workbook(workbook, read_only=True).sheetnames
    assert sheets == [
        "Chỉ tiêu",
        "Theo quý",
        "Hoạt động",
        "Sáng kiến",
        "Đăng ký thi đua",
        "Khen thưởng",
    ]

    issued = tmp_path / "so-01.pdf"
    issue = [*yearly, "--out", str(issued), "--issue", "--date", "10/01/2026"]
    assert main(issue) == 2
    assert "Hãy viết phần Khó khăn, vướng mắc của báo cáo năm 2025" in capsys.readouterr().out
    assert not issued.exists()
    direction = [*data, "document", "direction", "--year", "2025"]
    assert main([*direction, "--difficulties", "Một số đơn vị báo cáo chậm."]) == 0
    assert "Đã lưu phần Khó khăn, vướng mắc của báo cáo năm 2025." in capsys.readouterr().out
    assert main([*direction, "--text", "Mở thêm lớp “Bình dân học vụ số”."]) == 0
    assert main(direction) == 0
    assert "Khó khăn, vướng mắc:\nMột số đơn vị báo cáo chậm." in capsys.readouterr().out
    assert main(issue) == 0
    assert "Đã cấp số 01/BC-UBND ngày 10/01/2026." in capsys.readouterr().out
    words = _text(issued)
    assert "Một số đơn vị báo cáo chậm." in words and "DỰ THẢO" not in words


def test_the_difficulties_of_a_quarter_are_refused(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    quarter = [*data, "document", "direction", "--year", "2026", "--quarter", "3"]
    assert main([*quarter, "--difficulties", "Khó khăn"]) == 2
    assert "chỉ có ở báo cáo cả năm" in capsys.readouterr().out

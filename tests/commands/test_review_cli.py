"""``document review --period …`` as the clerk runs it: a draft and its workbook, issuing refused
until the Khó khăn and the Phương hướng are written (``document direction --period``), then
numbered in the register's BC book; a period that is no review is refused with the two choices."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.context import AppContext
from tests.documents.review_ward import REVIEW_DAY, build_review_ward


@pytest.fixture
def data(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("THIDUA_TODAY", REVIEW_DAY)
    build_review_ward(ctx.db, units=30)
    args = ["--data-dir", str(ctx.folder.root)]
    ctx.close()
    return args


def _text(pdf: Path) -> str:
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in document.pages)


def test_a_draft_and_its_workbook(data: list[str], tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "so-ket.pdf", tmp_path / "so-ket.xlsx"
    command = [*data, "document", "review", "--period", "2025-2027"]
    assert main([*command, "--out", str(pdf), "--xlsx", str(xlsx)]) == 0
    text = _text(pdf)
    assert "Sơ kết 03 năm thực hiện Phong trào thi đua" in text
    assert "DỰ THẢO" in text and "Năm 2027" in text
    book = load_workbook(xlsx)
    assert "Chỉ tiêu qua các năm" in book.sheetnames and "Đề nghị khen thưởng" in book.sheetnames
    years = {row[1] for row in book["Chỉ tiêu qua các năm"].iter_rows(min_row=4, values_only=True)}
    assert years == {2025, 2026, 2027}


def test_issuing_waits_for_the_clerks_texts(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "so-ket.pdf"
    issue = [*data, "document", "review", "--period", "2025-2027", "--out", str(pdf)]
    issue += ["--issue", "--date", "20/11/2027", "--confirm"]
    assert main(issue) == 2
    refused = capsys.readouterr().out
    assert "Khó khăn, vướng mắc và Phương hướng, nhiệm vụ" in refused
    assert not pdf.exists()
    direction = [*data, "document", "direction", "--period", "2025-2027"]
    assert main([*direction, "--difficulties", "Một số đơn vị báo cáo chậm."]) == 0
    assert "còn thiếu: Phương hướng, nhiệm vụ" in capsys.readouterr().out
    assert main(issue) == 2  # still without its Phương hướng
    capsys.readouterr()
    assert main([*direction, "--text", "Duy trì các lớp “Bình dân học vụ số”."]) == 0
    assert main(direction) == 0
    shown = capsys.readouterr().out
    assert "Một số đơn vị báo cáo chậm." in shown and "Bình dân học vụ số" in shown
    assert main(issue) == 0
    assert "/BC-UBND ngày 20/11/2027" in capsys.readouterr().out
    text = _text(pdf)
    assert "Một số đơn vị báo cáo chậm." in text and "DỰ THẢO" not in text


def test_a_period_that_is_no_review_is_refused(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert main([*data, "document", "review", "--period", "2025-2028", "--out", out]) == 2
    said = capsys.readouterr().out
    assert "2025-2027 (sơ kết)" in said and "2025-2030 (tổng kết)" in said
    assert main([*data, "document", "review", "--out", out]) == 2
    assert "--period" in capsys.readouterr().out

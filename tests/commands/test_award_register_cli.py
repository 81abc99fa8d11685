"""``awards register`` and ``document awards`` as the clerk runs them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.context import AppContext
from desktop.storage import Database
from tests.decisions import chain


@pytest.fixture
def data(demo_db: Database, ctx: AppContext) -> list[str]:
    with demo_db.session() as s:
        chain.awarded_ward_decision(s, number="130/QĐ-UBND")
        s.commit()
    args = ["--data-dir", str(ctx.folder.root)]
    ctx.close()
    return args


def test_the_register_lists_decisions_and_awards_and_filters_them(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*data, "awards", "register", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Quyết định khen thưởng:" in out and "130/QĐ-UBND ngày 20/12/2025" in out
    assert "Tổ dân phố số 1 (tập thể, Tổ dân phố số 1) — Giấy khen của Chủ tịch UBND phường" in out
    assert "— 702.000 đồng" in out
    assert main([*data, "awards", "register", "--unit", "TDP02", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [a["nominee"] for a in payload["awards"]] == ["Tổ dân phố số 2"]
    assert payload["totals"] == {"awards": 1, "collectives": 1, "individuals": 0, "bonus": 702_000}
    assert [d["number"] for d in payload["decisions"]] == ["130/QĐ-UBND"]
    assert main([*data, "awards", "register", "--person", "1", "--json"]) == 0
    assert [a["nominee"] for a in json.loads(capsys.readouterr().out)["awards"]] == ["Đỗ Thu An"]


def test_an_earlier_award_is_entered_by_hand_and_listed(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    add = [*data, "awards", "register", "--add-earlier", "--unit", "TDP05", "--year", "2023"]
    assert (
        main([*add, "--award", "Giấy khen của Chủ tịch UBND quận", "--decision", "45/QĐ-UBND"]) == 0
    )
    assert (
        "Đã ghi khen thưởng đã nhận “Giấy khen của Chủ tịch UBND quận” năm 2023"
        in capsys.readouterr().out
    )
    assert main([*data, "awards", "register", "--unit", "TDP05"]) == 0
    out = capsys.readouterr().out
    assert (
        "2023  Tổ dân phố số 5 (tập thể, Tổ dân phố số 5) — Giấy khen của Chủ tịch UBND quận — QĐ 45/QĐ-UBND"
        in out
    )
    assert "Tổng: 1 khen thưởng (1 tập thể); tiền thưởng 0 đồng." in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--add-earlier", "--year", "2023", "--award", "GK"], "--unit MÃ hoặc --person SỐ"),
        (["--add-earlier", "--unit", "TDP05", "--award", "GK"], "--year NĂM"),
        (["--add-earlier", "--unit", "TDP05", "--year", "2023"], "--award"),
        (
            ["--add-earlier", "--person", "9999", "--year", "2023", "--award", "GK"],
            "cá nhân số 9999",
        ),
        (["--add-earlier", "--unit", "TDP05", "--year", "1900", "--award", "GK"], "từ 1945"),
        (["--unit", "KHONGCO"], "KHONGCO"),
        (["--person", "9999"], "Không có cá nhân số 9999"),
        (["--award", "GK"], "chỉ dùng với --add-earlier"),
    ],
)
def test_refusals_are_the_clerks_messages(
    data: list[str], capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main([*data, "awards", "register", *extra]) == 2
    captured = capsys.readouterr()
    assert message in captured.out and "Traceback" not in captured.err


def test_excel_and_the_printed_register(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "so.xlsx"
    assert main([*data, "awards", "register", "--year", "2025", "--excel", str(book)]) == 0
    said = capsys.readouterr().out
    rows = load_workbook(book).worksheets[0].max_row - 1
    assert f"Đã ghi {rows} khen thưởng ra {book}" in said and rows >= 4
    pdf = tmp_path / "so.pdf"
    assert main([*data, "document", "awards", "--year", "2025", "--out", str(pdf)]) == 0
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        text = " ".join(page.extract_text() or "" for page in document.pages)
    assert "SỔ THEO DÕI KHEN THƯỞNG" in text and "130/QĐ-UBND" in text and "năm 2025" in text

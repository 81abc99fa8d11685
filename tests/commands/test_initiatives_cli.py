"""``python -m desktop initiatives …`` as the clerk (or a script) runs it."""

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


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "initiatives", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    code, out, _ = run(folder, capsys, "list", "--json", *args)
    assert code == 0
    rows: list[dict] = json.loads(out)
    return rows


def test_add_list_edit_and_delete(demo_dir, capsys) -> None:
    words = [
        "--kind",
        "model",
        "--unit",
        "TDP03",
        "--author",
        "1",
        "--author",
        "5",
        "--area",
        "6",
        "--recognition",
        "ward",
    ]
    code, out, _ = run(
        demo_dir, capsys, "add", "--year", "2026", "--title", "Sổ tay công dân số", *words,
        "--effect", "300 hộ dân cài VNeID", "--decision", "Quyết định số 20/QĐ-UBND ngày 10/11/2026"
    )  # fmt: skip
    assert code == 0 and out.startswith("Đã thêm sáng kiến, mô hình số ")
    (row,) = [
        r for r in listed(demo_dir, capsys, "--unit", "tdp03") if r["title"] == "Sổ tay công dân số"
    ]
    assert row["unit"] == "Tổ dân phố số 3" and len(row["authors"]) == 2
    assert row["content_area"].startswith("Thi đua phát triển xã hội số")
    assert row["recognition"] == "ward"

    assert run(demo_dir, capsys, "edit", str(row["id"]), "--title", "Sổ tay số")[0] == 0
    titles = [r["title"] for r in listed(demo_dir, capsys, "--year", "2026")]
    assert "Sổ tay số" in titles and "Sổ tay công dân số" not in titles
    assert row["id"] not in [r["id"] for r in listed(demo_dir, capsys, "--year", "2025")]

    assert run(demo_dir, capsys, "delete", str(row["id"]))[0] == 0
    assert row["id"] not in [r["id"] for r in listed(demo_dir, capsys)]


def test_a_refused_initiative_says_why_on_stderr_and_exits_2(demo_dir, capsys) -> None:
    code, out, err = run(
        demo_dir,
        capsys,
        "add",
        "--year",
        "2026",
        "--title",
        "Mô hình",
        "--recognition",
        "city",
    )
    assert code == 2 and out == ""
    assert "hãy ghi quyết định công nhận" in err
    code, _, err = run(demo_dir, capsys, "add", "--year", "2026", "--title", "X", "--area", "9")
    assert code == 2 and "không có nội dung thi đua số 9" in err


def test_choose_puts_them_into_a_draft_dossier(demo_dir, capsys) -> None:
    assert main(["--data-dir", str(demo_dir), "dossiers", "list", "--json"]) == 0
    dossiers = json.loads(capsys.readouterr().out)["dossiers"]
    draft = next(d for d in dossiers if d["nominee"] == "Công ty Cổ phần May Hải Phòng Star")
    assert draft["status"] == "draft"
    add = ("add", "--year", "2025", "--title", "Hóa đơn điện tử", "--unit", "DNHPS")
    code, out, _ = run(demo_dir, capsys, *add)
    new_id = out.split("số ")[1].split(":")[0]
    code, out, _ = run(demo_dir, capsys, "choose", str(draft["id"]), new_id)
    assert code == 0
    assert f"Đã đưa 1 sáng kiến, mô hình vào báo cáo thành tích của hồ sơ số {draft['id']}." in out
    code, _, err = run(demo_dir, capsys, "choose", "1", new_id)  # the demo's awarded dossier
    assert code == 2 and "chỉ chọn sáng kiến vào báo cáo thành tích" in err

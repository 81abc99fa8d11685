"""``dossiers create | submit | return | reopen | template | import | discipline`` as a script runs
them on the demo ward."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main


@pytest.fixture
def demo_dir(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    return data_dir


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(folder), "dossiers", *args])
    return code, capsys.readouterr().out


def test_create_submit_return_reopen(demo_dir, capsys) -> None:
    code, out = run(
        demo_dir, capsys, "create", "--campaign", "1", "--form", "gkctp", "--unit", "THCSLL"
    )
    assert code == 0
    assert out.startswith("Hồ sơ số 6: Trường THCS Lê Lợi — Giấy khen của Chủ tịch UBND phường")
    code, out = run(demo_dir, capsys, "submit", "6")
    assert code == 2 and "Hồ sơ chưa đầy đủ" in out
    code, out = run(demo_dir, capsys, "submit", "6", "--reason", "Nộp bản chính sau")
    assert (code, out) == (0, "Hồ sơ số 6: Nháp → Đã trình Hội đồng phường\n")
    code, out = run(demo_dir, capsys, "return", "6", "--note", "Thiếu báo cáo thành tích")
    assert (code, out) == (0, "Hồ sơ số 6: Đã trình Hội đồng phường → Trả lại bổ sung\n")
    code, out = run(demo_dir, capsys, "reopen", "6", "--note", "Đã bổ sung")
    assert (code, out) == (0, "Hồ sơ số 6: Trả lại bổ sung → Nháp (lần xét thứ 2)\n")


def test_create_refuses_with_the_rules_and_replaces_on_request(demo_dir, capsys) -> None:
    code, out = run(
        demo_dir, capsys, "create", "--campaign", "1", "--form", "HCLD3", "--unit", "MTTQ"
    )
    assert code == 2 and "chỉ xét khi sơ kết (2027) và tổng kết (2030)" in out
    code, out = run(
        demo_dir, capsys, "create", "--campaign", "1", "--form", "BKCTTP", "--unit", "DNHPS"
    )
    assert code == 2 and "hãy chọn thay hồ sơ số 4" in out
    code, out = run(
        demo_dir,
        capsys,
        "create",
        "--campaign",
        "1",
        "--form",
        "BKCTTP",
        "--unit",
        "DNHPS",
        "--replace",
    )
    assert code == 0
    assert (
        "Hồ sơ số 4 (“Giấy khen của Chủ tịch UBND phường”, Nháp) đã được xóa: Thay bằng hồ sơ số 6"
        in out
    )
    code, out = run(
        demo_dir, capsys, "create", "--campaign", "1", "--form", "XYZ", "--unit", "DNHPS"
    )
    assert code == 2 and "Không có hình thức khen thưởng mã “XYZ”" in out


def test_template_then_import_with_preview(demo_dir, capsys, tmp_path: Path) -> None:
    path = tmp_path / "de-nghi.xlsx"
    code, out = run(demo_dir, capsys, "template", "--campaign", "1", "--out", str(path))
    assert code == 0 and "Khen thưởng năm 2025" in out
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    forms = [c.value for c in workbook["Danh mục"]["B"][1:] if c.value]
    assert "Huân chương Lao động hạng Ba" not in forms  # not offered in a yearly round
    for row, values in (
        (7, [1, "Tập thể", "THCSBS", None, None, "GKCTP", "Dẫn đầu khối trường"]),
        (8, [2, "Cá nhân", "THCSBS", "Người Mới", "Giáo viên", "GKCTP", "Tích cực"]),
    ):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
    workbook.save(path)
    code, out = run(demo_dir, capsys, "import", "--campaign", "1", "--file", str(path), "--preview")
    assert code == 0
    assert "2 hồ sơ Nháp sẽ được tạo (1 tập thể, 1 cá nhân); 1 cá nhân chưa có trong sổ" in out
    assert "Xem trước: chưa ghi gì." in out
    code, out = run(demo_dir, capsys, "import", "--campaign", "1", "--file", str(path))
    assert code == 0 and "Đã tạo 2 hồ sơ Nháp (số 6, 7)." in out
    code, out = run(demo_dir, capsys, "import", "--campaign", "1", "--file", str(path))
    assert code == 2 and "Dòng 7: “Trường THCS Bắc Sơn” đã được đề nghị" in out
    assert "Không hồ sơ nào được tạo" in out


def test_discipline_is_noted_and_cleared_with_a_reason(demo_dir, capsys) -> None:
    code, out = run(demo_dir, capsys, "discipline", "--unit", "DNHPS", "--note", "Đang thanh tra")
    assert code == 0 and "Đang thanh tra" in out
    code, out = run(demo_dir, capsys, "discipline", "--unit", "DNHPS", "--clear")
    assert code == 2 and "Hãy ghi lý do gỡ ghi chú kỷ luật" in out
    code, out = run(
        demo_dir, capsys, "discipline", "--unit", "DNHPS", "--clear", "--reason", "Kết luận số 3"
    )
    assert code == 0 and "(lý do: Kết luận số 3)" in out


def test_tick_marks_standards_and_papers_by_their_numbers(demo_dir, capsys) -> None:
    code, out = run(demo_dir, capsys, "tick", "4", "--standards", "all", "--papers", "3")
    assert (code, out) == (0, "Hồ sơ số 4: Đã đánh dấu 2 dòng.\n")
    code, out = run(demo_dir, capsys, "show", "4")
    assert "Báo cáo thành tích" not in out.split("Còn thiếu:")[1].split("Lịch sử")[0]
    code, out = run(demo_dir, capsys, "tick", "4", "--papers", "9")
    assert code == 2 and "Hồ sơ không có thành phần hồ sơ số 9 (có 4" in out
    code, out = run(demo_dir, capsys, "tick", "4", "--standards", "một")
    assert code == 2 and "không phải danh sách số thứ tự" in out
    code, out = run(demo_dir, capsys, "tick", "3", "--papers", "3", "--off")
    assert code == 2 and "chỉ sửa được nội dung" in out  # judged by the council: as it stands

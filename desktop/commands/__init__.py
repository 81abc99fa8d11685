"""Subcommands of ``python -m desktop``: the table of every command, and where each one lives.

The table is what the top-level help lists and what lets the command line import only the module
of the command that was asked for: building every command's parser would import every command's
dependencies (openpyxl, reportlab, cryptography, SQLAlchemy) before anything is done, most of the
start-up time of a short command.

A module's ``register(subparsers)`` adds the parsers of its commands (those the table names with
that module) and sets ``run=function(args, ctx)`` on each; the function returns the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """One word of ``python -m desktop LỆNH``: the module that registers it, its line of help."""

    name: str
    module: str
    help: str


COMMANDS: tuple[Command, ...] = (
    Command(
        "values",
        "desktop.commands.values",
        "số liệu quý: nhập một ô, điền mẫu số, xuất, biểu mẫu thu thập, nhập tệp, chốt",
    ),
    Command(
        "results",
        "desktop.commands.values",
        "kết quả toàn phường theo chỉ tiêu, kèm đơn vị chưa báo cáo",
    ),
    Command(
        "targets",
        "desktop.commands.targets",
        "chỉ tiêu năm: xem, đặt, xóa (kể cả chỉ tiêu duy trì 2027–2030)",
    ),
    Command(
        "document",
        "desktop.commands.document",
        "in văn bản ra PDF: kế hoạch, báo cáo, danh sách, tờ trình, báo cáo thành tích",
    ),
    Command(
        "demo",
        "desktop.commands.basic",
        "tạo phường mẫu (hoặc phường tổng hợp cỡ lớn để đo hiệu năng)",
    ),
    Command("check", "desktop.commands.basic", "kiểm tra toàn vẹn và khóa ngoại của tệp dữ liệu"),
    Command("info", "desktop.commands.basic", "đường dẫn, phiên bản cấu trúc, số bản ghi"),
    Command("init", "desktop.commands.basic", "tạo tệp dữ liệu trống với danh mục của Kế hoạch"),
    Command(
        "dossiers",
        "desktop.commands.dossiers",
        "hồ sơ khen thưởng: tạo, trình, trả lại, mở lại, nhập đề nghị, danh sách, lịch sử, tệp",
    ),
    Command(
        "council",
        "desktop.commands.council",
        "Hội đồng TĐKT phường: thành viên, phiên họp, kết quả bỏ phiếu kín",
    ),
    Command(
        "awards",
        "desktop.commands.awards",
        "quyết định khen thưởng (ghi nhận, đính chính, hủy) và sổ theo dõi khen thưởng",
    ),
    Command(
        "backup",
        "desktop.commands.backup",
        "sao lưu dữ liệu và tệp đính kèm ra một thư mục (USB), có kiểm tra lại",
    ),
    Command(
        "restore",
        "desktop.commands.backup",
        "khôi phục dữ liệu từ tệp sao lưu (có sao lưu an toàn dữ liệu hiện tại trước)",
    ),
    Command("units", "desktop.commands.units", "sổ đơn vị: nhập, xuất Excel, tệp mẫu"),
)

BY_NAME: dict[str, Command] = {command.name: command for command in COMMANDS}
# Every module named by the table, in the table's order, once.
COMMAND_MODULES: list[str] = list(dict.fromkeys(command.module for command in COMMANDS))

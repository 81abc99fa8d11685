"""Subcommands of ``python -m desktop``: the table of every command, and where each one lives.

The table is what the top-level help lists and what lets the command line import only the module
of the command that was asked for: building every command's parser would import every command's
dependencies (openpyxl, reportlab, cryptography, SQLAlchemy) before anything is done, most of the
start-up time of a short command.

A module's ``register(subparsers)`` adds the parsers of its commands (those the table names with
that module) and sets ``run=function(args, ctx)`` on each; the function returns the exit code.

The table also says which invocations only read (:func:`only_reads`). A writing command holds the
data folder's lock for its whole run (:mod:`desktop.storage.lock`) and may create the database; a
reading one takes no lock and refuses a folder that has no data, creating nothing. What is not
listed as reading writes: a new subcommand is locked until the table says otherwise.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

# In ``reads``: every action of the command reads (those of ``writes`` and ``writing_options`` aside).
EVERY = "*"


@dataclass(frozen=True)
class Command:
    """One word of ``python -m desktop LỆNH``: the module that registers it, its line of help.

    ``action`` names the attribute of the parsed arguments that holds the command's own choice
    (its subcommand, or ``document``'s kind; "" for a command without one). ``reads`` lists the
    choices that only read the data, :data:`EVERY` for all of them; ``writes`` the choices that
    write even so, and ``writing_options`` the options that make a reading choice write
    (``document plan --issue`` numbers the document in the register).
    """

    name: str
    module: str
    help: str
    action: str = ""
    reads: frozenset[str] = frozenset()
    writes: frozenset[str] = frozenset()
    writing_options: tuple[str, ...] = ()

    def only_reads(self, args: argparse.Namespace) -> bool:
        if any(getattr(args, option, None) for option in self.writing_options):
            return False
        choice = str(getattr(args, self.action, "") or "") if self.action else ""
        if choice in self.writes:
            return False
        return EVERY in self.reads or choice in self.reads


def reads(*choices: str) -> frozenset[str]:
    return frozenset(choices or (EVERY,))


COMMANDS: tuple[Command, ...] = (
    Command(
        "values",
        "desktop.commands.values",
        "số liệu quý: nhập một ô, điền mẫu số, xuất, biểu mẫu thu thập, nhập tệp, chốt",
        action="values_command",
        reads=reads("export", "forms", "corrections"),
    ),
    Command(
        "results",
        "desktop.commands.values",
        "kết quả toàn phường theo chỉ tiêu, kèm đơn vị chưa báo cáo",
        reads=reads(),
    ),
    Command(
        "targets",
        "desktop.commands.targets",
        "chỉ tiêu năm: xem, đặt, xóa (kể cả chỉ tiêu duy trì 2027–2030)",
        action="targets_command",
        reads=reads("list"),
    ),
    Command(
        "document",
        "desktop.commands.document",
        "in văn bản ra PDF: kế hoạch, báo cáo, danh sách, tờ trình, báo cáo thành tích",
        # A draft, a reprint, the register's list and the calibration page read; issuing a
        # number, writing the direction's text and printing certificates (their serials) write.
        action="kind",
        reads=reads(),
        writes=frozenset({"certificates"}),
        writing_options=("issue", "text", "file", "difficulties", "difficulties_file"),
    ),
    Command(
        "demo",
        "desktop.commands.basic",
        "tạo phường mẫu (hoặc phường tổng hợp cỡ lớn để đo hiệu năng)",
    ),
    Command(
        "log",
        "desktop.commands.audit",
        "nhật ký thay đổi: xem theo bảng, thao tác, ngày, chữ; xuất Excel",
        reads=reads(),
    ),
    Command(
        "check",
        "desktop.commands.basic",
        "kiểm tra toàn vẹn và khóa ngoại của tệp dữ liệu",
        reads=reads(),
    ),
    Command(
        "info", "desktop.commands.basic", "đường dẫn, phiên bản cấu trúc, số bản ghi", reads=reads()
    ),
    Command("init", "desktop.commands.basic", "tạo tệp dữ liệu trống với danh mục của Kế hoạch"),
    Command(
        "dossiers",
        "desktop.commands.dossiers",
        "hồ sơ khen thưởng: tạo, trình, trả lại, mở lại, nhập đề nghị, danh sách, lịch sử, tệp",
        action="dossiers_command",
        reads=reads("list", "history", "show", "files", "template"),
    ),
    Command(
        "council",
        "desktop.commands.council",
        "Hội đồng TĐKT phường: thành viên, phiên họp, kết quả bỏ phiếu kín",
        action="council_command",
        reads=reads("meetings"),
    ),
    Command(
        "awards",
        "desktop.commands.awards",
        "quyết định khen thưởng (ghi nhận, đính chính, hủy) và sổ theo dõi khen thưởng",
        action="awards_command",
        reads=reads("decisions", "register"),
        writing_options=("add_earlier",),  # awards register --add-earlier records an award
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
    Command(
        "activities",
        "desktop.commands.activities",
        "hoạt động tuyên truyền, tập huấn, lớp học số: xem, tổng hợp, thêm, xóa, nhập/xuất Excel",
        action="activities_command",
        reads=reads("list", "export"),
    ),
    Command(
        "initiatives",
        "desktop.commands.initiatives",
        "sáng kiến, giải pháp, mô hình điển hình: xem, thêm, sửa, xóa, chọn vào hồ sơ",
        action="initiatives_command",
        reads=reads("list"),
    ),
    Command(
        "commitments",
        "desktop.commands.commitments",
        "đăng ký thi đua, kế hoạch của đơn vị: xem, ghi, xóa, xuất danh sách đôn đốc",
        action="commitments_command",
        reads=reads("list", "export"),
    ),
    Command(
        "due",
        "desktop.commands.deadlines",
        "việc cần làm: những gì đã quá hạn hoặc sắp đến hạn",
        reads=reads(),
    ),
    Command(
        "deadlines",
        "desktop.commands.deadlines",
        "mốc thời gian và hạn: xem, đặt ngày thu số liệu, hạn báo cáo",
        action="deadlines_command",
        reads=reads("show"),
    ),
    Command(
        "units",
        "desktop.commands.units",
        "sổ đơn vị: nhập, xuất Excel, tệp mẫu",
        action="units_command",
        reads=reads("export", "template"),
    ),
)

BY_NAME: dict[str, Command] = {command.name: command for command in COMMANDS}
# Every module named by the table, in the table's order, once.
COMMAND_MODULES: list[str] = list(dict.fromkeys(command.module for command in COMMANDS))


def only_reads(args: argparse.Namespace) -> bool:
    """Whether the parsed command line only reads the data (see the table's ``reads``)."""
    command = BY_NAME.get(getattr(args, "command", None) or "")
    return command is not None and command.only_reads(args)


def words_of(args: argparse.Namespace) -> str:
    """The command as the clerk typed its words: "units import", "document plan"."""
    command = BY_NAME.get(getattr(args, "command", None) or "")
    if command is None:
        return str(getattr(args, "command", "") or "")
    choice = getattr(args, command.action, None) if command.action else None
    return f"{command.name} {choice}" if choice else command.name

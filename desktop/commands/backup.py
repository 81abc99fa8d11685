"""``backup --to DIR [--encrypt] [--compress]`` and ``restore FILE [--test]`` on the command line.

The passphrase is asked at the prompt (never echoed), or read from ``THIDUA_BACKUP_PASSPHRASE``
for scheduled scripts; it is never written anywhere. The commands use the window's operations: the
backup is noted with ``usb_backup_recorded`` through the door, and the restore announces
``EVERYTHING`` to it as in the window. Sizes, moments and counts are worded by
:mod:`desktop.text.wording`. The backup modules are imported when a command runs, so that building
the parser (``--help``, every other command) does not pay for them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.context import AppContext

if TYPE_CHECKING:
    from desktop.backup import RestoreResult

PASSPHRASE_ENV = "THIDUA_BACKUP_PASSPHRASE"
EXIT_REFUSED = 1
EXIT_PASSPHRASE = 4
NOT_NOTED = (
    "Tệp sao lưu đã ghi và kiểm tra tốt; chỉ chưa ghi được ngày sao lưu này vào dữ liệu (dòng "
    "“Sao lưu USB gần nhất” sẽ chưa đổi)."
)
# The tables a restore's summary counts, as the clerk knows what they hold.
SUMMARY_TABLES = ("unit", "person", "quartervalue", "dossier", "issueddocument")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="sao lưu dữ liệu và tệp đính kèm ra một thư mục (USB), có kiểm tra lại",
        description="Ghi tệp ThiDua-<phường>-YYYYMMDD-HHMMSS.tdbak vào thư mục chỉ định.",
    )
    backup.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục đích (ví dụ ổ USB)")
    backup.add_argument(
        "--encrypt",
        action="store_true",
        help=f"mã hóa bằng mật khẩu (hỏi khi chạy, hoặc lấy từ biến {PASSPHRASE_ENV})",
    )
    backup.add_argument("--compress", action="store_true", help="nén (tệp nhỏ hơn, chậm hơn)")
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="khôi phục dữ liệu từ tệp sao lưu (có sao lưu an toàn dữ liệu hiện tại trước)",
    )
    restore.add_argument("file", metavar="TỆP", help="tệp .tdbak")
    restore.add_argument(
        "--test", action="store_true", help="chỉ khôi phục thử: kiểm tra đầy đủ, không đổi dữ liệu"
    )
    restore.add_argument(
        "--confirm",
        action="store_true",
        help="vẫn khôi phục khi nhật ký thay đổi của bản sao lưu ngắn hơn của dữ liệu hiện tại",
    )
    restore.set_defaults(run=run_restore)


def _passphrase(confirm: bool) -> str:
    from desktop.backup import BackupError
    from desktop.backup.crypto import passphrase_problem

    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise BackupError(
            f"Cần mật khẩu: hãy chạy trong cửa sổ lệnh để nhập, hoặc đặt biến {PASSPHRASE_ENV}."
        )
    first = getpass.getpass("Mật khẩu sao lưu: ")
    if not confirm:
        return first
    second = getpass.getpass("Nhập lại mật khẩu: ")
    problem = passphrase_problem(first, second)
    if problem:
        raise BackupError(problem)
    return first


def run_backup(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.backup import BackupError, create_backup
    from desktop.backup.crypto import passphrase_problem
    from desktop.text import wording

    try:
        passphrase = None
        if args.encrypt:
            passphrase = _passphrase(confirm=True)
            problem = passphrase_problem(passphrase)
            if problem:
                raise BackupError(problem)
        ctx.db  # noqa: B018 - opens (and upgrades) the file first, so the snapshot is current
        result = create_backup(
            ctx.folder, Path(args.to), passphrase=passphrase, compress=args.compress
        )
    except BackupError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    swept = result.swept_line()
    if swept:
        print(swept)
    size = wording.size(result.path.stat().st_size)
    seconds = wording.decimal(result.seconds)
    print(f"Đã sao lưu và kiểm tra lại: {result.path} ({size}, {seconds} giây)")
    left_out = result.left_out_line()
    if left_out:
        print(left_out, file=sys.stderr)
    return _note_backup(ctx)


def _note_backup(ctx: AppContext) -> int:
    """Note the date of the USB backup; a note that fails does not make the backup fail."""
    from sqlalchemy.exc import OperationalError

    from desktop.backup.ops import usb_backup_recorded
    from desktop.errors import Refusal

    try:
        ctx.door.run(usb_backup_recorded())
    except (Refusal, OperationalError) as error:
        # The file is written and verified: only the date in the status bar is not noted.
        text = error.text() if isinstance(error, Refusal) else "tệp dữ liệu đang bận"
        print(f"{NOT_NOTED} ({text})", file=sys.stderr)
    return 0


def run_restore(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.backup import (
        BackupError,
        PassphraseRequired,
        WrongPassphrase,
        restore_backup,
        trial_restore,
    )
    from desktop.backup.crypto import is_encrypted

    path = Path(args.file)
    try:
        passphrase = None
        if path.is_file() and is_encrypted(path):
            passphrase = _passphrase(confirm=False)
        if args.test:
            result = trial_restore(path, passphrase=passphrase, work_dir=ctx.folder.scratch)
        else:
            result = restore_backup(
                ctx, path, passphrase=passphrase, accept_shorter_audit=args.confirm
            )
    except (WrongPassphrase, PassphraseRequired) as error:
        print(error, file=sys.stderr)
        return EXIT_PASSPHRASE
    except BackupError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print("\n".join(summary_lines(path, result)))
    if args.test and ctx.database_exists:
        # The trial is how the clerk decides: a forged or cut log is said now, not at the restore.
        from desktop.backup.trail import shorter_audit_log

        warning = ctx.door.read(
            shorter_audit_log(result.source, result.manifest, result.newest_ids, result.audit_rows)
        )
        if warning is not None:
            print(f"Lưu ý: {warning}")
    return 0


def summary_lines(path: Path, result: RestoreResult) -> list[str]:
    """What the backup holds and what became of it, as the clerk reads it after a restore."""
    from desktop.storage.audit import table_label
    from desktop.text import wording

    manifest = result.manifest
    lines = [
        f"Bản sao lưu: {path.name}",
        f"Phường:      {manifest.ward}",
        f"Thời điểm:   {wording.date_time(manifest.created)}",
        f"Phiên bản:   ThiĐua {manifest.app_version}, cấu trúc {manifest.schema_revision}",
        f"Tệp đính kèm: {wording.count(manifest.attachment_count)}",
        f"Văn bản PDF: {wording.count(manifest.document_count)}",
    ]
    for table in SUMMARY_TABLES:
        if table in manifest.counts:
            lines.append(f"  {table_label(table):<22}{wording.count(manifest.counts[table]):>10}")
    if result.upgraded_from:
        lines.append(f"Cấu trúc dữ liệu được nâng cấp từ {result.upgraded_from}.")
    if result.names_cleaned:
        lines.append(
            f"Đã đổi {wording.count(result.names_cleaned)} tên tệp đính kèm không an toàn "
            "(đường dẫn, ký tự ẩn hoặc tên thiết bị) thành tên an toàn."
        )
    if result.test_only:
        lines.append(
            "Khôi phục thử thành công: bản sao lưu toàn vẹn. Dữ liệu hiện tại không thay đổi."
        )
    elif result.safety_backup is None:
        lines.append("Đã khôi phục vào thư mục dữ liệu chưa có dữ liệu.")
    else:
        lines.append(
            f"Đã khôi phục. Dữ liệu trước khi khôi phục được giữ ở: {result.safety_backup}"
        )
    return lines

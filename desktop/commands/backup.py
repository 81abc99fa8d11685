"""``backup --to DIR [--encrypt] [--compress]`` and ``restore FILE [--test]`` on the command line.

The passphrase is asked at the prompt (never echoed), or read from ``THIDUA_BACKUP_PASSPHRASE``
for scheduled scripts; it is never written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from desktop.backup import (
    BackupError,
    PassphraseRequired,
    WrongPassphrase,
    create_backup,
    restore_backup,
    trial_restore,
)
from desktop.backup.crypto import is_encrypted, passphrase_problem
from desktop.backup.status import record_usb_backup
from desktop.context import AppContext

PASSPHRASE_ENV = "THIDUA_BACKUP_PASSPHRASE"


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
    restore.set_defaults(run=run_restore)


def _passphrase(confirm: bool) -> str:
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
        with ctx.db.session() as session:
            record_usb_backup(session)
    except BackupError as error:
        print(error, file=sys.stderr)
        return 1
    size = result.path.stat().st_size / 1e6
    print(f"Đã sao lưu và kiểm tra lại: {result.path} ({size:.1f} MB, {result.seconds:.1f} giây)")
    return 0


def run_restore(args: argparse.Namespace, ctx: AppContext) -> int:
    path = Path(args.file)
    try:
        passphrase = None
        if path.is_file() and is_encrypted(path):
            passphrase = _passphrase(confirm=False)
        if args.test:
            result = trial_restore(path, passphrase=passphrase, work_dir=ctx.folder.root)
        else:
            result = restore_backup(ctx, path, passphrase=passphrase)
    except (WrongPassphrase, PassphraseRequired) as error:
        print(error, file=sys.stderr)
        return 4
    except BackupError as error:
        print(error, file=sys.stderr)
        return 1
    manifest = result.manifest
    print(f"Bản sao lưu: {path.name}")
    print(f"Phường:      {manifest.ward}")
    print(f"Thời điểm:   {manifest.created:%d/%m/%Y %H:%M:%S}")
    print(f"Phiên bản:   ThiĐua {manifest.app_version}, cấu trúc {manifest.schema_revision}")
    print(f"Tệp đính kèm: {manifest.attachment_count}")
    for table in ("unit", "person", "quartervalue", "dossier", "issueddocument"):
        if table in manifest.counts:
            print(f"  {table:<16}{manifest.counts[table]:>10}")
    if result.upgraded_from:
        print(f"Cấu trúc dữ liệu được nâng cấp từ {result.upgraded_from}.")
    if result.test_only:
        print("Khôi phục thử thành công: bản sao lưu toàn vẹn. Dữ liệu hiện tại không thay đổi.")
    else:
        print(f"Đã khôi phục. Dữ liệu trước khi khôi phục được giữ ở: {result.safety_backup}")
    return 0

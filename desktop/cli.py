"""``python -m desktop``: the command line over the same domain as the window."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import APP_NAME, __version__
from desktop.commands import COMMAND_MODULES
from desktop.context import AppContext
from desktop.storage import StorageError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop",
        description=f"{APP_NAME} — quản lý phong trào thi đua chuyển đổi số của phường.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH")
    gui = subparsers.add_parser("gui", help="mở cửa sổ chương trình")
    gui.set_defaults(run=None)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Vietnamese on a Windows console
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.run is None:
        from desktop.ui.app import main as gui_main

        return gui_main(["--data-dir", args.data_dir] if args.data_dir else [])
    ctx = AppContext.from_args(args.data_dir)
    try:
        return int(args.run(args, ctx))
    except StorageError as error:
        print(error, file=sys.stderr)
        return 3
    finally:
        ctx.close()

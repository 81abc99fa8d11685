"""``python -m desktop``: the command line over the same domain as the window.

Two habits live here.

**Start-up.** The top-level parser is built from the table in :mod:`desktop.commands`. Only the
module of the command that was asked for is imported and registers its real parser; the others
are listed by name and help alone. ``--help`` and ``info`` therefore never import reportlab or
openpyxl, and ``document report`` does not pay for Excel, backups or dossiers.

**One way out for errors.** Whatever a command raises ends in :func:`main`. A refusal — a
:class:`~desktop.errors.Refusal`, or a locked, read-only, full or failing disk that
:func:`~desktop.errors.refusal_of` recognises — prints its Vietnamese message on stderr and exits
with :data:`EXIT_REFUSED` — so does a data folder another window or command holds (the message
names the holder) and a reading command on a folder without data. Anything else is a bug: one Vietnamese line on stderr naming the log
file, the traceback in that file, exit :data:`EXIT_BUG`. No command ends in a raw traceback, not
even when the data folder cannot be created or the log folder cannot be written.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.commands import BY_NAME, COMMANDS
from desktop.errors import Refusal, refusal_of

# Kept from the first command line, where a data file that is not ThiĐua's already exited with 3.
EXIT_REFUSED = 3
# EX_SOFTWARE of sysexits.h: an internal error of the program, distinct from every refusal.
EXIT_BUG = 70
# What a shell reports for a command stopped with Ctrl+C.
EXIT_INTERRUPTED = 130
# What a shell reports for a command whose output pipe was closed (128 + SIGPIPE).
EXIT_PIPE_CLOSED = 141

BUG_LINE = (
    "Xin lỗi, ThiĐua gặp một lỗi không lường trước nên chưa làm xong lệnh này. Chi tiết đã ghi "
    "vào tệp nhật ký: {log} — hãy gửi tệp này cho người hỗ trợ nếu lỗi lặp lại."
)
BUG_LINE_NO_LOG = (
    "Xin lỗi, ThiĐua gặp một lỗi không lường trước ({kind}) nên chưa làm xong lệnh này, và không "
    "ghi được tệp nhật ký. Hãy báo cho người hỗ trợ lệnh vừa chạy nếu lỗi lặp lại."
)
INTERRUPTED = "Đã dừng lệnh theo yêu cầu."

log = logging.getLogger("thidua.cli")

# argparse asks gettext for each message it prints; these are the ones the clerk can meet.
ARGPARSE_VIETNAMESE = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in phiên bản của chương trình rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "còn thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không hiểu được: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (hãy chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ (cần kiểu %(type)s): %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng được cùng với tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
}


def _vietnamese(message: str) -> str:
    return ARGPARSE_VIETNAMESE.get(message, message)


def _vietnamese_plural(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "cần %s giá trị"
    return singular if n == 1 else plural


@contextmanager
def vietnamese_argparse() -> Iterator[None]:
    """argparse's own messages in Vietnamese while the command line is parsed, then as they were.

    argparse looks each message up through the module-level ``_`` and ``ngettext`` it imported from
    gettext, so swapping those two names is the whole translation.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _vietnamese, _vietnamese_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``command``'s module (if any) is imported to register its real parser."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop",
        description=f"{APP_NAME} — quản lý phong trào thi đua chuyển đổi số của phường.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="in phiên bản của chương trình rồi thoát",
    )
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH")
    gui = subparsers.add_parser("gui", help="mở cửa sổ chương trình")
    gui.set_defaults(run=None, screenshots=None)
    if command == "gui":  # its options import nothing of Qt until the window is asked for
        from desktop.ui.screenshots import add_arguments

        add_arguments(gui)
    if command in BY_NAME:
        importlib.import_module(BY_NAME[command].module).register(subparsers)
    for entry in COMMANDS:
        if entry.name not in subparsers.choices:
            # Listed in the help; never parsed further, as its own module was not the one asked for.
            subparsers.add_parser(entry.name, help=entry.help, add_help=False)
    return parser


def chosen_command(argv: Sequence[str]) -> str | None:
    """The word of the command in ``argv`` as argparse reads it (None: no command given).

    The first pass uses the light parser, so that options and their values are told apart by
    argparse itself; a wrong word or option ends there with argparse's usage message.
    """
    known, _ = build_parser().parse_known_args(argv)
    command: str | None = known.command
    return command


def parse(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    with vietnamese_argparse():
        parser = build_parser(chosen_command(argv))
        return parser, parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    # A log file that fails while being written (a full disk) must not print logging's own
    # traceback on stderr: the command line is the last word the clerk reads.
    logging.raiseExceptions = False
    folder: Path | None = None  # the data folder once known: named in messages, holds the log
    try:
        parser, args = parse(list(sys.argv[1:] if argv is None else argv))
        if args.command is None:
            parser.print_help()
            return 0
        if args.run is None and args.screenshots:
            from desktop.ui.screenshots import main as screenshots_main

            return screenshots_main(args.data_dir, args)
        if args.run is None:
            from desktop.ui.app import main as gui_main

            return gui_main(["--data-dir", args.data_dir] if args.data_dir else [])
        from desktop.paths import resolve_data_folder

        folder = resolve_data_folder(args.data_dir).root
        return _run(args, folder)
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of the output went away (``… | head``): nothing is wrong with the data.
        _discard_stdout()
        return EXIT_PIPE_CLOSED
    except Exception as error:
        return report_error(error, folder)


def _run(args: argparse.Namespace, folder: Path) -> int:
    """The start-up sequence (:class:`~desktop.context.AppContext`), then the command.

    A writing command holds the data folder's lock for its whole run; a reading one (the table's
    ``reads``) takes none and refuses a folder without data. What the start did to the folder
    (a stale lock taken over, the debris of a crash swept) is said on stderr, before the output.
    """
    from desktop.commands import only_reads, words_of
    from desktop.context import AppContext
    from desktop.storage.lock import program_of_command

    with cyclic_collector_paused():
        ctx = AppContext.from_args(
            folder, program=program_of_command(words_of(args)), writes=not only_reads(args)
        )
        for line in ctx.start_lines():
            print(line, file=sys.stderr)
        try:
            return int(args.run(args, ctx))
        finally:
            ctx.close()


@contextmanager
def cyclic_collector_paused() -> Iterator[None]:
    """Run one command without Python's cycle collector, then restore it as it was.

    A command imports its libraries and exits; the collector would spend about a tenth of a
    short command's time scanning the objects those imports create and never free (document
    report: about 10 % less CPU without it). Reference counting still frees everything else: a
    2,000-unit demo ward peaks at the same memory either way. The window keeps the collector.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def report_error(error: Exception, folder: Path | None) -> int:
    """The one way out: a refusal's message, or one line for a bug with its traceback logged."""
    refusal = refusal_of(error, _place(error, folder))
    if refusal is not None:
        _log_refusal(error, refusal, folder)
        print(refusal.text(), file=sys.stderr)
        return EXIT_REFUSED
    log_path = _log_bug(error, folder)
    if log_path is None:
        print(BUG_LINE_NO_LOG.format(kind=type(error).__name__), file=sys.stderr)
    else:
        print(BUG_LINE.format(log=log_path), file=sys.stderr)
    return EXIT_BUG


def _place(error: Exception, folder: Path | None) -> str:
    # A file the disk refused names itself; a database failure is about the data folder.
    if isinstance(error, OSError) and error.filename:
        return ""
    return str(folder) if folder is not None else ""


def _log_refusal(error: Exception, refusal: Refusal, folder: Path | None) -> None:
    if _logging_to_file(folder) is None:
        return
    # The machine underneath said no (directly, or as the cause the door turned into this
    # refusal): keep what it said for whoever supports the clerk — the SQL without its values.
    underneath = error if refusal is not error else error.__cause__
    if isinstance(underneath, Exception) and not isinstance(underneath, Refusal):
        log.warning("refused: %s", refusal.message, exc_info=underneath)
    else:
        log.info("refused: %s", refusal.message)


def _log_bug(error: Exception, folder: Path | None) -> Path | None:
    path = _logging_to_file(folder)
    if path is not None:
        log.error("unexpected error in the command line", exc_info=error)
    return path


def _logging_to_file(folder: Path | None) -> Path | None:
    """The log file, set up now if the failure came before the data folder was opened."""
    from desktop.logs import log_file, setup_logging
    from desktop.paths import DataFolder

    path = log_file()
    if path is not None:
        return path
    try:
        # Only into a log folder that is already there: a refused start (a mistyped --data-dir
        # for ``check``) creates nothing, not even the folder of the log.
        logs = DataFolder(folder).logs if folder is not None else None
        return setup_logging(logs if logs is not None and logs.is_dir() else _default_logs())
    except Exception:  # the log is a help, never a second failure
        return None


def _default_logs() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / "ThiDua-logs"


def _discard_stdout() -> None:
    # Python flushes stdout once more at exit; pointing it at nothing keeps that flush quiet.
    import os

    # ValueError, OSError: no real file behind stdout (a captured stream), nothing to flush.
    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Vietnamese on a Windows console

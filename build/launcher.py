"""Entry point of the frozen app: the window, ``--self-test``, or a subcommand of the command line.

``ThiDua`` alone (or with ``--data-dir DIR``) opens the window; ``ThiDua info``, ``ThiDua backup …``
and the other words of ``python -m desktop --help`` run the command line.
"""

import sys

OPTIONS_WITH_VALUE = {"--data-dir"}


def wants_command_line(args: list[str]) -> bool:
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-") or arg in ("-h", "--help", "--version"):
            return True
    return False


def run() -> int:
    args = sys.argv[1:]
    if "--self-test" in args:
        from desktop.commands.selftest import main as self_test

        return self_test()
    if wants_command_line(args):
        from desktop.cli import main as cli

        return cli(args)
    from desktop.ui.app import main as gui

    return gui(args)


if __name__ == "__main__":
    sys.exit(run())

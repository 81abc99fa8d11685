"""``awards decisions … | awards register …``: decisions on awards and the award register.

Two families of commands under one word: the decisions (record one received from the city,
correct, revoke, list) live in :mod:`desktop.commands.decisions`, the register (sổ theo dõi khen
thưởng: list, Excel, earlier awards entered by hand) in :mod:`desktop.commands.award_register`.
"""

from __future__ import annotations

import argparse

from desktop.commands import award_register, decisions


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "awards", help="quyết định khen thưởng (ghi nhận, đính chính, hủy) và sổ theo dõi khen thưởng"
    )
    commands = parser.add_subparsers(dest="awards_command", metavar="VIỆC", required=True)
    decisions.add_parsers(commands)
    award_register.add_parsers(commands)

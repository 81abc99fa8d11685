"""Subcommands of ``python -m desktop``; each module adds its own parser with ``register``.

A module's ``register(subparsers)`` adds one or more parsers and sets ``run=function(args, ctx)``;
the function returns the exit code.
"""

COMMAND_MODULES = [
    "desktop.commands.values",
    "desktop.commands.document",
    "desktop.commands.basic",
    "desktop.commands.dossiers",
    "desktop.commands.backup",
    "desktop.commands.units",
]

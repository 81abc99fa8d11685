"""Storage: the one SQLite file, its migrations, and the rules every write passes through.

``Database`` is imported on first use (PEP 562): importing ``StorageError`` from here must not
import SQLAlchemy and SQLModel, which is most of a short command's start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.storage.errors import StorageError

if TYPE_CHECKING:
    from desktop.storage.database import Database

__all__ = ["Database", "StorageError"]


def __getattr__(name: str) -> object:
    if name == "Database":
        from desktop.storage.database import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

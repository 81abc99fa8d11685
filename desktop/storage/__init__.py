"""Storage: the one SQLite file, its migrations, and the rules every write passes through."""

from desktop.storage.database import Database
from desktop.storage.errors import StorageError

__all__ = ["Database", "StorageError"]

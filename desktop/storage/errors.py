"""Errors of the storage layer; each carries a message the clerk can read (Vietnamese)."""

from desktop.errors import Refusal


class StorageError(Refusal):
    """A database file that cannot be used as it is. ``str(error)`` is shown to the clerk."""


class NotThiDuaDatabase(StorageError):
    pass


class DamagedDatabase(StorageError):
    pass


class NewerDatabase(StorageError):
    pass


class MigrationFailed(StorageError):
    pass

"""The open data folder of one run of the app or of one command: paths, database, logging."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.logs import setup_logging
from desktop.paths import DataFolder, resolve_data_folder

if TYPE_CHECKING:
    from desktop.changes import Door
    from desktop.storage import Database

log = logging.getLogger("thidua.app")


@dataclass
class AppContext:
    """What the GUI and the commands share: the data folder and, once opened, its database."""

    folder: DataFolder
    # Set once the start-up check has scanned the file, so opening it does not scan it again.
    integrity_checked: bool = False
    _db: Database | None = field(default=None, repr=False)
    _door: Door | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, data_dir: str | Path | None) -> AppContext:
        folder = resolve_data_folder(data_dir).ensure()
        setup_logging(folder.logs)
        return cls(folder)

    @property
    def database_exists(self) -> bool:
        path = self.folder.database
        return path.exists() and path.stat().st_size > 0

    @property
    def db(self) -> Database:
        if self._db is None:
            from desktop.storage import Database

            self._db = Database.open(self.folder.database, quick_check=not self.integrity_checked)
            log.info("opened %s", self.folder.database)
        return self._db

    @property
    def is_open(self) -> bool:
        """Whether the database has been opened (automatic backups wait for it)."""
        return self._db is not None

    @property
    def door(self) -> Door:
        """The one way in for changes (:mod:`desktop.changes`); it opens the database when used."""
        if self._door is None:
            from desktop.changes import Door

            self._door = Door(lambda: self.db)
        return self._door

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

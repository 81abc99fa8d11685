"""Named loggers (``thidua.<area>``) writing a rotating log file in the data folder.

A log folder that cannot be written (a read-only stick, a full disk) never stops the app: the
log then goes to the system's temporary folder, and failing that nowhere.
"""

from __future__ import annotations

import logging
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "thidua.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(log_folder: Path, level: int = logging.INFO) -> Path | None:
    """Attach (once) a rotating file handler to the ``thidua`` logger; returns the log file."""
    root = logging.getLogger("thidua")
    root.setLevel(level)
    for fallback in (False, True):
        # The system's temporary folder only when the data folder fails: finding it writes a
        # probe file there, which a crash at that moment would leave behind.
        folder = Path(tempfile.gettempdir()) / "ThiDua-logs" if fallback else log_folder
        path = folder / LOG_FILE_NAME
        for handler in list(root.handlers):
            if isinstance(handler, RotatingFileHandler):
                if Path(handler.baseFilename) == path:
                    return path
                root.removeHandler(handler)
                handler.close()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        except OSError:
            continue
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
        return path
    return None


def log_file() -> Path | None:
    """The file the ``thidua`` logger writes to now (None: logging to a file failed)."""
    for handler in logging.getLogger("thidua").handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None

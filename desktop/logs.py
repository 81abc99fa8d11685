"""Named loggers (``thidua.<area>``) writing a rotating log file in the data folder."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "thidua.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(log_folder: Path, level: int = logging.INFO) -> Path:
    """Attach (once) a rotating file handler to the ``thidua`` logger; returns the log file."""
    log_folder.mkdir(parents=True, exist_ok=True)
    path = log_folder / LOG_FILE_NAME
    root = logging.getLogger("thidua")
    root.setLevel(level)
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            if Path(handler.baseFilename) == path:
                return path
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    return path

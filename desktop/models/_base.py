"""Small pieces shared by the table modules."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    """Local wall-clock time without microseconds: what the clerk reads in the audit log."""
    return datetime.now().replace(microsecond=0)

"""The clerk's words for a file that could not be saved where they chose, whatever wrote it.

One wording for every writer of a chosen path (the Excel workbooks of ``excel/common.py``, the PDFs
of ``documents/register.py``), so that a pulled USB stick or a full disk reads the same whichever
button was pressed. Kept here, with no Qt, openpyxl or renderer behind it, for both to import.
"""

from __future__ import annotations

import errno
from pathlib import Path

# A quota reached is a full disk to the clerk (Linux and macOS have EDQUOT, Windows does not).
FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


def folder_missing(path: Path) -> str:
    """The folder chosen for ``path`` is not there: never created, it may be a mistyped path."""
    return (
        f"Không ghi được “{path.name}”: thư mục “{path.parent}” không có (USB đã rút ra hoặc "
        "đường dẫn gõ nhầm). Hãy chọn một thư mục có thật."
    )


def disk_full(path: Path) -> str:
    return f"Không ghi được “{path.name}”: ổ đĩa đã đầy. Hãy xóa bớt tệp hoặc chọn ổ khác."


def known_failure(path: Path, error: OSError) -> str | None:
    """The shared words for writing ``path`` failing with ``error``, or None for the writer's own."""
    if error.errno == errno.ENOENT:
        return folder_missing(path)
    if error.errno in FULL:
        return disk_full(path)
    return None

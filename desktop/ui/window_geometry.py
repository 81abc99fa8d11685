"""Where the main window opens: inside the screen's available area, never taller than it.

Office PCs in wards commonly run 1366×768, whose available area (the taskbar taken off) is
about 1366×728: the first window opens maximised there, and wherever its default size does not
fit. Later starts keep what the clerk chose (``window.ini``), brought back inside the screen when
it was saved on a larger one.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 800)
SMALL_SCREEN = QSize(1366, 768)  # an available area no larger than this is a small screen
FRAME = QSize(16, 40)  # room for the window manager's frame and title bar around the window


def is_small(available: QRect) -> bool:
    return available.width() <= SMALL_SCREEN.width() or available.height() <= SMALL_SCREEN.height()


def first_placement(available: QRect, default: QSize = DEFAULT_SIZE) -> tuple[QRect, bool]:
    """The first window's geometry inside ``available`` and whether it opens maximised."""
    width = min(default.width(), available.width() - FRAME.width())
    height = min(default.height(), available.height() - FRAME.height())
    fits = width == default.width() and height == default.height()
    rect = QRect(0, 0, max(width, 1), max(height, 1))
    rect.moveCenter(available.center())
    return rect, is_small(available) or not fits


def inside(rect: QRect, available: QRect, least: QSize | None = None) -> QRect:
    """``rect`` moved (and shrunk only when larger, never below ``least``) so that it lies within
    ``available``."""
    width = min(rect.width(), available.width() - FRAME.width())
    height = min(rect.height(), available.height() - FRAME.height())
    if least is not None:
        width, height = max(width, least.width()), max(height, least.height())
    left = min(max(rect.left(), available.left()), available.right() - width - FRAME.width() + 1)
    top = min(
        max(rect.top(), available.top() + FRAME.height() - 8), available.bottom() - height + 1
    )
    return QRect(max(left, available.left()), max(top, available.top()), width, height)


def fitting_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, or less where the widget's screen is smaller (a dialog's size)."""
    screen: QScreen | None = widget.screen()  # None for a widget not yet on a screen
    if screen is None:
        return QSize(width, height)
    available = screen.availableGeometry()
    return QSize(
        min(width, available.width() - FRAME.width()),
        min(height, available.height() - FRAME.height()),
    )

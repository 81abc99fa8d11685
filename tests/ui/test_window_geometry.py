"""The first window on a small office screen: inside the available area, maximised."""

from __future__ import annotations

from PySide6.QtCore import QRect

from desktop.ui.window_geometry import first_placement, inside


def test_a_1366x768_screen_opens_the_window_maximised_inside_its_available_area() -> None:
    available = QRect(0, 0, 1366, 728)  # the taskbar takes 40 pixels
    rect, maximised = first_placement(available)
    assert maximised
    assert available.contains(rect)
    assert rect.height() <= 728 - 40  # room for the title bar: the status bar stays on screen


def test_a_large_screen_opens_the_default_size_centred_and_not_maximised() -> None:
    available = QRect(0, 0, 1920, 1040)
    rect, maximised = first_placement(available)
    assert not maximised
    assert (rect.width(), rect.height()) == (1280, 800)
    assert rect.center() == available.center()


def test_a_window_saved_on_a_larger_screen_comes_back_inside_this_one() -> None:
    available = QRect(0, 0, 1366, 728)
    moved = inside(QRect(1500, 300, 1280, 800), available)
    assert available.contains(moved)


def test_the_first_window_on_a_small_screen_is_maximised_and_fits(main_window) -> None:
    """The test platform's screen is 800×800: a small screen."""
    available = main_window.screen().availableGeometry()
    assert main_window.isMaximized()
    assert main_window.frameGeometry().height() <= available.height()
    assert main_window.geometry().bottom() <= available.bottom()

"""How long work reports how far it got and learns that the clerk pressed Hủy.

The GUI's ``desktop.ui.widgets.background.Progress`` fits this shape; the command line and tests use
:class:`SilentProgress`. ``check()`` raises (the GUI's ``Cancelled``) to stop the work, and every
backup step cleans up in ``finally`` so a cancelled run leaves nothing half-written.
"""

from __future__ import annotations

from typing import Protocol


class ProgressSink(Protocol):
    def report(self, done: int, total: int, text: str = "") -> None: ...

    def check(self) -> None: ...


class SilentProgress:
    def report(self, done: int, total: int, text: str = "") -> None:
        pass

    def check(self) -> None:
        pass

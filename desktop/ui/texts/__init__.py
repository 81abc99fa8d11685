"""All words the window shows, in Vietnamese, grouped by page, so they are reviewed together."""

import re

_ACCELERATOR = re.compile(r"&(&?)")


def title_of(label: str) -> str:
    """A window title or a message's heading made from a menu, action or button label.

    Drops the accelerator mark ("Lưu &PDF…" → "Lưu PDF"; a literal "&&" stays one "&") and the
    trailing "…" that only says "a dialog follows" on the button that opened it.
    """
    return _ACCELERATOR.sub(r"\1", label).rstrip().removesuffix("…").removesuffix("...").rstrip()

"""Page geometry of a document (Nghị định 30/2020, Phụ lục I): margins and body size.

The clerk may move a margin inside the legal range (top and bottom 20–25 mm, left 30–35 mm, right
15–20 mm) and pick 13 or 14 pt for the body. The values live in the ``Setting`` table under the keys
``document.margin_top`` … so the schema stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from desktop.documents.kinds import DocumentError
from desktop.settings import get_value, set_value
from desktop.text import wording

if TYPE_CHECKING:
    from sqlmodel import Session

LEGAL_RANGES = {
    "margin_top": (20.0, 25.0, "Lề trên"),
    "margin_bottom": (20.0, 25.0, "Lề dưới"),
    "margin_left": (30.0, 35.0, "Lề trái"),
    "margin_right": (15.0, 20.0, "Lề phải"),
    "body_size": (13.0, 14.0, "Cỡ chữ nội dung"),
}
SETTING_PREFIX = "document."


@dataclass(frozen=True)
class PageLayout:
    """Margins in millimetres; ``body_size`` in points."""

    margin_top: float = 20.0
    margin_bottom: float = 20.0
    margin_left: float = 30.0
    margin_right: float = 15.0
    body_size: float = 14.0

    def validation_errors(self) -> list[str]:
        errors: list[str] = []
        for name, (low, high, label) in LEGAL_RANGES.items():
            value = getattr(self, name)
            if not low <= value <= high:
                unit = "pt" if name == "body_size" else "mm"
                errors.append(
                    f"{label} phải từ {figure(low)} đến {figure(high)} {unit} "
                    f"(Nghị định 30/2020/NĐ-CP); đang là {figure(value)}."
                )
        return errors


def figure(value: float) -> str:
    """22.5 → "22,5", 20 → "20": a margin as the clerk reads it."""
    return wording.decimal(value, 1).removesuffix(",0")


def load_layout(session: Session) -> PageLayout:
    values: dict[str, float] = {}
    for f in fields(PageLayout):
        raw = get_value(session, SETTING_PREFIX + f.name)
        try:
            values[f.name] = float(raw) if raw else getattr(PageLayout, f.name)
        except ValueError:  # a hand-edited value that is not a number: the legal default
            values[f.name] = getattr(PageLayout, f.name)
    layout = PageLayout(**values)
    return layout if not layout.validation_errors() else PageLayout()


def save_layout(session: Session, layout: PageLayout) -> None:
    """Refuses (one line per value) a layout outside the legal ranges; nothing is then saved."""
    errors = layout.validation_errors()
    if errors:
        raise DocumentError(problems=errors)
    for f in fields(PageLayout):
        set_value(session, SETTING_PREFIX + f.name, f"{getattr(layout, f.name):g}")

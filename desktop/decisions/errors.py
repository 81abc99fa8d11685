"""The refusal of the decisions' capability."""

from __future__ import annotations

from desktop.errors import Refusal


class DecisionError(Refusal, ValueError):
    """A Tờ trình, decision or certificate that cannot be made as asked; the message says why."""

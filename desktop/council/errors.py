"""The refusal of the council's rules, worded for the clerk."""

from __future__ import annotations

from desktop.errors import Refusal


class CouncilError(Refusal, ValueError):
    """A change to the council's record (members, meetings, ballots) the rules refuse;
    ``str(error)`` is the clerk's message. Raised before anything is written, or inside the
    transaction so that the whole change rolls back."""

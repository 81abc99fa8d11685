"""The one error the award rules raise: a refused change, explained to the clerk in Vietnamese."""

from __future__ import annotations

from desktop.errors import Refusal


class DossierError(Refusal, ValueError):
    """A change the commendation rules refuse; ``str(error)`` is the clerk's message.

    Raised before anything is written, or inside the transaction so that the whole change rolls back.
    """

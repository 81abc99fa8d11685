"""Kết quả kiểm phiếu: the count of the secret ballot on each dossier of one meeting.

It goes with the meeting's Biên bản ("Kèm theo Biên bản số … ngày …") and has no number of its own
(``TYPE_CODE`` "-"); the Biên bản's number is found in the register once it is issued.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from desktop.documents import minutes
from desktop.documents.common import DocumentRequest
from desktop.documents.template import BLANK
from desktop.models import IssuedDocument
from desktop.text import wording

TEMPLATE = "ket-qua-kiem-phieu.txt"
TYPE_CODE = "-"
DATA_KEYS = ("meeting", "campaign", "council", "votes", "minutes")


def title(session: Session, request: DocumentRequest) -> str:
    if request.blank:
        return "Kết quả kiểm phiếu (kèm Biên bản họp Hội đồng)"
    view = minutes.meeting_of(session, request)
    return f"Kết quả kiểm phiếu phiên họp Hội đồng ngày {wording.short_date(view.held_on)}"


def document_year(session: Session, request: DocumentRequest) -> int:
    return minutes.document_year(session, request)


def minutes_reference(session: Session, meeting_id: int) -> dict[str, str]:
    """The issued Biên bản of the meeting this count goes with, if it has been issued."""
    rows = session.exec(
        select(IssuedDocument)
        .where(IssuedDocument.kind == "minutes")
        .order_by(col(IssuedDocument.id).desc())
    ).all()
    for row in rows:
        try:
            params = json.loads(row.params or "{}")
        except json.JSONDecodeError:
            continue
        if params.get("meeting_id") == meeting_id:
            return {"symbol": row.symbol, "date": wording.short_date(row.issued_on)}
    return {"symbol": "", "date": ""}


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    data = minutes.gather(session, request)
    view = minutes.meeting_of(session, request)
    return {
        "meeting": data["meeting"],
        "campaign": data["campaign"],
        "council": data["council"],
        "votes": data["votes"],
        "minutes": minutes_reference(session, view.id),
    }


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    """The count to fill by hand, with empty rows for the dossiers."""
    data = minutes.blank_data(session, request)
    return {
        "meeting": data["meeting"],
        "campaign": data["campaign"],
        "council": data["council"],
        "votes": BLANK,
        "minutes": {"symbol": "", "date": ""},
    }

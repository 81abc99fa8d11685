"""Sổ theo dõi khen thưởng, printed: the decisions on the first page, every award in the annex.

It is the register the council's standing office keeps, not a document with its own number
(``TYPE_CODE`` "-"). The figures are those of :mod:`desktop.decisions.register`, the same as the
register's page, its command and its Excel export.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from desktop.decisions.register import AwardRegister, RegisterFilter, award_register
from desktop.documents.common import DocumentRequest, this_year
from desktop.documents.minutes import counts_text
from desktop.documents.template import BLANK
from desktop.text import wording

TEMPLATE = "so-theo-doi-khen-thuong.txt"
TYPE_CODE = "-"
DATA_KEYS = ("register",)
MOVEMENT = "giai đoạn 2025 - 2030"


def title(session: Session, request: DocumentRequest) -> str:
    if request.year is not None and not request.blank:
        return f"Sổ theo dõi khen thưởng năm {request.year}"
    return "Sổ theo dõi khen thưởng"


def document_year(session: Session, request: DocumentRequest) -> int:
    return request.year or this_year()


def register_scope(register: AwardRegister) -> dict[str, Any]:
    """The register as the template reads it: every figure already worded."""
    year = register.where.year
    return {
        "period": f"năm {year}" if year is not None else MOVEMENT,
        "decisions": [
            {
                "number": d.number,
                "date": wording.short_date(d.signed_on),
                "issuer": d.issuer,
                "collectives": wording.count(d.collectives),
                "individuals": wording.count(d.individuals),
                "bonus": wording.count(d.bonus) if d.bonus else "",
                "status": d.status,
            }
            for d in register.decisions
        ],
        "rows": [
            {
                "year": r.year,
                "decision": r.decision_text,
                "issuer": r.issuer,
                "award": r.award,
                "nominee": r.nominee,
                "unit": "" if r.unit == r.nominee else r.unit,
                "bonus": wording.count(r.bonus) if r.bonus else "",
                "certificate": r.certificate,
            }
            for r in register.rows
        ],
        "count": wording.count(len(register.rows)),
        "collectives": wording.count(register.collectives),
        "individuals": wording.count(register.individuals),
        # "2 tập thể, 1 cá nhân": never "0 cá nhân" in a sentence
        "who": counts_text(register.collectives, register.individuals),
        "bonus": wording.count(register.bonus),
    }


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    return {"register": register_scope(award_register(session, RegisterFilter(year=request.year)))}


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    """Empty rows for a register kept by hand."""
    return {
        "register": {
            "period": MOVEMENT,
            "decisions": BLANK,
            "rows": BLANK,
            "count": BLANK,
            "collectives": BLANK,
            "individuals": BLANK,
            "who": f"{BLANK} tập thể, {BLANK} cá nhân",
            "bonus": BLANK,
        }
    }

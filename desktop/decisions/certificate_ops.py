"""Printing Giấy khen, as operations and reads for the one door.

Printing is a recorded act: the certificates not yet in the register get their numbers and the
PDF is made in the same transaction, so a failure leaves no number given without its page. It has
no Undo: a number of the register, once printed on paper, is never given to another certificate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from desktop.changes import Area, Change, Done, Operation
from desktop.decisions.certificates import (
    DecisionCertificates,
    decision_certificates,
    enter_certificates,
)
from desktop.models.ids import DecisionId
from desktop.settings import load_settings
from desktop.storage.hooks import set_audit_reason


@dataclass(frozen=True)
class PrintedCertificates:
    """The decision's certificates (all numbered) and their pages."""

    decision: DecisionCertificates
    pdf: bytes

    @property
    def count(self) -> int:
        return len(self.decision.certificates)


def print_certificates(
    decision_id: DecisionId, printed_on: date, *, blank_paper: bool = False
) -> Operation[PrintedCertificates]:
    """In Giấy khen: number the certificates not yet in the register, then lay out every page
    (on plain paper, or on pre-printed blanks with the printer's offsets)."""

    def operation(session: Session) -> Done[PrintedCertificates]:
        from desktop.documents.certificates import certificates_pdf

        decision = enter_certificates(session, decision_id, printed_on)
        set_audit_reason(
            session,
            f"In Giấy khen theo Quyết định số {decision.number} "
            f"(số vào sổ {decision.numbers_text})",
        )
        pdf = certificates_pdf(decision, load_settings(session), blank_paper=blank_paper)
        return Done(PrintedCertificates(decision, pdf), Change.of(Area.DECISIONS, decision_id))

    return operation


def preview_certificates(
    decision_id: DecisionId, *, blank_paper: bool = False
) -> Callable[[Session], PrintedCertificates]:
    """A read: the pages as they would print, numbering nothing (số vào sổ left as dots for the
    certificates not yet printed)."""

    def read(session: Session) -> PrintedCertificates:
        from desktop.documents.certificates import certificates_pdf

        decision = decision_certificates(session, decision_id)
        pdf = certificates_pdf(decision, load_settings(session), blank_paper=blank_paper)
        return PrintedCertificates(decision, pdf)

    return read


def calibration_page(session: Session) -> bytes:
    """A read: the calibration test page under the ward's current offsets."""
    from desktop.documents.certificates import calibration_pdf

    return calibration_pdf(load_settings(session))

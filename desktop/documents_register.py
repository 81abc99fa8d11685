"""The register of issued documents (sổ văn bản đi)."""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.models import IssuedDocument


def list_issued(session: Session) -> list[IssuedDocument]:
    query = select(IssuedDocument).order_by(IssuedDocument.year.desc(), IssuedDocument.id.desc())
    return list(session.exec(query).all())

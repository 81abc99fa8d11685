"""One way out for documents: fill a kind's template from the database and lay it out as PDF.

Each kind of document is one module of this package with ``TEMPLATE`` (a file in ``forms/``),
``TYPE_CODE`` (KH, BC, TTr; "" when the document is an attachment without its own number),
``title(session, request)``, ``document_year(session, request)`` and ``gather(session, request)``;
:data:`~desktop.documents.kinds.KINDS` names them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from sqlmodel import Session

from desktop.documents.common import DocumentRequest, common_scope
from desktop.documents.kinds import KINDS, DocumentError, KindSpec
from desktop.documents.layout import load_layout
from desktop.documents.renderer import Issue, render_pdf
from desktop.documents.template import BLANK, Line, load_template
from desktop.settings import load_settings

__all__ = [
    "KINDS",
    "DocumentError",
    "KindSpec",
    "Prepared",
    "check_request",
    "kind_module",
    "lay_out",
    "prepare",
    "render",
]


def kind_module(kind: str) -> ModuleType:
    if kind not in KINDS:
        raise DocumentError(f"Không có loại văn bản “{kind}”. Chọn một trong: {', '.join(KINDS)}.")
    return importlib.import_module(f"desktop.documents.{KINDS[kind].module}")


@dataclass(frozen=True)
class Prepared:
    """A filled template, ready to lay out (and, once numbered, to issue)."""

    request: DocumentRequest
    type_code: str
    title: str
    year: int
    lines: list[Line]


def check_request(request: DocumentRequest) -> None:
    kind_module(request.kind)  # refuses an unknown kind
    spec = KINDS[request.kind]
    if request.blank:
        return
    missing = {
        "campaign": ("campaign_id", "đợt xét khen thưởng (--campaign)"),
        "dossier": ("dossier_id", "hồ sơ khen thưởng (--dossier)"),
        "meeting": ("meeting_id", "phiên họp Hội đồng (--meeting)"),
        "to": ("to", "nơi trình: phường (--to ward) hay thành phố (--to city)"),
        "period": ("period", "giai đoạn sơ kết hoặc tổng kết (--period 2025-2027 hoặc 2025-2030)"),
    }
    for need in spec.needs:
        if need in missing and getattr(request, missing[need][0]) in (None, ""):
            raise DocumentError(f"“{spec.label}” cần chọn {missing[need][1]}.")
    if request.to not in ("", "ward", "city"):
        raise DocumentError(
            "Nơi trình phải là “ward” (Chủ tịch UBND phường) hoặc “city” (UBND thành phố)."
        )
    if request.quarter is not None and not 1 <= request.quarter <= 4:
        raise DocumentError("Quý phải từ 1 đến 4.")


def prepare(session: Session, request: DocumentRequest) -> Prepared:
    check_request(request)
    module = kind_module(request.kind)
    settings = load_settings(session)
    scope: dict[str, Any] = common_scope(settings)
    year = module.document_year(session, request)
    scope["year"] = year
    if request.blank:
        # A kind may shape its blank form (real section titles, one group); else all is dots.
        shape = getattr(module, "blank_data", None)
        data = shape(session, request) if shape else {key: BLANK for key in module.DATA_KEYS}
    else:
        data = module.gather(session, request)
    scope.update(data)
    lines = load_template(module.TEMPLATE).render(scope)
    return Prepared(request, module.TYPE_CODE, module.title(session, request), year, lines)


def lay_out(session: Session, prepared: Prepared, issue: Issue | None = None) -> bytes:
    """The PDF of a filled template in the ward's page layout; without ``issue`` it is a draft
    (number and day left blank, "DỰ THẢO" on its first page) or, asked blank, the blank form."""
    settings = load_settings(session)
    layout = load_layout(session)
    issue = issue or Issue(prepared.year, blank=prepared.request.blank)
    return render_pdf(prepared.lines, settings, layout, issue, title=prepared.title)


def render(session: Session, request: DocumentRequest, issue: Issue | None = None) -> bytes:
    """The PDF of a document; without ``issue`` it is a draft (number and day left blank)."""
    return lay_out(session, prepare(session, request), issue)

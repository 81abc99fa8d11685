"""What every document's template can use: the ward (``ward``) and the signer (``sign``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.models.ids import CampaignId, DossierId, MeetingId
    from desktop.settings import WardSettings


@dataclass(frozen=True)
class DocumentRequest:
    """What the clerk asked for: a kind and its parameters; ``blank`` gives the form to fill by hand."""

    kind: str  # a key of desktop.documents.kinds.KINDS
    year: int | None = None
    quarter: int | None = None
    campaign_id: CampaignId | None = None
    dossier_id: DossierId | None = None
    blank: bool = False
    meeting_id: MeetingId | None = None  # phiên họp Hội đồng (biên bản, kết quả kiểm phiếu)
    to: str = ""  # Tờ trình, danh sách: "ward" (Chủ tịch UBND phường) or "city" (UBND thành phố)
    period: str = ""  # Báo cáo sơ kết, tổng kết: the years it reviews, "2025-2027" or "2025-2030"

    def params(self) -> dict[str, Any]:
        """The parameters as stored with an issued document (IssuedDocument.params)."""
        return {k: v for k, v in asdict(self).items() if v not in (None, False) and k != "kind"}


def ward_label(settings: WardSettings) -> str:
    """ "PHƯỜNG KIẾN AN" → "phường Kiến An", as the name reads inside a sentence."""
    words = settings.ward_name.split()
    if not words:
        return ""
    return " ".join([words[0].lower(), *(w.capitalize() for w in words[1:])])


def common_scope(settings: WardSettings) -> dict[str, Any]:
    label = ward_label(settings)
    ward = asdict(settings)
    ward["label"] = label
    ward["short"] = f"{settings.agency_abbreviation} {label}".strip()
    ward["agency_full"] = f"{settings.agency_name.capitalize()} {label}".strip()
    sign = {
        "authority": settings.signing_authority,
        "title": settings.signer_title,
        "name": settings.signer_name,
    }
    return {"ward": ward, "sign": sign}


def this_year() -> int:
    return date.today().year

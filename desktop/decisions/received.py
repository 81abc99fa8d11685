"""A quyết định khen thưởng received from the city or above, recorded once on the dossiers it covers.

The city (or the Prime Minister, the President) decides the awards of level 2 and above; the ward
receives the signed decision and the clerk records it: its number, date and issuer, the scan of the
paper (kept as an :class:`~desktop.models.Attachment` of the decision in the content-addressed
store of the data folder), the dossiers it awards and the tiền thưởng the city gave each. Every
covered dossier is awarded in the same transaction, or none is. A dossier the city did not award
is closed by the clerk's own step "Không được khen thưởng" with a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.awards.attachments import store_file
from desktop.awards.catalogue import get_award_form, get_campaign
from desktop.awards.dossiers import get_dossier
from desktop.awards.errors import DossierError
from desktop.decisions.errors import DecisionError
from desktop.decisions.recording import record_on_dossiers
from desktop.models import (
    Attachment,
    Authority,
    AwardDecision,
    Dossier,
    DossierStatus,
    SubmissionItem,
)
from desktop.models.ids import saved_id
from desktop.models.periods import today
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean_line, search_key, wording
from desktop.text.filenames import safe_file_name

WARD_LEVEL = 1
# What a scan of a signed paper comes as: the scanner's PDF or a photograph of the page.
SCAN_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")


@dataclass(frozen=True)
class ReceivedDecision:
    """What the clerk types from the paper: ``bonuses`` maps a dossier id to its tiền thưởng
    (đồng) as the decision gives it (a dossier not named gets 0); ``issuer`` "" is the award
    form's issuer (Chủ tịch UBND thành phố for a Bằng khen of the city)."""

    campaign_id: int
    number: str
    signed_on: date
    dossier_ids: Sequence[int]
    issuer: str = ""
    bonuses: Mapping[int, int] = field(default_factory=dict)
    scan: Path | None = None


def same_number(
    session: Session, number: str, issuer: str, exclude_id: int | None = None
) -> AwardDecision | None:
    """The decision already recorded with this number from this issuer (spaces, case and marks
    folded: "2345/QĐ-UBND" and "2345/qđ-ubnd " are one number), revoked ones included — a
    number once signed stays that paper's."""
    wanted = (search_key(number), search_key(issuer))
    for decision in session.exec(select(AwardDecision).order_by(col(AwardDecision.id))):
        if (
            decision.id != exclude_id
            and (
                search_key(decision.number),
                search_key(decision.issuer),
            )
            == wanted
        ):
            return decision
    return None


def already_recorded(decision: AwardDecision) -> str:
    """The refusal of a number that is already on record, dated as the paper is (its ngày ký)."""
    revoked = (
        f", đã hủy ngày {wording.short_date(decision.revoked_on)}" if decision.revoked_on else ""
    )
    return (
        f"Quyết định số {decision.number} của {decision.issuer} đã được ghi nhận "
        f"(ngày {wording.short_date(decision.signed_on)}{revoked}); "
        "hãy đính chính quyết định đó thay vì ghi lại."
    )


def check_signed_on(signed_on: date | None) -> date:
    if signed_on is None:
        raise DecisionError("Hãy ghi ngày ký quyết định khen thưởng (dd/mm/yyyy).")
    if signed_on > today():
        raise DecisionError(
            f"Ngày ký quyết định {wording.short_date(signed_on)} ở tương lai; hãy kiểm tra lại."
        )
    return signed_on


def check_number(number: str) -> str:
    number = clean_line(number)
    if not number:
        raise DecisionError("Hãy ghi số quyết định khen thưởng (ví dụ 2345/QĐ-UBND).")
    return number


def record_received(session: Session, store: Path, received: ReceivedDecision) -> AwardDecision:
    """Record the decision and award every dossier it covers; refuse with nothing changed when a
    dossier is not Đã gửi cấp trên, not of a city-level form, or of another campaign, when the
    number is already on record, or when the scan cannot be kept."""
    campaign = get_campaign(session, received.campaign_id)
    number = check_number(received.number)
    signed_on = check_signed_on(received.signed_on)
    ids = list(dict.fromkeys(received.dossier_ids))  # a number typed twice is one dossier
    if not ids:
        raise DecisionError("Hãy chọn các hồ sơ được khen thưởng theo quyết định này.")
    dossiers = [_covered_dossier(session, i) for i in ids]
    issuers = _form_issuers(session, dossiers)
    issuer = clean_line(received.issuer) or (issuers[0] if len(issuers) == 1 else "")
    # A paper recorded twice is named as such first, before its dossiers (awarded by the first).
    clash = same_number(session, number, issuer) if issuer else None
    if clash is not None:
        raise DecisionError(already_recorded(clash))
    problems = [p for d in dossiers if (p := _not_covered(session, d, saved_id(campaign.id)))]
    if problems:
        raise DecisionError(
            f"Không ghi nhận được quyết định số {number}: "
            f"{wording.count(len(problems))} hồ sơ không chờ quyết định của cấp trên trong đợt "
            f"“{campaign.name}”.",
            problems,
        )
    if not issuer:
        named = "; ".join(issuers) or "chưa ghi trong danh mục"
        raise DecisionError(
            f"Các hồ sơ đã chọn thuộc hình thức do nơi khác nhau quyết định ({named}); "
            "hãy ghi cơ quan, người ký quyết định."
        )
    bonuses = _checked_bonuses(received.bonuses, ids)
    if received.scan is not None:
        check_scan_name(received.scan)
    set_audit_reason(session, f"Ghi nhận quyết định khen thưởng số {number} của {issuer}")
    decision = AwardDecision(
        campaign_id=saved_id(campaign.id),
        authority=Authority.CITY,
        number=number,
        signed_on=signed_on,
        issuer=issuer,
        submission_document_id=_common_submission(session, ids),
    )
    session.add(decision)
    session.flush()
    if received.scan is not None:
        store_scan(session, store, saved_id(decision.id), received.scan)
    record_on_dossiers(session, decision, ids, bonuses)
    return decision


def check_scan_name(source: Path) -> None:
    if source.suffix.casefold() not in SCAN_SUFFIXES:
        raise DecisionError(
            f"Tệp “{source.name}” không phải bản quét của quyết định: hãy đính kèm tệp PDF, JPG "
            "hoặc PNG."
        )


def store_scan(session: Session, store: Path, decision_id: int, source: Path) -> Attachment:
    """Keep the scan in the content-addressed store of the data folder (once per content, as the
    dossiers' files) as the attachment of the decision, not of any dossier."""
    check_scan_name(source)
    sha, size = store_file(store, source)
    attachment = Attachment(
        decision_id=decision_id, sha256=sha, original_name=safe_file_name(source.name), size=size
    )
    session.add(attachment)
    session.flush()
    return attachment


def attach_scan(session: Session, store: Path, decision_id: int, source: Path) -> Attachment:
    """The scan of a decision recorded before its paper was scanned (the latest scan is the one
    listed); the same file twice is refused."""
    if session.get(AwardDecision, decision_id) is None:
        raise DecisionError(f"Không tìm thấy quyết định khen thưởng mã {decision_id}.")
    attachment = store_scan(session, store, decision_id, source)
    same = session.exec(
        select(Attachment).where(
            Attachment.decision_id == decision_id,
            Attachment.sha256 == attachment.sha256,
            Attachment.id != attachment.id,
        )
    ).first()
    if same is not None:
        raise DecisionError(
            f"Bản quét này đã được lưu với quyết định (tệp “{same.original_name}”)."
        )
    return attachment


def scan_of(session: Session, decision_id: int) -> Attachment | None:
    """The scan of a received decision (the latest kept), or None."""
    return session.exec(
        select(Attachment)
        .where(Attachment.decision_id == decision_id)
        .order_by(col(Attachment.id).desc())
    ).first()


def _covered_dossier(session: Session, dossier_id: int) -> Dossier:
    try:
        return get_dossier(session, dossier_id)
    except DossierError as error:
        raise DecisionError(str(error)) from error


def _not_covered(session: Session, dossier: Dossier, campaign_id: int) -> str | None:
    """Why this dossier cannot be awarded by a received decision of the campaign, or None."""
    form = get_award_form(session, dossier.award_form_id)
    if dossier.campaign_id != campaign_id:
        campaign = get_campaign(session, dossier.campaign_id)
        return f"Hồ sơ số {dossier.id} thuộc đợt “{campaign.name}”."
    if form.level == WARD_LEVEL:
        return (
            f"Hồ sơ số {dossier.id} đề nghị “{form.name}”, do Chủ tịch UBND phường quyết định "
            "(quyết định do phường ban hành, không ghi nhận từ cấp trên)."
        )
    if dossier.status is not DossierStatus.SENT_UP:
        return (
            f"Hồ sơ số {dossier.id} đang “{dossier.status.label}”, chưa ở “"
            f"{DossierStatus.SENT_UP.label}”."
        )
    return None


def _form_issuers(session: Session, dossiers: Iterable[Dossier]) -> list[str]:
    """The issuers the catalogue names for the dossiers' forms of the city and above, once each."""
    forms = [get_award_form(session, d.award_form_id) for d in dossiers]
    return list(
        dict.fromkeys(f.issuer.strip() for f in forms if f.level != WARD_LEVEL and f.issuer.strip())
    )


def _checked_bonuses(bonuses: Mapping[int, int], ids: list[int]) -> dict[int, int]:
    strangers = sorted(set(bonuses) - set(ids))
    if strangers:
        raise DecisionError(
            "Tiền thưởng ghi cho hồ sơ không thuộc quyết định: "
            + ", ".join(f"số {i}" for i in strangers)
            + "."
        )
    negative = sorted(i for i, amount in bonuses.items() if amount < 0)
    if negative:
        raise DecisionError(
            "Tiền thưởng không âm được (hồ sơ "
            + ", ".join(f"số {i}" for i in negative)
            + "); hãy ghi 0 nếu quyết định không kèm tiền thưởng."
        )
    return {i: bonuses.get(i, 0) for i in ids}


def _common_submission(session: Session, ids: list[int]) -> int | None:
    """The Tờ trình gửi thành phố that listed every covered dossier (its latest), when there is
    one such document; None when the dossiers went up in different Tờ trình or none issued here."""
    latest: dict[int, int] = {}
    for item in session.exec(
        select(SubmissionItem).where(
            col(SubmissionItem.dossier_id).in_(ids), SubmissionItem.authority == Authority.CITY
        )
    ):
        latest[item.dossier_id] = max(latest.get(item.dossier_id, 0), item.document_id)
    documents = set(latest.values())
    if len(latest) != len(ids) or len(documents) != 1:
        return None
    return documents.pop()

"""Initiatives and models (sáng kiến, giải pháp, mô hình điển hình): their rules and operations.

The rules, checked once per change: a title; a year of the plan; a unit of the register, when one
is given; authors who are persons of the register — of any unit, as an initiative often has
authors from several — but a person who no longer works (ngừng hoạt động) is not added as a new
author; a recognition level other than "chưa được công nhận" names its decision.

Every change is an operation for the one door with its :class:`~desktop.changes.Undo` in the
history :data:`SCOPE`; choosing initiatives into a dossier's báo cáo thành tích is a change of the
dossier and is undone with the dossier's steps (:data:`desktop.awards.dossier_ops.SCOPE`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session, col, select

from desktop.awards.catalogue import campaign_years, get_campaign
from desktop.awards.dossier_ops import SCOPE as DOSSIER_SCOPE
from desktop.awards.dossiers import EDITABLE_STATUSES, get_dossier
from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.errors import Refusal
from desktop.indicators.scope import plan_years
from desktop.models import ContentArea, Dossier, Person, Unit
from desktop.models._base import now
from desktop.models.ids import saved_id
from desktop.models.movement import (
    DossierInitiative,
    Initiative,
    InitiativeKind,
    InitiativePerson,
    RecognitionLevel,
)
from desktop.movement.initiatives import InitiativeView, nominee_initiatives, views_of
from desktop.text import clean, clean_line

SCOPE = "initiatives"  # the undo history of the Sáng kiến - mô hình tab


class InitiativeError(Refusal):
    """An initiative, or a choice of initiatives, the rules refuse."""


@dataclass(frozen=True)
class InitiativeData:
    """What the clerk types for one initiative (the stored fields, authors by person id)."""

    year: int
    title: str
    kind: InitiativeKind = InitiativeKind.INITIATIVE
    unit_id: int | None = None
    author_ids: tuple[int, ...] = ()
    content_area_id: int | None = None
    effect: str = ""
    recognition: RecognitionLevel = RecognitionLevel.NONE
    decision: str = ""
    note: str = ""

    @classmethod
    def of(cls, view: InitiativeView) -> InitiativeData:
        return cls(
            year=view.year,
            title=view.title,
            kind=view.kind,
            unit_id=view.unit_id,
            author_ids=view.author_ids,
            content_area_id=view.content_area_id,
            effect=view.effect,
            recognition=view.recognition,
            decision=view.decision,
            note=view.note,
        )


# -- the rules ---------------------------------------------------------------------------------


def checked(
    session: Session, data: InitiativeData, *, initiative_id: int | None = None
) -> InitiativeData:
    """``data`` cleaned, or an :class:`InitiativeError` listing every problem at once."""
    data = replace(
        data,
        title=clean_line(data.title),
        effect=clean(data.effect),
        decision=clean_line(data.decision),
        note=clean(data.note),
        author_ids=tuple(dict.fromkeys(data.author_ids)),
    )
    problems: list[str] = []
    if not data.title:
        problems.append("Hãy ghi tên sáng kiến, giải pháp hoặc mô hình.")
    years = plan_years(session)
    if data.year not in years:
        problems.append(f"Năm {data.year} nằm ngoài Kế hoạch ({years.start} - {years.stop - 1}).")
    if data.unit_id is not None and session.get(Unit, data.unit_id) is None:
        problems.append(f"Không tìm thấy đơn vị mã số {data.unit_id} trong sổ đơn vị.")
    if data.content_area_id is not None and session.get(ContentArea, data.content_area_id) is None:
        problems.append(
            "Lĩnh vực đã chọn không còn trong nội dung thi đua của Kế hoạch (mục II.1)."
        )
    problems.extend(_author_problems(session, data.author_ids, initiative_id))
    if data.recognition is not RecognitionLevel.NONE and not data.decision:
        problems.append(
            f"Đã chọn công nhận “{data.recognition.label}”: hãy ghi quyết định công nhận "
            "(ví dụ: Quyết định số 12/QĐ-UBND ngày 05/11/2025)."
        )
    if problems:
        raise InitiativeError("Chưa lưu được sáng kiến, mô hình:", problems)
    return data


def _author_problems(
    session: Session, author_ids: tuple[int, ...], initiative_id: int | None
) -> list[str]:
    """Authors must be persons of the register; one who no longer works may stay an author of
    what they wrote, but is not added to it now."""
    present: set[int] = set()
    if initiative_id is not None:
        present = set(
            session.exec(
                select(InitiativePerson.person_id).where(
                    InitiativePerson.initiative_id == initiative_id
                )
            )
        )
    problems = []
    for person_id in author_ids:
        person = session.get(Person, person_id)
        if person is None:
            problems.append(f"Không tìm thấy cá nhân mã số {person_id} trong sổ cá nhân.")
        elif not person.active and person_id not in present:
            problems.append(
                f"“{person.full_name}” đã ngừng hoạt động trong sổ cá nhân, không thêm làm tác giả "
                "được; hãy cho người này hoạt động trở lại ở trang Đơn vị nếu đúng."
            )
    return problems


# -- reading and writing one record ------------------------------------------------------------


def get_initiative(session: Session, initiative_id: int) -> Initiative:
    initiative = session.get(Initiative, initiative_id)
    if initiative is None:
        raise InitiativeError(f"Không tìm thấy sáng kiến, mô hình mã số {initiative_id}.")
    return initiative


def _data_of(session: Session, initiative: Initiative) -> InitiativeData:
    authors = session.exec(
        select(InitiativePerson.person_id)
        .where(InitiativePerson.initiative_id == initiative.id)
        .order_by(col(InitiativePerson.id))
    ).all()
    return InitiativeData(
        year=initiative.year,
        title=initiative.title,
        kind=InitiativeKind(initiative.kind),
        unit_id=initiative.unit_id,
        author_ids=tuple(authors),
        content_area_id=initiative.content_area_id,
        effect=initiative.effect,
        recognition=RecognitionLevel(initiative.recognition),
        decision=initiative.decision,
        note=initiative.note,
    )


def _write(session: Session, initiative: Initiative, data: InitiativeData) -> None:
    initiative.year, initiative.title, initiative.kind = data.year, data.title, data.kind
    initiative.unit_id, initiative.content_area_id = data.unit_id, data.content_area_id
    initiative.effect, initiative.recognition = data.effect, data.recognition
    initiative.decision, initiative.note = data.decision, data.note
    session.add(initiative)
    session.flush()
    for row in session.exec(
        select(InitiativePerson).where(InitiativePerson.initiative_id == initiative.id)
    ):
        session.delete(row)
    session.flush()
    for person_id in data.author_ids:
        session.add(InitiativePerson(initiative_id=saved_id(initiative.id), person_id=person_id))
    session.flush()


def _changed(initiative_id: int, dossier_ids: list[int] | None = None) -> Change:
    change = Change.of(Area.INITIATIVES, initiative_id)
    return change | Change.of(Area.DOSSIERS, *dossier_ids) if dossier_ids else change


def _short(title: str, limit: int = 48) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


# -- the changes -------------------------------------------------------------------------------


def add_initiative(data: InitiativeData) -> Operation[int]:
    """Thêm sáng kiến, mô hình; its undo removes it, its redo brings it back under the same id."""

    def operation(session: Session) -> Done[int]:
        clean_data = checked(session, data)
        initiative = Initiative(year=clean_data.year, title=clean_data.title)
        _write(session, initiative, clean_data)
        initiative_id = saved_id(initiative.id)
        label = f"thêm sáng kiến “{_short(clean_data.title)}”"
        undo = Undo(
            SCOPE, label, _removed(initiative_id, []), _created(initiative_id, clean_data, [])
        )
        return Done(initiative_id, _changed(initiative_id), undo)

    return operation


def edit_initiative(initiative_id: int, data: InitiativeData) -> Operation[None]:
    """Sửa sáng kiến, mô hình; its undo puts the old fields and authors back."""

    def operation(session: Session) -> Done[None]:
        initiative = get_initiative(session, initiative_id)
        before = _data_of(session, initiative)
        after = checked(session, data, initiative_id=initiative_id)
        if after == before:
            return Done(None)
        _write(session, initiative, after)
        label = f"sửa sáng kiến “{_short(after.title)}”"
        undo = Undo(SCOPE, label, _put(initiative_id, before), _put(initiative_id, after))
        return Done(None, _changed(initiative_id, _dossiers_with(session, initiative_id)), undo)

    return operation


def delete_initiative(initiative_id: int) -> Operation[None]:
    """Xóa sáng kiến, mô hình: refused while a dossier past the clerk's hands holds it in its báo
    cáo thành tích (what was judged stays as judged); taken out of the dossiers still in draft."""

    def operation(session: Session) -> Done[None]:
        initiative = get_initiative(session, initiative_id)
        links = _links(session, initiative_id)
        judged = [d for d, _ in links if d.status not in EDITABLE_STATUSES]
        if judged:
            names = ", ".join(f"số {d.id} ({d.status.label})" for d in judged)
            raise InitiativeError(
                f"Không xóa được “{initiative.title}”: đã đưa vào báo cáo thành tích của hồ sơ "
                f"{names}. Hồ sơ đã trình giữ nguyên như đã xét."
            )
        data = _data_of(session, initiative)
        placed = [(saved_id(d.id), link.ordinal) for d, link in links]
        _remove(session, initiative_id)
        label = f"xóa sáng kiến “{_short(data.title)}”"
        undo = Undo(
            SCOPE, label, _created(initiative_id, data, placed), _removed(initiative_id, placed)
        )
        return Done(None, _changed(initiative_id, [d for d, _ in placed]), undo)

    return operation


def _links(session: Session, initiative_id: int) -> list[tuple[Dossier, DossierInitiative]]:
    rows = session.exec(
        select(Dossier, DossierInitiative)
        .join(DossierInitiative, col(DossierInitiative.dossier_id) == col(Dossier.id))
        .where(DossierInitiative.initiative_id == initiative_id)
        .order_by(col(Dossier.id))
    ).all()
    return [(d, link) for d, link in rows]


def _dossiers_with(session: Session, initiative_id: int) -> list[int]:
    return [saved_id(d.id) for d, _ in _links(session, initiative_id)]


def _remove(session: Session, initiative_id: int) -> None:
    for row in session.exec(
        select(DossierInitiative).where(DossierInitiative.initiative_id == initiative_id)
    ):
        session.delete(row)
    for author in session.exec(
        select(InitiativePerson).where(InitiativePerson.initiative_id == initiative_id)
    ):
        session.delete(author)
    session.flush()
    session.delete(get_initiative(session, initiative_id))
    session.flush()


def _created(
    initiative_id: int, data: InitiativeData, placed: list[tuple[int, int]]
) -> Operation[None]:
    """Bring an initiative back under its id (and into the draft dossiers it was in)."""

    def operation(session: Session) -> Done[None]:
        if session.get(Initiative, initiative_id) is not None:
            raise InitiativeError(f"Sáng kiến mã số {initiative_id} đã có lại rồi.")
        again = checked(session, data, initiative_id=initiative_id)
        initiative = Initiative(id=initiative_id, year=again.year, title=again.title)
        _write(session, initiative, again)
        for dossier_id, ordinal in placed:
            dossier = get_dossier(session, dossier_id)
            if dossier.status not in EDITABLE_STATUSES:
                raise InitiativeError(
                    f"Không đưa lại được vào hồ sơ số {dossier_id}: hồ sơ đã trình "
                    f"({dossier.status.label})."
                )
            session.add(
                DossierInitiative(
                    dossier_id=dossier_id, initiative_id=initiative_id, ordinal=ordinal
                )
            )
        session.flush()
        return Done(None, _changed(initiative_id, [d for d, _ in placed]))

    return operation


def _removed(initiative_id: int, placed: list[tuple[int, int]]) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        links = _links(session, initiative_id)
        judged = [d for d, _ in links if d.status not in EDITABLE_STATUSES]
        if judged:
            raise InitiativeError(
                f"Không hoàn tác được: sáng kiến đã nằm trong hồ sơ số {judged[0].id} "
                f"({judged[0].status.label})."
            )
        dossier_ids = [saved_id(d.id) for d, _ in links]
        _remove(session, initiative_id)
        return Done(None, _changed(initiative_id, dossier_ids))

    return operation


def _put(initiative_id: int, data: InitiativeData) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        initiative = get_initiative(session, initiative_id)
        _write(session, initiative, checked(session, data, initiative_id=initiative_id))
        return Done(None, _changed(initiative_id, _dossiers_with(session, initiative_id)))

    return operation


# -- chosen into a dossier ---------------------------------------------------------------------


def dossier_years(session: Session, dossier: Dossier) -> list[int]:
    """The years a dossier's báo cáo thành tích covers: a yearly round's year, or the whole period
    a review looks back on (sơ kết 2025–2027, tổng kết 2025–2030)."""
    campaign = get_campaign(session, dossier.campaign_id)
    return campaign_years(campaign, plan_years(session).start)


def offered_for(session: Session, dossier_id: int) -> list[InitiativeView]:
    """What the clerk may choose for a dossier: the nominee's initiatives of the campaign's years
    (a unit's own; a person's as an author or of their unit)."""
    dossier = get_dossier(session, dossier_id)
    years = dossier_years(session, dossier)
    return nominee_initiatives(
        session,
        years[0],
        years[-1],
        unit_id=dossier.nominee_unit_id,
        person_id=dossier.nominee_person_id,
    )


@dataclass(frozen=True)
class DossierChoice:
    """What the dossier editor's picker shows: the initiatives offered (those already chosen
    first kept in their place), the ids chosen in order, whether the dossier may still change."""

    offered: list[InitiativeView]
    chosen: list[int]
    editable: bool
    period: str  # "năm 2025", "giai đoạn 2025 - 2027"


def dossier_choice(session: Session, dossier_id: int) -> DossierChoice:
    dossier = get_dossier(session, dossier_id)
    years = dossier_years(session, dossier)
    offered = offered_for(session, dossier_id)
    chosen = chosen_ids(session, dossier_id)
    known = {v.id for v in offered}
    # Chosen before the nominee's record changed (an author removed): still shown, to take out.
    offered += [
        v
        for v in views_of(session, [get_initiative(session, i) for i in chosen])
        if v.id not in known
    ]
    return DossierChoice(
        offered=offered,
        chosen=chosen,
        editable=dossier.status in EDITABLE_STATUSES,
        period=f"năm {years[0]}" if len(years) == 1 else f"giai đoạn {years[0]} - {years[-1]}",
    )


def chosen_ids(session: Session, dossier_id: int) -> list[int]:
    return list(
        session.exec(
            select(DossierInitiative.initiative_id)
            .where(DossierInitiative.dossier_id == dossier_id)
            .order_by(col(DossierInitiative.ordinal), col(DossierInitiative.id))
        )
    )


def choose_for_dossier(dossier_id: int, initiative_ids: list[int]) -> Operation[None]:
    """Đưa vào báo cáo thành tích: the dossier's chosen initiatives become ``initiative_ids``, in
    that order (an empty list takes them all out). Refused once the dossier left the clerk, and
    for an initiative that is not the nominee's or not of the campaign's period."""

    def operation(session: Session) -> Done[None]:
        before = _check_choice(session, dossier_id, initiative_ids)
        after = list(dict.fromkeys(initiative_ids))
        if after == before:
            return Done(None)
        _set_chosen(session, dossier_id, after)
        label = (
            f"chọn {len(after)} sáng kiến, mô hình vào báo cáo thành tích (hồ sơ số {dossier_id})"
        )
        undo = Undo(
            DOSSIER_SCOPE,
            label,
            _chosen_again(dossier_id, before),
            _chosen_again(dossier_id, after),
        )
        return Done(None, _choice_changed(dossier_id, before + after), undo)

    return operation


def _check_choice(session: Session, dossier_id: int, initiative_ids: list[int]) -> list[int]:
    """The choice before this one, once ``initiative_ids`` is known to be allowed."""
    dossier = get_dossier(session, dossier_id)
    if dossier.status not in EDITABLE_STATUSES:
        raise InitiativeError(
            f"Hồ sơ số {dossier_id} đang ở trạng thái “{dossier.status.label}”; chỉ chọn sáng kiến "
            "vào báo cáo thành tích khi hồ sơ ở trạng thái Nháp hoặc Trả lại bổ sung."
        )
    offered = {v.id for v in offered_for(session, dossier_id)}
    years = dossier_years(session, dossier)
    period = f"năm {years[0]}" if len(years) == 1 else f"giai đoạn {years[0]} - {years[-1]}"
    problems = []
    for initiative_id in dict.fromkeys(initiative_ids):
        initiative = get_initiative(session, initiative_id)
        if initiative.year not in years:
            problems.append(
                f"“{initiative.title}” là của năm {initiative.year}, ngoài {period} của đợt xét."
            )
        elif initiative_id not in offered:
            problems.append(
                f"“{initiative.title}” không phải của đối tượng đề nghị (không do đơn vị này "
                "thực hiện, hoặc cá nhân này không là tác giả)."
            )
    if problems:
        raise InitiativeError("Không chọn được vào báo cáo thành tích:", problems)
    return chosen_ids(session, dossier_id)


def _set_chosen(session: Session, dossier_id: int, initiative_ids: list[int]) -> None:
    for row in session.exec(
        select(DossierInitiative).where(DossierInitiative.dossier_id == dossier_id)
    ):
        session.delete(row)
    session.flush()
    for ordinal, initiative_id in enumerate(initiative_ids, start=1):
        session.add(
            DossierInitiative(dossier_id=dossier_id, initiative_id=initiative_id, ordinal=ordinal)
        )
    dossier = get_dossier(session, dossier_id)
    dossier.updated_at = now()
    session.add(dossier)
    session.flush()


def _chosen_again(dossier_id: int, initiative_ids: list[int]) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        before = _check_choice(session, dossier_id, initiative_ids)
        _set_chosen(session, dossier_id, initiative_ids)
        return Done(None, _choice_changed(dossier_id, before + initiative_ids))

    return operation


def _choice_changed(dossier_id: int, initiative_ids: list[int]) -> Change:
    return Change.of(Area.DOSSIERS, dossier_id) | Change.of(Area.INITIATIVES, *initiative_ids)


__all__ = [
    "SCOPE",
    "InitiativeData",
    "InitiativeError",
    "add_initiative",
    "choose_for_dossier",
    "chosen_ids",
    "delete_initiative",
    "dossier_choice",
    "dossier_years",
    "edit_initiative",
    "offered_for",
]

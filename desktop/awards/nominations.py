"""Nominations from the units (danh sách đề nghị khen thưởng của các đơn vị), into draft dossiers.

Each unit fills the workbook of :mod:`desktop.excel.nominations` with its proposed collectives and
persons and the short achievement text. :func:`preview` says, row by row, what importing would do
and every problem found; :func:`import_nominations` creates the Nháp dossiers all at once, or
nothing: one refused row refuses the whole file, with every problem listed.

A person is found by name within the unit of the row, without case or diacritics; one not in the
register is added to it (with the position given) in the same transaction, and the preview says so.
Every rule of a new dossier (:mod:`desktop.awards.rules`) holds for every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, select

from desktop.awards.catalogue import get_campaign, list_award_forms, nominee_kinds_of
from desktop.awards.dossiers import NewDossier, achievement_sections, add_dossier, save_achievement
from desktop.awards.errors import DossierError
from desktop.awards.nominees import Nominee, nominee_from_person, nominee_from_unit
from desktop.awards.rules import check_new_dossier
from desktop.changes import Area, Change, Done, Operation
from desktop.models import AwardForm, Campaign, NomineeKind, Person, Unit
from desktop.models.ids import AwardFormId, CampaignId, DossierId, PersonId, UnitId, saved_id
from desktop.register.lookup import code_key, find_unit_ids
from desktop.register.persons import PersonData, check_person, create_person
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean, clean_line, search_key

COLLECTIVE_WORDS = frozenset({"tap the", "tt", "don vi", "doanh nghiep"})
INDIVIDUAL_WORDS = frozenset({"ca nhan", "cn"})
KIND_COLLECTIVE, KIND_INDIVIDUAL = "Tập thể", "Cá nhân"


@dataclass(frozen=True)
class NominationRow:
    """One line of a unit's list, as typed (the workbook reader keeps the Excel line number)."""

    line: int
    kind: str
    unit_code: str
    full_name: str = ""
    position: str = ""
    award: str = ""  # the name or the code of the form
    achievement: str = ""


@dataclass(frozen=True)
class PlannedDossier:
    """What importing a good row creates."""

    line: int
    nominee: str
    kind: NomineeKind
    unit_id: UnitId
    unit_code: str
    person_id: PersonId | None
    new_person: bool
    position: str
    form_id: int
    award: str
    achievement: str

    def describe(self) -> str:
        added = " (thêm vào sổ cá nhân của đơn vị)" if self.new_person else ""
        return f"Dòng {self.line}: {self.nominee}{added} — {self.award}"


@dataclass(frozen=True)
class NominationPreview:
    """The rows that would become dossiers, and the problems that refuse the file."""

    campaign_id: CampaignId
    campaign: str
    planned: list[PlannedDossier] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.planned)

    @property
    def new_persons(self) -> int:
        return sum(1 for p in self.planned if p.new_person)

    def summary(self) -> str:
        """One sentence the clerk reads before importing."""
        from desktop.text.wording import count

        collectives = sum(1 for p in self.planned if p.kind is not NomineeKind.INDIVIDUAL)
        persons = len(self.planned) - collectives
        text = (
            f"Đợt “{self.campaign}”: {count(len(self.planned))} hồ sơ Nháp sẽ được tạo "
            f"({count(collectives)} tập thể, {count(persons)} cá nhân)"
        )
        if self.new_persons:
            text += f"; {count(self.new_persons)} cá nhân chưa có trong sổ sẽ được thêm vào sổ"
        if self.problems:
            text += f". {count(len(self.problems))} vấn đề phải sửa trước khi nhập"
        return text + "."


def _find_form(forms: Sequence[AwardForm], text: str) -> AwardForm | None:
    wanted = search_key(text)
    if not wanted:
        return None
    for form in forms:
        if wanted in (search_key(form.code), search_key(form.name)):
            return form
    return None


def _kind_of(text: str) -> NomineeKind | None:
    key = search_key(text)
    if key in COLLECTIVE_WORDS:
        return NomineeKind.COLLECTIVE
    if key in INDIVIDUAL_WORDS:
        return NomineeKind.INDIVIDUAL
    return None


@dataclass(frozen=True)
class NominationList:
    """A unit's list as read from its file: the campaign it names, its rows, and the problems of
    reading (a formula, a merged cell …) that refuse it as surely as a rule does."""

    rows: Sequence[NominationRow]
    campaign: str = ""  # the campaign the file names ("" when it names none)
    problems: Sequence[str] = ()
    source: str = ""  # the file's name, for the audit log


def preview(session: Session, campaign_id: int, nominations: NominationList) -> NominationPreview:
    """What importing the list into the campaign would create, and every problem, row by row."""
    campaign = get_campaign(session, campaign_id)
    rows = nominations.rows
    forms = list_award_forms(session)
    unit_ids = find_unit_ids(session, [r.unit_code for r in rows])
    result = NominationPreview(CampaignId(saved_id(campaign.id)), campaign.name)
    result.problems.extend(nominations.problems)
    named = clean_line(nominations.campaign)
    if named and search_key(named) != search_key(campaign.name):
        result.problems.append(
            f"Tệp ghi đợt xét “{named}”, không phải đợt “{campaign.name}” đang nhập; hãy dùng mẫu "
            "của đợt này."
        )
    seen: dict[tuple[object, ...], int] = {}
    persons_by_unit: dict[int, list[Person]] = {}
    for row in rows:
        problems: list[str] = []
        planned = _plan_row(
            session, campaign, forms, unit_ids, persons_by_unit, row, problems, seen
        )
        result.problems.extend(f"Dòng {row.line}: {p}" for p in problems)
        if planned is not None and not problems:
            result.planned.append(planned)
    if not rows and not nominations.problems:
        result.problems.append("Danh sách không có dòng đề nghị nào.")
    return result


def _plan_row(
    session: Session,
    campaign: Campaign,
    forms: Sequence[AwardForm],
    unit_ids: dict[str, UnitId],
    persons_by_unit: dict[int, list[Person]],
    row: NominationRow,
    problems: list[str],
    seen: dict[tuple[object, ...], int],
) -> PlannedDossier | None:
    kind = _kind_of(row.kind)
    if kind is None:
        problems.append(
            f"Loại “{row.kind}” không rõ; hãy ghi “{KIND_COLLECTIVE}” hoặc “{KIND_INDIVIDUAL}”."
        )
    unit: Unit | None = None
    if not clean_line(row.unit_code):
        problems.append("Hãy ghi mã đơn vị.")
    elif row.unit_code not in unit_ids:
        problems.append(f"Không có đơn vị mã “{code_key(row.unit_code)}” trong sổ đơn vị.")
    else:
        unit = session.get(Unit, unit_ids[row.unit_code])
    form = _find_form(forms, row.award)
    if not clean_line(row.award):
        problems.append("Hãy ghi hình thức đề nghị (tên hoặc mã trong danh mục).")
    elif form is None:
        problems.append(f"Hình thức “{clean_line(row.award)}” không có trong danh mục khen thưởng.")
    elif not form.active:
        problems.append(f"“{form.name}” đã ngừng sử dụng trong danh mục.")
    name = clean_line(row.full_name)
    if kind is NomineeKind.INDIVIDUAL and not name:
        problems.append("Hãy ghi họ và tên của cá nhân được đề nghị.")
    if kind is NomineeKind.COLLECTIVE and name:
        problems.append(
            f"Dòng tập thể không ghi họ và tên (“{name}”); nếu đề nghị cá nhân, hãy ghi loại "
            f"“{KIND_INDIVIDUAL}”."
        )
    if not clean(row.achievement):
        problems.append("Hãy ghi tóm tắt thành tích.")
    if kind is None or unit is None or form is None or problems:
        return None
    person: Person | None = None
    if kind is NomineeKind.INDIVIDUAL:
        uid = saved_id(unit.id)
        if uid not in persons_by_unit:
            persons_by_unit[uid] = list(session.exec(select(Person).where(Person.unit_id == uid)))
        same = [p for p in persons_by_unit[uid] if search_key(p.full_name) == search_key(name)]
        if len(same) > 1:
            problems.append(
                f"Đơn vị “{unit.name}” có {len(same)} người tên “{name}” trong sổ; hãy tạo hồ sơ "
                "này trong phần mềm, chọn đúng người."
            )
            return None
        person = same[0] if same else None
    identity: tuple[object, ...] = (
        ("person", saved_id(person.id))
        if person is not None
        else ("new", saved_id(unit.id), search_key(name))
        if kind is NomineeKind.INDIVIDUAL
        else ("unit", saved_id(unit.id))
    )
    shown = name if kind is NomineeKind.INDIVIDUAL else unit.name
    if identity in seen:
        problems.append(
            f"“{shown}” trùng với dòng {seen[identity]}; một thành tích chỉ đề nghị một hình thức."
        )
        return None
    seen[identity] = row.line
    if person is not None:
        nominee = nominee_from_person(person)
    elif kind is NomineeKind.INDIVIDUAL:
        unit_id = UnitId(saved_id(unit.id))
        # Added to the register by the import: its values must pass the register's own rules.
        data = PersonData(unit_id=unit_id, full_name=name, position=row.position).cleaned()
        problems.extend(check_person(session, data))
        nominee = Nominee(NomineeKind.INDIVIDUAL, name, True, "", results_unit_id=unit_id)
    else:
        nominee = nominee_from_unit(unit)
    problems.extend(_rule_problems(session, campaign, form, nominee, unit))
    if problems:
        return None
    return PlannedDossier(
        line=row.line,
        nominee=shown,
        kind=nominee.kind,
        unit_id=UnitId(saved_id(unit.id)),
        unit_code=unit.code,
        person_id=PersonId(saved_id(person.id)) if person is not None else None,
        new_person=kind is NomineeKind.INDIVIDUAL and person is None,
        position=clean_line(row.position),
        form_id=saved_id(form.id),
        award=form.name,
        achievement=clean(row.achievement),
    )


def _rule_problems(
    session: Session, campaign: Campaign, form: AwardForm, nominee: Nominee, unit: Unit
) -> list[str]:
    """The rules of a new dossier, as problems of the row rather than a refusal."""
    if not unit.active:
        return [f"Đơn vị “{unit.name}” đã ngừng hoạt động trong sổ đăng ký."]
    if not nominee.active:
        return [f"“{nominee.name}” đã ngừng hoạt động trong sổ đăng ký."]
    if nominee.kind not in nominee_kinds_of(form):
        allowed = ", ".join(k.label.lower() for k in nominee_kinds_of(form))
        return [
            f"“{form.name}” chỉ dành cho {allowed}; “{nominee.name}” là {nominee.kind.label.lower()}."
        ]
    try:
        check_new_dossier(session, campaign, form, nominee)
    except DossierError as refused:
        return [refused.message]
    return []


@dataclass(frozen=True)
class Imported:
    """What an import created."""

    dossier_ids: list[DossierId]
    person_ids: list[PersonId]


def import_nominations(campaign_id: CampaignId, nominations: NominationList) -> Operation[Imported]:
    """Nhập danh sách đề nghị: every row a Nháp dossier (its text in the first achievement
    section, the row's unit as proposer), persons not in the register added — or nothing at all."""

    def operation(session: Session) -> Done[Imported]:
        planned = preview(session, campaign_id, nominations)
        if planned.problems:
            raise DossierError(
                f"Không nhập được danh sách đề nghị: {len(planned.problems)} vấn đề; "
                "chưa hồ sơ nào được tạo. Hãy sửa tệp rồi nhập lại.",
                planned.problems,
            )
        source = nominations.source
        why = "Nhập danh sách đề nghị khen thưởng" + (f" từ tệp “{source}”" if source else "")
        first_section = achievement_sections()[0].key
        dossier_ids: list[DossierId] = []
        person_ids: list[PersonId] = []
        for item in planned.planned:
            set_audit_reason(session, why)
            person_id = item.person_id
            if item.new_person:
                person = create_person(
                    session,
                    PersonData(
                        unit_id=item.unit_id, full_name=item.nominee, position=item.position
                    ),
                    reason=why,
                )
                person_id = PersonId(saved_id(person.id))
                person_ids.append(person_id)
            new = NewDossier(
                campaign_id=campaign_id,
                award_form_id=AwardFormId(item.form_id),
                nominee_unit_id=item.unit_id if person_id is None else None,
                nominee_person_id=person_id,
                proposing_unit_id=item.unit_id,
            )
            set_audit_reason(session, why)
            created = add_dossier(session, new)
            save_achievement(session, created.dossier_id, {first_section: item.achievement})
            dossier_ids.append(created.dossier_id)
        change = Change.of(Area.DOSSIERS, *dossier_ids)
        if person_ids:
            change = change | Change.of(Area.PERSONS, *person_ids)
        return Done(Imported(dossier_ids, person_ids), change)

    return operation

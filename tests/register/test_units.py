"""Rules of the unit and person register, stated as the clerk meets them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from desktop.models import AuditEntry, Gender, Person, QuarterValue, Unit, UnitKind
from desktop.register.keys import fast_sort_key, fast_sort_keys, fold, fold_many, row_search_text
from desktop.register.persons import PersonData, create_person, delete_person, update_person
from desktop.register.units import (
    RegisterError,
    UnitData,
    create_unit,
    delete_unit,
    load_unit_rows,
    next_unit_code,
    set_unit_active,
    unit_dependants,
    update_unit,
)
from desktop.text import search_key, sort_key


def school(**changes: object) -> UnitData:
    values: dict[str, object] = {
        "code": "THCSLL",
        "name": "Trường THCS Lê Lợi",
        "kind": UnitKind.SCHOOL_LOWER_SECONDARY,
        "phone": "0225 3876 123",
        "email": "thcsleloi@kienan.edu.vn",
        "staff_count": 45,
        "student_count": 820,
    }
    values.update(changes)
    return UnitData(**values)  # type: ignore[arg-type]


def problems_of(db, data: UnitData) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(RegisterError) as refused, db.session() as s:
        create_unit(s, data)
    return refused.value.problems


def test_a_unit_is_added_cleaned_and_audited(db) -> None:
    with db.session() as s:
        unit = create_unit(s, school(code=" thcsll ", name="  Trường   THCS Lê Lợi "))
    with db.session() as s:
        stored = s.get(Unit, unit.id)
        assert (stored.code, stored.name) == ("THCSLL", "Trường THCS Lê Lợi")
        audit = s.exec(select(AuditEntry).where(AuditEntry.table_name == "unit")).all()
        assert audit and audit[-1].action == "insert" and audit[-1].reason == "Thêm đơn vị"


def test_name_is_required_and_kind_must_be_chosen(db) -> None:
    problems = problems_of(db, school(name="   ", kind=None))
    assert "Tên đơn vị không được để trống." in problems
    assert "Hãy chọn loại đơn vị." in problems


def test_code_is_unique_whatever_the_case(db) -> None:
    with db.session() as s:
        create_unit(s, school())
    problems = problems_of(db, school(code="thcsll", name="Trường THCS Khác"))
    assert problems == ["Mã “THCSLL” đã được dùng cho đơn vị “Trường THCS Lê Lợi”."]


def test_same_name_and_kind_is_refused_even_in_nfd_and_other_case(db) -> None:
    with db.session() as s:
        create_unit(s, school())
    nfd = unicodedata.normalize("NFD", "TRƯỜNG THCS LÊ LỢI")
    problems = problems_of(db, school(code="KHAC", name=nfd))
    assert problems == ["Đã có đơn vị cùng tên và loại: “Trường THCS Lê Lợi” (mã THCSLL)."]
    with db.session() as s:  # the same name for another kind of unit is a different unit
        create_unit(s, school(code="KHAC", name=nfd, kind=UnitKind.SCHOOL_PRIMARY))
        stored = s.exec(select(Unit).where(Unit.code == "KHAC")).one()
        assert stored.name == unicodedata.normalize("NFC", nfd)


@pytest.mark.parametrize(
    ("phone", "ok"),
    [
        ("0225 3876 123", True),
        ("+84 912.345.678", True),
        ("(0225) 3876123 / 0912345678", True),
        ("0912-345-678", True),
        ("gọi anh Nam", False),
        ("12345", False),
    ],
)
def test_phone_is_checked_leniently(db, phone: str, ok: bool) -> None:
    if ok:
        with db.session() as s:
            create_unit(s, school(phone=phone))
    else:
        assert any("Số điện thoại" in p for p in problems_of(db, school(phone=phone)))


@pytest.mark.parametrize(
    ("email", "ok"), [("a.b@kienan.gov.vn", True), ("ab@", False), ("a b@x.vn", False)]
)
def test_email_is_checked_leniently(db, email: str, ok: bool) -> None:
    if ok:
        with db.session() as s:
            create_unit(s, school(email=email))
    else:
        assert problems_of(db, school(email=email)) == [
            f"Địa chỉ email “{email}” không đúng dạng ten@mien.vn."
        ]


def test_negative_counts_and_bad_codes_are_refused(db) -> None:
    problems = problems_of(db, school(code="MÃ 1", student_count=-3))
    assert any("Mã đơn vị “MÃ 1”" in p for p in problems)
    assert "Số học sinh không được âm." in problems


def test_update_checks_against_other_units_only(db) -> None:
    with db.session() as s:
        first = create_unit(s, school())
        create_unit(
            s, school(code="TH1", name="Trường Tiểu học Kiến An", kind=UnitKind.SCHOOL_PRIMARY)
        )
    with db.session() as s:
        update_unit(s, first.id, school(head_name="Nguyễn Thị Lan"))  # its own code is fine
        with pytest.raises(RegisterError, match="đã được dùng"):
            update_unit(s, first.id, school(code="TH1"))
    with db.session() as s:
        assert s.get(Unit, first.id).head_name == "Nguyễn Thị Lan"


def test_unit_with_dependants_can_be_deactivated_but_not_deleted(demo_db) -> None:
    with demo_db.session() as s:
        unit = s.exec(select(Unit).where(Unit.code == "VHXH")).one()
        dependants = unit_dependants(s, unit.id)
    assert dependants.persons and dependants.values and dependants.dossiers
    with pytest.raises(RegisterError, match="Ngừng hoạt động") as refused, demo_db.session() as s:
        delete_unit(s, unit.id)
    assert "cá nhân" in str(refused.value) and "hồ sơ khen thưởng" in str(refused.value)
    with demo_db.session() as s:
        set_unit_active(s, unit.id, False)
    with demo_db.session() as s:
        assert s.get(Unit, unit.id).active is False
        assert s.exec(select(QuarterValue).where(QuarterValue.unit_id == unit.id)).first()


def test_unit_with_nothing_attached_is_deleted_and_can_come_back_under_its_number(db) -> None:
    with db.session() as s:
        unit_id = create_unit(s, school()).id
    with db.session() as s:
        before = delete_unit(s, unit_id)
    with db.session() as s:
        assert s.get(Unit, unit_id) is None
        create_unit(s, before, unit_id=unit_id)
    with db.session() as s:
        assert s.get(Unit, unit_id).name == "Trường THCS Lê Lợi"


def test_next_code_skips_taken_codes(db) -> None:
    with db.session() as s:
        assert next_unit_code(s) == "DV0001"
        create_unit(s, school(code="DV0001"))
        assert next_unit_code(s) == "DV0002"


def test_rows_load_for_the_table(demo_db) -> None:
    with demo_db.session() as s:
        rows = load_unit_rows(s)
        assert len(rows) == len(s.exec(select(Unit)).all())
    assert all(isinstance(r.kind, UnitKind) for r in rows)


def test_persons_are_checked(demo_db) -> None:
    with demo_db.session() as s:
        unit = s.exec(select(Unit).where(Unit.code == "TDP01")).one()
    data = PersonData(
        unit_id=unit.id, full_name="  Nguyễn  Văn An ", gender=Gender.MALE, birth_year=1980
    )
    with demo_db.session() as s:
        person = create_person(s, data)
    assert person.full_name == "Nguyễn Văn An"
    with pytest.raises(RegisterError) as refused, demo_db.session() as s:
        create_person(s, PersonData(unit_id=unit.id, full_name="nguyễn văn an", birth_year=1980))
    assert "cùng năm sinh" in refused.value.problems[0]
    with pytest.raises(RegisterError) as refused, demo_db.session() as s:
        update_person(
            s, person.id, PersonData(unit_id=unit.id, full_name="", birth_year=1850, phone="x")
        )
    assert len(refused.value.problems) == 3
    with demo_db.session() as s:
        delete_person(s, person.id)
        assert s.get(Person, person.id) is None


def test_a_nominated_person_cannot_be_deleted(demo_db) -> None:
    from desktop.models import Dossier

    with demo_db.session() as s:
        dossier = s.exec(select(Dossier).where(Dossier.nominee_person_id.is_not(None))).first()
        person_id = dossier.nominee_person_id
    with pytest.raises(RegisterError, match="Ngừng hoạt động"), demo_db.session() as s:
        delete_person(s, person_id)


# -- the fast keys agree with desktop.text -------------------------------------------------------

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
names = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " 0123456789-", max_size=14)


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_fast_sort_key_orders_like_sort_key(a: str, b: str) -> None:
    assert (fast_sort_key(a) < fast_sort_key(b)) == (sort_key(a) < sort_key(b))
    assert (fast_sort_key(a) == fast_sort_key(b)) == (sort_key(a) == sort_key(b))


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_fold_matches_like_search_key(text: str, query: str) -> None:
    words = [w for w in search_key(query).split(" ") if w]
    assert all(w in fold(text) for w in words) == all(w in search_key(text) for w in words)


def test_search_text_ignores_case_and_diacritics() -> None:
    text = row_search_text("THCSLL", "Trường THCS Lê Lợi", "Đỗ Văn Đức")
    assert all(word in text for word in search_key("truong thcs le loi do van duc").split())
    assert "lltruong" not in text  # fields never run into each other
    assert sorted(["Đào", "Dũng", "Số 10", "Số 2"], key=fast_sort_key) == [
        "Dũng",
        "Đào",
        "Số 2",
        "Số 10",
    ]


@settings(max_examples=100, deadline=None)
@given(st.lists(names, max_size=6))
def test_keys_of_many_names_at_once_are_the_keys_of_each(texts: list[str]) -> None:
    assert fast_sort_keys(texts) == [fast_sort_key(t) for t in texts]
    assert fold_many(texts) == [fold(t) for t in texts]


def test_unusual_characters_still_sort_like_sort_key() -> None:
    odd = ["Tổ \U000f0001 số 2", "Tổ 1", "Tổ \x1e 3", unicodedata.normalize("NFD", "Đào số 10")]
    assert sorted(odd, key=fast_sort_key) == sorted(odd, key=sort_key)
    assert fold_many(odd) == [fold(t) for t in odd]

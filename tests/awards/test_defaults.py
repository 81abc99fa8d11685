"""What Tạo hồ sơ opens on: the campaign under way and the form the ward uses most."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlmodel import select

from desktop.awards.defaults import current_campaign, new_dossier_defaults, usual_form
from desktop.models import AwardCategory, AwardForm, Campaign, CampaignKind
from desktop.storage import Database

YEARLY, SO_KET = CampaignKind.YEARLY, CampaignKind.PRELIMINARY_REVIEW


def _campaign(
    id_: int, year: int, kind: CampaignKind = YEARLY, deadline: date | None = None
) -> Campaign:
    return Campaign(id=id_, name=f"{kind.value} {year}", kind=kind, year=year, deadline=deadline)


PLAN = [
    _campaign(1, 2025, deadline=date(2025, 11, 30)),
    _campaign(2, 2026, deadline=date(2026, 11, 30)),
    _campaign(3, 2027, deadline=date(2027, 11, 30)),
    _campaign(7, 2027, SO_KET, date(2027, 10, 31)),
    _campaign(4, 2028, deadline=None),
]


def _chosen(day: date) -> int | None:
    found = current_campaign(PLAN, day)
    return None if found is None else found.id


def test_the_campaign_under_way_follows_the_calendar() -> None:
    assert _chosen(date(2026, 12, 2)) == 2  # past its deadline, still the year's round
    assert _chosen(date(2026, 3, 1)) == 2
    assert _chosen(date(2027, 9, 1)) == 7  # the sơ kết's deadline comes first
    assert _chosen(date(2027, 11, 5)) == 3  # then the yearly round's
    assert _chosen(date(2027, 12, 20)) == 3  # both past: the year's last
    assert _chosen(date(2028, 6, 1)) == 4  # no deadline set: open all year
    assert _chosen(date(2031, 2, 1)) == 4  # after the plan: its last round
    assert current_campaign(PLAN[2:], date(2026, 5, 1)).id == 7  # type: ignore[union-attr]
    assert current_campaign([], date(2026, 5, 1)) is None


def _form(id_: int, name: str, level: int, kinds: str = "yearly,so_ket,tong_ket") -> AwardForm:
    return AwardForm(
        id=id_, code=f"F{id_}", name=name, category=AwardCategory.AWARD_FORM, level=level,
        campaign_kinds=kinds,
    )  # fmt: skip


FORMS = [
    _form(2, "Cờ thi đua của Chính phủ", 4, "so_ket,tong_ket"),
    _form(5, "Bằng khen của Chủ tịch UBND thành phố", 2),
    _form(6, "Giấy khen của Chủ tịch UBND phường", 1),
    _form(9, "Giấy khen sơ kết", 1, "so_ket"),
]


def test_the_usual_form_is_the_wards_own_most_proposed_in_the_round() -> None:
    yearly, so_ket = PLAN[1], PLAN[3]
    assert usual_form(FORMS, Counter({5: 9, 6: 1}), yearly).id == 6  # type: ignore[union-attr]
    assert usual_form(FORMS, Counter(), so_ket).id == 6  # type: ignore[union-attr]
    assert usual_form(FORMS, Counter({9: 2, 6: 1}), so_ket).id == 9  # type: ignore[union-attr]
    assert usual_form(FORMS, Counter({9: 2}), yearly).id == 6  # type: ignore[union-attr]
    city_only = FORMS[:2]
    assert usual_form(city_only, Counter(), yearly).id == 5  # type: ignore[union-attr]
    assert usual_form([], Counter(), yearly) is None


def test_the_demo_ward_opens_on_2026_and_the_ward_giấy_khen(demo_db: Database) -> None:
    with demo_db.session() as session:
        names = {c.id: c.name for c in session.exec(select(Campaign))}
        forms = {f.id: f.name for f in session.exec(select(AwardForm))}
        found = new_dossier_defaults(date(2026, 12, 2))(session)
        assert names[found.campaign_id] == "Khen thưởng năm 2026"
        assert forms[found.award_form_id] == "Giấy khen của Chủ tịch UBND phường"
        review = next(i for i, n in names.items() if n.startswith("Sơ kết"))
        chosen = new_dossier_defaults(date(2026, 12, 2), review)(session)
        assert chosen.campaign_id == review

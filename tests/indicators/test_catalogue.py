"""The plan's catalogue: targets, award forms and content areas, with the plan's own words."""

from __future__ import annotations

import re
import unicodedata

from sqlmodel import select

from desktop.models import (
    AwardCategory,
    AwardCriterion,
    AwardForm,
    Campaign,
    CampaignKind,
    ContentArea,
    DossierComponent,
    Indicator,
    IndicatorTarget,
    Milestone,
)
from desktop.paths import resource_path
from desktop.storage import Database


def _plan_text() -> str:
    raw = resource_path("plan", "ke-hoach-phat-dong.txt").read_text(encoding="utf-8")
    # The plan's text is cut by page breaks in the middle of sentences; join those.
    return re.sub(r"\s+", " ", re.sub(r"\n\n(?=[a-zđ])", " ", raw))


def test_targets_of_2025_and_2026(db: Database) -> None:
    with db.session() as s:
        targets = s.exec(select(IndicatorTarget)).all()
    by_year: dict[int, list[float]] = {}
    for target in targets:
        by_year.setdefault(target.year, []).append(target.target_percent)
    assert sorted(by_year[2025]) == [80, 80, 80, 80, 100]
    assert sorted(by_year[2026]) == [80, 100, 100, 100, 100, 100]


def test_target_sentences_are_the_plans(db: Database) -> None:
    plan = _plan_text()
    with db.session() as s:
        targets = s.exec(select(IndicatorTarget)).all()
        texts = [t.text for t in targets if not t.carried_over]
        carried = [t.text for t in targets if t.carried_over]
    assert len(texts) == 11
    # 2027–2030 carry the 2026 targets over, worded so: the plan's sentence after "Duy trì …".
    assert len(carried) == 6 * 4
    for text in carried:
        assert text.startswith("Duy trì chỉ tiêu năm 2026: ") and text.split(": ", 1)[1] in plan
    for text in texts:
        assert unicodedata.is_normalized("NFC", text)
        assert text in plan, text
    assert any(t.startswith("80% người dân trong độ tuổi trưởng thành được xác nhận") for t in texts)


def test_six_award_forms_in_the_plans_order(db: Database) -> None:
    with db.session() as s:
        forms = s.exec(select(AwardForm).order_by(AwardForm.ordinal)).all()
    assert [f.name for f in forms] == [
        "Huân chương Lao động hạng Ba",
        "Cờ thi đua của Chính phủ",
        "Bằng khen của Thủ tướng Chính phủ",
        "Cờ thi đua của UBND thành phố",
        "Bằng khen của Chủ tịch UBND thành phố",
        "Giấy khen của Chủ tịch UBND phường",
    ]
    titles = {f.name for f in forms if f.category is AwardCategory.EMULATION_TITLE}
    assert titles == {"Cờ thi đua của Chính phủ", "Cờ thi đua của UBND thành phố"}
    assert [f.level for f in forms] == sorted((f.level for f in forms), reverse=True)


def test_criteria_are_the_plans_standards(db: Database) -> None:
    plan = _plan_text()
    with db.session() as s:
        criteria = s.exec(select(AwardCriterion)).all()
        components = s.exec(select(DossierComponent)).all()
    assert len(criteria) >= 15
    for criterion in criteria:
        assert criterion.text in plan, criterion.text
    assert any("DTI xếp từ thứ 01 đến 05" in c.text for c in criteria)
    assert {c.name for c in components} >= {"Tờ trình đề nghị khen thưởng", "Báo cáo thành tích"}


def test_content_areas_and_milestones(db: Database) -> None:
    plan = _plan_text()
    with db.session() as s:
        areas = s.exec(select(ContentArea).order_by(ContentArea.ordinal)).all()
        milestones = s.exec(select(Milestone).order_by(Milestone.year)).all()
        campaigns = s.exec(select(Campaign)).all()
    assert len(areas) == 8
    assert areas[0].text.startswith("Thi đua nâng cao nhận thức")
    assert "Trọng tâm thi đua phát triển Chính phủ số" in areas[4].text  # joined across the page break
    for area in areas:
        assert area.text in plan
    assert [(m.year, m.kind) for m in milestones] == [(2025, "launch"), (2027, "so_ket"), (2030, "tong_ket")]
    kinds = {(c.kind, c.year) for c in campaigns}
    assert (CampaignKind.PRELIMINARY_REVIEW, 2027) in kinds and (CampaignKind.FINAL_REVIEW, 2030) in kinds


def test_indicators_know_who_reports_them(db: Database) -> None:
    with db.session() as s:
        indicators = {i.code: i for i in s.exec(select(Indicator))}
    assert indicators["VNEID"].unit_kind_list == ["residential_group"]
    assert "business" in indicators["NLDDN"].unit_kind_list
    assert all(k.startswith("school_") for k in indicators["HOCSINH"].unit_kind_list)

"""Nominations from the units: the preview names every problem; the import is all or nothing."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.awards.dossiers import read_achievement
from desktop.awards.errors import DossierError
from desktop.awards.nominations import (
    NominationList,
    NominationRow,
    import_nominations,
    preview,
)
from desktop.changes import Area
from desktop.models import Campaign, CampaignKind, Dossier, Person
from desktop.models.ids import CampaignId


@pytest.fixture
def demo_ctx(ctx, demo_db):  # type: ignore[no-untyped-def]
    """The context over the demo ward."""
    return ctx


def campaign_id(ctx) -> CampaignId:  # type: ignore[no-untyped-def]
    def read(s):  # type: ignore[no-untyped-def]
        return s.exec(
            select(Campaign.id).where(Campaign.year == 2025, Campaign.kind == CampaignKind.YEARLY)
        ).one()

    return CampaignId(ctx.door.read(read))


def row(line: int, kind: str, code: str, name: str = "", award: str = "GKCTP", **more: str):
    return NominationRow(
        line, kind, code, name, more.get("position", ""), award, more.get("text", "Hoàn thành tốt")
    )


GOOD = [
    row(7, "Tập thể", "thcsll", text="Dẫn đầu chuyển đổi số của khối trường"),
    row(8, "Cá nhân", "vp", "do thu an", award="Giấy khen của Chủ tịch UBND phường"),
    row(9, "cá nhân", "THCSLL", "Nguyễn Văn Mới", position="Giáo viên"),
]


def counts(ctx) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return ctx.door.read(
        lambda s: (len(s.exec(select(Dossier)).all()), len(s.exec(select(Person)).all()))
    )


def test_the_demo_list_is_previewed_then_imported(demo_ctx) -> None:
    ctx = demo_ctx
    cid = campaign_id(ctx)
    seen = ctx.door.read(lambda s: preview(s, cid, NominationList(GOOD)))
    assert seen.problems == []
    assert [p.new_person for p in seen.planned] == [False, False, True]
    assert seen.summary() == (
        "Đợt “Khen thưởng năm 2025”: 3 hồ sơ Nháp sẽ được tạo (1 tập thể, 2 cá nhân); "
        "1 cá nhân chưa có trong sổ sẽ được thêm vào sổ."
    )
    before = counts(ctx)
    heard = []
    ctx.door.listen(heard.append)
    imported = ctx.door.run(import_nominations(cid, NominationList(GOOD, source="thcs.xlsx")))
    assert counts(ctx) == (before[0] + 3, before[1] + 1)
    assert heard[-1].ids_of(Area.DOSSIERS) == set(imported.dossier_ids)
    assert heard[-1].ids_of(Area.PERSONS) == set(imported.person_ids)

    def check(s) -> None:  # type: ignore[no-untyped-def]
        first = s.get(Dossier, imported.dossier_ids[0])
        assert list(read_achievement(first).values()) == ["Dẫn đầu chuyển đổi số của khối trường"]
        assert first.proposing_unit_id == first.nominee_unit_id
        added = s.get(Person, imported.person_ids[0])
        assert (added.full_name, added.position) == ("Nguyễn Văn Mới", "Giáo viên")

    ctx.door.read(check)


def test_every_problem_is_listed_and_nothing_is_written(demo_ctx) -> None:
    ctx = demo_ctx
    cid = campaign_id(ctx)
    bad = [
        *GOOD,
        row(10, "Tập thể", "THCSLL", award="BKCTTP"),  # the same school twice
        row(11, "Tập thể", "KHONGCO"),
        row(12, "Tập thể", "TDP01", award="Huy chương vàng"),
        row(13, "Tập thể", "THCSTTN", award="BKCTTP"),  # already awarded in 2025
        row(14, "Nhóm", "TDP02"),
        row(15, "Tập thể", "TDP04", award="HCLD3"),
        row(16, "Tập thể", "TDP05", text=""),
    ]
    seen = ctx.door.read(lambda s: preview(s, cid, NominationList(bad)))
    assert seen.problems == [
        "Dòng 10: “Trường THCS Lê Lợi” trùng với dòng 7; một thành tích chỉ đề nghị một hình thức.",
        "Dòng 11: Không có đơn vị mã “KHONGCO” trong sổ đơn vị.",
        "Dòng 12: Hình thức “Huy chương vàng” không có trong danh mục khen thưởng.",
        "Dòng 13: “Trường THCS Trần Thành Ngọ” đã được khen thưởng “Giấy khen của Chủ tịch UBND "
        "phường” trong đợt này (quyết định số 125/QĐ-UBND); không khen thưởng nhiều hình thức cho "
        "một thành tích.",
        "Dòng 14: Loại “Nhóm” không rõ; hãy ghi “Tập thể” hoặc “Cá nhân”.",
        "Dòng 15: “Huân chương Lao động hạng Ba” chỉ xét khi sơ kết (2027) và tổng kết (2030) của "
        "phong trào; đợt “Khen thưởng năm 2025” là đợt hằng năm, không đề nghị hình thức này được.",
        "Dòng 16: Hãy ghi tóm tắt thành tích.",
    ]
    before = counts(ctx)
    with pytest.raises(DossierError) as refusal:
        ctx.door.run(import_nominations(cid, NominationList(bad)))
    assert counts(ctx) == before
    text = refusal.value.text()
    assert text.startswith("Không nhập được danh sách đề nghị: 7 vấn đề; chưa hồ sơ nào")
    many = [row(20 + i, "Tập thể", f"X{i}") for i in range(10)]
    with pytest.raises(DossierError) as refusal:
        ctx.door.run(import_nominations(cid, NominationList(many)))
    assert refusal.value.text().endswith("… và 2 dòng khác.")


def test_a_list_of_another_campaign_is_refused(demo_ctx) -> None:
    cid = campaign_id(demo_ctx)
    seen = demo_ctx.door.read(
        lambda s: preview(s, cid, NominationList(GOOD, campaign="Khen thưởng năm 2024"))
    )
    assert seen.problems == [
        "Tệp ghi đợt xét “Khen thưởng năm 2024”, không phải đợt “Khen thưởng năm 2025” đang "
        "nhập; hãy dùng mẫu của đợt này."
    ]

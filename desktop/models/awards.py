"""What can be awarded (danh hiệu thi đua and hình thức khen thưởng) and the rounds of review."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field, SQLModel

from desktop.models.indicators import Comparison

# Which rounds offer a form (đợt xét): every form in the yearly rounds, unless the plan keeps it
# for the 2027 sơ kết and the 2030 tổng kết (section III.3.2).
EVERY_ROUND = "yearly,so_ket,tong_ket"


class AwardCategory(StrEnum):
    """The Law (06/2022/QH15) keeps these apart; mixing them makes wrong records."""

    EMULATION_TITLE = "title"  # danh hiệu thi đua, e.g. Cờ thi đua
    AWARD_FORM = "form"  # hình thức khen thưởng, e.g. Huân chương, Bằng khen, Giấy khen

    @property
    def label(self) -> str:
        return "Danh hiệu thi đua" if self is AwardCategory.EMULATION_TITLE else "Hình thức khen thưởng"


class NomineeKind(StrEnum):
    """Who a criterion applies to."""

    ANY = "any"
    COLLECTIVE = "collective"  # tập thể
    BUSINESS = "business"  # doanh nghiệp
    INDIVIDUAL = "individual"  # cá nhân
    OTHER = "other"  # đối tượng khác

    @property
    def label(self) -> str:
        return {
            "any": "Mọi đối tượng",
            "collective": "Tập thể",
            "business": "Doanh nghiệp",
            "individual": "Cá nhân",
            "other": "Đối tượng khác",
        }[self.value]


class AwardForm(SQLModel, table=True):
    """A danh hiệu thi đua or hình thức khen thưởng of the plan's section III.1.

    ``level`` ranks the authority: 1 ward, 2 city, 3 Prime Minister, 4 Government, 5 State.
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True, max_length=32)
    name: str
    category: AwardCategory
    level: int = Field(ge=1, le=5)
    level_label: str = Field(default="")
    issuer: str = Field(default="")
    for_collective: bool = Field(default=True)
    for_business: bool = Field(default=False)
    for_individual: bool = Field(default=False)
    ordinal: int = Field(default=0)
    active: bool = Field(default=True)
    note: str = Field(default="")
    # Comma-separated UnitKind values a collective nominee may be of; "" = every kind the three
    # for_* flags allow (III.2 of the plan: who may receive what).
    unit_kinds: str = Field(default="")
    # Comma-separated CampaignKind values of the rounds that offer this form.
    campaign_kinds: str = Field(default=EVERY_ROUND)
    # Phiếu đồng ý the council needs, as a share of its members: "trên 50%" by default.
    vote_percent: int = Field(default=50, ge=1, le=100)
    vote_comparison: Comparison = Field(default=Comparison.ABOVE)
    # Tiền thưởng: coefficient × mức lương cơ sở, in thousandths (150 = 0,15 lần).
    bonus_individual_permille: int = Field(default=0, ge=0)
    bonus_collective_permille: int = Field(default=0, ge=0)


class AwardCriterion(SQLModel, table=True):
    """Tiêu chuẩn: one standard of section III.3, ticked per dossier."""

    id: int | None = Field(default=None, primary_key=True)
    award_form_id: int = Field(foreign_key="awardform.id", index=True)
    nominee_kind: NomineeKind = Field(default=NomineeKind.ANY)
    ordinal: int = Field(default=0)
    text: str
    # A line that only introduces the standards under it ("Đề tặng cho … đạt các tiêu chuẩn sau:")
    # is a heading: shown, never ticked, never missing.
    heading: bool = Field(default=False)


class DossierComponent(SQLModel, table=True):
    """Thành phần hồ sơ: a paper a dossier for this award needs (tờ trình, danh sách, …)."""

    id: int | None = Field(default=None, primary_key=True)
    award_form_id: int = Field(foreign_key="awardform.id", index=True)
    ordinal: int = Field(default=0)
    name: str
    required: bool = Field(default=True)
    # The kind of document the app itself makes for this paper (submission, nominees, minutes,
    # achievement), marked present when it is issued; "" for a paper the units bring.
    made_by: str = Field(default="", max_length=32)


class CampaignKind(StrEnum):
    YEARLY = "yearly"  # khen thưởng hằng năm
    PRELIMINARY_REVIEW = "so_ket"  # sơ kết 2027
    FINAL_REVIEW = "tong_ket"  # tổng kết 2030

    @property
    def label(self) -> str:
        return {"yearly": "Hằng năm", "so_ket": "Sơ kết", "tong_ket": "Tổng kết"}[self.value]


class Campaign(SQLModel, table=True):
    """Đợt xét khen thưởng: a yearly round, the 2027 sơ kết or the 2030 tổng kết."""

    id: int | None = Field(default=None, primary_key=True)
    name: str
    kind: CampaignKind
    year: int = Field(index=True)
    deadline: date | None = Field(default=None)
    note: str = Field(default="")

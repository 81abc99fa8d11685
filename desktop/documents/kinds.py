"""The kinds of document the ward prints (loại văn bản) and the refusal of a document asked wrongly.

Kept apart from :mod:`desktop.documents.service` so that naming the kinds (the command line's
choices, the page's list) costs no import of the renderer or of the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import Refusal


@dataclass(frozen=True)
class KindSpec:
    key: str
    label: str  # what the clerk chooses in the list
    module: str
    needs: tuple[str, ...]  # parameters the kind requires: year, campaign, dossier, meeting, to, period
    numbered: bool  # takes a number of the register when issued (an attachment does not)


KINDS = {
    spec.key: spec
    for spec in (
        KindSpec("plan", "Kế hoạch phát động Phong trào thi đua", "plan", (), True),
        KindSpec(
            "report", "Báo cáo kết quả thực hiện chỉ tiêu (quý, năm)", "report", ("year",), True
        ),
        KindSpec(
            "nominees", "Danh sách đề nghị khen thưởng", "nominees", ("campaign", "to"), False
        ),
        KindSpec(
            "submission", "Tờ trình đề nghị khen thưởng", "submission", ("campaign", "to"), True
        ),
        KindSpec(
            "minutes", "Biên bản họp Hội đồng Thi đua - Khen thưởng", "minutes", ("meeting",), True
        ),
        KindSpec("ballots", "Kết quả kiểm phiếu (kèm Biên bản)", "ballots", ("meeting",), False),
        KindSpec(
            "decision",
            "Quyết định khen thưởng của Chủ tịch UBND phường",
            "decision",
            ("campaign",),
            True,
        ),
        KindSpec(
            "yearly",
            "Báo cáo kết quả thực hiện Phong trào thi đua năm (gửi thành phố)",
            "yearly",
            ("year",),
            True,
        ),
        KindSpec("awards", "Sổ theo dõi khen thưởng", "award_register", (), False),
        KindSpec(
            "review",
            "Báo cáo sơ kết, tổng kết Phong trào thi đua (2025 - 2027, 2025 - 2030)",
            "review",
            ("period",),
            True,
        ),
        KindSpec(
            "achievement",
            "Báo cáo thành tích (tập thể, cá nhân)",
            "achievement",
            ("dossier",),
            False,
        ),
    )
}


class DocumentError(Refusal, ValueError):
    """A document that cannot be made as asked; the message tells the clerk what to choose."""

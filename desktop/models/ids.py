"""Typed ids of the records that travel between layers (the GUI, the commands, the domain).

A model's ``id`` is ``int | None`` (None until inserted); once a record is stored its id is one of
these, and :func:`saved_id` says so with a clear error instead of a silent ``or 0``.
"""

from __future__ import annotations

from typing import NewType

UnitId = NewType("UnitId", int)  # đơn vị
PersonId = NewType("PersonId", int)  # cá nhân
IndicatorId = NewType("IndicatorId", int)  # chỉ tiêu
AwardFormId = NewType("AwardFormId", int)  # hình thức / danh hiệu
CampaignId = NewType("CampaignId", int)  # đợt xét khen thưởng
DossierId = NewType("DossierId", int)  # hồ sơ khen thưởng
AttachmentId = NewType("AttachmentId", int)  # tệp đính kèm
DocumentId = NewType("DocumentId", int)  # văn bản đã cấp số
MemberId = NewType("MemberId", int)  # thành viên Hội đồng TĐKT
MeetingId = NewType("MeetingId", int)  # phiên họp Hội đồng TĐKT
DecisionId = NewType("DecisionId", int)  # quyết định khen thưởng

def saved_id(value: int | None) -> int:
    """The id of a record that has been flushed; a None here is a programming error."""
    if value is None:
        raise ValueError("record has no id yet: flush the session before reading its id")
    return value

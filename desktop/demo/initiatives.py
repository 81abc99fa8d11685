"""The demo ward's initiatives and models (sáng kiến, mô hình) and its units' commitments.

A few believable initiatives of 2025 and 2026 — a residential group's Zalo notices, a school's
digital library, the ward office's guidance for online public services … — with authors drawn from
the demo's persons of the unit (or of the office that helped a residential group, which has no
persons of its own); the one of the school awarded in 2025 is already in its báo cáo thành tích.
Commitments: most units registered in the weeks after the plan (2025) or after New Year (2026), a
few have not sent their plan, some never registered. Everything is drawn from its own generator,
so the rest of the demo draws the same, and only what happened by ``day`` is recorded.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from desktop.models import Dossier, DossierStatus, Person, Unit
from desktop.models.ids import saved_id
from desktop.models.movement import (
    Commitment,
    DossierInitiative,
    Initiative,
    InitiativeKind,
    InitiativePerson,
    RecognitionLevel,
)
from desktop.movement.commitments import expected_units


@dataclass(frozen=True)
class DemoInitiative:
    year: int
    kind: InitiativeKind
    title: str
    unit: str  # unit code
    authors_of: str  # the unit whose persons wrote it
    authors: int
    area: int  # the plan's content area (II.1), by its number
    effect: str
    recognition: RecognitionLevel = RecognitionLevel.NONE
    decision: str = ""
    recognised_on: date | None = None  # not recorded before the decision's day


MODEL, SOLUTION, INITIATIVE = (
    InitiativeKind.MODEL,
    InitiativeKind.SOLUTION,
    InitiativeKind.INITIATIVE,
)
WARD, UNIT, CITY = RecognitionLevel.WARD, RecognitionLevel.UNIT, RecognitionLevel.CITY
INITIATIVES = (
    DemoInitiative(
        2025,
        MODEL,
        "Thông báo của tổ dân phố qua nhóm Zalo “Tổ 3 - Kiến An”",
        "TDP03",
        "HLHPN",
        1,
        6,
        "Thông báo họp, lịch tiêm chủng, thu phí đến 412/430 hộ trong ngày; giảm 80% giấy mời in.",
        WARD,
        "Quyết định số 118/QĐ-UBND ngày 10/12/2025 của Chủ tịch UBND phường",
        date(2025, 12, 10),
    ),
    DemoInitiative(
        2025,
        MODEL,
        "Thư viện số của Trường THCS Trần Thành Ngọ",
        "THCSTTN",
        "THCSTTN",
        2,
        2,
        "1.850 đầu sách, bài giảng điện tử; 96% học sinh mượn đọc trực tuyến mỗi tháng.",
        WARD,
        "Quyết định số 118/QĐ-UBND ngày 10/12/2025 của Chủ tịch UBND phường",
        date(2025, 12, 10),
    ),
    DemoInitiative(
        2025,
        SOLUTION,
        "Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến tại quầy “một cửa”",
        "TTPVHCC",
        "TTPVHCC",
        2,
        5,
        "Tỷ lệ hồ sơ trực tuyến toàn trình tăng từ 38% lên 71% sau 6 tháng.",
        UNIT,
        "Quyết định số 07/QĐ-TTPVHCC ngày 20/11/2025",
        date(2025, 11, 20),
    ),
    DemoInitiative(
        2025,
        INITIATIVE,
        "Chấm công và trả lương qua ứng dụng cho công nhân may",
        "DNHPS",
        "DNHPS",
        1,
        7,
        "Bỏ bảng chấm công giấy cho 620 công nhân; lương trả đúng ngày 5 hằng tháng.",
    ),
    DemoInitiative(
        2025,
        SOLUTION,
        "Sổ tay điện tử “Bình dân học vụ số” cho hội viên phụ nữ",
        "HLHPN",
        "HLHPN",
        2,
        2,
        "35 bài hướng dẫn ngắn (VNeID, thanh toán, phòng lừa đảo) gửi qua Zalo đến 1.240 hội viên.",
        WARD,
        "Quyết định số 118/QĐ-UBND ngày 10/12/2025 của Chủ tịch UBND phường",
        date(2025, 12, 10),
    ),
    DemoInitiative(
        2025,
        INITIATIVE,
        "Bảng theo dõi chỉ tiêu chuyển đổi số của phường trên máy tính",
        "VHXH",
        "VHXH",
        1,
        5,
        "Tổng hợp số liệu quý của 42 đơn vị trong 1 ngày thay vì 1 tuần.",
    ),
    DemoInitiative(
        2026,
        MODEL,
        "Tổ công nghệ số cộng đồng của Đoàn Thanh niên",
        "DTN",
        "DTN",
        2,
        6,
        "Hỗ trợ 2.300 lượt người dân cài đặt, kích hoạt VNeID và ứng dụng ngân hàng.",
        CITY,
        "Quyết định số 2150/QĐ-UBND ngày 15/10/2026 của UBND thành phố",
        date(2026, 10, 15),
    ),
    DemoInitiative(
        2026,
        SOLUTION,
        "Nhắc lịch khám và tiêm chủng qua tin nhắn",
        "TYT",
        "TYT",
        2,
        6,
        "Tỷ lệ trẻ tiêm chủng đúng lịch tăng từ 86% lên 97%.",
    ),
    DemoInitiative(
        2026,
        INITIATIVE,
        "Bán rau sạch qua sàn thương mại điện tử và mã QR truy xuất",
        "HTXNN",
        "HTXNN",
        1,
        7,
        "Doanh thu bán trực tuyến chiếm 24% doanh thu của hợp tác xã năm 2026.",
    ),
)
_PLAN_ISSUED = date(2025, 7, 1)  # the ward's plan was issued after the city's of 16/6/2025


def add_demo_initiatives(session: Session, seed: int, day: date) -> None:
    """Add the demo's initiatives and commitments up to ``day``, in the caller's transaction."""
    _initiatives(session, day)
    _commitments(session, random.Random(f"commitments-{seed}"), day)


def _initiatives(session: Session, day: date) -> None:
    units = {u.code: u for u in session.exec(select(Unit))}
    persons: dict[int, list[int]] = {}
    for person in session.exec(select(Person).order_by(col(Person.id))):
        persons.setdefault(person.unit_id, []).append(saved_id(person.id))
    for demo in INITIATIVES:
        if date(demo.year, 3, 1) > day or demo.unit not in units:
            continue
        recognised = demo.recognised_on is not None and demo.recognised_on <= day
        initiative = Initiative(
            year=demo.year,
            kind=demo.kind,
            title=demo.title,
            unit_id=units[demo.unit].id,
            content_area_id=demo.area,
            effect=demo.effect,
            recognition=demo.recognition if recognised else RecognitionLevel.NONE,
            decision=demo.decision if recognised else "",
        )
        session.add(initiative)
        session.flush()
        authors = persons.get(saved_id(units[demo.authors_of].id), [])[: demo.authors]
        for person_id in authors:
            session.add(
                InitiativePerson(initiative_id=saved_id(initiative.id), person_id=person_id)
            )
        _chosen_if_awarded(session, initiative)
    session.flush()


def _chosen_if_awarded(session: Session, initiative: Initiative) -> None:
    """The awarded unit's initiative went into its báo cáo thành tích while it was a draft."""
    dossier = session.exec(
        select(Dossier).where(
            Dossier.nominee_unit_id == initiative.unit_id,
            Dossier.status == DossierStatus.AWARDED,
        )
    ).first()
    if dossier is not None:
        session.add(
            DossierInitiative(
                dossier_id=saved_id(dossier.id), initiative_id=saved_id(initiative.id), ordinal=1
            )
        )


def _commitments(session: Session, rng: random.Random, day: date) -> None:
    """2025 from the plan's issue, 2026 from New Year: 3 in 4 units register within ten weeks,
    most of them send their plan two to five weeks later; the rest never register."""
    for year, start in ((2025, _PLAN_ISSUED), (2026, date(2026, 1, 5))):
        if start > day:
            continue
        for unit in sorted(expected_units(session, year), key=lambda u: u.code):
            draw = rng.random()
            registered = start + timedelta(days=rng.randint(3, 70))
            plan = registered + timedelta(days=rng.randint(14, 35))
            if draw > 0.8 or registered > day or unit.reports_from > year * 10 + 1:
                continue  # not registered (a unit added late in the year is not asked for it)
            session.add(
                Commitment(
                    year=year,
                    unit_id=saved_id(unit.id),
                    registered_on=registered,
                    plan_received_on=plan if draw < 0.65 and plan <= day else None,
                    note="" if draw < 0.65 else "Đã nhắc gửi kế hoạch qua điện thoại",
                )
            )
    session.flush()

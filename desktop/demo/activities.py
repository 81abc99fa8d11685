"""The demo ward's activities (hoạt động): a believable 2025 and 2026 up to the demo's today.

The movement is launched on 26/3/2025; then the Front and the unions hold propaganda events,
the residential groups "Bình dân học vụ số" classes, the ward office training courses for its
officials, the schools digital-skills sessions for their pupils, and the Phòng Văn hóa - Xã hội
inspects the units; two reviews a year. Everything is drawn from its own generator seeded from the
ward's seed, so the activities never change what the rest of the demo draws, and the group counts
always add up to no more than the participants.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from desktop.models import Activity, ActivityKind, ActivityUnit, Unit
from desktop.models.ids import saved_id

Groups = tuple[int | None, int | None, int | None, int | None]  # CB-CC-VC, HS, dân, NLĐ
People = Callable[[random.Random], tuple[int | None, Groups]]


@dataclass(frozen=True)
class Planned:
    """One activity of the demo: roughly when, what, who organises it, and who came."""

    around: date  # drawn within ``spread`` days after this
    kind: ActivityKind
    title: str
    units: tuple[str, ...]
    place: str
    people: People
    spread: int = 20
    note: str = ""


def _counted(officials: int = 0, students: int = 0, residents: int = 0, workers: int = 0) -> People:
    """About these many of each group (±20 %), and a few the organiser did not classify."""

    def draw(rng: random.Random) -> tuple[int | None, Groups]:
        def about(n: int) -> int | None:
            return rng.randint(int(n * 0.8), int(n * 1.2)) if n else None

        groups: Groups = (about(officials), about(students), about(residents), about(workers))
        known = sum(g or 0 for g in groups)
        return known + rng.randint(0, max(1, known // 20)), groups

    return draw


def _uncounted(rng: random.Random) -> tuple[int | None, Groups]:
    """Loudspeakers and posters: nobody counted who listened."""
    return None, (None, None, None, None)


def _total_only(low: int, high: int) -> People:
    return lambda rng: (rng.randint(low, high), (None, None, None, None))


def _plan() -> list[Planned]:
    d = date
    plan = [
        Planned(
            d(2025, 3, 26),
            ActivityKind.PROPAGANDA,
            "Lễ phát động Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi "
            "số” và “Bình dân học vụ số”",
            ("VP", "MTTQ"),
            "Hội trường UBND phường",
            _counted(officials=140, residents=90, workers=20),
            spread=0,
        ),
        Planned(
            d(2025, 4, 2),
            ActivityKind.PROPAGANDA,
            "Tuyên truyền Phong trào “Bình dân học vụ số” trên hệ thống loa truyền thanh",
            ("TTSNC",),
            "Các tổ dân phố",
            _uncounted,
            spread=5,
            note="Phát 3 buổi/tuần trong tháng 4",
        ),
        Planned(
            d(2025, 4, 15),
            ActivityKind.TRAINING,
            "Tập huấn kỹ năng số cơ bản, sử dụng nền tảng số cho cán bộ, công chức phường",
            ("VP",),
            "Hội trường UBND phường",
            _counted(officials=75),
        ),
        Planned(
            d(2025, 5, 10),
            ActivityKind.PROPAGANDA,
            "Ra quân hướng dẫn người dân cài đặt, kích hoạt VNeID mức 2 và dịch vụ công trực tuyến",
            ("DTN", "CAP"),
            "Trung tâm Phục vụ hành chính công phường",
            _counted(residents=160, workers=15),
        ),
        Planned(
            d(2025, 5, 20),
            ActivityKind.PROPAGANDA,
            "Tuyên truyền kỹ năng số, phòng chống lừa đảo trên không gian mạng cho hội viên phụ nữ",
            ("HLHPN",),
            "Nhà văn hóa Tổ dân phố số 3",
            _counted(residents=85),
        ),
        Planned(
            d(2025, 6, 12),
            ActivityKind.TRAINING,
            "Tập huấn kỹ năng số cho công nhân, người lao động",
            ("DNHPS", "CDP"),
            "Công ty Cổ phần May Hải Phòng Star",
            _counted(workers=180),
        ),
        Planned(
            d(2025, 6, 24),
            ActivityKind.TRAINING,
            "Tập huấn bảo đảm an toàn thông tin, an ninh mạng cho cán bộ, công chức",
            ("CAP",),
            "Hội trường UBND phường",
            _counted(officials=60),
        ),
        Planned(
            d(2025, 7, 8),
            ActivityKind.MEETING,
            "Hội nghị sơ kết 6 tháng đầu năm 2025 thực hiện Phong trào thi đua",
            ("VP",),
            "Hội trường UBND phường",
            _counted(officials=55),
            spread=10,
        ),
        Planned(
            d(2025, 8, 5),
            ActivityKind.PROPAGANDA,
            "Tuyên truyền chuyển đổi số cho hội viên cựu chiến binh, nông dân",
            ("HCCB", "HND"),
            "Nhà văn hóa Tổ dân phố số 8",
            _counted(residents=70),
        ),
        Planned(
            d(2025, 9, 22),
            ActivityKind.MEETING,
            "Tọa đàm “Ứng dụng trí tuệ nhân tạo trong công việc” cho đoàn viên thanh niên",
            ("DTN",),
            "Trung tâm Sự nghiệp công phường",
            _counted(officials=25, residents=40),
        ),
        Planned(
            d(2025, 11, 18),
            ActivityKind.TRAINING,
            "Bồi dưỡng sử dụng trí tuệ nhân tạo, phần mềm quản lý văn bản cho cán bộ, công chức",
            ("VP", "TTPVHCC"),
            "Phòng họp tầng 2, UBND phường",
            _counted(officials=50),
        ),
        Planned(
            d(2025, 12, 15),
            ActivityKind.MEETING,
            "Hội nghị tổng kết năm 2025 Phong trào thi đua “Bình dân học vụ số”",
            ("VP", "MTTQ"),
            "Hội trường UBND phường",
            _counted(officials=80, residents=30),
            spread=8,
        ),
        Planned(
            d(2026, 1, 12),
            ActivityKind.PROPAGANDA,
            "Tuyên truyền dịch vụ công trực tuyến dịp Tết Nguyên đán",
            ("TTSNC",),
            "Hệ thống loa truyền thanh phường",
            _uncounted,
            spread=10,
        ),
        Planned(
            d(2026, 3, 26),
            ActivityKind.PROPAGANDA,
            "Kỷ niệm 1 năm phát động Phong trào “Bình dân học vụ số”: triển lãm mô hình số",
            ("MTTQ", "DTN"),
            "Sân UBND phường",
            _total_only(300, 420),
            spread=0,
        ),
        Planned(
            d(2026, 4, 14),
            ActivityKind.TRAINING,
            "Tập huấn kỹ năng số nâng cao theo Khung năng lực số cho cán bộ, công chức",
            ("VP",),
            "Hội trường UBND phường",
            _counted(officials=80),
        ),
        Planned(
            d(2026, 5, 19),
            ActivityKind.TRAINING,
            "Hướng dẫn bán hàng trên sàn thương mại điện tử cho hợp tác xã, hộ kinh doanh",
            ("HTXRS", "HTXNN", "KTHTDT"),
            "Hợp tác xã Rau sạch Bắc Sơn",
            _counted(workers=45, residents=20),
        ),
        Planned(
            d(2026, 7, 7),
            ActivityKind.MEETING,
            "Hội nghị sơ kết 6 tháng đầu năm 2026 thực hiện Phong trào thi đua",
            ("VP",),
            "Hội trường UBND phường",
            _counted(officials=60),
            spread=10,
        ),
        Planned(
            d(2026, 8, 18),
            ActivityKind.PROPAGANDA,
            "Tuyên truyền phòng chống lừa đảo trực tuyến cho người cao tuổi",
            ("HLHPN", "CAP"),
            "Nhà văn hóa Tổ dân phố số 10",
            _counted(residents=95),
        ),
        Planned(
            d(2026, 10, 13),
            ActivityKind.TRAINING,
            "Tập huấn chuyển đổi số trong doanh nghiệp nhỏ và vừa",
            ("KTHTDT", "DNTDS"),
            "Công ty TNHH Thương mại Dịch vụ Số Đồi Thiên Văn",
            _counted(workers=60, officials=6),
        ),
    ]
    plan += _classes() + _schools() + _inspections()
    return plan


def _classes() -> list[Planned]:
    """A "Bình dân học vụ số" class at every residential group in 2025, a second round in 2026."""
    organisers = ("MTTQ", "HLHPN", "DTN")
    plan = []
    for number in range(1, 13):
        plan.append(
            Planned(
                date(2025, 4, 20) + timedelta(days=18 * number),
                ActivityKind.DIGITAL_CLASS,
                f"Lớp “Bình dân học vụ số” tại Tổ dân phố số {number}",
                (f"TDP{number:02d}", organisers[number % 3]),
                f"Nhà văn hóa Tổ dân phố số {number}",
                _counted(residents=38, workers=6),
                spread=6,
            )
        )
    for number in (2, 5, 7, 10):
        plan.append(
            Planned(
                date(2026, 2, 20) + timedelta(days=30 * (number // 2)),
                ActivityKind.DIGITAL_CLASS,
                f"Lớp “Bình dân học vụ số” nâng cao tại Tổ dân phố số {number}: dịch vụ công, "
                "thanh toán số",
                (f"TDP{number:02d}", "MTTQ"),
                f"Nhà văn hóa Tổ dân phố số {number}",
                _counted(residents=32, workers=5),
                spread=10,
            )
        )
    return plan


def _schools() -> list[Planned]:
    schools = (("THCSTTN", 520), ("THCSLL", 460), ("THPTKA", 700), ("THPTDH", 600), ("THTTN", 450))
    plan = []
    for index, (code, pupils) in enumerate(schools):
        plan.append(
            Planned(
                date(2025, 9, 15) + timedelta(days=12 * index),
                ActivityKind.TRAINING,
                "Chuyên đề giáo dục kỹ năng số, an toàn trên môi trường mạng cho học sinh",
                (code,),
                "Sân trường",
                _counted(officials=30, students=pupils),
                spread=5,
            )
        )
    for index, (code, pupils) in enumerate(schools[:2]):
        plan.append(
            Planned(
                date(2026, 10, 1) + timedelta(days=10 * index),
                ActivityKind.TRAINING,
                "Hội thi “Học sinh với kỹ năng số và trí tuệ nhân tạo”",
                (code,),
                "Hội trường nhà trường",
                _counted(officials=20, students=pupils // 3),
                spread=5,
            )
        )
    return plan


def _inspections() -> list[Planned]:
    """The Phòng Văn hóa - Xã hội checks a few units each half-year (plan VI.1)."""
    visited = (
        (date(2025, 10, 20), "THCSBS", "Trường THCS Bắc Sơn"),
        (date(2025, 11, 5), "DNKAT", "Công ty TNHH Cơ khí Kiến An"),
        (date(2025, 11, 25), "TDP06", "Tổ dân phố số 6"),
        (date(2026, 5, 6), "TYT", "Trạm Y tế phường Kiến An"),
        (date(2026, 6, 10), "HTXNN", "Hợp tác xã Nông nghiệp Kiến An"),
        (date(2026, 11, 10), "THLL", "Trường Tiểu học Lê Lợi"),
    )
    return [
        Planned(
            day,
            ActivityKind.INSPECTION,
            f"Kiểm tra việc triển khai Phong trào thi đua tại {name}",
            ("VHXH", code),
            "Tại đơn vị",
            _counted(officials=9),
            spread=4,
        )
        for day, code, name in visited
    ]


def _working_day(day: date) -> date:
    """Saturday's and Sunday's events of the offices move to the Friday before."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def add_demo_activities(session: Session, seed: int, day: date) -> int:
    """Add the activities held up to ``day``, in the caller's transaction; returns how many."""
    rng = random.Random(f"activities-{seed}")
    ids = {u.code: saved_id(u.id) for u in session.exec(select(Unit))}
    added = 0
    for planned in sorted(_plan(), key=lambda p: p.around):
        held_on = planned.around + timedelta(days=rng.randint(0, planned.spread))
        if planned.kind is not ActivityKind.DIGITAL_CLASS:  # classes meet at weekends too
            held_on = _working_day(held_on)
        participants, groups = planned.people(rng)
        if held_on > day:
            continue
        activity = Activity(
            held_on=held_on,
            kind=planned.kind,
            title=planned.title,
            place=planned.place,
            participants=participants,
            officials=groups[0],
            students=groups[1],
            residents=groups[2],
            workers=groups[3],
            note=planned.note,
        )
        session.add(activity)
        session.flush()
        for code in planned.units:
            if code in ids:
                session.add(ActivityUnit(activity_id=saved_id(activity.id), unit_id=ids[code]))
        added += 1
    session.flush()
    return added

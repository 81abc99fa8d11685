"""``council members | meeting | meetings | vote``: the ward's council from the command line.

Changes go through the door as the council's operations (:mod:`desktop.council.ops`), reads
through :meth:`~desktop.changes.Door.read`. A refusal prints its Vietnamese message and exits
with 2; figures and dates are worded by :mod:`desktop.text.wording`.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from typing import Any

from desktop.commands.dates import required_day
from desktop.context import AppContext
from desktop.council import ops
from desktop.council.errors import CouncilError
from desktop.council.meetings import MeetingView, MemberRow, VoteRow, parse_hour
from desktop.errors import Refusal
from desktop.models.ids import CampaignId, DossierId, MeetingId, MemberId
from desktop.text import wording

REFUSED = 2
HELP = "Hội đồng TĐKT phường: thành viên, phiên họp, kết quả bỏ phiếu kín"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("council", help=HELP)
    commands = parser.add_subparsers(dest="council_command", metavar="VIỆC", required=True)

    members = commands.add_parser(
        "members", help="thành viên Hội đồng của một năm: xem, thêm, bỏ, chép"
    )
    members.add_argument("--year", type=int, required=True, help="năm của Hội đồng")
    change = members.add_mutually_exclusive_group()
    change.add_argument("--add", metavar="HỌ_TÊN", help="thêm một thành viên")
    change.add_argument(
        "--remove", type=int, metavar="SỐ", help="bỏ thành viên số … (đã dự họp thì chỉ thôi)"
    )
    change.add_argument(
        "--copy-from", type=int, metavar="NĂM", help="chép thành viên của năm khác sang"
    )
    members.add_argument("--position", default="", help="chức vụ của thành viên thêm")
    members.add_argument(
        "--role",
        default="member",
        help="vai trò: chair (Chủ tịch Hội đồng), vice_chair, member (Ủy viên), secretary (Thư ký)",
    )
    members.add_argument("--ordinal", type=int, help="thứ tự trong vai trò")
    members.add_argument("--json", action="store_true", help="in dạng JSON")
    members.set_defaults(run=run_members)

    meeting = commands.add_parser("meeting", help="ghi một phiên họp, hoặc xem một phiên họp")
    meeting.add_argument("--show", type=int, metavar="SỐ", help="xem phiên họp số …")
    meeting.add_argument("--campaign", type=int, help="số đợt xét khen thưởng phiên họp xét")
    meeting.add_argument("--date", help="ngày họp dd/mm/yyyy")
    meeting.add_argument("--place", default="", help="địa điểm họp")
    meeting.add_argument("--from", dest="starts", default="", help="giờ bắt đầu, ví dụ 8:00")
    meeting.add_argument("--to", dest="ends", default="", help="giờ kết thúc, ví dụ 10:30")
    meeting.add_argument(
        "--attend", default="", help="số của các thành viên dự họp, cách nhau bởi dấu phẩy"
    )
    meeting.add_argument("--note", default="", help="diễn biến, ý kiến tại phiên họp")
    meeting.add_argument("--json", action="store_true", help="in dạng JSON (với --show)")
    meeting.set_defaults(run=run_meeting)

    meetings = commands.add_parser("meetings", help="danh sách phiên họp Hội đồng")
    meetings.add_argument("--campaign", type=int, help="chỉ các phiên họp của đợt xét số …")
    meetings.set_defaults(run=run_meetings)

    vote = commands.add_parser(
        "vote", help="ghi kết quả bỏ phiếu kín một hồ sơ (hồ sơ chuyển theo kết quả)"
    )
    vote.add_argument("--meeting", type=int, required=True, help="số phiên họp")
    vote.add_argument("--dossier", type=int, required=True, help="số hồ sơ")
    vote.add_argument("--issued", type=int, required=True, help="số phiếu phát ra")
    vote.add_argument("--valid", type=int, required=True, help="số phiếu hợp lệ")
    vote.add_argument("--for", dest="ballots_for", type=int, required=True, help="số phiếu đồng ý")
    vote.add_argument(
        "--conclusion", default="", help="kết luận của Hội đồng (mặc định theo số phiếu)"
    )
    vote.set_defaults(run=run_vote)


# -- what the clerk typed ---------------------------------------------------------------------------
def parse_date(text: str | None) -> date:
    return required_day(text, "Hãy ghi ngày họp (--date dd/mm/yyyy).")


def parse_ids(text: str) -> list[int]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    wrong = [p for p in parts if not p.isdigit()]
    if wrong:
        raise CouncilError(
            f"Số thành viên “{', '.join(wrong)}” không hợp lệ; hãy ghi các số cách nhau bởi dấu phẩy "
            "(ví dụ --attend 1,2,3)."
        )
    return [int(p) for p in parts]


# -- members ----------------------------------------------------------------------------------------
def _member_json(member: MemberRow) -> dict[str, Any]:
    return {**asdict(member), "role": member.role.value, "role_label": member.role_label}


def _member_line(member: MemberRow) -> str:
    position = f", {member.position}" if member.position else ""
    gone = "  [đã thôi]" if not member.active else ""
    return f"{member.id:>5}  {member.full_name}{position} — {member.role_label}{gone}"


def run_members(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        if args.add is not None:
            member_id = ctx.door.run(
                ops.add_member(args.year, args.add, args.position, args.role, args.ordinal)
            )
            print(
                f"Đã thêm thành viên số {member_id}: {args.add.strip()} (Hội đồng năm {args.year})."
            )
        elif args.remove is not None:
            deleted = ctx.door.run(ops.remove_member(MemberId(args.remove)))
            print(
                f"Đã xóa thành viên số {args.remove}."
                if deleted
                else f"Thành viên số {args.remove} đã dự phiên họp nên được giữ trong biên bản, "
                "ghi là đã thôi."
            )
        elif args.copy_from is not None:
            ids = ctx.door.run(ops.copy_members(args.copy_from, args.year))
            print(
                f"Đã chép {wording.count(len(ids))} thành viên của năm {args.copy_from} "
                f"sang Hội đồng năm {args.year}."
            )
        members = ctx.door.read(ops.read_members(args.year))
    except Refusal as error:
        print(error.text())
        return REFUSED
    if args.json:
        print(json.dumps([_member_json(m) for m in members], ensure_ascii=False, indent=2))
        return 0
    if args.add is None and args.remove is None and args.copy_from is None:
        print(f"Hội đồng Thi đua - Khen thưởng phường năm {args.year}:")
        for member in members:
            print(_member_line(member))
        print(f"Tổng: {wording.count(len(members))} thành viên.")
    return 0


# -- meetings ---------------------------------------------------------------------------------------
def _vote_json(vote: VoteRow) -> dict[str, Any]:
    return {**asdict(vote), "outcome": vote.outcome}


def _hours(view: MeetingView) -> str:
    """ " (8:00–10:30)", " (từ 8:00)", "": the hours the meeting's record holds."""
    start = wording.clock(view.starts_at) if view.starts_at else ""
    end = wording.clock(view.ends_at) if view.ends_at else ""
    if start and end:
        return f" ({start}–{end})"
    return f" (từ {start})" if start else (f" (đến {end})" if end else "")


def _meeting_json(view: MeetingView) -> dict[str, Any]:
    return {
        "id": view.id,
        "campaign_id": view.campaign_id,
        "campaign": view.campaign_name,
        "held_on": view.held_on.isoformat(),
        "starts_at": view.starts_at.strftime("%H:%M") if view.starts_at else None,
        "ends_at": view.ends_at.strftime("%H:%M") if view.ends_at else None,
        "place": view.place,
        "note": view.note,
        "members": [_member_json(m) for m in view.members],
        "attendees": [m.id for m in view.attendees],
        "absent": [m.id for m in view.absent],
        "chair": view.chair.full_name if view.chair else None,
        "secretary": view.secretary.full_name if view.secretary else None,
        "votes": [_vote_json(v) for v in view.votes],
        "proposed": len(view.proposed),
        "declined": len(view.declined),
    }


def vote_lines(vote: VoteRow) -> list[str]:
    return [
        f"Hồ sơ số {vote.dossier_id}: {vote.nominee} — {vote.award}",
        f"  Phiếu phát ra {wording.count(vote.ballots_issued)}, hợp lệ "
        f"{wording.count(vote.ballots_valid)}, đồng ý {wording.count(vote.ballots_for)}/"
        f"{wording.count(vote.members)} thành viên ({vote.share}); cần {vote.required} "
        "tổng số thành viên.",
        f"  Kết quả: {vote.outcome}. Kết luận: {vote.conclusion}",
    ]


def _print_meeting(view: MeetingView) -> None:
    print(
        f"Phiên họp số {view.id} ngày {wording.short_date(view.held_on)}{_hours(view)} — "
        f"{view.campaign_name}" + (f" — {view.place}" if view.place else "")
    )
    print(
        f"Có mặt {wording.count(len(view.attendees))}/{wording.count(view.total_members)} thành viên"
        + (f"; vắng: {', '.join(m.full_name for m in view.absent)}" if view.absent else "")
        + "."
    )
    for member in view.attendees:
        print(_member_line(member))
    if view.note:
        print(f"Ghi chú: {view.note}")
    for vote in view.votes:
        for line in vote_lines(vote):
            print(line)
    print(
        f"Đã bỏ phiếu {wording.count(len(view.votes))} hồ sơ: "
        f"{wording.count(len(view.proposed))} đề nghị, {wording.count(len(view.declined))} không đề nghị."
    )


def run_meeting(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        if args.show is not None:
            view = ctx.door.read(ops.read_meeting(MeetingId(args.show)))
        else:
            if args.campaign is None:
                raise CouncilError(
                    "Hãy chọn đợt xét phiên họp xét (--campaign SỐ), hoặc xem một phiên họp (--show SỐ)."
                )
            held_on = parse_date(args.date)
            attending = parse_ids(args.attend)
            hours = (
                parse_hour(args.starts, "giờ bắt đầu"),
                parse_hour(args.ends, "giờ kết thúc"),
            )
            meeting_id = ctx.door.run(
                ops.create_meeting(
                    CampaignId(args.campaign), held_on, args.place, attending, args.note, hours
                )
            )
            view = ctx.door.read(ops.read_meeting(meeting_id))
            print(
                f"Đã ghi phiên họp số {meeting_id} ngày {wording.short_date(held_on)} "
                f"({view.campaign_name}): có mặt {wording.count(len(view.attendees))}/"
                f"{wording.count(view.total_members)} thành viên."
            )
            return 0
    except Refusal as error:
        print(error.text())
        return REFUSED
    if args.json:
        print(json.dumps(_meeting_json(view), ensure_ascii=False, indent=2))
    else:
        _print_meeting(view)
    return 0


def run_meetings(args: argparse.Namespace, ctx: AppContext) -> int:
    campaign = CampaignId(args.campaign) if args.campaign is not None else None
    try:
        rows = ctx.door.read(ops.read_meetings(campaign))
    except Refusal as error:
        print(error.text())
        return REFUSED
    for row in rows:
        print(
            f"{row.id:>5}  {wording.short_date(row.held_on)}  {row.campaign_name}"
            + (f" — {row.place}" if row.place else "")
            + f" — {wording.count(row.attendees)} thành viên dự, {wording.count(row.votes)} hồ sơ đã bỏ phiếu"
        )
    print(f"Tổng: {wording.count(len(rows))} phiên họp.")
    return 0


# -- the ballot -------------------------------------------------------------------------------------
def run_vote(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        vote = ctx.door.run(
            ops.record_vote(
                MeetingId(args.meeting),
                DossierId(args.dossier),
                args.issued,
                args.valid,
                args.ballots_for,
                args.conclusion,
            )
        )
    except Refusal as error:
        print(error.text())
        return REFUSED
    for line in vote_lines(vote):
        print(line)
    return 0

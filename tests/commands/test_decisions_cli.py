"""``awards decisions | record | correct | revoke`` as the clerk types them.

The commands are parsed by :func:`desktop.commands.decisions.add_parsers` under a parser of their
own and run with the test's data folder; the last test goes through ``python -m desktop awards``
itself, which also needs the register's commands (``desktop.commands.award_register``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.commands.decisions import add_parsers, parse_bonuses
from desktop.context import AppContext
from desktop.decisions.errors import DecisionError
from desktop.models import Attachment, Dossier, DossierStatus
from desktop.storage import Database
from tests.decisions.received_chain import campaign_id, complete_dossier, person_ids, sent_up

S = DossierStatus


def awards(ctx: AppContext, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="awards")
    add_parsers(parser.add_subparsers(dest="awards_command", required=True))
    args = parser.parse_args(argv)
    code: int = args.run(args, ctx)
    return code


@pytest.fixture
def sent(demo_db: Database) -> tuple[int, int, int]:
    """The 2026 campaign and two Bằng khen dossiers sent to the city."""
    with demo_db.session() as s:
        person = person_ids(s, 1)[0]
        return (
            campaign_id(s),
            sent_up(s, complete_dossier(s, "BKCTTP", unit_code="TDP01")),
            sent_up(s, complete_dossier(s, "BKCTTP", person_id=person)),
        )


def record(ctx: AppContext, sent: tuple[int, int, int], *extra: str) -> int:
    campaign, unit, person = sent
    return awards(
        ctx,
        "record",
        "--campaign", str(campaign),
        "--number", "2345/QĐ-UBND",
        "--date", "20/11/2026",
        "--dossiers", f"{unit}, {person}",
        *extra,
    )


def statuses(ctx: AppContext, *ids: int) -> list[DossierStatus]:
    with ctx.db.session() as s:
        return [s.get(Dossier, i).status for i in ids]


def test_record_then_list_then_correct_then_revoke(
    ctx: AppContext, sent: tuple[int, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    campaign, unit, person = sent
    scan = tmp_path / "QĐ 2345.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed paper")
    assert record(ctx, sent, "--scan", str(scan), "--bonus", f"{unit}=1.000.000,{person}=500000") == 0
    out = capsys.readouterr().out
    assert "Đã ghi nhận quyết định số 2345/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân " in out
    assert "1 tập thể, 1 cá nhân được khen thưởng." in out
    assert "Tiền thưởng: 1.500.000 đồng." in out
    assert "Bản quét: QĐ 2345.pdf (tệp đính kèm số" in out
    assert statuses(ctx, unit, person) == [S.AWARDED, S.AWARDED]

    assert awards(ctx, "decisions", "--campaign", str(campaign), "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    with ctx.db.session() as s:
        (attachment,) = s.exec(
            select(Attachment).where(Attachment.decision_id == listed["id"])
        ).all()
    assert listed | {"id": 0} == {
        "id": 0,
        "campaign_id": campaign,
        "campaign": "Khen thưởng năm 2026",
        "authority": "city",
        "number": "2345/QĐ-UBND",
        "signed_on": "2026-11-20",
        "issuer": "Chủ tịch Ủy ban nhân dân thành phố",
        "collectives": 1,
        "persons": 1,
        "total_bonus": 1_500_000,
        "revoked": False,
        "revoked_on": None,
        "revoke_reason": "",
        "scan_attachment_id": attachment.id,
        "document_id": None,
    }
    decision = str(listed["id"])

    assert awards(ctx, "correct", decision, "--number", "2354/QĐ-UBND", "--reason", "Gõ nhầm số") == 0
    assert "Đã đính chính thành quyết định số 2354/QĐ-UBND ngày 20/11/2026" in capsys.readouterr().out
    with ctx.db.session() as s:
        assert {s.get(Dossier, i).decision_number for i in (unit, person)} == {"2354/QĐ-UBND"}

    assert awards(ctx, "revoke", decision, "--reason", "Thành phố thu hồi", "--date", "30/11/2026") == 0
    out = capsys.readouterr().out
    assert "Đã hủy quyết định số 2354/QĐ-UBND" in out
    assert "từ ngày 30/11/2026; lý do: Thành phố thu hồi." in out
    assert f"2 hồ sơ trở lại chờ quyết định: số {min(unit, person)}, số {max(unit, person)}." in out
    assert statuses(ctx, unit, person) == [S.SENT_UP, S.SENT_UP]

    assert awards(ctx, "decisions", "--campaign", str(campaign)) == 0
    line = capsys.readouterr().out
    assert "Số 2354/QĐ-UBND ngày 20/11/2026" in line
    assert "không còn hồ sơ nào" in line
    assert "Đã hủy ngày 30/11/2026: Thành phố thu hồi" in line
    assert "bản quét: tệp số" in line


def test_refusals_print_the_message_and_exit_2(
    ctx: AppContext, sent: tuple[int, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    campaign, unit, person = sent
    assert record(ctx, sent) == 0
    capsys.readouterr()
    assert record(ctx, sent) == 2
    assert "đã được ghi nhận (ngày 20/11/2026); hãy đính chính" in capsys.readouterr().out
    assert awards(ctx, "record", "--campaign", str(campaign), "--number", "1/QĐ", "--date", "31/02/2026",
                  "--dossiers", str(unit)) == 2
    assert capsys.readouterr().out.strip() == "Ngày “31/02/2026” không đúng dạng dd/mm/yyyy."
    assert awards(ctx, "record", "--campaign", str(campaign), "--number", "1/QĐ", "--date", "20/11/2026",
                  "--dossiers", "ba,bốn") == 2
    assert "không đọc được; hãy ghi các mã hồ sơ cách nhau dấu phẩy" in capsys.readouterr().out
    assert awards(ctx, "correct", "404", "--number", "1/QĐ", "--reason", "Gõ nhầm") == 2
    assert capsys.readouterr().out.strip() == "Không tìm thấy quyết định khen thưởng mã 404."
    assert awards(ctx, "revoke", "404", "--reason", "  ") == 2
    assert "Không tìm thấy quyết định khen thưởng mã 404." in capsys.readouterr().out
    assert awards(ctx, "decisions", "--campaign", "999") == 2
    assert "999" in capsys.readouterr().out


def test_a_decision_on_a_dossier_still_with_the_council_changes_nothing(
    ctx: AppContext, demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo_db.session() as s:
        campaign = campaign_id(s)
        draft = complete_dossier(s, "BKCTTP", unit_code="TDP07")
    assert awards(ctx, "record", "--campaign", str(campaign), "--number", "2345/QĐ-UBND",
                  "--date", "20/11/2026", "--dossiers", str(draft)) == 2
    out = capsys.readouterr().out
    assert out.startswith("Không ghi nhận được quyết định số 2345/QĐ-UBND: 1 hồ sơ")
    assert f"Hồ sơ số {draft} đang “Nháp”, chưa ở “Đã gửi cấp trên”." in out
    assert statuses(ctx, draft) == [S.DRAFT]


@pytest.mark.parametrize(
    ("text", "bonuses"),
    [("", {}), ("3=1000000, 4=1.500.000", {3: 1_000_000, 4: 1_500_000}), ("7 = 0", {7: 0})],
)
def test_bonuses_are_read_as_the_clerk_writes_amounts(text: str, bonuses: dict[int, int]) -> None:
    assert parse_bonuses(text) == bonuses


def test_a_bonus_that_is_not_an_amount_is_refused() -> None:
    with pytest.raises(DecisionError, match="Tiền thưởng “3=một triệu” không đọc được"):
        parse_bonuses("3=một triệu")


def test_the_awards_command_runs_them_from_the_command_line(
    data_dir: Path, sent: tuple[int, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("desktop.commands.award_register")
    from desktop.cli import main

    campaign, unit, _ = sent
    argv = ["--data-dir", str(data_dir), "awards"]
    assert main([*argv, "record", "--campaign", str(campaign), "--number", "2345/QĐ-UBND",
                 "--date", "20/11/2026", "--dossiers", str(unit)]) == 0
    assert main([*argv, "decisions"]) == 0
    assert "Số 2345/QĐ-UBND ngày 20/11/2026" in capsys.readouterr().out

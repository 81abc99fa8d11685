"""Each kind of document from the demo ward: nominees, submission, achievement, blank forms, CLI, Excel."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from sqlmodel import select

from desktop.awards.dossiers import read_achievement
from desktop.cli import main
from desktop.context import AppContext
from desktop.documents.common import DocumentRequest
from desktop.documents.service import KINDS, DocumentError, prepare, render
from desktop.excel.documents_tables import write_document_tables
from desktop.models import Dossier, Person, Unit
from desktop.storage import Database


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return " ".join(" ".join(page.extract_text().split()) for page in document.pages)


def _campaign_with_dossiers(session) -> int:  # type: ignore[no-untyped-def]
    dossier = session.exec(select(Dossier)).first()
    assert dossier is not None
    return dossier.campaign_id


def test_nominee_list_names_every_dossier_its_tờ_trình_lists(demo_db: Database) -> None:
    from desktop.decisions.submissions import pending

    with demo_db.session() as session:
        campaign_id = _campaign_with_dossiers(session)
        for to in ("ward", "city"):
            text = _text(
                render(session, DocumentRequest("nominees", campaign_id=campaign_id, to=to))
            )
            for row in pending(session, campaign_id, to):
                assert row.name in text
            assert "DANH SÁCH" in text
            assert "Số:" not in text  # an attachment of the Tờ trình has no number of its own
        drafts = session.exec(
            select(Dossier).where(Dossier.campaign_id == campaign_id, Dossier.status == "draft")
        ).all()
        for dossier in drafts:
            if dossier.nominee_unit_id:
                name = session.get(Unit, dossier.nominee_unit_id).name  # type: ignore[union-attr]
            else:
                name = session.get(Person, dossier.nominee_person_id).full_name  # type: ignore[union-attr]
            assert name not in text


def test_submission_counts_collectives_and_individuals(demo_db: Database) -> None:
    from desktop.decisions.submissions import pending

    with demo_db.session() as session:
        campaign_id = _campaign_with_dossiers(session)
        request = DocumentRequest("submission", campaign_id=campaign_id, to="city")
        text = _text(render(session, request))
        listed = pending(session, campaign_id, "city")
    collectives = sum(1 for row in listed if row.collective)
    individuals = len(listed) - collectives
    if listed:
        # Issue 14: a count of none is not printed ("1 tập thể", never "1 tập thể và 0 cá nhân").
        counted = " và ".join(
            f"{n} {noun}" for n, noun in ((collectives, "tập thể"), (individuals, "cá nhân")) if n
        )
        assert f"khen thưởng cho {counted} đã có thành tích" in text
        assert " 0 tập thể" not in text and " 0 cá nhân" not in text
    else:
        assert "Không có hồ sơ nào" in text
    assert "TỜ TRÌNH" in text and "/TTr-UBND" in text


def test_achievement_report_is_prefilled_from_the_dossier(demo_db: Database) -> None:
    with demo_db.session() as session:
        for dossier in session.exec(select(Dossier)).all():
            text = _text(render(session, DocumentRequest("achievement", dossier_id=dossier.id)))
            assert "BÁO CÁO THÀNH TÍCH" in text
            for section in read_achievement(dossier).values():
                if section.strip():
                    assert " ".join(section.split()) in text
            if dossier.nominee_person_id:
                person = session.get(Person, dossier.nominee_person_id)
                assert person is not None and person.full_name in text
                assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in text


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_blank_form(db: Database, kind: str) -> None:
    with db.session() as session:
        text = _text(render(session, DocumentRequest(kind, blank=True)))
    assert "……" in text or kind == "plan"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_missing_parameters_are_refused_in_vietnamese(db: Database) -> None:
    with db.session() as session:
        with pytest.raises(DocumentError, match="cần chọn đợt xét khen thưởng"):
            render(session, DocumentRequest("nominees"))
        with pytest.raises(DocumentError, match="Không tìm thấy hồ sơ khen thưởng số 999"):
            render(session, DocumentRequest("achievement", dossier_id=999))
        with pytest.raises(DocumentError, match="Không có loại văn bản"):
            render(session, DocumentRequest("memo"))
        with pytest.raises(DocumentError, match="Quý phải từ 1 đến 4"):
            render(session, DocumentRequest("report", year=2025, quarter=5))


def test_report_tables_go_to_a_formatted_workbook(demo_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.xlsx"
    with demo_db.session() as session:
        prepared = prepare(session, DocumentRequest("report", year=2025))
    assert write_document_tables(prepared, target) == 2
    workbook = load_workbook(target)
    annex = workbook.worksheets[1]
    assert annex.cell(row=3, column=2).value == "Đơn vị"
    assert annex.cell(row=3, column=2).font.bold
    assert annex.freeze_panes == "A4"
    units = [row for row in annex.iter_rows(min_row=4, values_only=True)]
    assert len(units) == len(prepared.lines[-1].table.rows)  # type: ignore[union-attr]


def test_command_line_prints_issues_lists_and_reprints(
    demo_db: Database, ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(ctx.folder.root)]
    ctx.close()
    out = tmp_path / "bc.pdf"
    # A report is issued with the clerk's own Phương hướng, đề xuất (issue 14).
    direction = ["--year", "2025", "--quarter", "2", "--text", "Tiếp tục đôn đốc các đơn vị."]
    assert main([*data, "document", "direction", *direction]) == 0
    assert (
        main(
            [
                *data,
                "document",
                "report",
                "--year",
                "2025",
                "--quarter",
                "2",
                "--out",
                str(out),
                "--issue",
                "--date",
                "03/07/2025",
                "--xlsx",
                str(tmp_path / "bc.xlsx"),
            ]
        )
        == 0
    )
    assert "01/BC-UBND" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF") and (tmp_path / "bc.xlsx").exists()
    assert main([*data, "document", "list"]) == 0
    assert "01/BC-UBND" in capsys.readouterr().out
    again = tmp_path / "again.pdf"
    assert main([*data, "document", "reprint", "--id", "1", "--out", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    assert main([*data, "document", "nominees", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "cần chọn đợt xét khen thưởng" in capsys.readouterr().out
    assert (
        main([*data, "document", "plan", "--issue", "--date", "31/02/2025", "--out", str(out)]) == 2
    )
    assert "dd/mm/yyyy" in capsys.readouterr().out


def test_a_collective_report_is_headed_by_the_unit_under_the_ward(demo_db: Database) -> None:
    with demo_db.session() as session:
        dossier = session.exec(select(Dossier).where(Dossier.nominee_unit_id.is_not(None))).first()  # type: ignore[union-attr]
        assert dossier is not None
        unit = session.get(Unit, dossier.nominee_unit_id)
        assert unit is not None
        pdf = render(session, DocumentRequest("achievement", dossier_id=dossier.id))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words(extra_attrs=["fontname"])
    superior = [w for w in words if w["text"] == "UBND"]
    assert superior and "Bold" not in superior[0]["fontname"]  # the superior in regular capitals
    first_word = unit.name.upper().split()[0]
    unit_words = [w for w in words if w["text"] == first_word and w["top"] > superior[0]["top"]]
    assert unit_words and "Bold" in unit_words[0]["fontname"]


def test_laggards_of_the_report_are_those_of_the_results_module(demo_db: Database) -> None:
    from desktop.documents.report import units_behind
    from desktop.indicators.results import lagging_units, unit_results, ward_results

    with demo_db.session() as session:
        for quarter in (None, 1, 2):
            per_unit = unit_results(session, 2025, quarter)
            for result in ward_results(session, 2025, quarter):
                expected = lagging_units(session, 2025, quarter, result.indicator_id)
                assert units_behind(per_unit, result.indicator_id) == expected
            assert any(
                lagging_units(session, 2025, quarter, r.indicator_id)
                for r in ward_results(session, 2025, quarter)
            )


def test_an_issued_document_that_cannot_be_saved_keeps_its_number_and_says_how_to_reprint(
    db: Database, ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(ctx.folder.root)]
    ctx.close()
    occupied = tmp_path / "tệp.txt"
    occupied.write_text("không phải thư mục", encoding="utf-8")
    target = str(occupied / "kh.pdf")
    command = [*data, "document", "plan", "--issue", "--date", "03/07/2025", "--out", target]
    assert main(command) == 2
    out = capsys.readouterr()
    assert "Đã cấp số 01/KH-UBND ngày 03/07/2025." in out.out
    assert "Không ghi được tệp" in out.out and "document reprint --id 1" in out.out
    assert "Traceback" not in out.err
    again = tmp_path / "kh.pdf"
    assert main([*data, "document", "reprint", "--id", "1", "--out", str(again)]) == 0
    assert again.read_bytes().startswith(b"%PDF")


def test_the_blank_review_keeps_its_periods_words_and_dots_everywhere_else(db: Database) -> None:
    """The đề cương of a sơ kết a unit fills by hand: the period named in its title and headings,
    never in a table's rows; no chart and no sentence saying there is no data."""
    with db.session() as session:
        text = _text(render(session, DocumentRequest("review", blank=True, period="2025-2030")))
    assert "Tổng kết Phong trào thi đua" in text and "giai đoạn 2025 - 2030" in text
    assert "2025-2030" not in text  # the period's key is not a row's year
    assert "Chưa có số liệu" not in text
    assert "……" in text

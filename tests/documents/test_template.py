"""The template language of forms/: values, loops, conditions, tables, blank forms, clear errors."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.documents.template import (
    BLANK,
    BLANK_ROWS,
    BLANK_TEXT,
    TemplateError,
    load_template,
    parse_template,
)
from desktop.paths import forms_path
from desktop.text import wording


def fill(source: str, **scope: object) -> list[tuple[str, str]]:
    return [(line.directive, line.text) for line in parse_template(source, "thử").render(scope)]


def test_values_filters_and_roles() -> None:
    lines = fill(
        "## ghi chú\n@title BÁO CÁO\nĐạt {{ r.percent | pct }} của {{ r.total | num }} người, ngày {{ d | longdate }}.",
        r={"percent": 80.25, "total": 12345},
        d=date(2025, 2, 5),
    )
    assert lines == [
        ("title", "BÁO CÁO"),
        # A half rounds up, as the one voice (desktop.text.wording) rounds it everywhere.
        ("para", "Đạt 80,3% của 12.345 người, ngày ngày 05 tháng 02 năm 2025."),
    ]


def test_the_filters_word_figures_as_the_one_voice_does() -> None:
    source = (
        "{{ r.percent | pct }}; {{ r.missing | pct }}; {{ r.total | num }}; {{ d | date }}; "
        "{{ d | longdate }}; {{ r | verdict }}"
    )
    result = {"percent": 85.25, "target": 80.0, "met": True, "missing": None, "total": 1234567}
    [(_, text)] = fill(source, r=result, d=date(2025, 7, 3))
    assert text == "; ".join(
        [
            wording.percent(85.25),
            wording.percent(None),
            wording.count(1234567),
            wording.short_date(date(2025, 7, 3)),
            wording.long_date(date(2025, 7, 3)),
            wording.verdict_of(True, 80.0),
        ]
    )
    assert text == "85,3%; —; 1.234.567; 03/07/2025; ngày 03 tháng 7 năm 2025; Đạt"


def test_loops_count_from_one_and_conditions_choose_a_branch() -> None:
    source = "%for x in items\n{{ loop.index }}. {{ x }}\n%end\n%if not items\nTrống\n%elif flag\nCờ\n%else\nKhác\n%end"
    assert fill(source, items=["a", "b"], flag=False) == [
        ("para", "1. a"),
        ("para", "2. b"),
        ("para", "Khác"),
    ]
    assert fill(source, items=["a"], flag=True) == [("para", "1. a"), ("para", "Cờ")]
    assert fill(source, items=[], flag=False) == [("para", "Trống")]


def test_markup_of_the_template_but_never_of_the_values() -> None:
    lines = fill("**Tên:** {{ name }} và *{{ name }}*", name="A <b> *B* & C")
    assert lines == [
        ("para", "<b>Tên:</b> A &lt;b&gt; *B* &amp; C và <i>A &lt;b&gt; *B* &amp; C</i>")
    ]


def test_a_value_of_several_lines_gives_several_blocks_of_the_same_role() -> None:
    assert fill("@signature {{ a }}", a="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH") == [
        ("signature", "TM. ỦY BAN NHÂN DÂN"),
        ("signature", "KT. CHỦ TỊCH"),
    ]


def test_a_value_cannot_become_a_directive() -> None:
    assert fill("{{ a }}", a="@pagebreak") == [("para", "@pagebreak")]


def test_tables_fill_plain_cells_and_repeat_columns() -> None:
    source = (
        "@table u in units\n| STT | {{ loop.index }} | 5 | center\n| Tên | {{ u.name }} | 30 | left\n"
        "|* codes | {{ u.values | pct }} | 8 | right\n@endtable"
    )
    lines = parse_template(source, "thử").render(
        {"units": [{"name": "Tổ 1 & 2", "values": [50, 75.5]}], "codes": ["A", "B"]}
    )
    table = lines[0].table
    assert table is not None
    assert [c.header for c in table.columns] == ["STT", "Tên", "A", "B"]
    assert table.rows == [("1", "Tổ 1 & 2", "50%", "75,5%")]


def test_blank_form_prints_dots_and_a_few_empty_rows() -> None:
    source = "Số người: {{ r.total | num }}\n%for x in r.items\n- {{ x.name }}\n%end"
    lines = fill(source, r=BLANK)
    assert lines[0] == ("para", f"Số người: {BLANK_TEXT}")
    assert len(lines) == 1 + BLANK_ROWS


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("%for x in items\nA", "thiếu “%end”"),
        ("%end", "không có “%for”"),
        ("@tittle X", "không hiểu chỉ dẫn “@tittle”"),
        ("{{ a | nope }}", "không có bộ lọc “nope”"),
        ("{{ 1+1 }}", "không phải là tên giá trị"),
        ("@table x in rows\n| A | {{ x }} | rộng | left\n@endtable", "phải là một số"),
        ("@table x in rows\n| A | {{ x }} | 5 | left", "thiếu “@endtable”"),
    ],
)
def test_template_mistakes_are_refused_with_the_line(source: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(source, "thử").render({"items": [], "rows": []})


def test_a_missing_value_names_the_template_and_line() -> None:
    with pytest.raises(TemplateError, match=r"Mẫu “thử”, dòng 2: không có giá trị “r.nothing”"):
        parse_template("A\n{{ r.nothing }}", "thử").render({"r": {}})


def test_every_form_in_the_folder_parses() -> None:
    names = sorted(p.name for p in forms_path().glob("*.txt"))
    assert {"ke-hoach-phat-dong.txt", "bao-cao-ket-qua.txt", "to-trinh-de-nghi.txt"} <= set(names)
    # The Giấy khen is laid out by position, not by the decree's flow: it has its own parser.
    certificate = "giay-khen.txt"
    for name in names:
        if name != certificate:
            assert load_template(name).nodes
    from desktop.documents.certificates import load_certificate_template

    assert certificate in names and load_certificate_template()


def test_a_corrected_template_is_read_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mau.txt"
    path.write_text("Bản một", encoding="utf-8")
    assert load_template("mau.txt", tmp_path).render({})[0].text == "Bản một"
    path.write_text("Bản hai đã sửa", encoding="utf-8")
    import os

    os.utime(path, (path.stat().st_atime + 5, path.stat().st_mtime + 5))
    assert load_template("mau.txt", tmp_path).render({})[0].text == "Bản hai đã sửa"

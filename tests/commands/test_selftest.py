"""``--self-test`` from source: every step passes, and a failing step is named with exit code 1."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.commands import selftest


def test_self_test_passes(qapp, capsys: pytest.CaptureFixture[str]) -> None:
    assert selftest.main() == 0
    out = capsys.readouterr().out
    assert out.startswith("THIDUA SELF-TEST OK")
    for step, _ in selftest.STEPS:
        assert step in out
    # The line names the fonts the report embeds, read back from the PDF.
    assert "phông nhúng: LiberationSerif, LiberationSerif-Bold" in out or "TimesNewRoman" in out


def test_the_fonts_read_back_from_a_pdf_are_the_embedded_serif_and_not_a_base_font() -> None:
    from reportlab.pdfgen.canvas import Canvas

    from desktop.documents.layout import PageLayout
    from desktop.documents.renderer import Issue, render_pdf
    from desktop.documents.template import Line
    from desktop.settings import WardSettings

    pdf = render_pdf(
        [Line("title", "BÁO CÁO"), Line("para", "Nội dung *nghiêng*.")],
        WardSettings(),
        PageLayout(),
        Issue(2026),
    )
    embedded, missing = selftest.embedded_fonts(pdf)
    assert (
        missing == []
        and "LiberationSerif-Bold" in embedded
        and "LiberationSerif-Italic" in embedded
    )
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(10, 10, "Helvetica")
    canvas.save()
    assert selftest.embedded_fonts(buffer.getvalue()) == ([], ["Helvetica"])


def test_failing_step_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(folder: Path) -> str:
        raise OSError("ổ đĩa đầy")

    monkeypatch.setattr(
        selftest, "STEPS", [("cơ sở dữ liệu", selftest._database), ("văn bản PDF", broken)]
    )
    assert selftest.main() == 1
    out = capsys.readouterr().out
    assert "FAILED at step “văn bản PDF”" in out and "ổ đĩa đầy" in out

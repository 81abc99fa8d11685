"""The chart's quarters in Vietnamese: "Quý I/2025" where it fits, "I/2025" under "Quý", else years."""

from __future__ import annotations

import re

from desktop.indicators.series import SeriesPoint
from desktop.ui.indicators.results_chart import IndicatorChart, plan_axis


def _quarters(years: range) -> list[SeriesPoint]:
    return [
        SeriesPoint(
            year=y,
            quarter=q,
            percent=50.0,
            complete=True,
            reported_units=1,
            expected_units=1,
            target=None,
        )
        for y in years
        for q in range(1, 5)
    ]


def width(text: str) -> float:
    return 7.0 * len(text)  # a font of 7 pixels a character


def test_a_wide_chart_names_each_quarter_in_full() -> None:
    axis = plan_axis(_quarters(range(2025, 2027)), 8 * 100, width)
    assert [text for text, _end in axis.labels][:2] == ["Quý I/2025", "Quý II/2025"]
    assert axis.title == ""


def test_a_narrower_chart_drops_the_word_into_the_axis_title() -> None:
    axis = plan_axis(_quarters(range(2025, 2027)), 8 * 80, width)
    assert [text for text, _end in axis.labels][:2] == ["I/2025", "II/2025"]
    assert axis.title == "Quý"


def test_six_years_in_a_small_chart_name_the_years() -> None:
    axis = plan_axis(_quarters(range(2025, 2031)), 400, width)
    assert [text for text, _end in axis.labels] == [str(y) for y in range(2025, 2031)]
    assert axis.labels[0][1] == 3.5  # under its four quarters
    assert "Năm" in axis.title


def test_the_drawn_axis_never_says_q(qtbot) -> None:
    chart = IndicatorChart()
    qtbot.addWidget(chart)
    chart.resize(1200, 400)
    chart.show_series("CBCC", _quarters(range(2025, 2027)))
    qtbot.wait(50)
    labels = chart.axis_x.categoriesLabels()
    assert labels and all(not re.match(r"Q\d", label) for label in labels)  # never "Q1/2025"
    assert labels[0] in ("Quý I/2025", "I/2025")

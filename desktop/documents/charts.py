"""Charts of a printed report (biểu đồ), drawn as vector graphics inside the PDF.

A chart is a reportlab :class:`~reportlab.graphics.shapes.Drawing`, never a picture: it prints
sharp at any size, its words are text in the document's own embedded serif (so the checker reads
and measures them like any table) and the same data always gives the same bytes.

The drawing functions know nothing of indicators or years: a chart is a list of
:class:`Series` — a name and its points ``(label, value | None)``, one point per category along
the horizontal axis ("Quý I" … "Quý IV", or "2025" … "2030") — and its :class:`TargetLine` s
("Mục tiêu 80%", over every category or only some of them, so a target that changes from one
year to the next is drawn as steps). :func:`bar_chart` draws the series as grouped bars,
:func:`line_chart` as lines with a mark at each point; a value ``None`` (no figure yet) is left
out, never drawn as 0.

How the words are laid out, and why (``tests/documents/checker.py`` measures every page):

* every word is at least :data:`TEXT_SIZE` (11 pt, the smallest size of Phụ lục I) and each
  chart has a thin frame, so that the checker takes it for what it is, a table of figures;
* no figure is written inside the plot, where the target line or a bar's edge would run through
  it: the values are a row under each category label (one row per series, with its colour's
  swatch), as in the table a clerk would otherwise type; the target's words are in the legend,
  beside a sample of its dashed line;
* numbers in the one voice (:func:`desktop.text.wording.percent`: "81,5%", decimal comma).

:class:`ChartPanel` and :class:`ChartGrid` put charts side by side on a page; a template places a
grid with ``@chart path`` (the renderer calls :meth:`ChartGrid.flowable` with the frame's width).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from desktop.documents import fonts
from desktop.text import wording

Point = tuple[str, float | None]
Kind = Literal["bar", "line"]

TEXT_SIZE = 11.0  # every word of a chart (Phụ lục I's smallest size)
TITLE_SIZE = 12.0
LINE_GAP = 3.0  # between two rows of words
PAD = 6.0  # inside the frame
AXIS_MAX = 100.0  # a share of 100 %: the plan's figures are percents
TICKS = (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)
FRAME = colors.Color(0.55, 0.55, 0.55)
INK = colors.black
# Colours that stay apart when a black-and-white printer turns them grey (dark, light, middle).
PALETTE = (
    colors.Color(0.16, 0.33, 0.55),
    colors.Color(0.93, 0.62, 0.23),
    colors.Color(0.45, 0.62, 0.36),
    colors.Color(0.6, 0.6, 0.6),
    colors.Color(0.55, 0.25, 0.35),
    colors.Color(0.2, 0.2, 0.2),
)
TARGET_INK = colors.Color(0.75, 0.1, 0.1)
TARGET_DASH = (4, 2)


@dataclass(frozen=True)
class Series:
    """One row of figures: ``points`` are (category label, value or None), in axis order."""

    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class TargetLine:
    """A level to reach (mục tiêu), drawn dashed across the categories it holds for (all when
    ``categories`` is empty) and named in the legend by ``label`` ("Mục tiêu 80%")."""

    value: float
    label: str
    categories: tuple[str, ...] = ()


def target_label(value: float, prefix: str = "Mục tiêu") -> str:
    """ "Mục tiêu 80%", "Mục tiêu 66,7%": a target as the legend words it."""
    return f"{prefix} {wording.percent(value)}"


def categories_of(series: Sequence[Series]) -> list[str]:
    """The labels of the horizontal axis: every series' points, in the order first met."""
    seen: dict[str, None] = {}
    for s in series:
        for label, _ in s.points:
            seen.setdefault(label, None)
    return list(seen)


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = TEXT_SIZE,
    bold: bool = False,
    anchor: str = "middle",
) -> String:
    return String(
        x,
        y,
        text,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        fillColor=INK,
        textAnchor=anchor,
    )


def _width(text: str, size: float = TEXT_SIZE, bold: bool = False) -> float:
    return stringWidth(text, fonts.BOLD if bold else fonts.REGULAR, size)


def _fit(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Words broken into lines no wider than ``width`` (a title over a narrow chart)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class _Frame:
    """Where the parts of one chart lie, bottom up (reportlab's y grows upwards)."""

    width: float
    height: float
    title: list[str]
    legend: list[list[tuple[str, int]]]  # rows of (words, index: ≥ 0 a series, -1-k target k)
    value_rows: int
    plot_left: float
    plot_right: float
    plot_bottom: float
    plot_top: float


def _legend_rows(
    series: Sequence[Series], targets: Sequence[TargetLine], width: float
) -> list[list[tuple[str, int]]]:
    entries = [(s.name, i) for i, s in enumerate(series) if s.name]
    entries += [(t.label, -1 - k) for k, t in enumerate(targets)]
    rows: list[list[tuple[str, int]]] = []
    used = 0.0
    for words, index in entries:
        need = _SWATCH + 4 + _width(words) + 12
        if not rows or used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append((words, index))
        used += need
    return rows


_SWATCH = 14.0


def _frame(
    series: Sequence[Series],
    targets: Sequence[TargetLine],
    title: str,
    width: float,
    height: float,
    value_labels: bool,
) -> _Frame:
    inner = width - 2 * PAD
    title_lines = _fit(title, inner, TITLE_SIZE, bold=True) if title else []
    legend = _legend_rows(series, targets, inner)
    row = TEXT_SIZE + LINE_GAP
    value_rows = len(series) if value_labels else 0
    bottom = PAD + len(legend) * row + (LINE_GAP if legend else 0)
    bottom += (1 + value_rows) * row + LINE_GAP  # the category labels and the figures under them
    top = height - PAD - len(title_lines) * (TITLE_SIZE + LINE_GAP) - TEXT_SIZE / 2 - LINE_GAP
    axis_words = max(_width(wording.percent(t)) for t in TICKS)
    swatch = _SWATCH + 3 if value_rows > 1 else 0.0
    left = PAD + max(axis_words + 4, swatch)
    return _Frame(width, height, title_lines, legend, value_rows, left, width - PAD, bottom, top)


def _y(frame: _Frame, value: float, y_max: float) -> float:
    share = max(0.0, min(value, y_max)) / y_max
    return frame.plot_bottom + share * (frame.plot_top - frame.plot_bottom)


def _swatch(group: Group, x: float, y: float, index: int) -> None:
    """The legend's sample of a series (a filled square) or of target ``-1-index`` (dashes)."""
    if index >= 0:
        colour = PALETTE[index % len(PALETTE)]
        group.add(Rect(x, y, _SWATCH * 0.7, TEXT_SIZE * 0.7, fillColor=colour, strokeColor=None))
    else:
        mid = y + TEXT_SIZE * 0.35
        group.add(
            Line(
                x,
                mid,
                x + _SWATCH,
                mid,
                strokeColor=TARGET_INK,
                strokeWidth=1.2,
                strokeDashArray=TARGET_DASH,
            )
        )


def _decorate(
    group: Group,
    frame: _Frame,
    series: Sequence[Series],
    categories: list[str],
    y_max: float,
) -> list[float]:
    """The frame, title, axes, ticks, category labels, figures and legend; returns the centre
    of each category's slot along the axis."""
    group.add(
        Rect(0, 0, frame.width, frame.height, fillColor=None, strokeColor=FRAME, strokeWidth=0.5)
    )
    y = frame.height - PAD - TITLE_SIZE
    for line in frame.title:
        group.add(_text(frame.width / 2, y, line, size=TITLE_SIZE, bold=True))
        y -= TITLE_SIZE + LINE_GAP
    left, right = frame.plot_left, frame.plot_right
    group.add(
        Line(left, frame.plot_bottom, right, frame.plot_bottom, strokeColor=INK, strokeWidth=0.7)
    )
    group.add(Line(left, frame.plot_bottom, left, frame.plot_top, strokeColor=INK, strokeWidth=0.7))
    for tick in TICKS:
        if tick > y_max:
            continue
        ty = _y(frame, tick, y_max)
        group.add(Line(left - 3, ty, left, ty, strokeColor=INK, strokeWidth=0.7))
        group.add(_text(left - 5, ty - TEXT_SIZE / 3, wording.percent(tick), anchor="end"))
    slot = (right - left) / max(len(categories), 1)
    centres = [left + slot * (i + 0.5) for i in range(len(categories))]
    row = TEXT_SIZE + LINE_GAP
    label_y = frame.plot_bottom - row
    for centre, label in zip(centres, categories, strict=True):
        group.add(_text(centre, label_y, label))
    for k in range(frame.value_rows):
        s = series[k]
        values = dict(s.points)
        ry = label_y - row * (k + 1)
        if frame.value_rows > 1:
            _swatch(group, PAD, ry, k)
        for centre, label in zip(centres, categories, strict=True):
            group.add(_text(centre, ry, wording.percent(values.get(label))))
    ly = label_y - row * (frame.value_rows + 1) - LINE_GAP
    for entries in frame.legend:
        x = PAD
        for words, index in entries:
            _swatch(group, x, ly, index)
            x += _SWATCH + 4
            group.add(_text(x, ly, words, anchor="start"))
            x += _width(words) + 12
        ly -= row
    return centres


def _targets(
    group: Group,
    frame: _Frame,
    targets: Sequence[TargetLine],
    categories: list[str],
    centres: list[float],
    y_max: float,
) -> None:
    slot = (frame.plot_right - frame.plot_left) / max(len(categories), 1)
    for target in targets:
        ty = _y(frame, target.value, y_max)
        held = set(target.categories) if target.categories else set(categories)
        # One dashed stretch per run of categories the target holds for.
        runs: list[list[float]] = []
        previous = False
        for centre, label in zip(centres, categories, strict=True):
            inside = label in held
            if inside and not previous:
                runs.append([centre - slot / 2, centre + slot / 2])
            elif inside:
                runs[-1][1] = centre + slot / 2
            previous = inside
        for x0, x1 in runs:
            group.add(
                Line(
                    x0,
                    ty,
                    x1,
                    ty,
                    strokeColor=TARGET_INK,
                    strokeWidth=1.2,
                    strokeDashArray=TARGET_DASH,
                )
            )


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose starting font is the document's: reportlab's default (Helvetica) would
    otherwise be set, and listed as a font of the page, before the first word is drawn."""
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = TEXT_SIZE
    return drawing


def bar_chart(
    series: Sequence[Series],
    targets: Sequence[TargetLine] = (),
    *,
    width: float,
    height: float,
    title: str = "",
    value_labels: bool = True,
    y_max: float = AXIS_MAX,
) -> Drawing:
    """Grouped bars: in each category's slot one bar per series, side by side, in its colour."""
    drawing = _drawing(width, height)
    categories = categories_of(series)
    frame = _frame(series, targets, title, width, height, value_labels)
    group = Group()
    centres = _decorate(group, frame, series, categories, y_max)
    slot = (frame.plot_right - frame.plot_left) / max(len(categories), 1)
    bar = min(slot * 0.7 / max(len(series), 1), 28.0)
    for k, s in enumerate(series):
        values = dict(s.points)
        colour = PALETTE[k % len(PALETTE)]
        for centre, label in zip(centres, categories, strict=True):
            value = values.get(label)
            if value is None:
                continue
            x = centre - bar * len(series) / 2 + bar * k
            top = _y(frame, value, y_max)
            if top - frame.plot_bottom > 0.2:
                group.add(
                    Rect(
                        x,
                        frame.plot_bottom,
                        bar,
                        top - frame.plot_bottom,
                        fillColor=colour,
                        strokeColor=None,
                    )
                )
    _targets(group, frame, targets, categories, centres, y_max)
    drawing.add(group)
    return drawing


def line_chart(
    series: Sequence[Series],
    targets: Sequence[TargetLine] = (),
    *,
    width: float,
    height: float,
    title: str = "",
    value_labels: bool = True,
    y_max: float = AXIS_MAX,
) -> Drawing:
    """A line per series through its points (a gap where a value is None), a mark on each."""
    drawing = _drawing(width, height)
    categories = categories_of(series)
    frame = _frame(series, targets, title, width, height, value_labels)
    group = Group()
    centres = _decorate(group, frame, series, categories, y_max)
    _targets(group, frame, targets, categories, centres, y_max)
    for k, s in enumerate(series):
        values = dict(s.points)
        colour = PALETTE[k % len(PALETTE)]
        stretch: list[float] = []
        marks: list[tuple[float, float]] = []
        for centre, label in [*zip(centres, categories, strict=True), (0.0, "")]:
            value = values.get(label) if label else None
            if value is None:
                if len(stretch) >= 4:
                    group.add(PolyLine(stretch, strokeColor=colour, strokeWidth=1.6))
                stretch = []
                continue
            y = _y(frame, value, y_max)
            stretch += [centre, y]
            marks.append((centre, y))
        for x, y in marks:
            group.add(Rect(x - 2.5, y - 2.5, 5, 5, fillColor=colour, strokeColor=None))
    drawing.add(group)
    return drawing


@dataclass(frozen=True)
class ChartPanel:
    """One chart of a grid: its title, series and targets, and how it is drawn."""

    title: str
    series: tuple[Series, ...]
    targets: tuple[TargetLine, ...] = ()
    kind: Kind = "bar"
    value_labels: bool = True

    def drawing(self, width: float, height: float) -> Drawing:
        draw = bar_chart if self.kind == "bar" else line_chart
        return draw(
            self.series,
            self.targets,
            width=width,
            height=height,
            title=self.title,
            value_labels=self.value_labels,
        )


@dataclass(frozen=True)
class ChartGrid:
    """Charts side by side, ``columns`` a row, each ``height`` points high (a page of charts).

    What a template's ``@chart`` places: the renderer asks :meth:`flowable` for the width of its
    frame, so the grid fills the text column whatever the margins."""

    panels: tuple[ChartPanel, ...]
    columns: int = 2
    height: float = 215.0
    gap: float = 8.0
    notes: tuple[str, ...] = field(default=())

    def flowable(self, width: float) -> Flowable:
        columns = max(1, min(self.columns, len(self.panels) or 1))
        cell = (width - self.gap * (columns - 1)) / columns
        drawings = [p.drawing(cell, self.height) for p in self.panels]
        rows: list[list[Drawing | str]] = []
        for start in range(0, len(drawings), columns):
            row: list[Drawing | str] = list(drawings[start : start + columns])
            rows.append(row + [""] * (columns - len(row)))
        widths: list[float] = []
        for index in range(columns):
            widths += [cell] if index == 0 else [self.gap, cell]
        spaced = [_spaced(row) for row in rows]
        table = Table(spaced or [[""]], colWidths=widths, rowHeights=self.height + self.gap)
        table.setStyle(
            TableStyle(
                [
                    # An empty cell is still a string: in the document's font, not Helvetica.
                    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), self.gap),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return table


def _spaced(row: list[Drawing | str]) -> list[Drawing | str]:
    out: list[Drawing | str] = []
    for index, item in enumerate(row):
        out += [item] if index == 0 else ["", item]
    return out

"""A small line-oriented template language for the documents in ``forms/`` (mẫu văn bản).

A template is plain UTF-8 text that a clerk can correct in any editor:

* ``## …`` is a comment; empty lines are ignored — every other line is one block of the document.
* ``@word text`` gives the block a role (``@title``, ``@summary``, ``@basis``, ``@heading`` …, see
  :data:`DIRECTIVES`); a line without ``@`` is a body paragraph.
* ``{{ path.to.value | filter }}`` puts a value in; the filters ``pct``, ``num``, ``date``,
  ``longdate`` and ``verdict`` word it as :mod:`desktop.text.wording` does.
* ``**bold**`` and ``*italic*`` mark the template's own words (never the values put in).
* ``%for row in path`` … ``%end`` repeats lines (``loop.index`` counts from 1); ``%if path`` /
  ``%if not path`` … ``%elif`` … ``%else`` … ``%end`` keeps a part or not.
* ``@table row in path`` then one ``| header | {{ row.x }} | width | align`` line per column, then
  ``@endtable``: a table whose rows are laid out by the renderer, page by page.
* ``%include other.txt`` puts the lines of another template of ``forms/`` there (one kind of
  document with two forms: the Tờ trình to the Chairman and the one to the city).

Values are looked up by the renderer only; a template cannot run code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html import escape as _html_escape
from pathlib import Path
from typing import Any

from desktop.errors import Refusal
from desktop.paths import forms_path
from desktop.text import wording

DIRECTIVES = frozenset(
    {
        "para",  # body paragraph (the default)
        "code",  # type of document for the number: KH, BC, TTr; "-" for none
        "symbol",  # the number's whole suffix when another body issues it: TTr-VHXH, BB-HĐTĐKT
        "agency",  # replaces the ward's agency lines in the top block ("-" for none); alone,
        # the first of several is the superior (regular capitals), the last the issuer (bold)
        "superior",  # the superior agency above those lines, in regular capitals
        "nodate",  # no place-and-date line
        "final",  # no "DỰ THẢO": an unnumbered attachment whose document is issued
        "title",  # type of document, bold capitals centred (KẾ HOẠCH)
        "summary",  # trích yếu, bold centred, short rule under the last line
        "subtitle",  # italic centred line under the summary ("Kèm theo …")
        "basis",  # căn cứ: italic, one a line
        "center",  # bold centred heading
        "to",  # a recipient after "Kính gửi:" (one a line; the layout adds "- ", ";" and ".")
        "heading",  # bold heading of a part (I., 1.)
        "subheading",  # italic heading (2.1.)
        "plain",  # paragraph without first-line indent
        "blank",  # dotted lines to fill by hand; the text is how many
        "pagebreak",
        "landscape",  # the following pages are landscape (wide annexes)
        "portrait",
        "recipients",  # a line of the "Nơi nhận" column
        "signature",  # a line of the signature block (authority, title)
        "signer",  # the signer's name under the space for the signature
        "sign-left",  # a line of a second signature at the left instead of "Nơi nhận"
        "signer-left",
        "cosign",  # the same, level with the main signature (a biên bản: Thư ký at left)
        "cosigner",
        "table",
        "chart",  # @chart path: a figure (documents/charts.ChartGrid) the renderer lays out
    }
)

BLANK_TEXT = "……………………"
BLANK_ROWS = 6


class TemplateError(Refusal, ValueError):
    """A template that cannot be read or filled; the message names the file and the line."""


class Blank:
    """Stands for every value of a blank form: prints as dots, repeats as a few empty rows."""

    def __getattr__(self, name: str) -> Blank:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> Blank:
        return self

    def __iter__(self) -> Iterator[Blank]:
        return iter([self] * BLANK_ROWS)

    def __len__(self) -> int:
        return BLANK_ROWS

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return BLANK_TEXT


BLANK = Blank()


# ----------------------------------------------------------------------------- filters


# Every figure a template puts in is worded by the one voice (desktop.text.wording), so that a
# percent, a count, a date or a verdict reads in a document as it reads on the screen.


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _percent(value: Any) -> str:
    return wording.percent(None if _empty(value) else float(value))


def _number(value: Any) -> str:
    return wording.count(None if _empty(value) else int(value))


def _short_date(value: Any) -> str:
    return wording.short_date(value) if isinstance(value, date) else str(value or "")


def _long_date(value: Any) -> str:
    return wording.long_date(value) if isinstance(value, date) else str(value or "")


def _verdict(value: Any) -> str:
    """A result (anything :class:`wording.Judged`, or a mapping of ``met``, ``target``, ``reported``, ``expected``) as its verdict."""
    if isinstance(value, Mapping):
        return wording.verdict_of(
            value.get("met"), value.get("target"), value.get("reported"), value.get("expected")
        )
    return wording.verdict(value)


FILTERS: dict[str, Callable[[Any, str], str]] = {
    "pct": lambda v, _a: _percent(v),
    "num": lambda v, _a: _number(v),
    "date": lambda v, _a: _short_date(v),
    "longdate": lambda v, _a: _long_date(v),
    "verdict": lambda v, _a: _verdict(v),
    "upper": lambda v, _a: str(v).upper(),
    "lower": lambda v, _a: str(v).lower(),
    "or": lambda v, a: str(v) if v not in (None, "") else a,
    "dots": lambda v, _a: str(v) if v not in (None, "") else BLANK_TEXT,
}


# ----------------------------------------------------------------------------- expressions

_PATH = re.compile(r"^[A-Za-z_][\w]*(\.[\w]+)*$")
_PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")


@dataclass(frozen=True)
class Expr:
    path: tuple[str, ...]
    filters: tuple[tuple[str, str], ...] = ()

    def lookup(self, scope: dict[str, Any]) -> Any:
        head, *rest = self.path
        if head not in scope:
            raise KeyError(head)
        value = scope[head]
        for part in rest:
            value = _step(value, part)
        return value

    def text(self, scope: dict[str, Any]) -> str:
        value = self.lookup(scope)
        if isinstance(value, Blank):
            return BLANK_TEXT
        for name, arg in self.filters:
            value = FILTERS[name](value, arg)
        if value is None:
            return ""
        if isinstance(value, date):
            return _short_date(value)
        return str(value)


def _step(value: Any, part: str) -> Any:
    if isinstance(value, dict):
        if part not in value:
            raise KeyError(part)
        return value[part]
    if part.isdigit() and isinstance(value, list | tuple):
        return value[int(part)]
    return getattr(value, part)


def parse_expr(source: str, where: str) -> Expr:
    pieces = [p.strip() for p in source.split("|")]
    path = pieces[0]
    if not _PATH.match(path):
        raise TemplateError(f"{where}: “{path}” không phải là tên giá trị hợp lệ.")
    filters = []
    for piece in pieces[1:]:
        name, _, arg = piece.partition(":")
        name = name.strip()
        if name not in FILTERS:
            raise TemplateError(f"{where}: không có bộ lọc “{name}”.")
        filters.append((name, arg.strip()))
    return Expr(tuple(path.split(".")), tuple(filters))


# ----------------------------------------------------------------------------- text with markup


def escape(text: str) -> str:
    """&, < and > as reportlab's markup needs them (html's escape, lighter to import than
    xml.sax.saxutils, which pulls in urllib and http)."""
    return _html_escape(text, quote=False)


def _markup(literal: str) -> str:
    """Escape the template's own words and turn **bold** / *italic* into reportlab markup."""
    text = escape(literal)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)


@dataclass(frozen=True)
class Text:
    """A line of a template: literal markup alternating with values."""

    parts: tuple[str | Expr, ...]

    def render(self, scope: dict[str, Any], where: str, *, markup: bool = True) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            try:
                value = part.text(scope)
            except (KeyError, AttributeError, IndexError, TypeError, ValueError) as error:
                raise TemplateError(
                    f"{where}: không có giá trị “{'.'.join(part.path)}” ({error})."
                ) from None
            out.append(escape(value) if markup else value)
        return "".join(out)


def parse_text(source: str, where: str, *, markup: bool = True) -> Text:
    exprs = [parse_expr(m.group(1), where) for m in _PLACEHOLDER.finditer(source)]
    # Mark the places of the values first so that **bold** may span a value, yet the value's own
    # characters are never read as markup.
    marked = _PLACEHOLDER.sub("\x00", source)
    literal = _markup(marked) if markup else marked
    parts: list[str | Expr] = []
    for index, piece in enumerate(literal.split("\x00")):
        if piece:
            parts.append(piece)
        if index < len(exprs):
            parts.append(exprs[index])
    return Text(tuple(parts))


# ----------------------------------------------------------------------------- output


@dataclass(frozen=True)
class Column:
    """A column; with ``repeat`` set it stands for one column per header of that list.

    ``| header | {{ row.x }} | width | align`` is one column; ``|* path.to.headers | {{ row.list }} |
    width | align`` makes one column per header, each showing the matching item of ``row.list``
    (an annex with one column per indicator).
    """

    header: str
    cell: Text
    weight: float
    align: str  # left | center | right
    repeat: Expr | None = None


@dataclass
class TableBlock:
    """A table to lay out: plain cell texts (no markup), computed once from the rows."""

    columns: list[Column]
    rows: list[tuple[str, ...]]


@dataclass(frozen=True)
class Line:
    """One block of the filled document: its role, its reportlab markup, and a table if it is one."""

    directive: str
    text: str = ""
    table: TableBlock | None = None
    # A figure of @chart: anything with ``flowable(width)`` (desktop.documents.charts.ChartGrid).
    figure: Any = None


# ----------------------------------------------------------------------------- parsing


@dataclass
class _TextNode:
    directive: str
    text: Text
    where: str


@dataclass
class _ForNode:
    var: str
    source: Expr
    body: list[Any]
    where: str


@dataclass
class _IfNode:
    branches: list[tuple[Expr | None, bool, list[Any]]] = field(default_factory=list)
    where: str = ""


@dataclass
class _IncludeNode:
    name: str
    where: str


@dataclass
class _TableNode:
    var: str
    source: Expr
    columns: list[Column]
    where: str


@dataclass
class _ChartNode:
    source: Expr
    where: str


_FOR = re.compile(r"^%for\s+(\w+)\s+in\s+(.+)$")
_IF = re.compile(r"^%(if|elif)\s+(not\s+)?(.+)$")
_TABLE = re.compile(r"^@table\s+(\w+)\s+in\s+(.+)$")
_CHART = re.compile(r"^@chart\s+(.+)$")
_INCLUDE = re.compile(r"^%include\s+([\w.-]+\.txt)$")
MAX_INCLUDE_DEPTH = 4  # a template including itself is refused rather than looping


@dataclass
class Template:
    name: str
    nodes: list[Any]
    folder: Path | None = None  # where ``%include`` finds the others (forms/ when None)

    def render(self, scope: dict[str, Any], _depth: int = 0) -> list[Line]:
        out: list[Line] = []
        _render_nodes(self.nodes, dict(scope), out, self.folder, _depth)
        return out


def _render_nodes(
    nodes: list[Any], scope: dict[str, Any], out: list[Line], folder: Path | None, depth: int
) -> None:
    for node in nodes:
        if isinstance(node, _IncludeNode):
            if depth >= MAX_INCLUDE_DEPTH:
                raise TemplateError(f"{node.where}: mẫu “{node.name}” lồng nhau quá nhiều lần.")
            out += load_template(node.name, folder).render(scope, depth + 1)
        elif isinstance(node, _TextNode):
            text = node.text.render(scope, node.where)
            # A value may hold several lines (an authority block, a report section): one block each.
            for piece in text.split("\n") if node.directive != "blank" else [text]:
                if piece.strip() or node.directive in {
                    "pagebreak",
                    "landscape",
                    "portrait",
                    "nodate",
                    "final",
                }:
                    out.append(Line(node.directive, piece.strip()))
        elif isinstance(node, _ForNode):
            items = _lookup(node.source, scope, node.where)
            items = list(items) if items is not None else []
            for index, item in enumerate(items, start=1):
                inner = dict(scope)
                inner[node.var] = item
                inner["loop"] = {"index": index, "first": index == 1, "last": index == len(items)}
                _render_nodes(node.body, inner, out, folder, depth)
        elif isinstance(node, _IfNode):
            for condition, negate, body in node.branches:
                if condition is None or bool(_lookup(condition, scope, node.where)) != negate:
                    _render_nodes(body, scope, out, folder, depth)
                    break
        elif isinstance(node, _TableNode):
            out.append(Line("table", table=_fill_table(node, scope)))
        elif isinstance(node, _ChartNode):
            figure = _lookup(node.source, scope, node.where)
            if figure is not None and not isinstance(figure, Blank):
                out.append(Line("chart", figure=figure))


def _lookup(expr: Expr, scope: dict[str, Any], where: str) -> Any:
    try:
        return expr.lookup(scope)
    except (KeyError, AttributeError, IndexError, TypeError) as error:
        raise TemplateError(
            f"{where}: không có giá trị “{'.'.join(expr.path)}” ({error})."
        ) from None


def _fill_table(node: _TableNode, scope: dict[str, Any]) -> TableBlock:
    items = list(_lookup(node.source, scope, node.where) or [])
    columns: list[Column] = []
    repeats: dict[int, int] = {}  # position of a repeated column → how many columns it makes
    for position, column in enumerate(node.columns):
        if column.repeat is None:
            columns.append(column)
            continue
        headers = [str(h) for h in _lookup(column.repeat, scope, node.where) or []]
        repeats[position] = len(headers)
        columns += [Column(h, column.cell, column.weight, column.align) for h in headers]
    rows = []
    inner = dict(scope)
    loop: dict[str, Any] = {"index": 0, "first": False, "last": False}
    inner["loop"] = loop
    for index, item in enumerate(items, start=1):
        inner[node.var] = item
        loop["index"] = index
        row: list[str] = []
        for position, column in enumerate(node.columns):
            if position in repeats:
                row += _repeated_cells(column.cell, inner, node.where, repeats[position])
            else:
                row.append(column.cell.render(inner, node.where, markup=False))
        rows.append(tuple(row))
    return TableBlock(columns, rows)


def _repeated_cells(cell: Text, scope: dict[str, Any], where: str, count: int) -> list[str]:
    expr = next((p for p in cell.parts if isinstance(p, Expr)), None)
    if expr is None:
        return [cell.render(scope, where, markup=False)] * count
    values = _lookup(expr, scope, where)
    if isinstance(values, Blank):
        return [BLANK_TEXT] * count
    out = []
    for value in list(values)[:count]:
        for name, arg in expr.filters:
            value = FILTERS[name](value, arg)
        out.append("" if value is None else str(value))
    return out + [""] * (count - len(out))


def parse_template(source: str, name: str) -> Template:
    """Parse the text of a template; raises :class:`TemplateError` naming the line at fault."""
    stack: list[list[Any]] = [[]]
    openers: list[Any] = []
    lines = source.splitlines()
    number = 0
    while number < len(lines):
        raw = lines[number]
        number += 1
        where = f"Mẫu “{name}”, dòng {number}"
        line = raw.strip()
        if not line or line.startswith("##"):
            continue
        include = _INCLUDE.match(line)
        if include:
            stack[-1].append(_IncludeNode(include.group(1), where))
            continue
        if line.startswith("%"):
            _parse_control(line, where, stack, openers)
            continue
        match = _TABLE.match(line)
        if match:
            columns, number = _parse_columns(lines, number, name)
            stack[-1].append(
                _TableNode(match.group(1), parse_expr(match.group(2), where), columns, where)
            )
            continue
        chart = _CHART.match(line)
        if chart:
            stack[-1].append(_ChartNode(parse_expr(chart.group(1), where), where))
            continue
        directive, text = "para", line
        if line.startswith("@"):
            word, _, rest = line[1:].partition(" ")
            if word not in DIRECTIVES or word == "table":
                raise TemplateError(f"{where}: không hiểu chỉ dẫn “@{word}”.")
            directive, text = word, rest.strip()
        stack[-1].append(_TextNode(directive, parse_text(text, where), where))
    if openers:
        raise TemplateError(f"Mẫu “{name}”: thiếu “%end” cho {openers[-1].where.split(', ')[-1]}.")
    return Template(name, stack[0])


def _parse_control(line: str, where: str, stack: list[list[Any]], openers: list[Any]) -> None:
    if line == "%end":
        if not openers:
            raise TemplateError(f"{where}: “%end” không có “%for” hoặc “%if” đi trước.")
        openers.pop()
        stack.pop()
        return
    if line == "%else":
        if not openers or not isinstance(openers[-1], _IfNode):
            raise TemplateError(f"{where}: “%else” không nằm trong “%if”.")
        stack.pop()
        body: list[Any] = []
        openers[-1].branches.append((None, False, body))
        stack.append(body)
        return
    match = _FOR.match(line)
    if match:
        node = _ForNode(match.group(1), parse_expr(match.group(2), where), [], where)
        stack[-1].append(node)
        openers.append(node)
        stack.append(node.body)
        return
    match = _IF.match(line)
    if match:
        keyword, negate, expr = match.groups()
        condition = parse_expr(expr, where)
        body = []
        if keyword == "if":
            if_node = _IfNode(where=where)
            stack[-1].append(if_node)
            openers.append(if_node)
        else:
            if not openers or not isinstance(openers[-1], _IfNode):
                raise TemplateError(f"{where}: “%elif” không nằm trong “%if”.")
            stack.pop()
            if_node = openers[-1]
        if_node.branches.append((condition, bool(negate), body))
        stack.append(body)
        return
    raise TemplateError(f"{where}: không hiểu lệnh “{line}”.")


def _parse_columns(lines: list[str], number: int, name: str) -> tuple[list[Column], int]:
    columns: list[Column] = []
    while number < len(lines):
        line = lines[number].strip()
        number += 1
        where = f"Mẫu “{name}”, dòng {number}"
        if not line or line.startswith("##"):
            continue
        if line == "@endtable":
            if not columns:
                raise TemplateError(f"{where}: bảng không có cột nào.")
            return columns, number
        repeat = line.startswith("|*")
        cells = _split_cells(line[2:] if repeat else line)
        if not line.startswith("|") or len(cells) != 4:
            raise TemplateError(
                f"{where}: cột của bảng phải có dạng “| tiêu đề | giá trị | độ rộng | căn lề”."
            )
        header, cell, weight, align = cells
        if align not in {"left", "center", "right"}:
            raise TemplateError(f"{where}: căn lề phải là left, center hoặc right.")
        try:
            width = float(weight)
        except ValueError:
            raise TemplateError(f"{where}: độ rộng cột “{weight}” phải là một số.") from None
        repeat_expr = parse_expr(header, where) if repeat else None
        columns.append(
            Column(header, parse_text(cell, where, markup=False), width, align, repeat_expr)
        )
    raise TemplateError(f"Mẫu “{name}”: bảng thiếu “@endtable”.")


def _split_cells(line: str) -> list[str]:
    """Split a column line on "|" except inside "{{ … }}" (where "|" starts a filter)."""
    cells: list[str] = []
    current: list[str] = []
    depth, i = 0, 0
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    while i < len(body):
        if body.startswith("{{", i):
            depth += 1
        elif body.startswith("}}", i):
            depth -= 1
        if body[i] == "|" and depth == 0:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(body[i])
        i += 1
    cells.append("".join(current).strip())
    if len(cells) > 1 and not cells[-1]:  # a closing "|" at the end of the line
        cells.pop()
    return cells


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime: float, folder: str | None) -> Template:
    template = parse_template(Path(path).read_text(encoding="utf-8"), Path(path).name)
    template.folder = Path(folder) if folder is not None else None
    return template


def load_template(name: str, folder: Path | None = None) -> Template:
    """The template ``forms/<name>``; re-read when the file changes on disk."""
    path = (folder or forms_path()) / name
    if not path.is_file():
        raise TemplateError(f"Không tìm thấy mẫu văn bản “{name}” trong thư mục forms/.")
    where = None if folder is None else str(folder)
    return _load_cached(str(path), path.stat().st_mtime, where)

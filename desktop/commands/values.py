"""``values set|denominators|export|forms|import|lock|unlock|corrections`` and ``results``: the
quarterly figures from the command line, through the same door, operations and lookups as the
window, so that every rule of the plan can be exercised without it.

``results`` says what the window says: the figure, the year's target with its comparison and
whether it is carried over ("duy trì"), the verdict — given only on complete data, else "Chưa đủ số
liệu (k/n đơn vị)" —, the coverage, as of which quarters a year's figure is, and the units that have
not reported.

The domain and openpyxl are imported when a command runs, not when the parser is built, so that
``--help`` and the other commands start without them.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.text import wording
from desktop.text.wording import count, percent, verdict

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.indicators.results import IndicatorResult
    from desktop.indicators.rules import Pair
    from desktop.models.ids import IndicatorId, UnitId

# Exit codes: a wrong argument or file; a rule of the plan said no; the disk or data file failed.
BAD_INPUT, REFUSED, DISK = 2, 1, 3
# The text table names this many missing units per indicator; --json always lists them all.
MISSING_SHOWN = 100


def _period(parser: argparse.ArgumentParser, quarter_required: bool = True) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm, ví dụ 2025")
    parser.add_argument(
        "--quarter", type=int, required=quarter_required, choices=range(1, 5), help="quý 1–4"
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    values = subparsers.add_parser(
        "values",
        help="số liệu quý: nhập một ô, điền mẫu số, xuất, biểu mẫu thu thập, nhập tệp, chốt",
    )
    commands = values.add_subparsers(dest="values_command", metavar="VIỆC", required=True)

    one = commands.add_parser(
        "set",
        help="nhập hoặc xóa số liệu một ô (một đơn vị, một chỉ tiêu)",
        description=(
            "Nhập tử số và mẫu số (hoặc --yes/--no cho chỉ tiêu có/chưa) của một đơn vị cho một "
            "chỉ tiêu trong một quý. Chỉ ghi tử số thì mẫu số giữ như đã lưu; chưa có thì dùng "
            "mẫu số đề xuất (sổ đơn vị, không có thì quý trước)."
        ),
    )
    _period(one)
    one.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị, ví dụ TDP01")
    one.add_argument(
        "--indicator", required=True, metavar="MÃ_CHỈ_TIÊU", help="mã chỉ tiêu, ví dụ DANSO"
    )
    one.add_argument("--numerator", metavar="TỬ_SỐ", help="tử số (số nguyên ≥ 0)")
    one.add_argument("--denominator", metavar="MẪU_SỐ", help="mẫu số (số nguyên > 0)")
    answer = one.add_mutually_exclusive_group()
    answer.add_argument(
        "--yes", action="store_true", help="chỉ tiêu có/chưa: đơn vị “có” (lưu 1/1)"
    )
    answer.add_argument(
        "--no", action="store_true", help="chỉ tiêu có/chưa: đơn vị “chưa” (lưu 0/1)"
    )
    answer.add_argument("--clear", action="store_true", help="xóa số liệu của ô")
    one.add_argument("--note", metavar="LÝ_DO", help="ghi chú lý do (cần khi số liệu có cảnh báo)")
    one.set_defaults(run=run_set)

    fill = commands.add_parser(
        "denominators",
        help="điền mẫu số theo sổ đơn vị (không có thì theo quý trước) vào các ô còn trống",
    )
    _period(fill)
    fill.add_argument(
        "--unit", action="append", default=[], help="mã đơn vị (lặp lại được; bỏ trống: tất cả)"
    )
    fill.add_argument(
        "--replace",
        action="store_true",
        help="thay cả mẫu số đã nhập mà khác số đề xuất (sau khi sửa sổ đơn vị)",
    )
    fill.set_defaults(run=run_denominators)

    export = commands.add_parser("export", help="xuất bảng số liệu và kết quả của quý ra Excel")
    _period(export)
    export.add_argument("--out", type=Path, required=True, help="tệp .xlsx sẽ ghi")
    export.set_defaults(run=run_export)

    forms = commands.add_parser(
        "forms", help="tạo biểu mẫu thu thập cho từng đơn vị (mỗi đơn vị một tệp)"
    )
    _period(forms)
    forms.add_argument("--out", type=Path, required=True, help="thư mục sẽ ghi các biểu mẫu")
    forms.add_argument(
        "--unit", action="append", default=[], help="mã đơn vị (lặp lại được; bỏ trống: tất cả)"
    )
    forms.set_defaults(run=run_forms)

    read = commands.add_parser(
        "import",
        help="nhập các biểu mẫu đã điền (mỗi tệp: nhập hết hoặc không nhập)",
        description=(
            "Nhập các biểu mẫu thu thập đã điền. Mỗi tệp được nhập hết hoặc không nhập; tệp có "
            "lỗi không giữ các tệp khác lại. Ô để trống không xóa số đã lưu, trừ khi chọn "
            "--clear-blank; ô chứa công thức bị từ chối."
        ),
    )
    _period(read)
    read.add_argument("files", nargs="+", type=Path, help="các tệp .xlsx đã điền")
    read.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và báo cáo, không lưu")
    read.add_argument(
        "--clear-blank",
        action="store_true",
        help="xóa các ô để trống: ô trống trên biểu mẫu xóa số đã lưu (mặc định: giữ nguyên)",
    )
    read.set_defaults(run=run_import)

    lock = commands.add_parser("lock", help="chốt số liệu quý")
    _period(lock)
    lock.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="vẫn chốt khi còn đơn vị chưa báo cáo (kết quả của quý sẽ thiếu số liệu của họ)",
    )
    lock.set_defaults(run=run_lock)

    unlock = commands.add_parser("unlock", help="mở chốt số liệu quý (phải có lý do)")
    _period(unlock)
    unlock.add_argument("--reason", required=True, help="lý do mở chốt")
    unlock.set_defaults(run=run_unlock)

    fixes = commands.add_parser(
        "corrections", help="phiếu đính chính: các thay đổi sau khi mở chốt"
    )
    _period(fixes)
    fixes.add_argument("--out", type=Path, required=True, help="tệp .xlsx sẽ ghi")
    fixes.set_defaults(run=run_corrections)

    results = subparsers.add_parser(
        "results", help="kết quả toàn phường theo chỉ tiêu, kèm đơn vị chưa báo cáo"
    )
    _period(results, quarter_required=False)
    results.add_argument("--json", action="store_true", help="in dạng JSON")
    results.add_argument(
        "--excel",
        type=Path,
        metavar="TỆP.xlsx",
        help="ghi thêm kết quả ra tệp Excel (kèm theo loại đơn vị, đơn vị chưa đạt, chưa báo cáo)",
    )
    results.set_defaults(run=run_results)


def _refused(error: Refusal, code: int) -> int:
    print(error.text())
    return code


def _exit_of(error: Refusal) -> int:
    """What was given (a year outside the plan, an unknown code, a wrong number) is 2; a rule
    of the plan saying no to a right request (a locked quarter, 30/40 on a yes/no) is 1."""
    from desktop.indicators.scope import OutsidePlan
    from desktop.indicators.targets import UnknownIndicator
    from desktop.register.rules import RegisterError

    given_wrong = OutsidePlan | RegisterError | UnknownIndicator | BadValue
    return BAD_INPUT if isinstance(error, given_wrong) else REFUSED


class BadValue(Refusal):
    """A number on the command line that is not a count, or options that do not go together."""


@dataclass(frozen=True)
class OneCell:
    """The cell ``values set`` is about, as stored, with the Mẫu số the grid would propose."""

    unit_id: UnitId
    unit_code: str
    unit_name: str
    indicator_id: IndicatorId
    indicator_code: str
    yes_no: bool
    stored: Pair
    proposed: int | None
    proposed_from: str  # where the proposal comes from, as the clerk reads it


def find_cell(session: Session, year: int, quarter: int, unit: str, indicator: str) -> OneCell:
    """The unit and indicator named by their codes (the lookups of every command), the stored
    pair and the proposed Mẫu số of that cell (:meth:`QuarterGrid.proposed_denominator`)."""
    from desktop.indicators.rules import EMPTY
    from desktop.indicators.targets import find_indicator
    from desktop.indicators.values import load_grid, previous_denominators_of, stored_pairs
    from desktop.models import ValueKind
    from desktop.models.ids import IndicatorId, UnitId, saved_id
    from desktop.models.periods import period_code, previous_period, quarter_text
    from desktop.register.lookup import unit_by_code

    grid = load_grid(session, year, quarter, with_values=False)  # refuses a year outside the plan
    found_unit = unit_by_code(session, unit)
    found_indicator = find_indicator(session, indicator)
    key = (UnitId(saved_id(found_unit.id)), IndicatorId(saved_id(found_indicator.id)))
    grid.previous = previous_denominators_of(session, year, quarter, [key[0]])
    grid_unit = next((u for u in grid.units if u.id == key[0]), None)
    grid_indicator = next((i for i in grid.indicators if i.id == key[1]), None)
    proposed, source = None, ""
    if grid_unit is not None and grid_indicator is not None:
        proposed = grid.proposed_denominator(grid_unit, grid_indicator)
        if grid_unit.counts.of(grid_indicator.population):
            source = "theo sổ đơn vị"
        else:
            source = "theo mẫu số " + quarter_text(period_code(*previous_period(year, quarter)))
    return OneCell(
        unit_id=key[0],
        unit_code=found_unit.code,
        unit_name=found_unit.name,
        indicator_id=key[1],
        indicator_code=found_indicator.code,
        yes_no=ValueKind(found_indicator.value_kind) is ValueKind.YES_NO,
        stored=stored_pairs(session, year, quarter, [key]).get(key, EMPTY),
        proposed=proposed,
        proposed_from=source,
    )


def _wanted_pair(args: argparse.Namespace, cell: OneCell) -> tuple[Pair, str]:
    """The pair to save and, when the Mẫu số was proposed rather than typed, the sentence that
    says so."""
    from desktop.indicators.rules import EMPTY, NO, YES, Pair, ValueRefused, parse_count

    if args.clear:
        return EMPTY, ""
    if args.yes or args.no:
        if not cell.yes_no:
            raise BadValue(
                f"Chỉ tiêu {cell.indicator_code} là tỷ lệ: hãy ghi --numerator và --denominator "
                "(--yes/--no chỉ dùng cho chỉ tiêu có/chưa)."
            )
        return (YES if args.yes else NO), ""
    try:
        numerator = parse_count(args.numerator, "Tử số")
        denominator = parse_count(args.denominator, "Mẫu số")
    except ValueRefused as error:
        raise BadValue(error.message) from None
    if numerator is None:
        return Pair(cell.stored.numerator, denominator), ""
    if denominator is not None:
        return Pair(numerator, denominator), ""
    if cell.stored.denominator is not None:
        return Pair(numerator, cell.stored.denominator), ""
    if cell.yes_no:
        return Pair(numerator, 1), ""  # one school, one tick: nothing to propose
    if cell.proposed is None:
        return Pair(
            numerator, None
        ), "Chưa có mẫu số để đề xuất: ô chỉ có tử số cho đến khi nhập mẫu số."
    return (
        Pair(numerator, cell.proposed),
        f"Chưa có mẫu số: dùng mẫu số đề xuất {count(cell.proposed)} ({cell.proposed_from}).",
    )


def _pair_words(pair: Pair, yes_no: bool) -> str:
    if pair.empty:
        return "(trống)"
    if yes_no and pair.denominator == 1 and pair.numerator in (0, 1):
        return "Có" if pair.numerator == 1 else "Chưa"
    shown = f"{count(pair.numerator, '')}/{count(pair.denominator, '')}"
    return shown + (f" ({percent(pair.percent)})" if pair.percent is not None else "")


def run_set(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import NoteNeeded, save_cells
    from desktop.indicators.values import ValueChange
    from desktop.models.periods import period_code, quarter_text

    given = args.numerator is not None or args.denominator is not None
    if not given and not (args.yes or args.no or args.clear):
        print("Hãy ghi --numerator/--denominator, --yes/--no (chỉ tiêu có/chưa) hoặc --clear.")
        return BAD_INPUT
    if given and (args.yes or args.no or args.clear):
        print("--numerator/--denominator không dùng cùng --yes, --no hay --clear.")
        return BAD_INPUT
    period = quarter_text(period_code(args.year, args.quarter))
    try:
        cell = ctx.door.read(
            lambda s: find_cell(s, args.year, args.quarter, args.unit, args.indicator)
        )
        pair, proposed = _wanted_pair(args, cell)
        who = f"{cell.unit_code} ({cell.unit_name}), {cell.indicator_code}"
        label = (
            f"{'xóa' if pair.empty else 'nhập'} số liệu {cell.unit_code} — {cell.indicator_code}"
        )
        change = ValueChange(cell.unit_id, cell.indicator_id, pair, args.note)
        ctx.door.run(save_cells(args.year, args.quarter, [change], label, note=args.note))
    except NoteNeeded as error:
        print(error.text())
        print('Chạy lại lệnh với --note "lý do" để lưu kèm ghi chú.')
        return REFUSED
    except Refusal as error:
        return _refused(error, _exit_of(error))
    if proposed:
        print(proposed)
    if pair.empty:
        print(f"Đã xóa số liệu {period} của {who}.")
    else:
        print(f"Đã lưu số liệu {period} của {who}: {_pair_words(pair, cell.yes_no)}.")
    return 0


def run_denominators(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import fill_denominators
    from desktop.models.periods import period_code, quarter_text
    from desktop.register.lookup import unit_ids_by_code

    period = quarter_text(period_code(args.year, args.quarter))
    try:
        unit_ids = ctx.door.read(lambda s: unit_ids_by_code(s, args.unit)) if args.unit else None
        saved = ctx.door.run(
            fill_denominators(
                args.year, args.quarter, "điền mẫu số", unit_ids, replace=args.replace
            )
        )
    except Refusal as error:
        return _refused(error, _exit_of(error))
    if not saved.count:
        print(f"Không có ô nào cần điền mẫu số trong {period}.")
        return 0
    print(
        f"Đã điền mẫu số cho {count(saved.count)} ô của {period} (theo sổ đơn vị; đơn vị chưa có "
        "số trong sổ thì theo mẫu số quý trước)."
    )
    return 0


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.values_io import export_quarter

    try:
        ctx.door.read(lambda s: export_quarter(s, args.year, args.quarter, args.out))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    print(f"Đã xuất số liệu quý {args.quarter}/{args.year}: {args.out}")
    return 0


def run_forms(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.values_forms import write_forms
    from desktop.register.lookup import unit_ids_by_code

    try:
        unit_ids = ctx.door.read(lambda s: unit_ids_by_code(s, args.unit)) if args.unit else None
        paths = ctx.door.read(lambda s: write_forms(s, args.year, args.quarter, args.out, unit_ids))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    print(f"Đã tạo {count(len(paths))} biểu mẫu quý {args.quarter}/{args.year} trong {args.out}")
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.values_import import describe, read_returned
    from desktop.indicators.returned import ImportInterrupted, save_returned

    try:
        results = ctx.door.read(
            lambda s: read_returned(
                s, args.files, args.year, args.quarter, clear_blank=args.clear_blank
            )
        )
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    try:
        saved = 0 if args.dry_run else save_returned(ctx.door, results, args.year, args.quarter)
    except ImportInterrupted as error:
        print(describe(results))
        print(error.text(), file=sys.stderr)
        return DISK
    print(describe(results))
    if not args.clear_blank and any(r.ok and r.kept_blank for r in results):
        # The summary speaks of the window's check box; here the choice is a flag.
        print("Muốn xóa số đã lưu ở các ô để trống, chạy lại lệnh với --clear-blank.")
    accepted = [r for r in results if r.ok]
    if not args.dry_run:
        if accepted and not any(r.changes for r in accepted):
            print("Không có gì thay đổi: số liệu trên các biểu mẫu giống số liệu đã lưu.")
        else:
            files = sum(r.saved for r in results)
            print(f"Đã lưu {count(saved)} ô số liệu từ {count(files)}/{count(len(results))} tệp.")
        refused = [r.path.name for r in results if not r.ok]
        if refused:
            print(f"Không nhập {count(len(refused))} tệp: {', '.join(refused)}.")
    return 0 if all(r.ok for r in results) else REFUSED


def run_lock(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import LockIncomplete, lock_quarter
    from desktop.models.periods import today

    try:
        ctx.door.run(
            lock_quarter(
                args.year, args.quarter, today=today(), allow_incomplete=args.allow_incomplete
            )
        )
    except LockIncomplete as error:
        print(error.text())
        print("Dùng --allow-incomplete nếu vẫn muốn chốt khi còn đơn vị chưa báo cáo.")
        return REFUSED
    except Refusal as error:
        return _refused(error, _exit_of(error))
    print(f"Đã chốt số liệu quý {args.quarter}/{args.year}.")
    return 0


def run_unlock(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import unlock_quarter

    try:
        ctx.door.run(unlock_quarter(args.year, args.quarter, args.reason))
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(
        f"Đã mở chốt số liệu quý {args.quarter}/{args.year}; mọi thay đổi sẽ được ghi để đính chính."
    )
    return 0


def run_corrections(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.values_io import export_corrections

    try:
        written = ctx.door.read(lambda s: export_corrections(s, args.year, args.quarter, args.out))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    if not written:
        print(f"Quý {args.quarter}/{args.year} chưa có đính chính nào sau khi mở chốt.")
        return REFUSED
    print(f"Đã ghi phiếu đính chính ({count(written)} thay đổi): {args.out}")
    return 0


def run_results(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.results import ward_results

    try:
        rows = ctx.door.read(lambda s: ward_results(s, args.year, args.quarter))
        if args.excel is not None:
            from desktop.excel.values_io import export_results

            ctx.door.read(lambda s: export_results(s, args.year, args.quarter, args.excel))
    except Refusal as error:
        return _refused(error, BAD_INPUT)
    if args.json:
        print(json.dumps([_as_dict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    print("\n".join(results_text(rows, args.year, args.quarter)))
    if args.excel is not None:
        print(f"\nĐã ghi kết quả ra {args.excel}")
    return 0


def target_words(r: IndicatorResult) -> str:
    """The year's target in the one voice: "trên 80%", "100% (duy trì từ 2026)", "—"."""
    return wording.target(r.target, r.comparison.value, r.carried_from)


def as_of_words(as_of: tuple[tuple[int, int], ...]) -> str:
    """ "quý 4: 20 đv; quý 3: 3 đv": as of which quarters the parts of a year's figure are."""
    return "; ".join(f"quý {quarter}: {count(units)} đv" for quarter, units in as_of)


def results_text(rows: list[IndicatorResult], year: int, quarter: int | None) -> list[str]:
    """The results as the clerk reads them in a terminal: the table, then who has not reported."""
    period = (
        f"quý {quarter}/{year}" if quarter else f"năm {year} (mỗi đơn vị: quý báo cáo gần nhất)"
    )
    lines = [f"Kết quả toàn phường — {period}"]
    # The target and verdict columns are as wide as their longest entry ("từ 80% trở lên (duy trì
    # từ 2026)", "Chưa đủ số liệu (21/23 đơn vị)").
    tw = max([len("Chỉ tiêu"), *(len(target_words(r)) for r in rows)])
    vw = max([len("Kết luận"), *(len(verdict(r)) for r in rows)])
    header = (
        f"{'Mã':<10} {'Quý':>3} {'Tử số':>10} {'Mẫu số':>10} {'Tỷ lệ':>7}  {'Chỉ tiêu':<{tw}} "
        f"{'Kết luận':<{vw}} {'Báo cáo':>9}"
    )
    if quarter is None:
        header += "  Số liệu tính đến"
    lines += [header, "-" * len(header)]
    for r in rows:
        reported = f"{count(r.reported_units)}/{count(r.expected_units)}"
        line = (
            f"{r.code:<10} {r.quarter or '':>3} {count(r.numerator):>10} "
            f"{count(r.denominator):>10} {percent(r.percent):>7}  "
            f"{target_words(r):<{tw}} "
            f"{verdict(r):<{vw}} {reported:>9}"
        )
        if quarter is None:
            line += "  " + as_of_words(r.as_of)
        lines.append(line.rstrip())
    if any(r.carried_over for r in rows):
        lines += [
            "",
            "(duy trì): Kế hoạch không đặt chỉ tiêu cho năm này; đang dùng chỉ tiêu năm cuối của "
            "Kế hoạch. Sửa bằng lệnh: targets set.",
        ]
    missing = [r for r in rows if r.missing_units]
    if missing:
        lines += ["", "Đơn vị chưa báo cáo"]
    for r in missing:
        lines.append(
            f"{r.code}: {count(len(r.missing_units))}/{count(r.expected_units)} đơn vị chưa báo cáo"
        )
        lines += [f"    {u.code:<12} {u.name}" for u in r.missing_units[:MISSING_SHOWN]]
        if len(r.missing_units) > MISSING_SHOWN:
            rest = len(r.missing_units) - MISSING_SHOWN
            lines.append(f"    … và {count(rest)} đơn vị khác (đủ danh sách: --json).")
    return lines


def _as_dict(r: IndicatorResult) -> dict[str, object]:
    return {
        "indicator_id": r.indicator_id,
        "code": r.code,
        "name": r.name,
        "year": r.year,
        "quarter": r.quarter,
        "numerator": r.numerator,
        "denominator": r.denominator,
        "percent": None if r.percent is None else round(r.percent, 4),
        "target": r.target,
        "met": r.met,
        "verdict": verdict(r),
        "gap": None if r.gap is None else round(r.gap, 4),
        "reported_units": r.reported_units,
        "expected_units": r.expected_units,
        "complete": r.complete,
        "missing_units": [u.code for u in r.missing_units],
        "comparison": r.comparison.value,
        "carried_over": r.carried_over,
        "as_of": [{"quarter": q, "units": units} for q, units in r.as_of],
    }

"""Cài đặt → Số liệu và kết luận, as the clerk uses it: the completeness threshold the verdicts follow,
the denominator tolerance and the years of the plan, refused as usual when they break a rule."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QSpinBox

from desktop.context import AppContext
from desktop.settings import load_settings
from desktop.storage import Database
from desktop.ui.indicators.results_tab import RESULTS_COLUMNS, ResultsTab
from desktop.ui.settings.dialog import SettingsDialog
from desktop.ui.settings.labels import RESULTS_TAB
from desktop.ui.settings.page import SettingsPage
from tests.ui.indicators.test_results_tab import SCHOOLS, YES, add_schools, choose, report

pytestmark = pytest.mark.gui


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the warning dialogs would have told the clerk."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append(f"{title}: {text}")
    )
    return shown


@pytest.fixture
def dialog(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, db: Database
) -> Iterator[SettingsDialog]:
    widget = SettingsDialog(ctx, None, tab=RESULTS_TAB)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def spin(dialog: SettingsDialog, name: str) -> QSpinBox:
    box = dialog.findChild(QSpinBox, name)
    assert box is not None and box.isVisible(), f"{name} is on the tab the dialog opened on"
    return box


def save(dialog: SettingsDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_the_results_tab_of_the_settings_holds_the_new_rules_with_their_defaults(
    dialog: SettingsDialog,
) -> None:
    """Issue 12, 1, 5 and 8: the threshold (100 % unless the clerk changes it), the tolerance of
    Mẫu số against the register (10 %) and the plan's years (2025–2030) are set in Cài đặt."""
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == RESULTS_TAB
    assert spin(dialog, "complete_threshold_percent").text() == "100%"
    assert spin(dialog, "denominator_tolerance_percent").text() == "10%"
    assert (spin(dialog, "plan_first_year").value(), spin(dialog, "plan_last_year").value()) == (
        2025,
        2030,
    )


@pytest.mark.parametrize(("first", "last"), [(2031, 2030), (1999, 2030), (2025, 2101)])
def test_plan_years_outside_the_range_are_refused_and_the_dialog_stays_open(
    dialog: SettingsDialog, ctx: AppContext, refusals: list[str], first: int, last: int
) -> None:
    """Issue 12, 8: the plan's years are settable within 2000–2100, the first not after the last;
    otherwise the settings are refused with the rule's message, nothing is saved, and the clerk
    can correct the dialog."""
    spin(dialog, "plan_first_year").setValue(first)
    spin(dialog, "plan_last_year").setValue(last)
    save(dialog)
    assert len(refusals) == 1
    assert "Năm đầu và năm cuối của Kế hoạch phải từ 2000 đến 2100" in refusals[0]
    assert refusals[0].startswith("Thông tin chưa hợp lệ")
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    stored = ctx.door.read(load_settings)
    assert (stored.plan_first_year, stored.plan_last_year) == (2025, 2030)


def test_a_threshold_of_zero_is_refused(
    dialog: SettingsDialog, ctx: AppContext, refusals: list[str]
) -> None:
    """Issue 12, 1: the threshold is a share of the units expected, from 1 to 100 %: 0 would judge
    a target on no data at all."""
    spin(dialog, "complete_threshold_percent").setValue(0)
    save(dialog)
    assert refusals and "Tỷ lệ đơn vị đã báo cáo để kết luận phải từ 1 đến 100%" in refusals[0]
    assert ctx.door.read(load_settings).complete_threshold_percent == 100


def test_a_threshold_of_80_percent_turns_eight_of_nine_schools_into_a_verdict(
    qtbot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12, 1: "all expected units, or a threshold the clerk sets in Cài đặt". With 8 of 9
    schools reporting TRUONGKNS in 2026 Q3 the verdict waits ("Chưa đủ số liệu (8/9 đơn vị)")
    under the default 100 %; once the clerk sets 80 %, the tab that is open concludes "Đạt"
    (8 schools "có" of 9 expected: 88,9 %, at least 80 %)."""
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-15")
    schools = add_schools(db)
    report(ctx, 2026, 3, "TRUONGKNS", {schools[code]: YES for code, _n, _k in SCHOOLS[:8]})
    tab = ResultsTab(ctx)
    qtbot.addWidget(tab)
    stop = ctx.door.listen(tab.on_change)
    tab.show()
    verdict = RESULTS_COLUMNS.index("Kết luận")
    row = choose(tab, 2026, 3, "TRUONGKNS")
    assert tab.results_model.index(row, verdict).data() == "Chưa đủ số liệu (8/9 đơn vị)"
    dialog = SettingsDialog(ctx, tab, tab=RESULTS_TAB)
    qtbot.addWidget(dialog)
    dialog.show()
    spin(dialog, "complete_threshold_percent").setValue(80)
    save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    row = choose(tab, 2026, 3, "TRUONGKNS")
    assert tab.results_model.index(row, verdict).data() == "Đạt"
    assert tab.missing_model.rowCount() == 1  # still named: the ninth school has not reported
    stop()


def test_the_settings_page_prints_the_rules_as_sentences(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, db: Database
) -> None:
    """What the clerk reads on the Cài đặt page matches the dialog's sentences, and follows a save."""
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    stop = ctx.door.listen(page.on_change)
    text = page.summary.text()
    assert "Kết luận khi số đơn vị đã báo cáo đạt</td><td><b>100% số phải báo cáo</b>" in text
    assert "Mẫu số lệch khỏi sổ đơn vị quá</td><td><b>10% cần ghi chú</b>" in text
    assert "Các năm của Kế hoạch</td><td><b>2025–2030</b>" in text
    dialog = SettingsDialog(ctx, page, tab=RESULTS_TAB)
    qtbot.addWidget(dialog)
    dialog.show()
    spin(dialog, "plan_last_year").setValue(2031)
    save(dialog)
    assert "2025–2031" in page.summary.text()
    stop()


def test_the_settings_page_opens_the_dialog_on_the_rules_of_the_results(
    qtbot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The clerk who wants to change how results are judged lands on that tab at once."""
    opened: list[str] = []

    def exec_(self: SettingsDialog) -> int:
        opened.append(self.tabs.tabText(self.tabs.currentIndex()))
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.findChild(QPushButton, "edit_result_settings").click()
    assert opened == [RESULTS_TAB]


def test_the_awards_tab_holds_the_signers_the_base_salary_and_the_blank_offsets(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, db: Database
) -> None:
    """Issue 13, 3 and 4: who signs the Quyết định and the Giấy khen, the mức lương cơ sở the
    bonuses are counted on, and the printer's offsets on pre-printed blanks are set in Cài đặt."""
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui.settings.labels import AWARDS_TAB

    widget = SettingsDialog(ctx, None, tab=AWARDS_TAB)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.tabs.tabText(widget.tabs.currentIndex()) == AWARDS_TAB
    assert spin(widget, "base_salary").text() == "2340000 đồng"
    widget.findChild(QLineEdit, "chairman_name").setText("Nguyễn Văn Hùng")
    spin(widget, "certificate_offset_x_mm").setValue(-3)
    spin(widget, "certificate_offset_y_mm").setValue(4)
    save(widget)
    stored = ctx.door.read(load_settings)
    assert (stored.chairman_name, stored.certificate_offset_x_mm) == ("Nguyễn Văn Hùng", -3)
    assert stored.certificate_offset_y_mm == 4

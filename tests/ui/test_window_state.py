"""Issue 17, 4: the window opens where the clerk left off — the page, its tab, the quarter on Chỉ
tiêu & số liệu, the kind on Văn bản — kept in window.ini of the data folder; anything saved that
no longer makes sense falls back to the defaults without a word."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.ui.pages import PAGES


def _reopen(qtbot, ctx):  # type: ignore[no-untyped-def]
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: window.navigation.currentRow() >= 0, timeout=10_000)
    return window


def _shown(window) -> str:  # type: ignore[no-untyped-def]
    return PAGES[window.navigation.currentRow()].key


def test_the_last_page_and_its_tab_come_back_after_a_restart(main_window, qtbot, ctx) -> None:
    from desktop.ui.council.register_tab import RegisterTab

    page = main_window.show_page("council")
    page.tabs.setCurrentWidget(page.register)
    main_window.show_page("dossiers").tabs.setCurrentIndex(2)  # opened, then left for the council
    main_window.show_page("council")
    main_window.close()
    again = _reopen(qtbot, ctx)
    assert _shown(again) == "council"
    assert again.stack.currentWidget().objectName() == "page_council"
    assert isinstance(again.page("council").tabs.currentWidget(), RegisterTab)
    # A page not shown at the close keeps its tab too, once opened.
    assert again.page("dossiers").tabs.currentIndex() == 2


def test_the_quarter_and_the_kind_of_document_are_kept(main_window, qtbot, ctx) -> None:
    indicators = main_window.show_page("indicators")
    assert indicators.entry.period == (2026, 3)  # 1/12/2026: quý 3 is being collected
    indicators.entry.show_quarter(2026, 1)
    documents = main_window.show_page("documents")
    documents.kind.setCurrentIndex(documents.kind.findData("decision"))
    main_window.close()
    again = _reopen(qtbot, ctx)
    assert _shown(again) == "documents"
    assert again.page("documents").kind.currentData() == "decision"
    assert again.page("indicators").entry.period == (2026, 1)


def test_a_quarter_kept_gives_way_once_another_is_being_collected(
    main_window, qtbot, ctx, monkeypatch
) -> None:
    main_window.show_page("indicators").entry.show_quarter(2026, 1)
    main_window.close()
    monkeypatch.setenv("THIDUA_TODAY", "2027-01-05")  # quý 4/2026 is now the one to collect
    again = _reopen(qtbot, ctx)
    assert again.show_page("indicators").entry.period == (2026, 4)


def test_what_cannot_be_used_of_window_ini_is_passed_over(main_window, qtbot, ctx) -> None:
    main_window.close()
    settings = QSettings(str(ctx.folder.window_settings), QSettings.Format.IniFormat)
    settings.setValue("main/page", "nowhere")
    settings.setValue("page_council/tab", "GoneTab")
    settings.setValue("page_documents/kind", "nonsense")
    settings.setValue("page_indicators/quarter", "2026-9")
    settings.setValue("page_indicators/collecting", "2026-3")
    settings.sync()
    again = _reopen(qtbot, ctx)
    assert again.navigation.currentRow() == 0  # the first page, as on a first start
    assert again.show_page("council").tabs.currentIndex() == 0
    assert again.show_page("documents").kind.currentData() == "yearly"  # in its season
    assert again.show_page("indicators").entry.period == (2026, 3)
    settings.setValue("main/page", "documents")
    settings.setValue("page_indicators/quarter", "2099-1")  # a year the plan does not have
    settings.sync()
    third = _reopen(qtbot, ctx)
    assert _shown(third) == "documents"
    assert third.show_page("indicators").entry.period == (2026, 3)

"""More Like This in the app (article menu, library list menu, highlight card menu, the dock), saved searches
as smart collections in the collections panel, and the search box's history drop-down."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui.library.collections_panel import SAVED_SEARCH, CountRole, KindRole, NameRole
from reader.gui.main_window import MainWindow
from tests.core.search.test_related import OIL_1, OIL_2, add_topics
from tests.core.search.test_search import add_article
from tests.gui.library.helpers import select_articles, settle, shown_titles

WAIT_MS = 10000


@pytest.fixture
def topics(library: Library) -> dict[str, int]:
    names = ("oil_1", "oil_2", "football_1", "football_2", "mixed")
    return add_topics(library, names, author="كاتب {name}")


@pytest.fixture
def win(qtbot: QtBot, library: Library, topics, settings) -> MainWindow:
    window = MainWindow(library, settings, "en")
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.index_service.ready, timeout=WAIT_MS)
    yield window
    window.close()


def action_named(menu: QMenu, text: str):
    found = [a for a in menu.actions() if a.text() == text]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def wait_related(qtbot: QtBot, window: MainWindow, trigger) -> list[int]:
    with qtbot.waitSignal(window.related.results_shown, timeout=WAIT_MS):
        trigger()
    panel = window.related.panel
    return [panel.model.row_at(i).article_id for i in range(panel.model.rowCount())]


def test_more_like_this_from_the_article_menu_opens_the_related_article(
    qtbot: QtBot, win: MainWindow, topics
) -> None:
    assert win.related.dock.isHidden()  # docked at its first use
    assert win.open_article(topics["oil_1"])
    menu = win.article_menu.build(QPoint(5, 5))
    action = action_named(menu, "More &Like This")
    ids = wait_related(qtbot, win, action.trigger)
    assert ids[0] == topics["oil_2"] and topics["oil_1"] not in ids
    panel = win.findChild(QWidget, "relatedPanel")
    assert panel is win.related.panel and panel.isVisible()
    assert "النفط" in panel.words_label.text() or "أوبك" in panel.words_label.text()
    assert OIL_1[0] in panel.source_label.text()
    assert win.related.toggle_action.isChecked()
    assert win.related.open_row(panel.model.index(0, 0))
    assert win.current_article_id() == topics["oil_2"]


def test_more_like_this_from_the_library_list_and_a_highlight_card(
    qtbot: QtBot, win: MainWindow, library: Library, topics
) -> None:
    settle(qtbot, win)
    select_articles(win, [topics["football_2"]])
    menu = win.library_list.actions.build_context_menu()
    ids = wait_related(qtbot, win, action_named(menu, "More &Like This").trigger)
    assert ids[0] == topics["football_1"]
    select_articles(win, [topics["oil_1"], topics["oil_2"]])
    menu = win.library_list.actions.build_context_menu()
    assert not action_named(menu, "More &Like This").isEnabled()  # one article at a time

    text = library.articles.text(topics["mixed"])
    highlight = library.highlights.create(topics["mixed"], text.index("وفي الرياضة"), len(text))
    assert win.open_article(topics["mixed"])
    qtbot.waitUntil(lambda: highlight.id in win.annotations.panel._highlights, timeout=WAIT_MS)
    card_menu = win.annotations.panel.build_card_menu(highlight)
    ids = wait_related(qtbot, win, action_named(card_menu, "More Like This Passage").trigger)
    assert set(ids[:2]) == {topics["football_1"], topics["football_2"]}
    assert "“" in win.related.panel.source_label.text()


def smart_rows(window: MainWindow) -> list[tuple[str, int | None]]:
    panel = window.library_list.collections.panel
    return [
        (panel.item(r).data(NameRole), panel.item(r).data(CountRole))
        for r in range(panel.count())
        if panel.item(r).data(KindRole) == SAVED_SEARCH
    ]


def test_a_saved_search_is_a_smart_collection_that_follows_the_library(
    qtbot: QtBot, win: MainWindow, library: Library, topics
) -> None:
    search = win.search
    search.panel.box.setText("النفط")
    memory = search.memory
    memory.ask_save()
    dialog = memory.name_dialog
    assert dialog is not None and dialog.isVisible() and dialog.textValue() == "النفط"
    dialog.setTextValue("  أخبار   النفط ")
    dialog.accept()
    assert library.saved_searches.names() == ["أخبار النفط"]
    settle(qtbot, win)
    assert smart_rows(win) == [("أخبار النفط", 2)]

    collections = win.library_list.collections
    panel = collections.panel
    row = next(r for r in range(panel.count()) if panel.item(r).data(KindRole) == SAVED_SEARCH)
    panel.setCurrentRow(row)  # as a click does
    settle(qtbot, win)
    assert set(shown_titles(win)) == {OIL_1[0], OIL_2[0]}
    assert "أخبار النفط" in win.library_list.filters.bar.summary.text()

    # the library changes: a new article on oil joins once the index has it
    with qtbot.waitSignal(win.index_service.updated, timeout=WAIT_MS):
        add_article(library, "الخليج", "تراجع إنتاج النفط في الخليج.")
    qtbot.waitUntil(lambda: smart_rows(win) == [("أخبار النفط", 3)], timeout=WAIT_MS)
    settle(qtbot, win)
    assert "الخليج" in shown_titles(win)

    menu = collections.build_context_menu(row)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Open in Search",
        "&Rename…",
        "&Delete",
    ]
    collections.ask_rename_saved("أخبار النفط")
    collections.name_dialog.setTextValue("Oil")
    collections.name_dialog.accept()
    assert library.saved_searches.names() == ["Oil"]
    assert win.library_list.filters.state.saved_search == "Oil"  # the list keeps showing it
    assert collections.delete_saved("Oil")
    assert library.saved_searches.names() == []
    settle(qtbot, win)
    assert win.library_list.filters.state.saved_search == ""
    assert smart_rows(win) == []
    win.undo_stack.undo()  # the delete
    settle(qtbot, win)
    assert smart_rows(win) == [("Oil", 3)]
    win.undo_stack.undo()  # the rename
    win.undo_stack.undo()  # the save
    assert library.saved_searches.names() == []


def test_search_in_a_collection_and_by_an_author(
    qtbot: QtBot, win: MainWindow, library: Library, topics
) -> None:
    with qtbot.waitSignal(win.index_service.updated, timeout=WAIT_MS):  # the index knows the members
        library.collections.add("رياضة", [topics["football_1"], topics["football_2"]])
    settle(qtbot, win)
    collections = win.library_list.collections
    row = next(r for r in range(collections.panel.count()) if collections.panel.name_at(r) == "رياضة")
    menu = collections.build_context_menu(row)
    with qtbot.waitSignal(win.search.results_shown, timeout=WAIT_MS):
        action_named(menu, "&Search in This Collection").trigger()
    box = win.search.panel.box
    assert box.text() == 'collection:"رياضة" ' and box.cursorPosition() == len(box.text())
    shown = {win.search.panel.model.row_at(i).article_id for i in range(win.search.panel.model.rowCount())}
    assert shown == {topics["football_1"], topics["football_2"]}

    select_articles(win, [topics["oil_2"]])
    menu = win.library_list.actions.build_context_menu()
    with qtbot.waitSignal(win.search.results_shown, timeout=WAIT_MS):
        action_named(menu, "Search in Articles by \u2068كاتب oil_2\u2069").trigger()
    assert box.text() == 'author:"كاتب oil_2" '
    shown = {win.search.panel.model.row_at(i).article_id for i in range(win.search.panel.model.rowCount())}
    assert shown == {topics["oil_2"]}


def test_the_search_history_drop_down(qtbot: QtBot, win: MainWindow, library: Library, topics) -> None:
    search, memory = win.search, win.search.memory
    for query in ("النفط", "الهلال", "  النفط "):
        search.panel.box.setText(query)
        with qtbot.waitSignal(search.results_shown, timeout=WAIT_MS):
            search.panel.box.returnPressed.emit()  # Enter: searched on purpose
    assert memory.history() == ["النفط", "الهلال"]
    assert library.search_history.list() == ["النفط", "الهلال"]  # kept with the library
    assert memory.completer.model() is memory.model

    memory.fill_menu()
    entries = [a.text() for a in memory.menu.actions() if not a.isSeparator()]
    assert entries == ["\u2068النفط\u2069", "\u2068الهلال\u2069", "&Clear Search History"]
    with qtbot.waitSignal(search.results_shown, timeout=WAIT_MS):
        memory.menu.actions()[1].trigger()  # a recent query searches again
    assert search.panel.box.text() == "الهلال"

    with qtbot.waitSignal(search.results_shown, timeout=WAIT_MS):
        search.set_query("أوبك")
    search.open_result(search.panel.model.index(0, 0))  # a result opened: its query is remembered
    assert memory.history()[0] == "أوبك"

    memory.clear_action.trigger()
    assert memory.history() == [] and library.search_history.list() == []
    memory.fill_menu()
    assert [a.text() for a in memory.menu.actions() if not a.isSeparator()] == [
        "No recent searches",
        "&Clear Search History",
    ]
    assert not memory.clear_action.isEnabled()

"""Search in the app: the search box and results list, opening a result at its marked hits, F3 stepping,
find-in-article with the index's folding, query errors, filters, and a new note becoming findable."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from reader.gui.main_window import MainWindow
from reader.gui.reading.find_bar import CURRENT_MATCH, FIND_LAYER
from reader.gui.search.search_model import ResultRow, SearchResultDelegate
from reader.gui.search.search_panel import SearchPanel
from tests.conftest import SEED_PATH, SEED_TITLE

WAIT_MS = 10000


@pytest.fixture
def seed_ids(library) -> list[int]:
    """The seed imported through the importer, plus a short English article."""
    results = library.import_paths([SEED_PATH])
    assert [r.status for r in results] == ["imported"]
    english = library.articles.add(
        ArticleMeta(
            title="Why margins matter", author="A. Writer", outlet="The Margin", published="2024-01-10"
        ),
        [Block(BlockKind.PARAGRAPH, "Reading slowly is a habit worth keeping, wrote the margin keeper.")],
    )
    return [int(results[0].article_id), english]


@pytest.fixture
def win(qtbot, library, seed_ids, settings) -> MainWindow:
    window = MainWindow(library, settings, "en")
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.index_service.ready, timeout=WAIT_MS)
    yield window
    window.close()


def panel_of(window: MainWindow) -> SearchPanel:
    return window.search_panel


def type_text(widget, text: str) -> None:
    """Type `text` key by key (QTest.keyClicks aborts on Arabic characters: it maps them to key codes)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def search(qtbot, window: MainWindow, text: str, *, type_it: bool = True) -> SearchPanel:
    """Type (or set) a query and wait until its results are on screen."""
    panel = panel_of(window)
    with qtbot.waitSignal(
        window.search.results_shown, timeout=WAIT_MS, check_params_cb=lambda q, *_: q == text
    ):
        if type_it:
            panel.box.clear()
            type_text(panel.box, text)
        else:
            panel.box.setText(text)
            window.search.search_now()
    return panel


def span_texts(window: MainWindow, layer: str) -> list[str]:
    return [sel.cursor.selectedText() for sel in window.article_view.overlay(layer)]


def test_typed_query_lists_results_and_opening_lands_on_marked_hits(qtbot, win: MainWindow, seed_ids) -> None:
    assert win.findChild(type(panel_of(win).box), "searchBox") is panel_of(win).box
    panel = search(qtbot, win, "خراسان")
    assert panel.results.objectName() == "searchResults"
    rows = panel.model.rows()
    assert rows and rows[0].article_id == seed_ids[0] and rows[0].title == SEED_TITLE
    first = rows[0]
    assert first.kind == "article"
    # the snippet is the real text with the matched word marked
    assert [first.snippet[s:e] for s, e in first.snippet_marks] and all(
        "خراسان" in first.snippet[s:e] for s, e in first.snippet_marks
    )
    assert first.rtl

    panel.results.setFocus()
    panel.results.setCurrentIndex(panel.model.index(0, 0))
    with qtbot.waitSignal(win.search.hits_marked, timeout=WAIT_MS):
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    view = win.article_view
    assert view.article is not None and view.article.id == seed_ids[0]
    text = view.article.text
    marked = span_texts(win, "search")
    assert len(marked) == text.count("خراسان") == 5
    assert all(m == "خراسان" for m in marked)
    # the cursor is on the first hit and the hit is inside the viewport
    start = text.index("خراسان")
    assert view.textCursor().position() == view.offset_map.to_qt(start)
    hit_rect = view.cursorRect(view.cursor_for_range(start, start + 6))
    assert view.viewport().rect().contains(hit_rect.center())


def test_query_without_hamza_finds_and_marks_hamzated_word_and_f3_steps(qtbot, win: MainWindow) -> None:
    panel = search(qtbot, win, "ايران")
    assert panel.model.rowCount() >= 1
    with qtbot.waitSignal(win.search.hits_marked, timeout=WAIT_MS):
        win.search.open_result(panel.model.index(0, 0))
    view = win.article_view
    assert span_texts(win, "search") == ["إيران"] * view.article.text.count("إيران")
    hits = win.search.hits
    assert hits is not None and hits.current == 0 and len(hits.spans) == 4

    def current_is(i: int) -> bool:
        selections = view.overlay("search")
        strong = [
            n for n, sel in enumerate(selections) if sel.format.background().color() == QColor(CURRENT_MATCH)
        ]
        return strong == [i] and view.textCursor().position() == view.offset_map.to_qt(hits.spans[i][0])

    assert current_is(0)
    win.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert hits.current == 1 and current_is(1)
    qtbot.keyClick(view, Qt.Key.Key_F3)
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert hits.current == 1 and current_is(1)
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # wraps to the last hit
    assert hits.current == 3 and current_is(3)
    # the current hit is scrolled into view
    s, e = hits.spans[3]
    assert view.viewport().rect().contains(view.cursorRect(view.cursor_for_range(s, e)).center())


def test_ctrl_k_focuses_the_search_box(qtbot, win: MainWindow) -> None:
    win.activateWindow()
    win.article_view.setFocus()
    qtbot.keyClick(win.article_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert panel_of(win).box.hasFocus()
    assert panel_of(win).box.placeholderText()


def test_find_bar_finds_word_typed_without_harakat(qtbot, win: MainWindow, seed_ids) -> None:
    win.open_article(seed_ids[0])
    view = win.article_view
    win.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = win.find_bar
    assert bar.isVisible() and bar.box.hasFocus()
    type_text(bar.box, "شخصا")  # the text has شخصًا (with tanween)
    text = view.article.text
    expected = text.count("شخصًا")
    assert expected >= 2
    assert span_texts(win, FIND_LAYER) == ["شخصًا"] * expected
    assert bar.count_label.text() == f"1 of {expected}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.current == 1 and bar.count_label.text() == f"2 of {expected}"
    assert view.textCursor().position() == view.offset_map.to_qt(bar.matches[1][0])
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 0
    qtbot.keyClicks(bar.box, "zzz")
    assert bar.count_label.text() == "No matches" and not span_texts(win, FIND_LAYER)
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not view.overlay(FIND_LAYER)


def test_malformed_query_shows_a_message_not_a_traceback(qtbot, win: MainWindow) -> None:
    panel = search(qtbot, win, '"داعش خراسان', type_it=False)
    assert panel.model.rowCount() == 0
    assert panel.message.isVisible()
    message = panel.message.text()
    assert message == 'This query cannot be read: a quotation mark (") is not closed'
    panel = search(qtbot, win, "خراسان foo:bar", type_it=False)
    assert panel.message.text() == (  # fields isolated: they keep their order inside an Arabic sentence
        "This query cannot be read: unknown field '\u2068foo\u2069' "
        "(use one of \u2068title, author, outlet, body, text, note, tag, collection, color, lang, kind, date, root, by\u2069)"
    )
    assert panel.model.rowCount() == 0
    panel2 = search(qtbot, win, "داعش", type_it=False)  # a good query clears the message
    assert panel2.model.rowCount() >= 1 and not panel2.message.isVisible()


def test_latest_query_wins(qtbot, win: MainWindow) -> None:
    panel = panel_of(win)
    shown: list[str] = []
    win.search.results_shown.connect(lambda q, *_: shown.append(q))
    panel.box.setText("margin")
    win.search.search_now()
    panel.box.setText("خراسان")
    win.search.search_now()
    qtbot.waitUntil(lambda: "خراسان" in shown, timeout=WAIT_MS)
    qtbot.wait(100)
    assert "margin" not in shown
    assert all(r.title == SEED_TITLE for r in panel.model.rows())


def test_typing_is_debounced(qtbot, win: MainWindow) -> None:
    panel = panel_of(win)
    shown: list[str] = []
    win.search.results_shown.connect(lambda q, *_: shown.append(q))
    qtbot.keyClicks(panel.box, "margin")  # six keystrokes, one query
    qtbot.waitUntil(lambda: shown == ["margin"], timeout=WAIT_MS)
    qtbot.wait(300)
    assert shown == ["margin"]
    assert panel.model.rows()[0].title == "Why margins matter"
    assert not panel.model.rows()[0].rtl


def test_new_highlight_with_note_becomes_findable(qtbot, win: MainWindow, library, seed_ids) -> None:
    panel = search(qtbot, win, "زنجبيل", type_it=False)
    assert panel.model.rowCount() == 0
    text = library.articles.get(seed_ids[0]).text
    start = text.index("داعش-خراسان")
    library.highlights.create(seed_ids[0], start, start + 11, color="evidence", note="ملاحظة عن الزنجبيل")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)  # the visible query refreshes itself
    row = panel.model.rows()[0]
    assert row.kind == "note" and row.highlight_id is not None
    assert row.color and row.color_key == "evidence"
    assert any("الزنجبيل" in row.snippet[s:e] for s, e in row.snippet_marks)
    # opening a note result lands on its highlighted passage
    with qtbot.waitSignal(win.search.hits_marked, timeout=WAIT_MS):
        win.search.open_result(panel.model.index(0, 0))
    assert (start, start + 11) in win.search.hits.spans


def test_opening_a_highlight_result_runs_its_query_off_the_ui_thread(
    qtbot: QtBot, win: MainWindow, library: Library, seed_ids: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = library.articles.get(seed_ids[0]).text
    start = text.index("موسكو")
    library.highlights.create(seed_ids[0], start, start + 5, color="claim", note="ملاحظة عن الهيل")
    win.index_service.wait_idle()
    panel = search(qtbot, win, "موسكو", type_it=False)
    note_rows = [i for i, r in enumerate(panel.model.rows()) if r.kind != "article"]  # its passage only
    assert note_rows
    searched_on: list[threading.Thread] = []
    real_search = library.search

    def watched_search(*args: object, **kwargs: object) -> object:
        searched_on.append(threading.current_thread())
        return real_search(*args, **kwargs)

    monkeypatch.setattr(library, "search", watched_search)
    with qtbot.waitSignal(win.search.hits_marked, timeout=WAIT_MS):
        assert win.search.open_result(panel.model.index(note_rows[0], 0))
        assert win.article_view.article.id == seed_ids[0]  # the article opens at once
    assert searched_on and threading.main_thread() not in searched_on
    assert len(win.search.hits.spans) == text.count("موسكو")  # every hit of the query, not only the note's


def test_filters_and_search_within_results(qtbot, win: MainWindow, library, seed_ids) -> None:
    text = library.articles.get(seed_ids[0]).text
    start = text.index("موسكو")
    library.highlights.create(seed_ids[0], start, start + 5, color="claim", tags=["روسيا"])
    win.index_service.wait_idle()
    panel = search(qtbot, win, "موسكو", type_it=False)
    kinds = {r.kind for r in panel.model.rows()}
    assert kinds == {"article", "highlight"}
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("highlight"))
    with qtbot.waitSignal(win.search.results_shown, timeout=WAIT_MS):
        win.search.search_now()
    assert [r.kind for r in panel.model.rows()] == ["highlight"]
    panel.kind_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: panel.tag_combo.findData("روسيا") >= 0, timeout=WAIT_MS)
    panel.tag_combo.setCurrentIndex(panel.tag_combo.findData("روسيا"))
    with qtbot.waitSignal(win.search.results_shown, timeout=WAIT_MS):
        win.search.search_now()
    assert [r.kind for r in panel.model.rows()] == ["highlight"]
    panel.tag_combo.setCurrentIndex(0)

    # within results: "margin" alone finds the English article, but not within the results of موسكو
    search(qtbot, win, "موسكو", type_it=False)
    panel.within.setChecked(True)
    assert panel.box.text() == "" and "موسكو" in panel.within_label.text()
    search(qtbot, win, "margin", type_it=False)
    assert panel.model.rowCount() == 0
    search(qtbot, win, "بوتين", type_it=False)
    assert panel.model.rowCount() >= 1 and all(r.article_id == seed_ids[0] for r in panel.model.rows())
    with qtbot.waitSignal(win.search.results_shown, timeout=WAIT_MS):
        panel.within.setChecked(False)


def test_delegate_lays_each_row_out_in_its_own_direction(qtbot, win: MainWindow) -> None:
    delegate = SearchResultDelegate()
    panel = panel_of(win)
    panel.model.set_rows(
        [
            ResultRow("article", 1, "عنوان", "نص عربي فيه كلمة", [(12, 16)]),
            ResultRow("article", 2, "Title", "English text with a word", [(20, 24)]),
        ]
    )
    directions = []
    for i in range(2):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, panel.model.index(i, 0))
        directions.append(option.direction)
    assert directions == [Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight]
    panel.results.viewport().repaint()  # paints both rows without error


def test_f3_steps_the_find_bar_while_it_is_open(qtbot, win: MainWindow, seed_ids) -> None:
    panel = search(qtbot, win, "ايران", type_it=False)
    with qtbot.waitSignal(win.search.hits_marked, timeout=WAIT_MS):
        win.search.open_result(panel.model.index(0, 0))
    bar = win.find_bar
    win.activateWindow()
    win.article_view.setFocus()
    qtbot.keyClick(win.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(bar.box, "داعش")
    assert len(bar.matches) > 3 and bar.current >= 0
    before_find, before_search = bar.current, win.search.hits.current
    qtbot.keyClick(bar.box, Qt.Key.Key_F3)  # in the find box
    assert bar.current == (before_find + 1) % len(bar.matches)
    qtbot.keyClick(win.article_view, Qt.Key.Key_F3)  # in the article, the bar still open
    assert bar.current == (before_find + 2) % len(bar.matches)
    assert win.search.hits.current == before_search
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    qtbot.keyClick(win.article_view, Qt.Key.Key_F3)  # bar closed: back to the search hits
    assert win.search.hits.current == before_search + 1


def test_scrolling_to_the_end_fetches_more_results(qtbot, win: MainWindow, library) -> None:
    from reader.gui.search.search_controller import RESULT_PAGE

    store = library.articles
    for i in range(RESULT_PAGE + 5):
        store.add(
            ArticleMeta(title=f"مقال رقم {i}"), [Block(BlockKind.PARAGRAPH, f"نص قصير عن الزعفران رقم {i}")]
        )
    win.index_service.wait_idle()
    panel = search(qtbot, win, "الزعفران", type_it=False)
    assert panel.model.rowCount() == RESULT_PAGE and panel.count_label.text() == f"{RESULT_PAGE}+ results"
    panel.results.setCurrentIndex(panel.model.index(3, 0))
    with qtbot.waitSignal(win.search.results_shown, timeout=WAIT_MS):
        panel.results.scrollToBottom()
    assert panel.model.rowCount() == RESULT_PAGE + 5
    assert panel.results.currentIndex().row() == 3  # the list did not jump back to the top


def test_a_large_build_runs_in_its_own_process_and_the_window_searches_it(
    qtbot, library, seed_ids, settings, monkeypatch
) -> None:
    from reader.gui.search import index_service

    monkeypatch.setattr(index_service, "IN_PROCESS_DOCS", 0)  # this small library counts as large
    window = MainWindow(library, settings, "en")
    qtbot.addWidget(window)
    service = window.index_service
    progress: list[tuple[int, int]] = []
    service.progress.connect(lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(lambda: service._process is not None or service.ready, timeout=WAIT_MS)
    assert service._process is not None  # delegated to python -m reader.gui.search.index_process
    panel = window.search_panel
    with qtbot.waitSignal(window.search.results_shown, timeout=30000):
        window.search.set_query("خراسان")  # typed while the index is being built: it waits, the UI does not
        assert "indexed" in panel.message.text() and not panel.message.isHidden()
    assert service.ready
    assert progress and progress[-1][0] == progress[-1][1] >= 2
    assert panel.model.rowCount() == 1 and panel.model.rows()[0].article_id == seed_ids[0]
    assert panel.message.isHidden()
    window.close()


def test_index_process_reports_progress_and_done(library, seed_ids) -> None:
    import subprocess
    import sys

    library.close()
    out = subprocess.run(
        [sys.executable, "-m", "reader.gui.search.index_process", str(library.folder), "--rebuild"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    assert out[0].startswith("progress 0 ") and out[-1].startswith("done 2 ")
    bad = subprocess.run(
        [sys.executable, "-m", "reader.gui.search.index_process", str(library.folder / "nope" / "x")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 1 and bad.stdout.startswith("error missing")
    assert not (library.folder / "nope").exists()


def test_outlet_date_and_colour_filters(qtbot, win: MainWindow, library, seed_ids) -> None:
    text = library.articles.get(seed_ids[0]).text
    start = text.index("بوتين")
    library.highlights.create(seed_ids[0], start, start + 5, color="question")
    win.index_service.wait_idle()
    panel = panel_of(win)
    qtbot.waitUntil(
        lambda: panel.outlet_combo.findData("The Margin") >= 0 and panel.date_combo.findData("2024") >= 0,
        timeout=WAIT_MS,
    )
    panel.outlet_combo.setCurrentIndex(panel.outlet_combo.findData("The Margin"))
    assert [r.title for r in search(qtbot, win, "margin", type_it=False).model.rows()] == [
        "Why margins matter"
    ]
    assert search(qtbot, win, "بوتين", type_it=False).model.rowCount() == 0  # the seed has no outlet
    panel.outlet_combo.setCurrentIndex(0)
    panel.date_combo.setCurrentIndex(panel.date_combo.findData("2024"))
    assert [r.title for r in search(qtbot, win, "margin", type_it=False).model.rows()] == [
        "Why margins matter"
    ]
    panel.date_combo.setCurrentIndex(0)
    question = panel.color_combo.findData("question")
    assert question > 0 and panel.color_combo.itemText(question)
    panel.color_combo.setCurrentIndex(question)
    rows = search(qtbot, win, "بوتين", type_it=False).model.rows()
    assert [(r.kind, r.color_key) for r in rows] == [("highlight", "question")]


def test_deleted_note_leaves_the_visible_results(qtbot, win: MainWindow, library, seed_ids) -> None:
    text = library.articles.get(seed_ids[0]).text
    start = text.index("بوتين")
    store = library.highlights
    highlight = store.create(seed_ids[0], start, start + 5, note="ملاحظة عن القرنفل")
    win.index_service.wait_idle()
    panel = search(qtbot, win, "القرنفل", type_it=False)
    assert [r.highlight_id for r in panel.model.rows()] == [highlight.id]
    store.delete(highlight.id)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)


def test_a_large_change_is_indexed_out_of_process(qtbot, win: MainWindow, library, monkeypatch) -> None:
    from reader.gui.search import index_service

    service = win.index_service
    monkeypatch.setattr(index_service, "IN_PROCESS_DOCS", 1)
    library.articles.add_many(
        [
            (ArticleMeta(title=f"عن الهيل {i}"), [Block(BlockKind.PARAGRAPH, f"نص عن الهيل والقهوة {i}")])
            for i in range(3)
        ]
    )
    qtbot.waitUntil(lambda: service._process is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not service.busy, timeout=30000)
    panel = search(qtbot, win, "الهيل", type_it=False)
    assert panel.model.rowCount() == 3


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_default_label_names_read_in_arabic_in_the_search_filters_and_results(ui_language, library) -> None:
    from reader.gui.search.search_queries import SearchRequest, load_filter_choices, run_search

    results = library.import_paths([SEED_PATH])
    article_id = results[0].article_id
    library.highlights.create(article_id, 0, 10, color="claim")
    library.sync_index()
    names = {key: name for key, name, _colour in load_filter_choices(library).colors}
    assert names["claim"] == "ادّعاء"
    found = run_search(library, SearchRequest("موسكو", limit=20), lambda: False)
    assert found is not None
    rows, _total = found
    highlight_rows = [r for r in rows if r.color_key == "claim"]
    assert highlight_rows and all(r.color_name == "ادّعاء" for r in highlight_rows)


def test_highlights_are_nested_rows_under_their_article(qtbot, win: MainWindow, library, seed_ids) -> None:
    text = library.articles.get(seed_ids[0]).text
    first = text.index("موسكو")
    second = text.index("موسكو", first + 1)
    library.highlights.create(seed_ids[0], second, second + 5, color="claim", note="")
    library.highlights.create(seed_ids[0], first, first + 5, color="evidence", note="")
    win.index_service.wait_idle()
    panel = search(qtbot, win, "موسكو", type_it=False)
    rows = panel.model.rows()
    # one article row, then its two highlights nested under it in reading order
    assert [(r.kind, r.nested) for r in rows] == [
        ("article", False),
        ("highlight", True),
        ("highlight", True),
    ]
    assert [r.hits for r in rows[1:]] == [[(first, first + 5)], [(second, second + 5)]]
    # opening a nested highlight lands on its passage
    with qtbot.waitSignal(win.search.hits_marked, timeout=WAIT_MS):
        assert win.search.open_result(panel.model.index(2, 0))
    assert win.search.hits.spans[win.search.hits.current] == (second, second + 5)


def test_search_by_root_toggle(qtbot, win: MainWindow, library) -> None:
    article = library.articles.add(
        ArticleMeta(title="مكتبة"), [Block(BlockKind.PARAGRAPH, "الطلاب يكتبون الدروس")]
    )
    win.index_service.wait_idle()
    panel = search(qtbot, win, "كتاب", type_it=False)
    assert article not in [r.article_id for r in panel.model.rows()]
    assert not panel.root_action.isChecked()  # off by default
    assert not library.root_search  # and the index holds no roots (they cost ~40 % of indexing)
    panel.root_action.setChecked(True)  # the first time: the library asks for roots, the index is rebuilt
    assert library.root_search
    qtbot.waitUntil(lambda: article in [r.article_id for r in panel.model.rows()], timeout=WAIT_MS)
    assert win.search.request().query == "root:كتاب"

"""The compare view: passages of one tag, label or search in columns by author (or outlet, article), the
column order in both UI directions, a click opening the passage, the drag payload research pages take."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.core.compare import compare_passages, parse_compare_query
from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.gui.compare.compare_controller import CompareController
from reader.gui.compare.passage_model import HIGHLIGHTS_MIME
from reader.gui.main_window import MainWindow
from tests.core.tags_seed import TagsSeed, build

AUTHORS = ["Jane Writer", "عبدالرحمن الراشد", "مشاري الذايدي"]  # the notes' order: case-folded names


@pytest.fixture
def seeded(library: Library) -> TagsSeed:
    return build(library)


def open_window(qtbot, library: Library, settings, lang: str) -> MainWindow:
    win = MainWindow(library, settings, lang)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def compare(qtbot, window: MainWindow, query: str, by: str = "author") -> CompareController:
    controller = window.compare
    window.shell.show_mode("compare")
    controller.run(query, by)
    qtbot.waitUntil(lambda: controller._task is None and bool(controller.view.columns), timeout=5000)
    return controller


def headers(controller: CompareController) -> list[str]:
    return [c.header.text() for c in controller.view.columns]


def test_parse_compare_query() -> None:
    assert parse_compare_query(" tag: security/terrorism ").kind == "tag"
    assert parse_compare_query("TAG:security").value == "security"
    assert parse_compare_query("label:claim").kind == "label"
    assert parse_compare_query("color:claim").kind == "label"
    assert parse_compare_query("الإرهاب").kind == "text"
    with pytest.raises(HawamishError):
        parse_compare_query("tag:  ")


def test_core_columns_by_author_outlet_article(library: Library, seeded: TagsSeed) -> None:
    by_author = compare_passages(library, parse_compare_query("tag:security"), "author")
    assert [c.label for c in by_author.columns] == AUTHORS
    assert [len(c.items) for c in by_author.columns] == [1, 3, 1]
    by_outlet = compare_passages(library, parse_compare_query("tag:security"), "outlet")
    assert [c.label for c in by_outlet.columns] == ["The Daily", "الشرق الأوسط", "عكاظ"]
    by_article = compare_passages(library, parse_compare_query("tag:security"), "article")
    assert len(by_article.columns) == 4
    claims = compare_passages(library, parse_compare_query("label:claim"), "author")
    assert claims.passages == 4


def test_columns_by_author_left_to_right(qtbot, library: Library, seeded: TagsSeed, settings) -> None:
    window = open_window(qtbot, library, settings, "en")
    controller = compare(qtbot, window, "tag:security")
    assert window.modes.stack.currentWidget() is controller.view
    assert controller.view.objectName() == "compareView"
    assert headers(controller) == AUTHORS
    assert [c.model.rowCount() for c in controller.view.columns] == [1, 3, 1]
    assert [c.count.text()[0] for c in controller.view.columns] == ["1", "3", "1"]
    xs = [c.mapTo(controller.view, QPoint(0, 0)).x() for c in controller.view.columns]
    assert xs == sorted(xs)  # the first column leftmost
    first = controller.view.columns[0].model.rows()[0]
    assert first.title == "Terror and the state" and first.byline == "The Daily · 2024-05-03"
    # each column scrolls on its own: a list view per column, in one horizontal scroll area
    lists = {id(c.list.verticalScrollBar()) for c in controller.view.columns}
    assert len(lists) == 3
    # a parent matches its children: the terrorism passages are there
    assert seeded.highlight_ids[0] in [r.highlight_id for r in controller.view.columns[1].model.rows()]
    window.close()


def test_columns_right_to_left_in_the_arabic_ui(qtbot, library: Library, seeded: TagsSeed, settings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        window = open_window(qtbot, library, settings, "ar")
        controller = compare(qtbot, window, "tag:security")
        assert headers(controller) == AUTHORS
        xs = [c.mapTo(controller.view, QPoint(0, 0)).x() for c in controller.view.columns]
        assert xs == sorted(xs, reverse=True)  # the first column rightmost
        assert xs[0] + controller.view.columns[0].width() > controller.view.width() // 2
        window.close()
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_click_opens_the_passage(qtbot, library: Library, seeded: TagsSeed, settings) -> None:
    window = open_window(qtbot, library, settings, "en")
    controller = compare(qtbot, window, "tag:economy/oil")
    column = controller.view.columns[0]
    row = column.model.rows()[0]
    calls: list[tuple[int, int | None]] = []
    real_open = window.open_article

    def recording_open(article_id: int, scroll_to: int | None = None) -> bool:
        calls.append((article_id, scroll_to))
        return real_open(article_id, scroll_to)

    window.open_article = recording_open  # type: ignore[method-assign]
    rect = column.list.visualRect(column.model.index(0, 0))
    qtbot.mouseClick(column.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.modes.current == "reading", timeout=3000)
    assert window.current_article_id() == row.article_id == seeded.article_ids[1]
    assert calls[0] == (row.article_id, library.highlights.get(row.highlight_id).start)
    window.close()


def test_drag_payload_is_highlight_ids(qtbot, library: Library, seeded: TagsSeed, settings) -> None:
    window = open_window(qtbot, library, settings, "en")
    controller = compare(qtbot, window, "tag:security")
    column = controller.view.columns[1]
    indexes = [column.model.index(i, 0) for i in (2, 0)]
    data = column.model.mimeData(indexes)
    ids = json.loads(bytes(data.data(HIGHLIGHTS_MIME).data()).decode("utf-8"))
    rows = column.model.rows()
    assert ids == [rows[0].highlight_id, rows[2].highlight_id]
    assert data.text().split("\n\n") == [rows[0].quote, rows[2].quote]
    assert column.list.dragEnabled()
    assert HIGHLIGHTS_MIME in column.model.mimeTypes()
    window.close()


def test_insert_quote_entry_only_when_a_page_listens(
    qtbot, library: Library, seeded: TagsSeed, settings
) -> None:
    window = open_window(qtbot, library, settings, "en")
    controller = compare(qtbot, window, "tag:security")
    rows = controller.view.columns[1].model.rows()[:2]
    controller.insert_quotes_requested.disconnect()  # the window connects the research pages
    names = [a.objectName() for a in controller.passage_menu(rows).actions()]
    assert "insertQuoteAction" not in names
    received: list[list[int]] = []
    controller.insert_quotes_requested.connect(received.append)
    menu = controller.passage_menu(rows)
    insert = next(a for a in menu.actions() if a.objectName() == "insertQuoteAction")
    insert.trigger()
    assert received == [[r.highlight_id for r in rows]]
    window.close()


def test_insert_quote_from_the_compare_view_goes_into_the_research_page(
    qtbot, library: Library, seeded: TagsSeed, settings
) -> None:
    window = open_window(qtbot, library, settings, "en")
    controller = compare(qtbot, window, "tag:security")
    rows = controller.view.columns[1].model.rows()[:2]
    insert = next(a for a in controller.passage_menu(rows).actions() if a.objectName() == "insertQuoteAction")
    insert.trigger()
    (page,) = library.pages.list()  # none existed: the pane made one
    assert library.pages.get(page.id).quotes == [r.highlight_id for r in rows]
    window.close()


def test_empty_states_and_refresh(qtbot, library: Library, seeded: TagsSeed, settings) -> None:
    window = open_window(qtbot, library, settings, "en")
    controller = window.compare
    window.shell.show_mode("compare")
    assert controller.view.stack.currentWidget() is controller.view.empty
    assert "Compare what different writers said" in controller.view.empty.text()
    controller.run("tag:nothing-like-this")
    qtbot.waitUntil(lambda: "No passages" in controller.view.empty.text(), timeout=5000)
    controller.run("tag:economy")
    qtbot.waitUntil(lambda: len(controller.view.columns) == 2, timeout=5000)
    library.tags.delete("economy/oil")  # the columns follow the library
    qtbot.waitUntil(
        lambda: controller._task is None and [c.model.rowCount() for c in controller.view.columns] == [1],
        timeout=5000,
    )
    suggestions = [controller.view.query.itemText(i) for i in range(controller.view.query.count())]
    assert "tag:security/terrorism" in suggestions and "label:claim" in suggestions
    window.close()


def test_text_query_finds_highlights(qtbot, library: Library, seeded: TagsSeed, settings) -> None:
    library.sync_index()
    window = open_window(qtbot, library, settings, "en")
    controller = compare(qtbot, window, "Terrorism")
    assert headers(controller) == ["Jane Writer"]
    window.close()


def test_gui_compare_option_shows_the_columns(tmp_path) -> None:
    from tests.core.tags_seed import build_in
    from tests.gui.fixtures import run_hawamish

    build_in(tmp_path / "lib")
    png, layout = tmp_path / "shot.png", tmp_path / "layout.json"
    result = run_hawamish(
        ["--library", str(tmp_path / "lib"), "gui", "--compare", "tag:security", "--size", "1024x700",
         "--screenshot", str(png), "--layout-json", str(layout)],
        HAWAMISH_CONFIG_DIR=str(tmp_path / "config"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    widgets = json.loads(layout.read_text("utf-8"))["widgets"]
    assert widgets["compareView"][4] is True
    columns = [k for k, v in widgets.items() if k.split("#")[0] == "compareColumns/compareColumn" and v[4]]
    assert len(columns) == 3, sorted(widgets)
    assert png.stat().st_size > 0

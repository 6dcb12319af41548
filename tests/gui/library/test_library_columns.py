"""The library list's columns: the title takes most of the width, the others fit their content within
limits, an empty column is hidden, and the tooltip shows the whole title with its byline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from reader.gui.library.library_model import COL_AUTHOR, COL_DATE, COL_HIGHLIGHTS, COL_OUTLET, COL_TITLE
from reader.gui.main_window import MainWindow
from tests.gui.library.helpers import settle


def widths(window: MainWindow) -> dict[int, int]:
    header = window.library_view.horizontalHeader()
    return {c: header.sectionSize(c) for c in range(5) if not header.isSectionHidden(c)}


def test_the_title_is_the_widest_column_at_1024_pixels(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    library.articles.update_meta(sample_ids[1], author="A writer with a remarkably long name, and two more")
    settle(qtbot, window)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.library_view.viewport().width() < 400, timeout=3000)
    qtbot.wait(50)
    view_width = window.library_view.viewport().width()
    shown = widths(window)
    assert shown[COL_TITLE] == max(shown.values())
    assert shown[COL_TITLE] >= view_width * 0.45
    if COL_AUTHOR in shown:
        assert shown[COL_AUTHOR] <= view_width * 0.25 + 1
    # the article keeps most of the window
    assert window.article_view.width() > window.library_list.pane.width()


def test_a_wide_list_shows_every_filled_column_sized_to_its_content(
    qtbot: QtBot, window: MainWindow, sample_ids: list[int]
) -> None:
    window.resize(1600, 800)
    window.splitter.setSizes([900, 700])
    qtbot.waitUntil(lambda: window.library_view.viewport().width() > 800, timeout=3000)
    qtbot.wait(50)
    shown = widths(window)
    assert set(shown) == {COL_TITLE, COL_AUTHOR, COL_OUTLET, COL_DATE, COL_HIGHLIGHTS}
    date_text = window.library_view.fontMetrics().horizontalAdvance("2024-03-23")
    assert date_text < shown[COL_DATE] < date_text + 60
    assert shown[COL_TITLE] > shown[COL_AUTHOR] + shown[COL_OUTLET] + shown[COL_DATE]


def test_a_column_no_article_fills_is_hidden_until_one_does(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    for article_id in sample_ids:
        library.articles.update_meta(article_id, outlet="")
    window.resize(1600, 800)
    window.splitter.setSizes([900, 700])
    settle(qtbot, window)
    header = window.library_view.horizontalHeader()
    qtbot.waitUntil(lambda: header.isSectionHidden(COL_OUTLET), timeout=3000)
    assert not header.isSectionHidden(COL_AUTHOR)
    library.articles.update_meta(sample_ids[0], outlet="الشرق الأوسط")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: not header.isSectionHidden(COL_OUTLET), timeout=3000)
    # a filter whose rows leave the outlet empty hides it too
    window.library_list.filters.set_text("margins")
    settle(qtbot, window)
    assert header.isSectionHidden(COL_OUTLET)
    window.library_list.filters.set_text("")
    settle(qtbot, window)
    assert not header.isSectionHidden(COL_OUTLET)
    # the header's menu still hides a column for good
    fitter = window.library_list.column_fitter
    fitter.set_user_visible(COL_OUTLET, False)
    assert header.isSectionHidden(COL_OUTLET)


def test_the_tooltip_shows_the_whole_title_and_its_byline(window: MainWindow, library: Library) -> None:
    long_title = "A title long enough that the list can only show its beginning, " * 3
    library.articles.add(
        ArticleMeta(title=long_title, author="كاتب", outlet="CNN", published="2015-07"),
        [Block(BlockKind.PARAGRAPH, "Text.")],
    )
    window.library_list.refresh()
    row = window.library_model.row_of(library.articles.ids()[-1])
    assert row is not None
    tooltip = window.library_model.index(row, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"{long_title}\n\u2068كاتب\u2069 · \u2068CNN\u2069 · \u20682015-07\u2069"
    assert window.library_model.index(row, COL_AUTHOR).data(Qt.ItemDataRole.ToolTipRole) == tooltip

"""The main window: library list beside the article view, opening articles, menus, state, refresh."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QSplitter, QTableView

from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from reader.gui.library.library_model import COL_DATE, COL_TITLE, ArticleIdRole
from reader.gui.main_window import MainWindow
from reader.gui.reading.article_view import ArticleView


def test_window_has_library_and_article_view_in_a_splitter(window: MainWindow) -> None:
    assert isinstance(window.modes.stack.currentWidget(), QSplitter)  # the reading mode
    assert window.findChild(QTableView, "libraryView") is window.library_view
    assert window.findChild(ArticleView, "articleView") is window.article_view
    assert window.library_view.model().rowCount() == 3
    titles = [
        m.title().replace("&", "")
        for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)
    ]
    assert titles == ["File", "Edit", "View", "Help"]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_selecting_a_row_shows_the_article(qtbot, window: MainWindow, sample_ids) -> None:
    view = window.library_view
    model = view.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, COL_TITLE).data(ArticleIdRole) == sample_ids[1]
    )
    with qtbot.waitSignal(window.article_opened) as blocker:
        view.selectionModel().setCurrentIndex(
            model.index(row, COL_TITLE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert blocker.args == [sample_ids[1]]
    assert window.article_view.article.title == "Why margins matter"
    assert (
        window.article_view.document().findBlockByNumber(1).text()
        == "Reading slowly is a habit worth keeping."
    )


def test_open_article_selects_its_row_and_scrolls(window: MainWindow, sample_ids) -> None:
    assert window.open_article(sample_ids[2], scroll_to=500)
    current = window.library_view.currentIndex()
    assert current.data(ArticleIdRole) == sample_ids[2]
    assert window.article_view.offset_map.from_qt(window.article_view.textCursor().position()) == 500
    assert not window.open_article(99999)  # missing: a status message, no exception


def test_sorting_by_date_and_title(window: MainWindow) -> None:
    view = window.library_view
    view.sortByColumn(COL_DATE, Qt.SortOrder.AscendingOrder)
    dates = [view.model().index(r, COL_DATE).data() for r in range(3)]
    assert dates == sorted(dates)
    view.sortByColumn(COL_TITLE, Qt.SortOrder.DescendingOrder)
    titles = [view.model().index(r, COL_TITLE).data() for r in range(3)]
    assert [t.casefold() for t in titles] == sorted((t.casefold() for t in titles), reverse=True)


def test_library_changes_refresh_the_list(qtbot, window: MainWindow, library) -> None:
    library.articles.add(ArticleMeta(title="A new piece"), [Block(BlockKind.PARAGRAPH, "Text.")])
    qtbot.waitUntil(lambda: window.library_view.model().rowCount() == 4, timeout=3000)


def test_window_remembers_last_article_and_geometry(qtbot, library, sample_ids, settings) -> None:
    first = MainWindow(library, settings, "en")
    qtbot.addWidget(first)
    first.resize(787, 655)
    first.show()
    qtbot.waitExposed(first)
    first.open_article(sample_ids[0])
    first.library_view.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
    first.splitter.setSizes([300, 800])
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow(library, settings, "en")
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.last_article_id() == sample_ids[0]
    assert second.size().width() == 787
    assert second.splitter.sizes() == sizes
    assert second.library_view.horizontalHeader().sortIndicatorSection() == COL_DATE
    second.close()


def test_zoom_keeps_overlays(window: MainWindow, sample_ids) -> None:
    from PySide6.QtGui import QColor, QTextCharFormat

    window.open_article(sample_ids[0])
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("yellow"))
    window.article_view.set_overlay("highlights", [window.article_view.make_selection(3, 8, fmt)])
    size = window.article_view.font().pointSizeF()
    window.zoom_in_action.trigger()
    assert window.article_view.font().pointSizeF() > size
    sel = window.article_view.extraSelections()
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in sel] == [(3, 8)]
    window.zoom_reset_action.trigger()
    assert window.article_view.font().pointSizeF() == size


def test_library_cells_carry_their_own_direction(window: MainWindow, sample_ids) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.gui.library.library_model import DirectionRole

    model = window.library_view.model()
    delegate = window.library_view.itemDelegate()
    directions = {}
    for row in range(model.rowCount()):
        index = model.index(row, COL_TITLE)
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        directions[index.data()] = (index.data(DirectionRole), option.direction)
    assert directions["Why margins matter"] == ("ltr", Qt.LayoutDirection.LeftToRight)
    assert directions["مقال مختلط"] == ("rtl", Qt.LayoutDirection.RightToLeft)


def test_reading_position_is_kept_per_article(qtbot, window: MainWindow, library) -> None:
    long_blocks = [Block(BlockKind.PARAGRAPH, f"فقرة رقم {i} " + "كلمة " * 50) for i in range(80)]
    long_id = library.articles.add(ArticleMeta(title="مقال طويل"), long_blocks)
    qtbot.waitUntil(lambda: window.library_model.total == 4, timeout=3000)
    window.open_article(long_id)
    text = window.article_view.article.text
    target = text.index("فقرة رقم 40")
    window.article_view.scroll_to_offset(target, fraction=0.0)
    top = window.article_view.top_offset()
    assert top > 0
    other = next(r.id for r in (window.library_model.article_at(i) for i in range(4)) if r.id != long_id)
    window.open_article(other)
    assert window.article_view.verticalScrollBar().value() == 0
    window.open_article(long_id)
    assert abs(window.article_view.top_offset() - top) < 200


def test_deleting_the_open_article_empties_the_view(qtbot, window: MainWindow, library, sample_ids) -> None:
    window.open_article(sample_ids[1])
    assert "Why margins matter" in window.windowTitle()
    library.articles.delete(sample_ids[1])
    qtbot.waitUntil(lambda: window.article_view.article is None, timeout=3000)
    assert window.windowTitle() == "Hawamish"
    qtbot.waitUntil(lambda: window.library_model.total == 2, timeout=3000)


def test_updated_text_is_shown_at_the_same_place(qtbot, window: MainWindow, library) -> None:
    blocks = [Block(BlockKind.PARAGRAPH, f"فقرة {i} " + "كلمة " * 50) for i in range(60)]
    article_id = library.articles.add(ArticleMeta(title="نص يتغير"), blocks)
    qtbot.waitUntil(lambda: window.library_model.row_of(article_id) is not None, timeout=3000)
    window.open_article(article_id)
    window.article_view.scroll_to_offset(window.article_view.article.text.index("فقرة 30"), fraction=0.0)
    top = window.article_view.top_offset()
    library.articles.replace_text(article_id, [*blocks, Block(BlockKind.PARAGRAPH, "فقرة أخيرة جديدة")])
    qtbot.waitUntil(lambda: window.article_view.article.text.endswith("فقرة أخيرة جديدة"), timeout=3000)
    assert abs(window.article_view.top_offset() - top) < 200

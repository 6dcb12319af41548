"""The filter bar: the box folds Arabic as search does, the Filters panel narrows by outlet, language,
highlights and dates, the status bar says "N of M", and one click clears it all."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.core.models import ArticleFilter, ArticleMeta
from reader.core.text import Block, BlockKind
from reader.gui.library.library_model import LibraryModel, RowFilter, fold
from reader.gui.main_window import MainWindow
from tests.gui.library.helpers import settle, shown_titles, type_text

SUSPICIOUS = "عقود مشبوهة في وزارة الصحة!"


def count_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "articleCount")
    assert label is not None
    return label.text()


@pytest.fixture
def suspicious_id(qtbot: QtBot, window: MainWindow, library: Library) -> int:
    meta = ArticleMeta(title=SUSPICIOUS, author="سطام المقرن", outlet="الوطن", published="2015-07-21")
    article_id = library.articles.add(meta, [Block(BlockKind.PARAGRAPH, "نص المقال.")])
    settle(qtbot, window)
    return article_id


def test_typing_in_the_box_folds_arabic_as_search_does(
    qtbot: QtBot, window: MainWindow, suspicious_id: int
) -> None:
    bar = window.library_list.filters.bar
    assert window.findChild(QWidget, "libraryFilter") is bar
    box = bar.box
    type_text(box, "مشبوهه")  # ه for ة, as people type
    assert window.library_model.shown_total == 4  # not yet: the list waits for a pause in typing
    settle(qtbot, window)
    assert shown_titles(window) == [SUSPICIOUS]
    assert count_text(window) == "1 of 4 articles"
    assert bar.clear_button.isVisible()

    window.library_list.filters.set_text("المقرن")  # the author matches too
    settle(qtbot, window)
    assert shown_titles(window) == [SUSPICIOUS]
    window.library_list.filters.set_text("MARGINS")  # Latin: any case
    settle(qtbot, window)
    assert shown_titles(window) == ["Why margins matter"]

    box.clear()
    settle(qtbot, window)
    assert window.library_model.shown_total == 4
    assert count_text(window) == "Articles: 4"


def test_the_filters_panel_narrows_by_outlet_language_highlights_and_dates(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int], suspicious_id: int
) -> None:
    filters = window.library_list.filters
    popup = filters.popup
    filters.open_popup()
    qtbot.waitUntil(lambda: popup.collection_combo.count() >= 1 and not filters.busy, timeout=5000)
    assert popup.isVisible()

    popup.outlet_edit.setText("وطن")
    popup.edited.emit()
    settle(qtbot, window)
    assert shown_titles(window) == [SUSPICIOUS]
    assert filters.bar.filters_button.text() == "1"
    assert "Outlet:" in filters.bar.summary.text() and filters.bar.summary.isVisible()

    popup.outlet_edit.clear()
    popup.language_combo.setCurrentIndex(popup.language_combo.findData("en"))
    settle(qtbot, window)
    assert shown_titles(window) == ["Why margins matter"]

    popup.language_combo.setCurrentIndex(0)
    popup.since_edit.setText("2024-03")
    popup.until_edit.setText("٢٠٢٤")  # Arabic-Indic digits read as digits
    popup.edited.emit()
    settle(qtbot, window)
    assert sorted(shown_titles(window)) == sorted(
        library.articles.get(i).title for i in (sample_ids[0], sample_ids[2])
    )
    assert filters.state.until == "2024"

    popup.since_edit.setText("2024-13")
    popup.edited.emit()
    settle(qtbot, window)
    assert popup.date_problem.isVisible() and "2015-07-21" in popup.date_problem.text()
    assert filters.state.since == ""  # left out, and said so

    library.highlights.create(sample_ids[2], 0, 4)
    popup.since_edit.clear()
    popup.until_edit.clear()
    popup.highlights_check.setChecked(True)
    settle(qtbot, window)
    assert shown_titles(window) == [library.articles.get(sample_ids[2]).title]
    assert count_text(window) == "1 of 4 articles"

    library.highlights.create(sample_ids[1], 0, 4)  # a new highlight: the filter asks again
    settle(qtbot, window)
    assert len(shown_titles(window)) == 2

    filters.bar.clear_button.click()
    settle(qtbot, window)
    assert window.library_model.shown_total == 4
    assert filters.state == ArticleFilter()
    assert not popup.highlights_check.isChecked()
    assert not filters.bar.summary.isVisible()


def test_a_tag_filter_keeps_the_children_of_a_tag(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    library.articles.set_tags(sample_ids[1], ["security/terrorism"])
    settle(qtbot, window)
    window.library_list.filters.set_filter(ArticleFilter(tag="security"))
    settle(qtbot, window)
    assert shown_titles(window) == ["Why margins matter"]
    assert window.library_list.filters.popup.tag_combo.currentData() == "security"


def test_ctrl_shift_f_puts_the_cursor_in_the_box(window: MainWindow) -> None:
    action = window.library_list.filters.focus_action
    assert action.shortcut().toString() == "Ctrl+Shift+F"
    assert action in window.edit_menu.actions()
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(action)) if a is not action]
    assert "Ctrl+Shift+F" not in shortcuts
    action.trigger()
    assert window.focusWidget() is window.library_list.filters.bar.box


def test_the_model_filters_on_folded_text_without_the_library() -> None:
    class NoLibrary:
        class articles:  # noqa: N801 (a stand-in for the service)
            @staticmethod
            def list_rows(ids=None):
                return [
                    (1, "عقود مشبوهة", "كاتب", "", "", 0),
                    (2, "Another", "إبراهيم", "CNN", "2015", 3),
                ]

    model = LibraryModel(NoLibrary())  # type: ignore[arg-type]
    model.set_filter(RowFilter(text=fold("مشبوهه")))
    assert [model.article_at(i).id for i in range(model.rowCount())] == [1]
    model.set_filter(RowFilter(author=fold("ابراهيم")))  # hamza folded
    assert model.shown_total == 1 and model.article_at(0).id == 2
    model.set_filter(RowFilter(ids=frozenset({1}), outlet=fold("cnn")))
    assert model.shown_total == 0
    model.set_filter(RowFilter())
    assert model.shown_total == 2 and model.unfolded() == []


def test_rows_an_import_adds_show_only_when_the_filter_keeps_them() -> None:
    class NoLibrary:
        class articles:  # noqa: N801 (a stand-in for the service)
            @staticmethod
            def list_rows(ids=None):
                return [(1, "عقود مشبوهة", "كاتب", "", "", 0)]

    from reader.gui.library.library_model import LibraryRow

    model = LibraryModel(NoLibrary())  # type: ignore[arg-type]
    model.set_filter(RowFilter(text=fold("عقود")))
    added = model.insert_rows(
        [LibraryRow(3, "عقود جديدة", "", "", "", 0), LibraryRow(2, "Oil prices", "", "BBC", "", 0)]
    )
    assert added == 2 and model.total == 3
    assert [model.article_at(i).id for i in range(model.rowCount())] == [3, 1]  # newest first, filter kept
    model.update_rows([LibraryRow(1, "عقود مشبوهة (معدل)", "كاتب", "الوطن", "", 0)])
    assert model.article_at(1).title == "عقود مشبوهة (معدل)"
    model.remove_ids([3, 2])
    assert model.total == 1 and [model.article_at(i).id for i in range(model.rowCount())] == [1]
    model.set_filter(RowFilter())
    assert model.shown_total == 1 and model.article(2) is None

"""The metadata dialog: editing an article's details is one undoable step; a bad value is said under its
field; each field reads in its text's direction; F2 and the article's context menu open it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui.library.metadata_dialog import MetadataDialog, TagListCompleter, split_tags
from reader.gui.main_window import MainWindow
from tests.gui.library.helpers import settle, shown_titles


def open_dialog(window: MainWindow, article_id: int) -> MetadataDialog:
    dialog = window.library_list.actions.edit_metadata(article_id)
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "metadataDialog"
    return dialog


def test_saving_the_dialog_is_one_undoable_step(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    article_id = sample_ids[1]
    library.collections.create("Essays")
    dialog = open_dialog(window, article_id)
    assert dialog.edits["title"].text() == "Why margins matter"
    dialog.edits["title"].setText("Why margins still matter")
    dialog.edits["author"].setText("B. Reader")
    dialog.edits["published"].setText("2015-07")
    dialog.edits["url"].setText("https://example.org/margins")
    dialog.language_combo.setEditText("fr")
    dialog.tags_edit.setText("reading, margins، habits")  # Latin and Arabic commas
    [essays] = dialog.collections_list.findItems("Essays", Qt.MatchFlag.MatchExactly)
    essays.setCheckState(Qt.CheckState.Checked)
    dialog.new_collection_edit.setText("Slow reading")
    steps = window.undo_stack.count()

    dialog.save()

    assert dialog.result() == QDialog.DialogCode.Accepted
    article = library.articles.get(article_id)
    assert (article.title, article.author, article.published, article.language, article.url) == (
        "Why margins still matter", "B. Reader", "2015-07", "fr", "https://example.org/margins",
    )  # fmt: skip
    assert library.articles.tags(article_id) == ["habits", "margins", "reading"]
    assert library.articles.collections_of([article_id])[article_id] == ["Essays", "Slow reading"]
    assert window.undo_stack.count() == steps + 1
    settle(qtbot, window)
    assert "Why margins still matter" in shown_titles(window)

    window.undo_stack.undo()
    article = library.articles.get(article_id)
    assert (article.title, article.author, article.published, article.language, article.url) == (
        "Why margins matter", "A. Writer", "2024-01-10", "en", "",
    )  # fmt: skip
    assert library.articles.tags(article_id) == []
    assert library.articles.collections_of([article_id]).get(article_id, []) == []
    assert library.collections.names() == ["Essays"]  # the one the save made is gone again
    settle(qtbot, window)
    assert "Why margins matter" in shown_titles(window)

    window.undo_stack.redo()
    assert library.articles.get(article_id).title == "Why margins still matter"
    assert library.collections.names() == ["Essays", "Slow reading"]


def test_a_date_that_is_not_a_date_is_said_under_its_field(
    window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    dialog = open_dialog(window, sample_ids[1])
    steps = window.undo_stack.count()
    dialog.edits["published"].setText("2015-13-40")
    dialog.save()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    message = dialog.error_text("published")
    assert "2015-07-21" in message and "Traceback" not in message
    assert dialog.focusWidget() is dialog.edits["published"]
    assert library.articles.get(sample_ids[1]).published == "2024-01-10"
    assert window.undo_stack.count() == steps

    dialog.edits["published"].setText("2015")
    dialog.edits["title"].setText("   ")
    dialog.save()
    assert dialog.error_text("published") == ""
    assert dialog.error_text("title") == "An article needs a title."
    dialog.edits["title"].setText("Fine now")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert library.articles.get(sample_ids[1]).published == "2015"


def test_a_dialog_saved_without_changes_pushes_nothing(window: MainWindow, sample_ids: list[int]) -> None:
    dialog = open_dialog(window, sample_ids[0])
    steps = window.undo_stack.count()
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.undo_stack.count() == steps


def test_each_field_reads_in_its_own_direction(window: MainWindow, sample_ids: list[int]) -> None:
    dialog = open_dialog(window, sample_ids[0])  # an Arabic article in the English UI
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert dialog.edits["title"].layoutDirection() == rtl
    assert dialog.edits["author"].layoutDirection() == rtl
    assert dialog.edits["published"].layoutDirection() == ltr
    assert dialog.edits["url"].layoutDirection() == ltr
    dialog.edits["title"].setText("An English title")
    assert dialog.edits["title"].layoutDirection() == ltr
    dialog.edits["title"].setText("«عنوان» عربي")
    assert dialog.edits["title"].layoutDirection() == rtl
    dialog.reject()


def test_f2_and_the_article_menu_edit_the_open_article(
    window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    actions = window.library_list.actions
    assert actions.edit_action.shortcut().toString() == "F2"
    assert actions.edit_action in window.articles_menu.actions()
    assert window.open_article(sample_ids[2])
    actions.edit_action.trigger()
    dialog = actions.metadata_dialog
    assert dialog is not None and dialog.edits["title"].text() == library.articles.get(sample_ids[2]).title
    dialog.reject()
    menu = window.article_menu.build(QPoint(5, 5))
    assert actions.edit_action in menu.actions()
    menu.deleteLater()


def test_a_double_click_on_the_title_edits_the_metadata(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    window.resize(1200, 800)
    window.show()
    assert window.open_article(sample_ids[1])
    view = window.article_view
    qtbot.waitUntil(lambda: view.in_header(QPoint(view.viewport().width() // 2, 40)), timeout=3000)
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view.viewport().width() // 2, 40)
    )
    dialog = window.library_list.actions.metadata_dialog
    assert dialog is not None and dialog.edits["title"].text() == library.articles.get(sample_ids[1]).title
    dialog.reject()
    below = QPoint(view.viewport().width() // 2, view.viewport().height() - 20)
    assert not view.in_header(below)  # the text itself: a double click selects a word, as before


def test_tags_complete_after_the_last_comma(
    window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    library.articles.set_tags(sample_ids[0], ["politics", "security/terrorism"])
    dialog = open_dialog(window, sample_ids[1])
    completer = dialog.tags_completer
    assert isinstance(completer, TagListCompleter)
    assert completer.model().rowCount() == 3  # a hierarchical tag's parent is offered too
    assert completer.splitPath("reading, sec") == ["sec"]
    dialog.tags_edit.setText("reading, sec")
    completer.setCompletionPrefix("reading, sec")
    assert completer.completionCount() == 2
    assert completer.currentCompletion() == "reading, security"
    source = completer.model().index(2, 0)  # what the completer passes: the tag list's own index
    assert completer.pathFromIndex(source) == "reading, security/terrorism"
    assert split_tags("a, b،  c ,, a") == ["a", "b", "c"]
    dialog.reject()

"""The list's article commands: delete (asked, undoable, highlights back), tags and collections from the
context menu, each one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui.common.dialogs import accept_confirmation
from reader.gui.main_window import MainWindow
from tests.gui.library.helpers import select_articles, settle, shown_titles


def action_named(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


@pytest.mark.parametrize("ui_language", ["en"], indirect=True)
def test_delete_asks_then_undo_brings_the_articles_and_their_highlights_back(
    qtbot: QtBot, ui_language: str, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    first, second, third = sample_ids
    text = library.articles.text(second)
    for start in (0, text.index("Reading")):
        library.highlights.create(second, start, start + 5, note="kept", tags=["t"])
    library.articles.set_tags(second, ["essay"])
    library.collections.add("Keep", [first, second])
    settle(qtbot, window)
    assert window.open_article(second)
    select_articles(window, [first, second])
    actions = window.library_list.actions

    box = actions.delete_articles()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "Delete 2 articles with their 2 highlights?"
    accept_confirmation(box)

    assert not library.articles.exists(first) and not library.articles.exists(second)
    # the reader moved on to the next article in the list that was not deleted
    assert window.current_article_id() == third
    settle(qtbot, window)
    assert window.library_model.total == 1

    window.undo_stack.undo()
    assert library.articles.exists(first) and library.articles.exists(second)
    assert [h.note for h in library.highlights.for_article(second)] == ["kept", "kept"]
    assert library.articles.tags(second) == ["essay"]
    assert library.collections.articles("Keep") == sorted([first, second])
    assert window.current_article_id() == second  # what was open comes back
    settle(qtbot, window)
    assert window.library_model.total == 3
    row = window.library_model.article(second)
    assert row is not None and row.highlight_count == 2


@pytest.mark.parametrize("ui_language", ["en"], indirect=True)
def test_the_question_names_one_article_and_cancel_deletes_nothing(
    qtbot: QtBot, ui_language: str, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    actions = window.library_list.actions
    box = actions.delete_articles([sample_ids[1]])
    assert box is not None
    assert box.text() == "Delete “\u2068Why margins matter\u2069”?"
    box.reject()
    assert library.articles.exists(sample_ids[1])
    assert actions.delete_question(sample_ids) == "Delete 3 articles?"


def test_the_delete_key_in_the_list_asks(qtbot: QtBot, window: MainWindow, sample_ids: list[int]) -> None:
    view = window.library_view
    select_articles(window, [sample_ids[0]])
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    box = window.library_list.actions.question
    assert box is not None and box.isVisible() and box.objectName() == "deleteArticlesBox"
    box.reject()
    # elsewhere Delete is not the list's: the notes panel keeps its own
    assert window.library_list.actions.delete_action not in window.actions()


def test_deleting_the_last_article_shows_the_empty_state(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    for article_id in sample_ids[1:]:
        library.articles.delete(article_id)
    settle(qtbot, window)
    assert window.open_article(sample_ids[0])
    assert window.library_list.actions.delete_now([sample_ids[0]])
    assert window.current_article_id() is None
    window.undo_stack.undo()
    assert window.current_article_id() == sample_ids[0]


def test_tags_for_the_selection_add_and_remove_in_one_step(
    window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    first, second, _ = sample_ids
    library.articles.set_tags(first, ["old", "shared"])
    library.articles.set_tags(second, ["shared"])
    select_articles(window, [first, second])
    actions = window.library_list.actions
    menu = actions.build_context_menu()
    assert actions.tags_action in menu.actions()
    actions.tags_action.trigger()
    dialog = actions.tags_dialog
    assert dialog is not None and dialog.objectName() == "articleTagsDialog"
    states = {
        dialog.list.item(i).text(): dialog.list.item(i).checkState() for i in range(dialog.list.count())
    }
    assert states == {"old": Qt.CheckState.PartiallyChecked, "shared": Qt.CheckState.Checked}
    dialog.set_checked("shared", Qt.CheckState.Unchecked)
    dialog.add_edit.setText("new one, أمن")
    steps = window.undo_stack.count()
    dialog.save()
    assert library.articles.tags_of([first, second]) == {
        first: ["new one", "old", "أمن"],
        second: ["new one", "أمن"],
    }
    assert window.undo_stack.count() == steps + 1
    window.undo_stack.undo()
    assert library.articles.tags(first) == ["old", "shared"]
    assert library.articles.tags(second) == ["shared"]


def test_collections_from_the_context_menu(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    first, _, third = sample_ids
    library.collections.create("Reading list")
    select_articles(window, [first, third])
    actions = window.library_list.actions
    menu = actions.build_context_menu()
    assert actions.add_menu.menuAction() in menu.actions()
    assert actions.remove_menu.menuAction() in menu.actions()

    actions.fill_add_menu()
    action_named(actions.add_menu, "Reading list").trigger()
    assert library.collections.articles("Reading list") == [first, third]

    actions.fill_add_menu()
    action_named(actions.add_menu, "New Collection…").trigger()
    dialog = actions.name_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("تقارير")
    dialog.accept()
    assert library.collections.articles("تقارير") == [first, third]

    select_articles(window, [third])
    actions.fill_remove_menu()
    assert sorted(a.text() for a in actions.remove_menu.actions()) == ["Reading list", "تقارير"]
    action_named(actions.remove_menu, "Reading list").trigger()
    assert library.collections.articles("Reading list") == [first]

    window.undo_stack.undo()  # the removal
    assert library.collections.articles("Reading list") == [first, third]
    window.undo_stack.undo()  # the new collection goes with its members
    assert library.collections.names() == ["Reading list"]
    window.undo_stack.undo()
    assert library.collections.articles("Reading list") == []
    settle(qtbot, window)
    assert len(shown_titles(window)) == 3
    menu.deleteLater()

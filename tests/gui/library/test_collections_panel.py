"""The collections panel: "All articles" and each collection with its count; choosing one filters the
list; create, rename and delete (asked, undoable, the articles stay)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui.common.dialogs import accept_confirmation
from reader.gui.library.collections_panel import CountRole, NameRole
from reader.gui.main_window import MainWindow
from tests.gui.library.helpers import settle, shown_titles


def panel_rows(window: MainWindow) -> list[tuple[str, int]]:
    panel = window.library_list.collections.panel
    return [(panel.item(r).data(NameRole), panel.item(r).data(CountRole)) for r in range(panel.count())]


def test_choosing_a_collection_filters_the_list(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    library.collections.add("Reading list", [sample_ids[1], sample_ids[2]])
    library.collections.create("Empty")
    settle(qtbot, window)
    panel = window.library_list.collections.panel
    assert window.findChild(QWidget, "collectionsPanel") is panel
    assert panel_rows(window) == [("", 3), ("Empty", 0), ("Reading list", 2)]
    assert panel.item(0).text() == "All articles"

    panel.setCurrentRow(2)  # as a click does
    settle(qtbot, window)
    titles = {library.articles.get(i).title for i in sample_ids[1:]}
    assert set(shown_titles(window)) == titles
    filters = window.library_list.filters
    assert filters.state.collection == "Reading list"
    assert filters.popup.collection_combo.currentData() == "Reading list"
    assert "Reading list" in filters.bar.summary.text()

    library.collections.add("Reading list", [sample_ids[0]])  # from elsewhere: the filter asks again
    settle(qtbot, window)
    assert window.library_model.shown_total == 3
    assert panel_rows(window)[2] == ("Reading list", 3)
    assert panel.currentRow() == 2

    panel.setCurrentRow(0)
    settle(qtbot, window)
    assert filters.state.collection == ""
    assert window.library_model.shown_total == 3


def test_the_panel_follows_a_collection_chosen_in_the_filters(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    library.collections.add("B", [sample_ids[0]])
    settle(qtbot, window)
    window.library_list.filters.set_collection("B")
    settle(qtbot, window)
    panel = window.library_list.collections.panel
    assert panel.currentItem().data(NameRole) == "B"
    assert window.library_model.shown_total == 1


def test_create_rename_and_delete_with_undo(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    controller = window.library_list.collections
    menu = controller.build_context_menu(-1)
    assert [a.text() for a in menu.actions()] == ["&New Collection…"]
    controller.new_action.trigger()
    dialog = controller.name_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("  Opinion   pieces ")
    dialog.accept()
    assert library.collections.names() == ["Opinion pieces"]
    library.collections.add("Opinion pieces", sample_ids[:2])
    settle(qtbot, window)
    controller.panel.setCurrentRow(1)
    settle(qtbot, window)
    assert window.library_model.shown_total == 2

    menu = controller.build_context_menu(1)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Search in This Collection",
        "&New Collection…",
        "&Rename…",
        "&Delete…",
    ]
    controller.ask_rename("Opinion pieces")
    controller.name_dialog.setTextValue("مقالات رأي")
    controller.name_dialog.accept()
    assert library.collections.names() == ["مقالات رأي"]
    assert window.library_list.filters.state.collection == "مقالات رأي"  # the list keeps showing it
    settle(qtbot, window)
    assert window.library_model.shown_total == 2

    box = controller.ask_delete("مقالات رأي")
    assert box.isVisible() and "2" in box.informativeText()
    accept_confirmation(box)
    assert library.collections.names() == []
    assert all(library.articles.exists(i) for i in sample_ids)  # the articles stay
    assert window.library_list.filters.state.collection == ""
    settle(qtbot, window)
    assert window.library_model.shown_total == 3

    window.undo_stack.undo()  # the collection comes back with its members
    assert library.collections.articles("مقالات رأي") == sample_ids[:2]
    window.undo_stack.undo()  # the rename
    assert library.collections.names() == ["Opinion pieces"]
    settle(qtbot, window)
    assert [name for name, _ in panel_rows(window)] == ["", "Opinion pieces"]
    menu.deleteLater()


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_the_panel_in_arabic(qtbot: QtBot, ui_language: str, window: MainWindow, library: Library) -> None:
    panel = window.library_list.collections.panel
    assert panel.item(0).text() == "كل المقالات"

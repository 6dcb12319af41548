"""The tag manager (Edit → Manage Tags…): the tree with counts, rename / merge / delete with undo and redo;
tag completion in the notes panel from the library's tags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.core.library import Library
from reader.gui.main_window import MainWindow
from reader.gui.tags.tag_manager import NAME_ROLE
from tests.core.tags_seed import TagsSeed, build


@pytest.fixture
def seeded(library: Library) -> TagsSeed:
    return build(library)


@pytest.fixture
def tag_window(qtbot, library: Library, seeded: TagsSeed, settings):
    win = MainWindow(library, settings, "en")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def all_tags(library: Library) -> dict[int, list[str]]:
    return {h.id: h.tags for h in library.highlights.query()}


def tree_names(window: MainWindow) -> dict[str, str | None]:
    """tag -> its parent row's tag, as the tree shows them."""
    dialog = window.tag_manager.dialog
    assert dialog is not None
    out: dict[str, str | None] = {}
    model = dialog.model

    def walk(parent_index, parent_name: str | None) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(parent_index)):
            index = model.index(row, 0, parent_index)
            name = str(index.data(NAME_ROLE))
            out[name] = parent_name
            walk(index, name)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex(), None)
    return out


def test_the_tree_shows_children_under_parents_with_counts(tag_window: MainWindow) -> None:
    tag_window.tag_manager.action.trigger()
    dialog = tag_window.tag_manager.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    names = tree_names(tag_window)
    assert names["security/terrorism"] == "security" and names["security"] is None
    assert names["economy/oil"] == "economy"
    row = dialog.model.findItems("security", Qt.MatchFlag.MatchExactly)[0]
    assert dialog.model.item(row.row(), 1).text() == "5"


def test_rename_and_undo_redo(qtbot, tag_window: MainWindow, library: Library, seeded: TagsSeed) -> None:
    manager = tag_window.tag_manager
    manager.show()
    before = all_tags(library)
    assert manager.rename("security", "safety")
    renamed = all_tags(library)
    assert renamed[seeded.highlight_ids[4]] == ["safety/borders", "safety/terrorism"]
    qtbot.waitUntil(lambda: "safety/terrorism" in tree_names(tag_window), timeout=3000)
    assert tag_window.undo_stack.undoText() == "Rename Tag security to safety"
    tag_window.undo_action.trigger()
    assert all_tags(library) == before
    qtbot.waitUntil(lambda: "security/terrorism" in tree_names(tag_window), timeout=3000)
    tag_window.redo_action.trigger()
    assert all_tags(library) == renamed


def test_merge_selected_and_delete_with_undo(
    qtbot, tag_window: MainWindow, library: Library, seeded: TagsSeed, monkeypatch
) -> None:
    manager = tag_window.tag_manager
    dialog = manager.show()
    before = all_tags(library)
    dialog.select(["economy", "security/borders"])
    assert sorted(dialog.selected_names()) == ["economy", "security/borders"]
    assert dialog.merge_button.isEnabled() and not dialog.rename_button.isEnabled()
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("topics", True))
    manager.ask_merge()
    assert "topics/oil" in library.tags.names() and "economy" not in library.tags.names()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.select(["topics"])
    manager.ask_delete()
    assert not any(t.startswith("topics") for tags in all_tags(library).values() for t in tags)
    tag_window.undo_action.trigger()
    tag_window.undo_action.trigger()
    assert all_tags(library) == before


def test_a_refused_name_is_reported_and_not_pushed(tag_window: MainWindow, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(tag_window, "show_error", lambda error, title=None: shown.append(error))
    count = tag_window.undo_stack.count()
    assert not tag_window.tag_manager.rename("security", " / ")
    assert shown and tag_window.undo_stack.count() == count


def test_notes_panel_completes_library_tags(
    qtbot, tag_window: MainWindow, library: Library, seeded: TagsSeed
) -> None:
    completion = tag_window.tag_completion
    edit = tag_window.annotations.panel.tags_edit
    assert edit.completer() is completion
    completion.refresh()
    assert {"security", "security/terrorism", "economy/oil", "english"} <= set(completion.tags())
    completion.setCompletionPrefix("claims, terr")
    assert completion.completionCount() == 1
    edit.setText("claims, terr")
    assert completion.currentCompletion() == "claims, security/terrorism"
    library.tags.rename("economy", "money")  # the list follows the library, read again when next used
    completion.eventFilter(edit, _focus_in())
    assert "money/oil" in completion.tags() and "economy" not in completion.tags()


def _focus_in():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent

    return QFocusEvent(QEvent.Type.FocusIn)

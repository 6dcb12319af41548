"""The notebook in the main window: Ctrl+Shift+N, filtering as you type, grouping, a click opens the passage,
note and tags edited in place and undone, the drag payload, the export of a selection, empty states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.gui.main_window import MainWindow
from reader.gui.modes import READING
from reader.gui.notebook.notebook_controller import MODE, NotebookController
from reader.gui.notebook.notebook_model import HIGHLIGHTS_MIME
from tests.core import notebook_seed
from tests.core.notebook_seed import AR1_QUOTE, AR2_QUOTE, EN_QUOTE, NotebookSeed

WAIT_MS = 15_000


@pytest.fixture
def seeded(tmp_path: Path) -> NotebookSeed:
    return notebook_seed.build(tmp_path / "library")


@pytest.fixture
def window(qtbot, seeded: NotebookSeed, settings):
    library = Library(seeded.dir)
    win = MainWindow(library, settings, "en")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    library.close()


def opened(qtbot, window: MainWindow) -> NotebookController:
    """The notebook, shown with Ctrl+Shift+N (typed in the article) and read."""
    window.activateWindow()
    qtbot.waitActive(window)
    window.library_view.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.library_view, Qt.Key.Key_N, modifiers)
    assert window.modes.current == MODE
    controller = window.notebook
    qtbot.waitUntil(
        lambda: controller.notebook is not None and controller._load_task is None, timeout=WAIT_MS
    )
    return controller


def quotes(controller: NotebookController) -> list[str]:
    return [row.item.highlight.exact for row in controller.view.model.rows if row.item is not None]


def headers(controller: NotebookController) -> list[tuple[str, int]]:
    return [(row.group.label, len(row.group.items)) for row in controller.view.model.rows if row.item is None]


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_ctrl_shift_n_shows_every_highlight(qtbot, window: MainWindow) -> None:
    controller = opened(qtbot, window)
    view = controller.view
    assert view.objectName() == "notebookView" and view.isVisible()
    assert controller.action.shortcut().toString() == "Ctrl+Shift+N"
    assert controller.action in window.view_menu.actions()
    assert quotes(controller) == [AR1_QUOTE, AR2_QUOTE, EN_QUOTE]
    assert view.count_label.text() == "3 highlight(s)"
    assert view.stack.currentWidget() is view.list


def test_filtering_as_you_type_is_arabic_aware(qtbot, window: MainWindow) -> None:
    controller = opened(qtbot, window)
    view = controller.view
    for letter in "المسووليه":  # typed a letter at a time (QTest types ASCII only): no hamza seat, ه for ة
        view.text_edit.insert(letter)
    assert quotes(controller) == [AR1_QUOTE]
    assert view.count_label.text() == "1 of 3"
    view.text_edit.clear()
    view.tag_edit.setText("security")  # a parent tag keeps its children
    assert quotes(controller) == [AR1_QUOTE, EN_QUOTE]
    choose(view.author_combo, "Jane Doe")
    assert quotes(controller) == [EN_QUOTE]
    view.text_edit.setText("nothing like this")
    assert quotes(controller) == []
    assert view.stack.currentWidget() is view.empty_label and "Nothing matches" in view.empty_label.text()
    view.text_edit.clear()
    view.tag_edit.clear()
    choose(view.author_combo, "")
    view.since_edit.setText("2020-04")
    assert quotes(controller) == [AR2_QUOTE]
    view.since_edit.setText("April")  # not a date yet: left out, the field says so
    assert quotes(controller) == [AR1_QUOTE, AR2_QUOTE, EN_QUOTE] and view.since_edit.toolTip()


def test_grouping_shows_headers_with_counts(qtbot, window: MainWindow, seeded: NotebookSeed) -> None:
    controller = opened(qtbot, window)
    view = controller.view
    choose(view.group_combo, "author")
    assert headers(controller) == [("Jane Doe", 1), ("تركي الدخيل", 1), ("عبدالرحمن الراشد", 1)]
    choose(view.group_combo, "collection")
    assert headers(controller) == [("أمن", 2), ("اقتصاد", 1), ("", 1)]  # '' painted as "In no collection"
    choose(view.group_combo, "month")
    assert headers(controller) == [("2020-03", 1), ("2020-04", 1), ("", 1)]
    view.text_edit.setText("council")  # filtering keeps the grouping
    assert headers(controller) == [("", 1)] and quotes(controller) == [EN_QUOTE]
    # the header is painted without a Python widget a card, and can be neither selected nor the card edited
    view.list.selectAll()
    assert [i.row() for i in view.list.card_indexes()] == [1]


def test_a_click_opens_the_passage(qtbot, window: MainWindow, seeded: NotebookSeed) -> None:
    controller = opened(qtbot, window)
    view = controller.view
    index = view.model.index(view.model.row_of_highlight(seeded.economy))
    view.list.scrollTo(index)
    center = view.list.visualRect(index).center()
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert window.modes.current == READING
    assert window.current_article_id() == seeded.ar2
    # Enter on the current card does the same
    window.notebook.action.trigger()
    view.list.setCurrentIndex(view.model.index(view.model.row_of_highlight(seeded.council)))
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert window.modes.current == READING and window.current_article_id() == seeded.en


def test_note_and_tags_edited_in_place_and_undone(qtbot, window: MainWindow, seeded: NotebookSeed) -> None:
    controller = opened(qtbot, window)
    view = controller.view
    store = window.library.highlights
    view.list.setCurrentIndex(view.model.index(view.model.row_of_highlight(seeded.economy)))
    assert view.editor.isEnabled() and view.note_edit.toPlainText() == ""
    view.note_edit.setFocus()
    for letter in "نمو سريع":
        view.note_edit.insertPlainText(letter)
    qtbot.waitUntil(lambda: store.get(seeded.economy).note == "نمو سريع", timeout=WAIT_MS)
    view.tags_edit.setText("economy, economy/growth")
    view.tags_edit.returnPressed.emit()
    assert store.get(seeded.economy).tags == ["economy", "economy/growth"]
    # the list follows the library, on the same card, with the filter kept
    qtbot.waitUntil(lambda: "economy/growth" in controller.notebook.tags(), timeout=WAIT_MS)
    assert controller.current_item() is not None and controller.current_item().highlight.id == seeded.economy
    window.undo_stack.undo()
    assert store.get(seeded.economy).tags == ["economy"]
    window.undo_stack.undo()
    assert store.get(seeded.economy).note == ""
    qtbot.waitUntil(lambda: controller.current_item().highlight.note == "", timeout=WAIT_MS)


def test_cards_drag_out_as_highlight_ids(qtbot, window: MainWindow, seeded: NotebookSeed) -> None:
    controller = opened(qtbot, window)
    view = controller.view
    model = view.model
    indexes = [model.index(model.row_of_highlight(h)) for h in (seeded.council, seeded.responsibility)]
    mime = model.mimeData(indexes)
    assert mime.hasFormat(HIGHLIGHTS_MIME)
    assert json.loads(bytes(mime.data(HIGHLIGHTS_MIME)).decode("utf-8")) == [
        seeded.responsibility,
        seeded.council,
    ]
    assert mime.text() == f"{AR1_QUOTE}\n\n{EN_QUOTE}"


def test_copy_and_export_a_selection_grouped_as_shown(
    qtbot, window: MainWindow, seeded: NotebookSeed, tmp_path: Path
) -> None:
    controller = opened(qtbot, window)
    view = controller.view
    choose(view.group_combo, "author")
    selection = view.list.selectionModel()
    for highlight_id in (seeded.council, seeded.responsibility):
        index = view.model.index(view.model.row_of_highlight(highlight_id))
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)
    QApplication.clipboard().clear()
    view.list.setFocus()
    qtbot.keyClick(
        view.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
    )  # the list's, not the article's
    assert QApplication.clipboard().text() == f"{EN_QUOTE}\n\n{AR1_QUOTE}"
    assert controller.copy_selected() == f"{EN_QUOTE}\n\n{AR1_QUOTE}"
    menu = controller.context_menu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Open",
        "Edit &Note",
        "Edit &Tags",
        "&Insert Quote into Page",
        "&Copy",
        "&Export Selected…",
    ]
    controller.export_action.trigger()
    dialog = window.export.dialog
    assert dialog is not None and dialog.scope_passages.isChecked()
    assert dialog.scope_choice().kind == "passages"
    dialog.set_format("md")
    target = tmp_path / "chosen.md"
    dialog.start_export(target)
    qtbot.waitUntil(lambda: dialog.export_task is None, timeout=WAIT_MS)
    text = target.read_text(encoding="utf-8")
    assert (
        text.index("# Jane Doe")
        < text.index(EN_QUOTE)
        < text.index("# عبدالرحمن الراشد")
        < text.index(AR1_QUOTE)
    )
    assert AR2_QUOTE not in text
    dialog.close()


def test_the_empty_library_says_so(qtbot, settings, tmp_path: Path) -> None:
    library = Library(tmp_path / "empty")
    win = MainWindow(library, settings, "en")
    qtbot.addWidget(win)
    win.show()
    controller = win.notebook
    controller.action.trigger()
    qtbot.waitUntil(
        lambda: controller.notebook is not None and controller._load_task is None, timeout=WAIT_MS
    )
    assert controller.view.stack.currentWidget() is controller.view.empty_label
    assert "No highlights yet" in controller.view.empty_label.text()
    win.close()
    library.close()


def test_a_side_pane_sits_beside_the_list(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    controller = opened(qtbot, window)
    pane = QLabel("a research page")
    controller.view.set_side_pane(pane)
    assert controller.view.splitter.indexOf(pane) == 1 and pane.isVisible()
    assert (
        pane.mapTo(controller.view, QPoint(0, 0)).x()
        > controller.view.list.mapTo(controller.view, QPoint(0, 0)).x()
    )


def test_gui_view_notebook_screenshot_shows_it(tmp_path: Path, seeded: NotebookSeed) -> None:
    from tests.gui.fixtures import run_hawamish

    png, layout = tmp_path / "shot.png", tmp_path / "layout.json"
    result = run_hawamish(
        [
            "--library",
            str(seeded.dir),
            "gui",
            "--view",
            "notebook",
            "--screenshot",
            str(png),
            "--layout-json",
            str(layout),
        ],
        HAWAMISH_CONFIG_DIR=str(tmp_path / "config"),
    )
    assert result.returncode == 0, result.stderr
    widgets = json.loads(layout.read_text(encoding="utf-8"))["widgets"]
    assert widgets["notebookView"][4] is True and widgets["notebookList"][4] is True
    assert widgets["notebookEmpty"][4] is False  # the cards were read before the picture was taken
    assert png.stat().st_size > 0

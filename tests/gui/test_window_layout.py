"""The article gets the room: panel shares at real window sizes (the real command, offscreen), the panels'
toggles, the layout saved per UI direction, and `gui --size` / `--layout-json`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from reader.gui.layout_report import layout_report
from reader.gui.main_window import MainWindow
from reader.gui.window_layout import LIBRARY_MIN, NOTES_MIN, OFFSCREEN_DEFAULT, default_size
from tests.gui.fixtures import run_hawamish

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
ARTICLE = "articleView/qt_scrollarea_viewport"


def _cli(args: list[str], config: Path) -> subprocess.CompletedProcess[str]:
    return run_hawamish(args, HAWAMISH_CONFIG_DIR=str(config))


@pytest.fixture(scope="module")
def seed_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("layout") / "lib"
    done = _cli(["--library", str(folder), "import", str(SEED)], folder.parent / "config")
    assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("size", [(1024, 700), (1366, 768), (1920, 1080)])
def test_the_article_gets_at_least_half_the_window(
    tmp_path: Path, seed_library: Path, size: tuple[int, int], lang: str
) -> None:
    report = tmp_path / "layout.json"
    width, height = size
    run = _cli(
        [
            *("--library", str(seed_library), "gui", "--lang", lang, "--open", "1"),
            *("--size", f"{width}x{height}", "--layout-json", str(report)),
        ],
        tmp_path / "config",
    )
    assert run.returncode == 0, run.stderr
    layout = json.loads(report.read_text("utf-8"))
    assert layout["window"][2:] == [width, height]
    widgets = layout["widgets"]
    library, notes, article = widgets["libraryPane"], widgets["annotationPanel"], widgets[ARTICLE]
    assert library[4] and notes[4] and article[4]  # both panels shown
    assert article[2] >= width / 2, (article, library, notes)
    assert LIBRARY_MIN <= library[2] <= 400
    assert NOTES_MIN <= notes[2] <= 400
    # the panels sit on the sides the UI direction puts them: the library first in reading order
    library_left = library[0] < article[0]
    assert library_left == (lang == "en")
    assert (notes[0] < article[0]) == (lang == "ar")
    # every widget lies within the window
    assert all(x >= 0 and x + w <= width + 1 for x, _y, w, _h, shown in widgets.values() if shown)


def test_screenshot_and_layout_json_together(tmp_path: Path, seed_library: Path) -> None:
    png, report = tmp_path / "shot.png", tmp_path / "out" / "layout.json"
    run = _cli(
        [
            *("--library", str(seed_library), "gui", "--size", "900x640"),
            *("--screenshot", str(png), "--layout-json", str(report)),
        ],
        tmp_path / "config",
    )
    assert run.returncode == 0, run.stderr
    assert png.stat().st_size > 0
    layout = json.loads(report.read_text("utf-8"))
    assert layout["window"][2:] == [900, 640]
    assert layout["widgets"]["articleView"][4] is True
    assert layout["widgets"]["searchDock"][4] is False  # a tab behind the notes panel: out of sight


@pytest.mark.parametrize("size", ["1024", "1024x", "x700", "10x10", "axb"])
def test_a_bad_size_is_a_usage_error(tmp_path: Path, size: str) -> None:
    run = _cli(["--library", str(tmp_path / "lib"), "gui", "--size", size], tmp_path / "config")
    assert run.returncode == 2
    assert "WIDTHxHEIGHT" in run.stderr


def test_default_size_is_most_of_the_screen() -> None:
    assert default_size("xcb", (1920, 1080)) == (1536, 864)
    assert default_size("xcb", (1366, 768)) == (1092, 700)  # at least 1024×700 where it fits
    assert default_size("xcb", (800, 600)) == (800, 600)  # never more than the screen
    assert default_size("offscreen", (800, 800)) == OFFSCREEN_DEFAULT


def test_the_layout_report_keys_repeated_names_by_their_named_parent(qtbot) -> None:
    window = QWidget()
    window.setObjectName("top")
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for name in ("first", "second"):
        box = QWidget(window)
        box.setObjectName(name)
        inner = QVBoxLayout(box)
        label = QLabel("x", box)
        label.setObjectName("label")
        inner.addWidget(label)
        layout.addWidget(box)
    hidden = QLabel("hidden", window)
    hidden.setObjectName("hiddenLabel")
    hidden.hide()
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    widgets = layout_report(window)["widgets"]
    assert set(widgets) == {"first", "second", "first/label", "second/label", "hiddenLabel"}
    assert widgets["hiddenLabel"][4] is False
    x, y, w, h, shown = widgets["second/label"]
    second = widgets["second"]
    assert shown and second[0] <= x and second[1] <= y and w > 0 and h > 0


def _open(qtbot, library, settings: QSettings, lang: str) -> MainWindow:
    window = MainWindow(library, settings, lang)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_panels_toggle_from_the_view_menu_and_the_keyboard(qtbot, window: MainWindow) -> None:
    window.resize(1024, 700)
    notes = window.annotations.panel
    article = window.article_view.viewport()
    qtbot.waitUntil(lambda: notes.isVisible() and article.width() >= 512, timeout=3000)
    view_actions = window.view_menu.actions()
    library_action, notes_action = window.toggle_library_action, window.annotations.panel_action
    assert library_action in view_actions and notes_action in view_actions
    assert library_action.shortcut() == QKeySequence("Ctrl+L")
    assert notes_action.shortcut() == QKeySequence("Ctrl+Shift+H")
    # the shortcuts are the window's: they work whatever has the focus
    assert library_action in window.actions() and notes_action in window.actions()
    width = article.width()

    library_action.trigger()
    assert window.library_list.pane.isHidden()
    qtbot.waitUntil(lambda: article.width() > width + 150, timeout=3000)
    notes_action.trigger()
    assert not notes.isVisible()
    window.search_dock.close()  # the tab behind the notes panel came forward: the article takes it all
    qtbot.waitUntil(lambda: article.width() > width + 350, timeout=3000)

    # back with the keyboard, the focus in the article
    window.activateWindow()
    qtbot.waitActive(window)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article_view, Qt.Key.Key_H, modifiers)
    qtbot.waitUntil(lambda: notes.isVisible() and window.library_list.pane.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: abs(article.width() - width) <= 2, timeout=3000)
    assert window.library_list.pane.width() >= LIBRARY_MIN


def test_the_layout_is_saved_per_ui_direction(qtbot, library, sample_ids, settings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        arabic = _open(qtbot, library, settings, "ar")
        arabic.resize(760, 640)  # within the offscreen screen (800×800): restoreGeometry keeps it there
        arabic.toggle_library_action.setChecked(False)
        arabic.annotations.panel_action.trigger()  # notes panel closed
        qtbot.waitUntil(lambda: not arabic.annotations.panel.isVisible(), timeout=3000)
        arabic.close()
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    english = _open(qtbot, library, settings, "en")
    assert english.size().toTuple() == OFFSCREEN_DEFAULT  # nothing saved for this direction yet
    assert english.toggle_library_action.isChecked() and english.library_list.pane.isVisible()
    assert english.annotations.panel.isVisible()
    assert english.dockWidgetArea(english.annotations.panel) == Qt.DockWidgetArea.RightDockWidgetArea
    english.resize(700, 600)
    english.close()

    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        again = _open(qtbot, library, settings, "ar")
        assert again.size().toTuple() == (760, 640)
        assert not again.toggle_library_action.isChecked() and again.library_list.pane.isHidden()
        assert not again.annotations.panel.isVisible()
        assert again.dockWidgetArea(again.annotations.panel) == Qt.DockWidgetArea.LeftDockWidgetArea
        again.close()
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    english = _open(qtbot, library, settings, "en")
    assert english.size().toTuple() == (700, 600)
    assert english.library_list.pane.isVisible() and english.annotations.panel.isVisible()
    english.close()
    assert settings.value("window/geometry") is None  # the one layout for both directions is gone


def test_a_notes_panel_the_user_widened_keeps_its_width(qtbot, window: MainWindow, settings) -> None:
    window.resize(1024, 700)
    notes = window.annotations.panel
    share = window.window_layout.notes
    qtbot.waitUntil(lambda: notes.isVisible() and notes.width() < 300, timeout=3000)
    # what dragging the separator does: the dock changes width, then the mouse is released on the window
    window.resizeDocks([notes], [380], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: notes.width() == 380, timeout=3000)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton)
    assert share.user_set
    window.resize(1100, 720)
    qtbot.waitUntil(lambda: window.width() == 1100, timeout=3000)
    qtbot.wait(50)
    assert notes.width() == 380
    window.close()
    assert settings.value("window/ltr/notes_placed") in (True, "true")


def test_the_first_layout_s_geometry_is_read_once(qtbot, library, sample_ids, settings) -> None:
    first = _open(qtbot, library, settings, "en")
    first.resize(720, 610)
    settings.setValue("window/geometry", first.saveGeometry())  # what the app saved before directions
    settings.remove("window/ltr/geometry")
    first.deleteLater()
    second = _open(qtbot, library, settings, "en")
    assert second.size().toTuple() == (720, 610)
    second.close()

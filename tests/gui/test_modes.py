"""The window's modes: a whole-library view takes the centre, hides the reading panels, gives them back."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from reader.gui.main_window import MainWindow
from reader.gui.modes import READING
from tests.gui.fixtures import run_hawamish


def _add_view(window: MainWindow, name: str = "testview") -> tuple[QLabel, QAction]:
    widget = QLabel("a whole-library view")
    action = QAction("Test View", window)
    window.shell.add_mode(name, widget, action)
    return widget, action


def test_a_mode_takes_the_centre_and_opening_an_article_comes_back(window: MainWindow, sample_ids) -> None:
    widget, action = _add_view(window)
    assert window.modes.names()[0] == READING and window.modes.names()[-1] == "testview"
    assert action in window.view_menu.actions()
    action.trigger()
    assert window.modes.current == "testview"
    assert window.modes.stack.currentWidget() is widget
    assert action.isChecked() and not window.reading_mode_action.isChecked()
    assert window.open_article(sample_ids[1])
    assert window.modes.current == READING
    assert window.reading_mode_action.isChecked()


def test_reading_panels_are_hidden_in_another_mode_and_come_back(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    panel = window.annotations.panel
    panel.show()
    assert panel.isVisible()
    _add_view(window)
    window.shell.show_mode("testview")
    assert not panel.isVisible()
    window.reading_mode_action.trigger()
    assert panel.isVisible()


def test_a_mode_name_is_given_once(window: MainWindow) -> None:
    _add_view(window)
    with pytest.raises(ValueError):
        _add_view(window)


def test_gui_view_library_starts_in_reading(tmp_path) -> None:
    png = tmp_path / "shot.png"
    result = run_hawamish(
        ["--library", str(tmp_path / "lib"), "gui", "--view", "library", "--screenshot", str(png)],
        HAWAMISH_CONFIG_DIR=str(tmp_path / "config"),
    )
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 0

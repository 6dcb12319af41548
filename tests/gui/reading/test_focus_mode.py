"""Distraction-free reading (F11): hides the library, bars and panels, keeps the notes panel a key away;
Esc or F11 puts everything back. The reading progress follows the scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.gui.main_window import MainWindow


def test_f11_hides_and_restores(qtbot, window: MainWindow, sample_ids) -> None:
    window.open_article(sample_ids[2])
    panel = window.annotations.panel
    panel.show()
    qtbot.wait(10)
    assert window.library_list.pane.isVisible() and window.statusBar().isVisible()
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F11)
    assert window.focus_mode.active
    assert not window.library_list.pane.isVisible()
    assert not window.statusBar().isVisible()
    assert not window.menuBar().isVisible()
    assert not panel.isVisible()
    assert window.article_view.isVisible()
    assert window.progress.strip.isVisible()
    # the notes panel is one key away
    qtbot.keyClick(
        window.article_view,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert panel.isVisible()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Escape)
    assert not window.focus_mode.active
    assert window.library_list.pane.isVisible()
    assert window.statusBar().isVisible() and window.menuBar().isVisible()
    assert window.toggle_library_action.isChecked()
    # F11 again enters, and F11 leaves
    qtbot.keyClick(window.article_view, Qt.Key.Key_F11)
    assert window.focus_mode.active
    qtbot.keyClick(window.article_view, Qt.Key.Key_F11)
    assert not window.focus_mode.active
    assert window.library_list.pane.isVisible() and panel.isVisible()


def test_escape_does_nothing_outside_focus_mode(qtbot, window: MainWindow, sample_ids) -> None:
    window.open_article(sample_ids[1])
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Escape)
    assert not window.focus_mode.active
    assert window.library_list.pane.isVisible()


def test_reading_progress_follows_the_scroll(qtbot, window: MainWindow, sample_ids) -> None:
    window.open_article(sample_ids[2])
    view = window.article_view
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    assert window.progress.percent() == 0
    assert window.progress.label.text() == "0%"
    bar.setValue(bar.maximum() // 2)
    assert 40 <= window.progress.percent() <= 60
    assert window.progress.strip.width() == view.viewport().width()
    bar.setValue(bar.maximum())
    assert window.progress.label.text() == "100%"
    assert window.progress.label.accessibleName() == "Reading progress"
    window.open_article(sample_ids[1])  # a short article fits: 100 %, no bar
    qtbot.wait(10)
    if view.verticalScrollBar().maximum() == 0:
        assert window.progress.label.text() == "100%"
        assert not window.progress.strip.isVisible()

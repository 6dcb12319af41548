"""Every interactive control of the main window and its panels has a text or an accessible name."""

from __future__ import annotations

from reader.gui.common.accessibility import unnamed_controls
from reader.gui.main_window import MainWindow


def describe(widget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} in {widget.parentWidget().objectName()!r}"


def test_no_interactive_control_without_a_name(qtbot, window: MainWindow, sample_ids) -> None:
    window.open_article(sample_ids[1])
    view = window.article_view
    at = view.article.text.index("slowly")
    view.setTextCursor(view.cursor_for_range(at, at + 6))
    window.annotations.highlight_selection("claim")
    window.find_bar.open_bar()
    qtbot.wait(10)
    assert [describe(w) for w in unnamed_controls(window)] == []
    window.find_bar.close_bar()


def test_the_check_finds_an_unnamed_button(window: MainWindow) -> None:
    from PySide6.QtWidgets import QToolButton

    button = QToolButton(window)
    assert button in unnamed_controls(window)
    button.setAccessibleName("Something")
    assert button not in unnamed_controls(window)
    button.deleteLater()

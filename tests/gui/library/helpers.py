"""What the library-management tests share: selecting rows, the rows shown, waiting for the list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.library.library_model import COL_TITLE
from reader.gui.main_window import MainWindow

WAIT_MS = 5000


def shown_titles(window: MainWindow) -> list[str]:
    model = window.library_model
    return [row.title for row in (model.article_at(i) for i in range(model.rowCount())) if row is not None]


def select_articles(window: MainWindow, article_ids: list[int]) -> None:
    """Select the rows of `article_ids` in the list (as a user's Ctrl+click would)."""
    proxy = window.library_proxy
    selection = QItemSelection()
    for article_id in article_ids:
        row = window.library_model.row_of(article_id)
        assert row is not None, article_id
        index = proxy.mapFromSource(window.library_model.index(row, COL_TITLE))
        selection.select(index, index)
    window.library_view.selectionModel().select(
        selection,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the list has read the library's changes and applied its filter."""
    qtbot.waitUntil(lambda: window.library_list.settled, timeout=WAIT_MS)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest's keyClicks knows only ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))

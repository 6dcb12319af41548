"""Distraction-free reading (F11): the window goes full screen with only the article (and the side panel a
key away); Esc or F11 leaves and puts back what was shown.

What is hidden: the library column (through its own View → Library List action, so the menu stays in
step), the menu bar, tool bars, the status bar and the side panels. The window's shortcuts keep working
(they are the window's actions), so Ctrl+Shift+H still brings the notes panel back while reading.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget


class FocusMode(QObject):
    """The F11 toggle of one main window."""

    def __init__(self, window: QMainWindow, library_action: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._library_action = library_action
        self._restore: list[tuple[QWidget, bool]] = []
        self._library_was_shown = True
        self._was_maximized = False
        self.action = QAction(self.tr("&Distraction-Free Reading"), self)
        self.action.setObjectName("focusModeAction")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.action.toggled.connect(self._on_toggled)
        # Esc leaves, only while reading this way (elsewhere Esc belongs to the find bar and dialogs)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.leave)

    @property
    def active(self) -> bool:
        return self.action.isChecked()

    def enter(self) -> None:
        self.action.setChecked(True)

    def leave(self) -> None:
        self.action.setChecked(False)

    def _on_toggled(self, on: bool) -> None:
        if on:
            self._enter()
        else:
            self._leave()
        self._escape.setEnabled(on)

    def _enter(self) -> None:
        window = self._window
        self._library_was_shown = self._library_action.isChecked()
        self._library_action.setChecked(False)
        hideable: list[QWidget] = [window.menuBar(), window.statusBar()]
        hideable += window.findChildren(QToolBar)
        hideable += [d for d in window.findChildren(QDockWidget) if not d.isFloating()]
        self._restore = [(w, w.isVisible()) for w in hideable]
        for widget, _shown in self._restore:
            widget.hide()
        self._was_maximized = window.isMaximized()
        window.showFullScreen()

    def _leave(self) -> None:
        window = self._window
        if self._was_maximized:
            window.showMaximized()
        else:
            window.showNormal()
        for widget, shown in self._restore:
            widget.setVisible(shown)
        self._restore = []
        self._library_action.setChecked(self._library_was_shown)

"""The window's modes: reading (the library list beside the article) and whole-library views that take the
window's centre instead (the notebook, the compare view).

A mode is a widget in the central stack and a checkable action in View (one group: exactly one mode is
checked). Panels beside the article (the notes panel, search results) belong to reading: leaving reading
hides them and coming back shows the ones that were shown, so a whole-library view gets the full width at
1024 pixels. Opening an article from any mode comes back to reading (`MainWindow.open_article`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget, QWidget

#: The mode every window starts in; `hawamish gui --view library` names it.
READING = "reading"


class WindowModes(QObject):
    """The central stack of a main window and the View actions that switch it."""

    #: The name of the mode now shown.
    changed = Signal(str)

    def __init__(self, window: QMainWindow, reading: QWidget, reading_action: QAction) -> None:
        super().__init__(window)
        self._window = window
        self.stack = QStackedWidget(window)
        self.stack.setObjectName("modeStack")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._widgets: dict[str, QWidget] = {}
        self._actions: dict[str, QAction] = {}
        self._hidden_docks: list[QDockWidget] = []
        self._current = READING
        self.add(READING, reading, reading_action)
        reading_action.setChecked(True)

    @property
    def current(self) -> str:
        return self._current

    def names(self) -> list[str]:
        return list(self._widgets)

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def add(self, name: str, widget: QWidget, action: QAction) -> None:
        """Add a mode: `widget` takes the window's centre when `action` (made checkable here) is triggered."""
        if name in self._widgets:
            raise ValueError(f"a mode named {name!r} exists")
        self._widgets[name] = widget
        self._actions[name] = action
        self.stack.addWidget(widget)
        action.setCheckable(True)
        self._group.addAction(action)
        action.triggered.connect(lambda checked=False, mode=name: self.show(mode))

    def show(self, name: str) -> None:
        """Show a mode (a no-op when it is shown); KeyError for a name no feature added."""
        widget = self._widgets[name]
        self._actions[name].setChecked(True)
        if name == self._current:
            return
        leaving_reading = self._current == READING
        self._current = name
        if leaving_reading:
            self._hidden_docks = [d for d in self._window.findChildren(QDockWidget) if d.isVisible()]
            for dock in self._hidden_docks:
                dock.hide()
        self.stack.setCurrentWidget(widget)
        if name == READING:
            for dock in self._hidden_docks:
                dock.show()
            self._hidden_docks = []
        widget.setFocus()
        self.changed.emit(name)

"""What a GUI feature may ask of the window it lives in, and nothing more.

Features (the library list, annotations, search, export, backup) are built with the `Library` and a `Shell`,
never with the main window itself: a feature that could reach the window could reach every other feature
through it, and the order features were attached in would become a hidden dependency. When one feature
needs another (search steps through the find bar's matches, export offers the articles selected in the
library list), the window passes that object in explicitly when it builds the feature.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QPoint, SignalInstance
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from reader.gui.reading.article_view import ArticleView

#: Adds entries to the article view's context menu, given the menu and where the user clicked.
MenuExtender = Callable[[QMenu, QPoint], None]


class Menu(StrEnum):
    """The window's menus a feature can add to."""

    FILE = "file"
    EDIT = "edit"
    ARTICLE = "article"
    VIEW = "view"
    HELP = "help"


class Shell(Protocol):
    """The window as a feature sees it."""

    @property
    def article_view(self) -> ArticleView:
        """The view of the open article (features draw layers on it and read its selection)."""
        ...

    @property
    def undo_stack(self) -> QUndoStack:
        """The window's one undo stack (Edit → Undo / Redo)."""
        ...

    @property
    def library_changed(self) -> SignalInstance:
        """Emits every `Change` of the library, on the UI thread, whichever thread wrote it."""
        ...

    def dialog_parent(self) -> QWidget:
        """The widget dialogs and message boxes are parented to (and centred on)."""
        ...

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        """A message in the status bar (0: until the next one)."""
        ...

    def clear_status(self) -> None: ...

    def show_error(self, error: BaseException, title: str | None = None) -> None:
        """A warning box with the error as a sentence in the UI language."""
        ...

    def open_article(self, article_id: int, scroll_to: int | None = None) -> bool:
        """Show an article, scrolled to a code-point offset of its canonical text; False when it is gone."""
        ...

    def add_action(self, action: QAction, menu: Menu | None = None, *, separated: bool = False) -> None:
        """Make `action`'s shortcut work in the whole window and, with `menu`, list it at the end of that
        menu (File: before Quit); `separated` puts a separator line before it."""
        ...

    def remove_action(self, action: QAction) -> None:
        """Take back an action added with `add_action` (its shortcut stops working)."""
        ...

    def add_submenu(self, submenu: QMenu, menu: Menu, *, separated: bool = False) -> None:
        """List `submenu` at the end of `menu`."""
        ...

    def add_dock(self, dock: QDockWidget, width: int | None = None) -> None:
        """Put a panel beside the article, opposite the library list; panels added later become tabs behind
        the first one."""
        ...

    def add_status_widget(self, widget: QWidget) -> None:
        """A permanent widget at the end of the status bar."""
        ...

    def add_mode(self, name: str, widget: QWidget, action: QAction) -> None:
        """A whole-library view (reader/gui/modes.py) that takes the window's centre when `action` is
        triggered; listed in View after Reading. `action` carries the mode's name and shortcut."""
        ...

    def show_mode(self, name: str) -> None:
        """Show a mode added with `add_mode` ('reading': the library list beside the article)."""
        ...

    def extend_article_menu(self, extend: MenuExtender) -> None:
        """Add entries to the article view's context menu each time it opens (in the order features
        were built)."""
        ...

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the window has painted for the first time (start-up work that would slow
        the first frame down waits for it)."""
        ...

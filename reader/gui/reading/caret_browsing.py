"""Caret browsing in the article (F7): a visible caret that the arrow keys move, so text can be selected
and highlighted without a mouse.

Qt's own keyboard handling does the moving, as browsers do: in a right-to-left paragraph the Right arrow
moves the caret visually (logically backwards), and Shift / Shift+Ctrl with the arrows extend the selection
by letter and by word. The selection is read as code points of the canonical text by
`ArticleView.selected_range`, whatever direction it was made in. Off, the arrows scroll as before. The
state is a machine preference (QSettings). The menu key and Shift+F10 open the context menu at the caret.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence

from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.context_menu import ArticleContextMenu

CARET_KEY = "view/caret_browsing"
CARET_WIDTH = 2


class CaretBrowsing(QObject):
    """The F7 toggle and the keyboard context menu of one article view."""

    def __init__(
        self, view: ArticleView, menu: ArticleContextMenu, settings: QSettings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._menu = menu
        self._settings = settings
        self.action = QAction(self.tr("&Caret Browsing"), self)
        self.action.setObjectName("caretBrowsingAction")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.action.setChecked(_as_bool(settings.value(CARET_KEY, False)))
        self.action.toggled.connect(self.set_enabled)
        view.installEventFilter(self)
        self._apply(self.action.isChecked())

    @property
    def enabled(self) -> bool:
        return self.action.isChecked()

    def set_enabled(self, on: bool) -> None:
        if self.action.isChecked() != on:
            self.action.setChecked(on)  # comes back here through toggled
            return
        self._settings.setValue(CARET_KEY, on)
        self._apply(on)

    def _apply(self, on: bool) -> None:
        view = self._view
        flags = Qt.TextInteractionFlag.TextSelectableByMouse
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        view.setTextInteractionFlags(flags)
        view.setCursorWidth(CARET_WIDTH if on else 1)
        if on:
            view.ensureCursorVisible()
        view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._view:
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and _is_menu_key(event):
            self._menu.show_at_caret()
            return True
        if (
            event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            self._menu.show_at_caret()
            return True
        return False


def _is_menu_key(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier:
        return True
    return event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier


def _as_bool(value: object) -> bool:
    """A flag kept in the INI settings (read back as text)."""
    return value is True or str(value).lower() in ("true", "1")

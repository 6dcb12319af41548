"""The article view's context menu: Qt's standard one (copy, select all), extended by the features.

Each feature adds its entries through one extender, called in the order the features were built, every
time the menu opens (the menu is built afresh for each right click, so the entries follow the selection
and what lies under the pointer).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu

from reader.gui.reading.article_view import ArticleView

MenuExtender = Callable[[QMenu, QPoint], None]


class ArticleContextMenu(QObject):
    """Shows the view's context menu with every extender's entries."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view
        self._extenders: list[MenuExtender] = []
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_at)

    def add_extender(self, extend: MenuExtender) -> None:
        self._extenders.append(extend)

    def build(self, pos: QPoint) -> QMenu:
        """The menu for a right click at `pos` (viewport coordinates); the caller shows and deletes it."""
        menu = self._view.createStandardContextMenu(pos)
        for extend in self._extenders:
            extend(menu, pos)
        return menu

    def show_at(self, pos: QPoint) -> None:
        menu = self.build(pos)
        menu.exec(self._view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def caret_point(self) -> QPoint:
        """The viewport point of the caret (the menu key and Shift+F10 open the menu there)."""
        rect = self._view.cursorRect(self._view.textCursor())
        inside = self._view.viewport().rect()
        if not inside.contains(rect.center()):
            return inside.center()
        return rect.center()

    def show_at_caret(self) -> None:
        self.show_at(self.caret_point())

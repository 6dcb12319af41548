"""The collections panel above the library list: "All articles", each collection with its count, then each
saved search as a smart collection (a magnifier icon; its count is what the query matches now).

A short list (it grows to COLLECTIONS_ROWS rows, then scrolls) so the reader keeps the window's width and
the list most of its height. It only lays out and reports; choosing, creating, renaming and deleting are
the collections controller's (collections_controller.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.models import CollectionInfo
from reader.core.text import Direction, first_strong_direction

#: The panel is as tall as this many rows at most (then it scrolls).
COLLECTIONS_ROWS = 5
NameRole = Qt.ItemDataRole.UserRole + 1  # the collection's name; '' for "All articles"
CountRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3  # COLLECTION (and "All articles") or SAVED_SEARCH
COLLECTION = "collection"
SAVED_SEARCH = "saved_search"

Index = QModelIndex | QPersistentModelIndex


class CountDelegate(QStyledItemDelegate):
    """The name on the UI's leading side in its own direction, the count on the other side."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        view_rtl = option.direction == Qt.LayoutDirection.RightToLeft
        strong = first_strong_direction(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if strong is not None:
            option.direction = (
                Qt.LayoutDirection.RightToLeft if strong is Direction.RTL else Qt.LayoutDirection.LeftToRight
            )
        side = Qt.AlignmentFlag.AlignRight if view_rtl else Qt.AlignmentFlag.AlignLeft
        option.displayAlignment = Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        count = str(index.data(CountRole) or "")
        widget = option.widget
        view_rtl = widget is not None and widget.layoutDirection() == Qt.LayoutDirection.RightToLeft
        width = option.fontMetrics.horizontalAdvance(count) + 12 if count else 0
        rect: QRect = option.rect
        # the row's background (selection, hover) across its whole width, the count's side included
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, background, painter, widget)
        text_option = QStyleOptionViewItem(option)
        if view_rtl:
            text_option.rect = rect.adjusted(width, 0, 0, 0)
        else:
            text_option.rect = rect.adjusted(0, 0, -width, 0)
        super().paint(painter, text_option, index)
        if not count:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        painter.setPen(palette.color(role))
        count_rect = QRect(rect.left() + 4, rect.top(), width - 8, rect.height())
        if not view_rtl:
            count_rect.moveRight(rect.right() - 4)
        painter.drawText(count_rect, int(Qt.AlignmentFlag.AlignCenter), count)
        painter.restore()


@dataclass(frozen=True, slots=True)
class SmartCollection:
    """A saved search as the panel lists it: its name, its query (the tooltip) and how many articles it
    matches (None while it is being counted)."""

    name: str
    query: str
    count: int | None = None


class CollectionsPanel(QListWidget):
    """ "All articles", the collections and the saved searches; `chosen(name)` when the user picks a
    collection ('' for all), `saved_chosen(name)` when they pick a saved search."""

    chosen = Signal(str)
    saved_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionsPanel")
        self.setAccessibleName(self.tr("Collections"))
        self.setItemDelegate(CountDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setUniformItemSizes(True)
        # a smart collection's magnifier no taller than a line of text: every row keeps one height
        side = max(8, self.fontMetrics().height() - 4)
        self.setIconSize(QSize(side, side))
        self._setting = False
        self.currentItemChanged.connect(self._on_current)
        self.show_collections([], 0, "")

    def show_collections(
        self,
        collections: Sequence[CollectionInfo],
        total: int,
        current: str,
        smart: Sequence[SmartCollection] = (),
        current_kind: str = COLLECTION,
    ) -> None:
        """List "All articles" (with the library's size), every collection and every saved search;
        `current` (a `current_kind`) stays chosen."""
        self._setting = True
        try:
            self.clear()
            everything = QListWidgetItem(self.tr("All articles"), self)
            everything.setData(NameRole, "")
            everything.setData(CountRole, total)
            everything.setData(KindRole, COLLECTION)
            for info in collections:
                item = QListWidgetItem(info.name, self)
                item.setData(NameRole, info.name)
                item.setData(CountRole, info.count)
                item.setData(KindRole, COLLECTION)
                item.setToolTip(self.tr("%Ln article(s)", "", info.count))
            icon = qta.icon("mdi6.magnify", color=self.palette().color(QPalette.ColorRole.PlaceholderText))
            for saved in smart:
                item = QListWidgetItem(icon, saved.name, self)
                item.setData(NameRole, saved.name)
                item.setData(CountRole, saved.count)
                item.setData(KindRole, SAVED_SEARCH)
                item.setToolTip(self.tr("Saved search: {query}").format(query=f"\u2068{saved.query}\u2069"))
            self.select(current, current_kind)
        finally:
            self._setting = False
        self.updateGeometry()

    def set_smart_counts(self, counts: dict[str, int]) -> None:
        """How many articles each saved search matches now (counted on a worker)."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(KindRole) == SAVED_SEARCH and item.data(NameRole) in counts:
                item.setData(CountRole, counts[item.data(NameRole)])

    def select(self, name: str, kind: str = COLLECTION) -> None:
        """Show `name` (a `kind`) as chosen ('' or a name not listed: All articles), quietly."""
        setting, self._setting = self._setting, True
        try:
            for row in range(self.count()):
                item = self.item(row)
                if item.data(NameRole) == name and (not name or item.data(KindRole) == kind):
                    self.setCurrentItem(item)
                    return
            self.setCurrentRow(0)
        finally:
            self._setting = setting

    def name_at(self, row: int) -> str | None:
        item = self.item(row)
        return str(item.data(NameRole)) if item is not None else None

    def kind_at(self, row: int) -> str | None:
        item = self.item(row)
        return str(item.data(KindRole)) if item is not None else None

    def _on_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if not self._setting and current is not None:
            if current.data(KindRole) == SAVED_SEARCH:
                self.saved_chosen.emit(str(current.data(NameRole)))
            else:
                self.chosen.emit(str(current.data(NameRole)))

    def sizeHint(self) -> QSize:
        rows = max(1, min(self.count(), COLLECTIONS_ROWS))
        # the tallest row (a smart collection's icon may make its row a little taller than a name alone)
        height = (
            max(self.sizeHintForRow(r) for r in range(self.count()))
            if self.count()
            else self.fontMetrics().height() + 8
        )
        return QSize(super().sizeHint().width(), rows * max(height, 1) + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

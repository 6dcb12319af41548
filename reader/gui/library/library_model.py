"""The library list: a table model over article metadata (never article bodies).

The rows come from `library.articles.list()` (metadata and highlight counts, no bodies), and only the five
shown columns are kept. Rows are handed to the view in batches through canFetchMore/fetchMore, so the first
paint does not wait for all of them.
Sorting happens in the source model with Python's sort on precomputed keys (a proxy sort would call
data() ~300,000 times for 10,000 rows); the proxy keeps the source order and serves filtering. Each cell
carries its own text direction (Anki's is_rtl cells): an English title in an Arabic UI still
reads left-to-right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from reader.core.library import Library
from reader.core.text import Direction, first_strong_direction

COL_TITLE, COL_AUTHOR, COL_OUTLET, COL_DATE, COL_HIGHLIGHTS = range(5)
COLUMN_COUNT = 5

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
DirectionRole = Qt.ItemDataRole.UserRole + 3
#: Everything the delegate draws of a cell in one call: (text, direction value or None, alignment).
CellRole = Qt.ItemDataRole.UserRole + 4

FETCH_BATCH = 1000

Index = QModelIndex | QPersistentModelIndex


class LibraryRow:
    """What the list shows of one article (the names match reader.core.models.Article)."""

    __slots__ = ("author", "highlight_count", "id", "outlet", "published", "title")

    def __init__(
        self, id: int, title: str, author: str, outlet: str, published: str, highlight_count: int
    ) -> None:
        self.id = id
        self.title = title
        self.author = author
        self.outlet = outlet
        self.published = published
        self.highlight_count = highlight_count


def load_rows(library: Library, ids: Iterable[int] | None = None) -> list[LibraryRow]:
    """Every article's list columns (or those of `ids`), newest first, without bodies."""
    return [LibraryRow(*row) for row in library.articles.list_rows(ids=ids)]


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("LibraryModel", "Title"),
        QCoreApplication.translate("LibraryModel", "Author"),
        QCoreApplication.translate("LibraryModel", "Outlet"),
        QCoreApplication.translate("LibraryModel", "Date"),
        QCoreApplication.translate("LibraryModel", "Highlights"),
    ]


class LibraryModel(QAbstractTableModel):
    """Rows are Articles without blocks, newest first; `refresh()` reloads everything, `insert_rows()`,
    `update_rows()`, `remove_ids()` and `update_counts()` patch."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._all: list[LibraryRow] = []
        self._shown = 0  # rows handed to views so far (fetchMore)
        self._row_of: dict[int, int] = {}
        self._headers = _headers()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._highlight_icon = None  # built on first use: headerData is called hundreds of times
        self.refresh()

    # loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every row's metadata from the database."""
        self.beginResetModel()
        self._all = load_rows(self._library)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self._row_of = {a.id: i for i, a in enumerate(self._all)}
        self._shown = min(len(self._all), FETCH_BATCH)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder every row (fetched or not) by one column; column -1 restores newest first."""
        self.beginResetModel()
        self._sort = (column, order) if column >= 0 else None
        if self._sort is None:
            self._all.sort(key=lambda a: a.id, reverse=True)
        else:
            self._sort_rows(column, order)
        self._row_of = {a.id: i for i, a in enumerate(self._all)}
        self._shown = min(len(self._all), max(self._shown, FETCH_BATCH))
        self.endResetModel()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._all = self._in_order(self._all, column, order)

    @classmethod
    def _in_order(cls, rows: list[LibraryRow], column: int, order: Qt.SortOrder) -> list[LibraryRow]:
        rows = sorted(rows, key=lambda a: a.id, reverse=True)  # ties keep newest first
        rows.sort(key=lambda a: cls._sort_key(a, column), reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    # changes, row by row (an import adds rows while the user reads: no reset, the selection stays) ---
    def insert_rows(self, rows: Sequence[LibraryRow]) -> int:
        """Put new articles' rows where the current order wants them; rows already listed are updated
        instead. Returns how many were added."""
        fresh = [r for r in rows if r.id not in self._row_of]
        self.update_rows([r for r in rows if r.id in self._row_of])
        if not fresh:
            return 0
        new_ids = {r.id for r in fresh}
        if self._sort is None:
            merged = sorted([*self._all, *fresh], key=lambda a: a.id, reverse=True)
        else:
            merged = self._in_order([*self._all, *fresh], *self._sort)
        # runs of consecutive new rows, each inserted in one step, in the order of their final position:
        # when a run goes in, every row before it (old or new) is already in place
        position = 0
        while position < len(merged):
            if merged[position].id not in new_ids:
                position += 1
                continue
            end = position
            while end < len(merged) and merged[end].id in new_ids:
                end += 1
            run = merged[position:end]
            if position <= self._shown:  # among the rows the views have: they must be told
                self.beginInsertRows(QModelIndex(), position, end - 1)
                self._all[position:position] = run
                self._shown += len(run)
                self.endInsertRows()
            else:  # past what was fetched: the next fetchMore hands them over
                self._all[position:position] = run
            position = end
        self._row_of = {a.id: i for i, a in enumerate(self._all)}
        return len(fresh)

    def update_rows(self, rows: Sequence[LibraryRow]) -> None:
        """New metadata for rows already listed (they keep their place until the next sort)."""
        for row in rows:
            at = self._row_of.get(row.id)
            if at is None:
                continue
            self._all[at] = row
            if at < self._shown:
                self.dataChanged.emit(self.index(at, 0), self.index(at, COLUMN_COUNT - 1))

    def remove_ids(self, article_ids: Iterable[int]) -> None:
        """Take deleted articles' rows out."""
        positions = sorted((self._row_of[i] for i in set(article_ids) if i in self._row_of), reverse=True)
        if not positions:
            return
        for at in positions:
            if at < self._shown:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._all[at]
                self._shown -= 1
                self.endRemoveRows()
            else:
                del self._all[at]
        self._row_of = {a.id: i for i, a in enumerate(self._all)}

    @classmethod
    def _sort_key(cls, article: LibraryRow, column: int) -> Any:
        if column == COL_HIGHLIGHTS:
            return article.highlight_count
        return str(cls._display(article, column)).casefold()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        if parent.isValid():
            return
        more = min(FETCH_BATCH, len(self._all) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Hand every row to the views (sorting and search need them all)."""
        while self.canFetchMore():
            self.fetchMore()

    def update_counts(self, article_ids: tuple[int, ...]) -> None:
        """Re-read the highlight counts of a few articles after highlights changed."""
        ids = [i for i in article_ids if i in self._row_of]
        if not ids:
            return
        counts = self._library.articles.highlight_counts(ids)
        for article_id in ids:
            row = self._row_of[article_id]
            self._all[row].highlight_count = int(counts.get(article_id, 0))
            if row < self._shown:
                index = self.index(row, COL_HIGHLIGHTS)
                self.dataChanged.emit(index, index)

    # lookups -------------------------------------------------------------------------------------
    def article_at(self, row: int) -> LibraryRow | None:
        return self._all[row] if 0 <= row < self._shown else None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article, fetching rows until it is shown."""
        row = self._row_of.get(article_id)
        if row is None:
            return None
        while row >= self._shown and self.canFetchMore():
            self.fetchMore()
        return row

    @property
    def total(self) -> int:
        return len(self._all)

    # Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == COL_HIGHLIGHTS:  # a narrow column: an icon, the word in the tooltip
            if role == Qt.ItemDataRole.DecorationRole:
                if self._highlight_icon is None:
                    self._highlight_icon = qta.icon("fa5s.highlighter", color="#8a6d3b")
                return self._highlight_icon
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._headers[section]
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        article = self._all[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(article, col)
        if role == SortKeyRole:
            if col == COL_HIGHLIGHTS:
                return article.highlight_count
            if col == COL_DATE:
                return article.published or ""
            return str(self._display(article, col) or "").casefold()
        if role == CellRole:
            text = self._display(article, col)
            if col == COL_HIGHLIGHTS:  # a number: the delegate writes it in the UI locale's digits
                return (text, None, Qt.AlignmentFlag.AlignCenter)
            found = first_strong_direction(str(text)) if col != COL_DATE else None
            return (str(text), found.value if found is not None else None, _LEADING)
        if role == ArticleIdRole:
            return article.id
        if role == DirectionRole:
            if col not in (COL_TITLE, COL_AUTHOR, COL_OUTLET):
                return None  # dates and counts follow the UI's direction
            text = self._display(article, col)
            direction = first_strong_direction(str(text or ""))
            return direction.value if direction is not None else None  # a plain str survives QVariant
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            return article.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_HIGHLIGHTS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(article: LibraryRow, col: int) -> str | int:
        if col == COL_TITLE:
            return article.title
        if col == COL_AUTHOR:
            return article.author
        if col == COL_OUTLET:
            return article.outlet
        if col == COL_DATE:
            return article.published
        return article.highlight_count or ""  # a column of zeros is noise; empty reads as "none"


class LibrarySortModel(QSortFilterProxyModel):
    """Passes sorting to the LibraryModel (fast, covers rows not fetched yet) and keeps its order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortKeyRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, LibraryModel):
            source.sort(column, order)
            super().sort(
                -1, Qt.SortOrder.AscendingOrder
            )  # keep the source order (-1 + descending reverses it)
        else:
            super().sort(column, order)

    def article_id(self, proxy_row: int) -> int | None:
        index = self.index(proxy_row, COL_TITLE)
        value = self.data(index, ArticleIdRole) if index.isValid() else None
        return int(value) if value is not None else None


_LEADING = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


class DirectionDelegate(QStyledItemDelegate):
    """Lays out each cell in its own text's direction, as Anki's browser does for RTL fields.

    It fills the option from one `CellRole` call instead of Qt's eight role lookups (each of them a call
    into Python, through the proxy, with its rowCount and columnCount checks): a repaint of the list
    enters Python once a cell, which matters most while an import worker competes for the GIL.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(CellRole)
        if not isinstance(cell, tuple):
            super().initStyleOption(option, index)
            return
        value, direction, alignment = cell
        text = value if isinstance(value, str) else self.displayText(value, option.locale)
        if isinstance(index, QModelIndex):
            option.index = index
        option.text = text
        if text:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.displayAlignment = alignment
        if direction == Direction.RTL.value:
            option.direction = Qt.LayoutDirection.RightToLeft
        elif direction == Direction.LTR.value:
            option.direction = Qt.LayoutDirection.LeftToRight

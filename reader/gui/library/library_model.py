"""The library list: a table model over article metadata (never article bodies).

The rows come from `library.articles.list_rows()` (metadata and highlight counts, no bodies). Rows are
handed to the view in batches through canFetchMore/fetchMore, so the first paint does not wait for all of
them.
Sorting and filtering happen in the source model, in Python, on every row (a proxy would call data() and
filterAcceptsRow() hundreds of thousands of times for 10,000 rows); the proxy keeps the source order. The
filter's text parts match folded strings kept in a cache (reader.core.text's folding, the same as search's),
so a keystroke costs a few milliseconds and no SQL. Each cell carries its own text direction (Anki's is_rtl
cells): an English title in an Arabic UI still reads left-to-right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
    Signal,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from reader.core.library import Library
from reader.core.text import Direction, first_strong_direction, fold
from reader.gui.common.numbers import local_digits
from reader.messages import isolate

COL_TITLE, COL_AUTHOR, COL_OUTLET, COL_DATE, COL_HIGHLIGHTS = range(5)
COLUMN_COUNT = 5
#: The LibraryRow field each text column shows.
_TEXT_FIELDS = {COL_TITLE: "title", COL_AUTHOR: "author", COL_OUTLET: "outlet", COL_DATE: "published"}

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
DirectionRole = Qt.ItemDataRole.UserRole + 3
#: Everything the delegate draws of a cell in one call: (text, direction value or None, alignment).
CellRole = Qt.ItemDataRole.UserRole + 4

FETCH_BATCH = 1000

Index = QModelIndex | QPersistentModelIndex


class LibraryRow:
    """What the list shows of one article (the names match reader.core.models.Article)."""

    __slots__ = ("author", "folded", "highlight_count", "id", "outlet", "published", "title")

    def __init__(
        self, id: int, title: str, author: str, outlet: str, published: str, highlight_count: int
    ) -> None:
        self.id = id
        self.title = title
        self.author = author
        self.outlet = outlet
        self.published = published
        self.highlight_count = highlight_count
        #: title, author and outlet folded for matching, joined by FIELD_SEPARATOR ('': not folded yet;
        #: a folded row has two separators at least)
        self.folded = ""

    @property
    def match_key(self) -> str:
        """Title, author and outlet joined: what `folded` is the folded form of."""
        return f"{self.title}{FIELD_SEPARATOR}{self.author}{FIELD_SEPARATOR}{self.outlet}"


#: Between the fields of a row's folded text (no typed text contains it, so a match stays in one field).
FIELD_SEPARATOR = "\x1f"


def fold_all(texts: Iterable[str]) -> dict[str, str]:
    """text -> folded, for a worker to fill the model's cache (10,000 rows: ~50 ms)."""
    return {text: fold(text) for text in texts}


@dataclass(frozen=True, slots=True)
class RowFilter:
    """What the list keeps: `ids` (the articles the library's query kept; None: every article) and folded
    needles for the title, author or outlet (`text`), the author alone and the outlet alone."""

    ids: frozenset[int] | None = None
    text: str = ""
    author: str = ""
    outlet: str = ""

    def is_empty(self) -> bool:
        return self.ids is None and not (self.text or self.author or self.outlet)

    @property
    def needs_folds(self) -> bool:
        return bool(self.text or self.author or self.outlet)


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
    """Rows are articles without blocks, newest first; `refresh()` reloads everything, `insert_rows()`,
    `update_rows()`, `remove_ids()` and `update_counts()` patch, `set_filter()` narrows the rows shown.

    `_all` holds every article in the list's order, `_rows` those the filter keeps (the rows views see)."""

    #: refresh() read every row again (titles may be new)
    rows_loaded = Signal()
    #: insert_rows(), update_rows() or remove_ids() changed some rows (columns may fill or empty)
    rows_patched = Signal()

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._all: list[LibraryRow] = []  # every article, in the list's order
        self._rows: list[LibraryRow] = []  # those the filter keeps, in the same order
        self._by_id: dict[int, LibraryRow] = {}
        self._shown = 0  # rows handed to views so far (fetchMore)
        self._row_of: dict[int, int] = {}  # article id -> its row in _rows
        self._filter = RowFilter()
        self._folded: dict[str, str] = {}  # a row's match_key -> folded (kept across refreshes)
        self._headers = _headers()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._highlight_icon = None  # built on first use: headerData is called hundreds of times
        self.refresh()

    # loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every row's metadata from the database."""
        self.beginResetModel()
        self._all = load_rows(self._library)
        self._by_id = {a.id: a for a in self._all}
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self._apply_filter()
        self._shown = min(len(self._rows), FETCH_BATCH)
        self.endResetModel()
        self.rows_loaded.emit()

    # filtering -----------------------------------------------------------------------------------
    @property
    def row_filter(self) -> RowFilter:
        return self._filter

    def set_filter(self, row_filter: RowFilter) -> None:
        """Show only the rows `row_filter` keeps (texts not folded yet are folded here: see unfolded())."""
        if row_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = row_filter
        self._apply_filter()
        self._shown = min(len(self._rows), FETCH_BATCH)
        self.endResetModel()

    def unfolded(self) -> list[str]:
        """The rows' match keys whose folded form is not cached yet (fold them with `fold_all`)."""
        folded = self._folded
        return [key for a in self._all if not a.folded and (key := a.match_key) not in folded]

    def add_folds(self, folds: dict[str, str]) -> None:
        self._folded.update(folds)

    def _fold_rows(self, rows: Sequence[LibraryRow]) -> None:
        cache = self._folded
        for row in rows:
            if not row.folded:
                key = row.match_key
                folded = cache.get(key)
                if folded is None:
                    folded = cache[key] = fold(key)
                row.folded = folded

    def _apply_filter(self) -> None:
        self._rows = self._kept(self._all)
        self._row_of = {a.id: i for i, a in enumerate(self._rows)}

    def _kept(self, rows: Sequence[LibraryRow]) -> list[LibraryRow]:
        """The rows of `rows` the filter keeps, in their order."""
        wanted = self._filter
        if wanted.ids is not None:
            ids = wanted.ids
            rows = [a for a in rows if a.id in ids]
        if wanted.needs_folds:
            self._fold_rows(rows)
            text, author, outlet = wanted.text, wanted.author, wanted.outlet
            if text:  # one substring test a row: 10,000 rows in ~2 ms
                rows = [a for a in rows if text in a.folded]
            if author:
                rows = [a for a in rows if author in a.folded.split(FIELD_SEPARATOR)[1]]
            if outlet:
                rows = [a for a in rows if outlet in a.folded.split(FIELD_SEPARATOR)[2]]
        return list(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder every row (fetched or not) by one column; column -1 restores newest first."""
        self.beginResetModel()
        self._sort = (column, order) if column >= 0 else None
        if self._sort is None:
            self._all.sort(key=lambda a: a.id, reverse=True)
        else:
            self._sort_rows(column, order)
        self._apply_filter()
        self._shown = min(len(self._rows), max(self._shown, FETCH_BATCH))
        self.endResetModel()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._all = self._in_order(self._all, column, order)

    @classmethod
    def _in_order(cls, rows: list[LibraryRow], column: int, order: Qt.SortOrder) -> list[LibraryRow]:
        rows = sorted(rows, key=lambda a: a.id, reverse=True)  # ties keep newest first
        rows.sort(key=lambda a: cls._sort_key(a, column), reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    # changes, row by row (an import adds rows while the user reads: no reset, the selection stays) ---
    def _ordered(self, rows: list[LibraryRow]) -> list[LibraryRow]:
        if self._sort is None:
            return sorted(rows, key=lambda a: a.id, reverse=True)
        return self._in_order(rows, *self._sort)

    def insert_rows(self, rows: Sequence[LibraryRow]) -> int:
        """Put new articles' rows where the current order wants them (shown when the filter keeps them);
        rows already listed are updated instead. Returns how many were added."""
        fresh = [r for r in rows if r.id not in self._by_id]
        self.update_rows([r for r in rows if r.id in self._by_id])
        if not fresh:
            return 0
        self._by_id.update((r.id, r) for r in fresh)
        self._all = self._ordered([*self._all, *fresh])
        kept = self._kept(fresh)
        if kept:
            new_ids = {r.id for r in kept}
            merged = self._ordered([*self._rows, *kept])
            # runs of consecutive new rows, each inserted in one step, in the order of their final
            # position: when a run goes in, every row before it (old or new) is already in place
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
                    self._rows[position:position] = run
                    self._shown += len(run)
                    self.endInsertRows()
                else:  # past what was fetched: the next fetchMore hands them over
                    self._rows[position:position] = run
                position = end
            self._row_of = {a.id: i for i, a in enumerate(self._rows)}
        self.rows_patched.emit()
        return len(fresh)

    def update_rows(self, rows: Sequence[LibraryRow]) -> None:
        """New metadata for rows already listed (they keep their place, and their place in or out of the
        filter, until the next sort or filter)."""
        changed = {row.id: row for row in rows if row.id in self._by_id}
        if not changed:
            return
        self._by_id.update(changed)
        self._all = [changed.get(a.id, a) for a in self._all]
        for article_id, row in changed.items():
            at = self._row_of.get(article_id)
            if at is None:
                continue
            self._rows[at] = row
            if at < self._shown:
                self.dataChanged.emit(self.index(at, 0), self.index(at, COLUMN_COUNT - 1))
        self.rows_patched.emit()

    def remove_ids(self, article_ids: Iterable[int]) -> None:
        """Take deleted articles' rows out."""
        gone = {i for i in article_ids if i in self._by_id}
        if not gone:
            return
        for article_id in gone:
            del self._by_id[article_id]
        self._all = [a for a in self._all if a.id not in gone]
        positions = sorted((self._row_of[i] for i in gone if i in self._row_of), reverse=True)
        for at in positions:
            if at < self._shown:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._rows[at]
                self._shown -= 1
                self.endRemoveRows()
            else:
                del self._rows[at]
        self._row_of = {a.id: i for i, a in enumerate(self._rows)}
        self.rows_patched.emit()

    @classmethod
    def _sort_key(cls, article: LibraryRow, column: int) -> Any:
        if column == COL_HIGHLIGHTS:
            return article.highlight_count
        return str(cls._display(article, column)).casefold()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        if parent.isValid():
            return
        more = min(FETCH_BATCH, len(self._rows) - self._shown)
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
        ids = [i for i in article_ids if i in self._by_id]
        if not ids:
            return
        counts = self._library.articles.highlight_counts(ids)
        for article_id in ids:
            self._by_id[article_id].highlight_count = int(counts.get(article_id, 0))
            row = self._row_of.get(article_id)
            if row is not None and row < self._shown:
                index = self.index(row, COL_HIGHLIGHTS)
                self.dataChanged.emit(index, index)

    # lookups -------------------------------------------------------------------------------------
    def article_at(self, row: int) -> LibraryRow | None:
        return self._rows[row] if 0 <= row < self._shown else None

    def article(self, article_id: int) -> LibraryRow | None:
        """The list's row of an article, shown or not (None: not in the library)."""
        return self._by_id.get(article_id)

    def shown_ids(self) -> list[int]:
        """Every article the filter keeps, in the list's order (fetched or not)."""
        return [a.id for a in self._rows]

    def column_texts(self, column: int) -> set[str]:
        """The different texts of a column over every article (the view sizes columns from them)."""
        if column == COL_HIGHLIGHTS:
            return {str(a.highlight_count) for a in self._all if a.highlight_count}
        field = _TEXT_FIELDS[column]
        texts = {getattr(a, field) for a in self._all}
        texts.discard("")
        return texts

    def column_filled(self, column: int) -> bool:
        """Whether any row shown now has a text in `column`."""
        if column == COL_HIGHLIGHTS:
            return any(a.highlight_count for a in self._rows)
        field = _TEXT_FIELDS[column]
        return any(getattr(a, field) for a in self._rows)

    def row_of(self, article_id: int) -> int | None:
        """The row of an article (None: not in the list, or filtered out), fetching rows until it is shown."""
        row = self._row_of.get(article_id)
        if row is None:
            return None
        while row >= self._shown and self.canFetchMore():
            self.fetchMore()
        return row

    @property
    def total(self) -> int:
        """Every article in the library."""
        return len(self._all)

    @property
    def shown_total(self) -> int:
        """The articles the filter keeps (fetched or not)."""
        return len(self._rows)

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
        article = self._rows[index.row()]
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
            if col == COL_DATE:  # the UI's digits (one system a screen), isolated: year-month-day in order
                return (f"\u2066{local_digits(str(text))}\u2069" if text else "", None, _LEADING)
            found = first_strong_direction(str(text))
            return (str(text), found.value if found is not None else None, _LEADING)
        if role == ArticleIdRole:
            return article.id
        if role == DirectionRole:
            if col not in (COL_TITLE, COL_AUTHOR, COL_OUTLET):
                return None  # dates and counts follow the UI's direction
            text = self._display(article, col)
            direction = first_strong_direction(str(text or ""))
            return direction.value if direction is not None else None  # a plain str survives QVariant
        if role == Qt.ItemDataRole.ToolTipRole and col != COL_HIGHLIGHTS:
            return row_tooltip(article)
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


def row_tooltip(article: LibraryRow) -> str:
    """The whole title, and author · outlet · date under it (each part isolated: a date keeps its order)."""
    byline = " · ".join(isolate(part) for part in (article.author, article.outlet, article.published) if part)
    return f"{article.title}\n{byline}" if byline else article.title


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

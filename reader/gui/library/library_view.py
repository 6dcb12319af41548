"""The library list's table and the pane around it (filter bar, collections, table). Only lays them out.

Column widths follow the content: the title takes what is left; author and outlet are as wide as their
longest text up to a share of the list (so the title keeps most of it); the date is as wide as a date; a
column no shown article fills is hidden, and so are the outlet, the date and the author, in that order, when
the list is too narrow for them beside the title (the tooltip still shows them). The header's context menu
still shows or hides any column for good, and a width the user drags is kept.
"""

from __future__ import annotations

import heapq

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QVBoxLayout, QWidget

from reader.gui.library.library_model import (
    COL_AUTHOR,
    COL_DATE,
    COL_HIGHLIGHTS,
    COL_OUTLET,
    COL_TITLE,
    DirectionDelegate,
    LibraryModel,
    LibrarySortModel,
)

#: The most of the list's width author and outlet may take when they fit their content (the title gets the
#: rest; the date is whole or hidden).
COLUMN_SHARE = {COL_AUTHOR: 0.25, COL_OUTLET: 0.18}
#: The title keeps at least this share of the list (other columns narrow, then leave, to make room).
TITLE_SHARE = 0.5
HIGHLIGHTS_WIDTH = 36
MIN_COLUMN = 48
#: Cell padding (both sides) added to a text's width.
PADDING = 16
#: How many of a column's longest texts are measured for its width.
MEASURED = 40
#: Rows patched within this many milliseconds are measured once (an import patches rows every 0.1 s).
REMEASURE_MS = 200
#: The columns the user showed or hid with the header's menu ("1:0,3:1": column:shown).
COLUMNS_KEY = "window/library_columns"


class ColumnFitter(QObject):
    """Sizes and shows the columns from their content and the list's width."""

    def __init__(self, view: QTableView, model: LibraryModel, settings: QSettings | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._settings = settings
        self._natural: dict[int, int] = {}
        self._has_content: dict[int, bool] = {}
        self._user_sized: set[int] = set()
        self._user_visible: dict[int, bool] = self._load_choices()
        self._fitting = False
        header = view.horizontalHeader()
        header.sectionResized.connect(self._on_section_resized)
        model.rows_loaded.connect(self.measure)
        model.modelReset.connect(self._check_content)  # a filter: columns its rows leave empty go
        # rows patched one by one (an import, an edit): measured again once they pause
        self._remeasure = QTimer(self, singleShot=True, interval=REMEASURE_MS)
        self._remeasure.timeout.connect(self.measure)
        model.rows_patched.connect(self._remeasure.start)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)  # its Resize comes once the view has laid it out
        self.measure()

    def set_user_visible(self, column: int, visible: bool) -> None:
        """The user showed or hid a column (the header's menu): that choice wins over its content and is
        remembered."""
        self._user_visible[column] = visible
        if self._settings is not None:
            self._settings.setValue(
                COLUMNS_KEY, ",".join(f"{c}:{int(v)}" for c, v in sorted(self._user_visible.items()))
            )
        self.fit()

    def _load_choices(self) -> dict[int, bool]:
        value = str(self._settings.value(COLUMNS_KEY, "") or "") if self._settings is not None else ""
        choices: dict[int, bool] = {}
        for part in value.split(","):
            column, _, shown = part.partition(":")
            if column.isdigit() and shown in ("0", "1"):
                choices[int(column)] = shown == "1"
        return choices

    def _wanted_visible(self, column: int) -> bool:
        return self._user_visible.get(column, self._has_content.get(column, True))

    def measure(self) -> None:
        """Read the columns' widest texts over every article (after the rows were read again)."""
        metrics = self._view.fontMetrics()
        header_metrics = self._view.horizontalHeader().fontMetrics()
        for column in (COL_AUTHOR, COL_OUTLET, COL_DATE):
            # the longest texts by characters are the widest but for a few letters' difference: measure those
            texts = heapq.nlargest(MEASURED, self._model.column_texts(column), key=len)
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            name = str(self._model.headerData(column, Qt.Orientation.Horizontal) or "")
            self._natural[column] = max(widest, header_metrics.horizontalAdvance(name) + 12) + PADDING
        self._check_content()

    def _check_content(self) -> None:
        """Which columns the rows shown now fill (an empty one is hidden), then fit."""
        for column in (COL_AUTHOR, COL_OUTLET, COL_DATE):
            self._has_content[column] = self._model.column_filled(column)
        self.fit()

    def widths(self, width: int) -> dict[int, int]:
        """The width of every column but the title's that is shown in a list `width` pixels wide.

        Columns that fit their content up to a share of the list; when they would leave the title less than
        TITLE_SHARE, the outlet, then the date, then the author are left out (the tooltip still shows
        them), unless the user asked for them; the rest narrow."""
        header = self._view.horizontalHeader()
        wanted: dict[int, int] = {}
        for column in (COL_AUTHOR, COL_OUTLET, COL_DATE, COL_HIGHLIGHTS):
            if not self._wanted_visible(column):
                continue
            if column in self._user_sized:
                wanted[column] = header.sectionSize(column) or self._natural.get(column, 80)
            elif column == COL_HIGHLIGHTS:
                wanted[column] = HIGHLIGHTS_WIDTH
            elif column == COL_DATE:  # a date cut short says nothing: whole, or left out below
                wanted[column] = self._natural.get(column, 80)
            else:
                natural = self._natural.get(column, 80)
                wanted[column] = max(MIN_COLUMN, min(natural, int(width * COLUMN_SHARE[column])))
        budget = width * (1 - TITLE_SHARE)
        for column in (COL_OUTLET, COL_DATE, COL_AUTHOR):
            if sum(wanted.values()) <= budget:
                break
            if column in wanted and column not in self._user_visible:
                del wanted[column]
        over = sum(wanted.values()) - budget
        flexible = [c for c in (COL_AUTHOR, COL_OUTLET) if c in wanted and c not in self._user_sized]
        if over > 0 and flexible:
            asked = sum(wanted[c] for c in flexible)
            for c in flexible:
                wanted[c] = max(MIN_COLUMN, int(wanted[c] - over * wanted[c] / asked))
        return wanted

    def fit(self) -> None:
        """Show, hide and size the columns for the list's current width."""
        view = self._view
        header = view.horizontalHeader()
        width = view.viewport().width()
        if width <= 0 or not view.isVisible():
            return
        wanted = self.widths(width)
        self._fitting = True
        try:
            for column in (COL_AUTHOR, COL_OUTLET, COL_DATE, COL_HIGHLIGHTS):
                hidden = column not in wanted
                if header.isSectionHidden(column) != hidden:
                    header.setSectionHidden(column, hidden)
                if not hidden and header.sectionSize(column) != wanted[column]:
                    header.resizeSection(column, wanted[column])
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column != COL_TITLE and new > 0 and self._view.isVisible():
            self._user_sized.add(column)  # dragged by the user: kept

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._viewport
            and event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
            and shiboken6.isValid(self._view)  # not while the view is being destroyed
        ):
            self.fit()
        return False


def make_library_view(
    model: LibraryModel,
    proxy: LibrarySortModel,
    settings: QSettings | None = None,
    parent: QWidget | None = None,
) -> tuple[QTableView, ColumnFitter]:
    """A table over `proxy`: whole rows selected (several at once), newest first until the user sorts, and
    a right click on the header shows or hides the optional columns."""
    view = QTableView(parent)
    view.setObjectName("libraryView")
    view.setModel(proxy)
    view.setItemDelegate(DirectionDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several rows: export them
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(24)
    fitter = ColumnFitter(view, model, settings)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column in range(1, model.columnCount()):
        name = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        toggle = QAction(name, header)
        toggle.setCheckable(True)
        toggle.setChecked(not header.isSectionHidden(column))
        toggle.triggered.connect(lambda on, c=column: fitter.set_user_visible(c, on))
        header.sectionResized.connect(
            lambda *_, a=toggle, c=column: a.setChecked(not header.isSectionHidden(c))
        )
        header.addAction(toggle)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until the user sorts
    header.setSortIndicatorClearable(True)
    view.setSortingEnabled(True)
    return view, fitter


def make_library_pane(filter_bar: QWidget, collections: QWidget, table: QTableView) -> QWidget:
    """The library column: the filter bar over a splitter of the collections panel and the table."""
    pane = QWidget(table.parentWidget())
    pane.setObjectName("libraryPane")
    split = QSplitter(Qt.Orientation.Vertical, pane)
    split.setObjectName("librarySplitter")
    split.addWidget(collections)
    split.addWidget(table)
    split.setStretchFactor(0, 0)
    split.setStretchFactor(1, 1)
    split.setChildrenCollapsible(True)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(filter_bar)
    layout.addWidget(split, 1)
    return pane

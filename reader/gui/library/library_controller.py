"""The library list's decisions: what a click on a row opens, what a library change refreshes.

The table (library_view.py) and its model (library_model.py) only show rows; this controller opens the
article of the row the user moves to, keeps the open article's row selected, and refreshes the rows from
the library's changes: a burst of imported articles is read again once, a new highlight only patches the
counts of its article. It builds the parts of the library column with the same library and shell: the
filter bar (filter_controller.py), the collections panel (collections_controller.py) and the article
commands of the list and the Article menu (library_actions.py).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QWidget

from reader.core.changes import Change, ChangeKind
from reader.core.library import Library
from reader.gui.library.collections_controller import CollectionsController
from reader.gui.library.filter_controller import LibraryFilterController
from reader.gui.library.library_actions import LibraryActions
from reader.gui.library.library_model import COL_TITLE, LibraryModel, LibrarySortModel
from reader.gui.library.library_view import ColumnShare, make_library_pane, make_library_view
from reader.gui.shell import Shell

#: Article changes that arrive within this many milliseconds refresh the list once.
REFRESH_MS = 100


class LibraryListController(QObject):
    """Owns the library list's model, sort proxy and table, and the pane they sit in."""

    #: The number of articles the list shows and the number in the library, whenever either changes.
    count_changed = Signal(int, int)

    def __init__(self, library: Library, shell: Shell, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._shell = shell
        self._selecting = False  # the list follows an opened article: that is not the user choosing a row
        self._closed = False
        self._current: int | None = None
        self.model = LibraryModel(library, self)
        self.proxy = LibrarySortModel(self)
        self.proxy.setSourceModel(self.model)
        self.view: QTableView
        self.view, self.column_fitter = make_library_view(self.model, self.proxy, settings, parent)
        self.filters = LibraryFilterController(library, shell, self.model, self)
        self.collections = CollectionsController(library, shell, self.model, self.filters, self)
        self.actions = LibraryActions(library, shell, self.view, self.model, self.selected_article_ids, self)
        #: the library column: filter bar, collections panel, table
        self.pane = make_library_pane(self.filters.bar, self.collections.panel, self.view)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.proxy.modelReset.connect(self._reselect_current)
        self.model.modelReset.connect(self._emit_count)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        shell.library_changed.connect(self.on_library_change)

    @property
    def total(self) -> int:
        return self.model.total

    def add_menu_entries(self) -> None:
        """The Article menu's commands and Edit → Filter Library… (once the window's menus exist)."""
        self.actions.add_menu_entries()
        self.filters.add_menu_entries()

    def share_width(self, splitter: QSplitter) -> ColumnShare:
        """Keep the library column (the first of `splitter`) at a share of the window until the user moves
        the splitter."""
        return ColumnShare(splitter)

    def _emit_count(self) -> None:
        self.count_changed.emit(self.model.shown_total, self.model.total)

    # the user's choice ---------------------------------------------------------------------------
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        article_id = self.proxy.article_id(current.row())
        if article_id is not None and article_id != self._current:
            self._shell.open_article(article_id)

    def selected_article_ids(self) -> list[int]:
        """The articles selected in the list, in the list's order."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        ids = [self.proxy.article_id(row) for row in rows]
        return [i for i in ids if i is not None]

    # following the open article ------------------------------------------------------------------
    def show_current(self, article_id: int | None) -> None:
        """The article now open (None: none is): select and reveal its row."""
        self._current = article_id
        if article_id is not None:
            self._select_row(article_id)

    def _select_row(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row is None:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, COL_TITLE))
        if not proxy_index.isValid():
            return
        selection = self.view.selectionModel()
        self._selecting = True
        try:
            if selection.currentIndex().row() != proxy_index.row():
                selection.setCurrentIndex(
                    proxy_index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._selecting = False
        self.view.scrollTo(proxy_index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _reselect_current(self) -> None:
        if self._current is not None:
            self._select_row(self._current)

    # library changes -----------------------------------------------------------------------------
    def on_library_change(self, change: Change) -> None:
        if self._closed:
            return
        if change.kind == ChangeKind.LIBRARY:  # a restore replaced everything: read it all now
            self._refresh_timer.stop()
            self.refresh()
        elif change.kind == ChangeKind.ARTICLE:
            self._refresh_timer.start()  # an import adds many: read the rows once, when it pauses
        elif change.kind == ChangeKind.HIGHLIGHT:
            self.model.update_counts(change.article_ids)

    @property
    def settled(self) -> bool:
        """No refresh and no filtering waits to be done (tests and scripts wait for it)."""
        return not self._refresh_timer.isActive() and self.filters.settled and not self.collections.pending

    def refresh(self) -> None:
        """Read every row again."""
        if self._closed:
            return
        self.model.refresh()

    def close(self) -> None:
        self._closed = True
        self._refresh_timer.stop()
        self.filters.close()
        self.collections.close()

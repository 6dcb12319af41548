"""The library list's decisions: what a click on a row opens, what a library change refreshes.

The table (library_view.py) and its model (library_model.py) only show rows; this controller opens the
article of the row the user moves to, keeps the open article's row selected, and follows the library's
changes row by row: new and edited articles' rows are read in a worker (an import holds the database while
it writes a batch: the UI thread must not wait for it) and put in place without resetting the list, so the
list fills in while an import runs and the user's selection and scroll position stay; deleted rows go at
once; a new highlight only patches the counts of its article. A restore (LIBRARY) reads everything again.
It builds the parts of the library column with the same library and shell: the filter bar
(filter_controller.py), the collections panel (collections_controller.py) and the article commands of the
list and the Article menu (library_actions.py).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.library import Library
from reader.gui.common.workers import CancelledFn, ProgressFn, Task, run_task
from reader.gui.library.collections_controller import CollectionsController
from reader.gui.library.filter_controller import LibraryFilterController
from reader.gui.library.library_actions import LibraryActions
from reader.gui.library.library_model import COL_TITLE, LibraryModel, LibraryRow, LibrarySortModel, load_rows
from reader.gui.library.library_view import make_library_pane, make_library_view
from reader.gui.shell import Shell

#: Article changes that arrive within this many milliseconds are read in one go (an import adds a batch
#: every few tenths of a second: the list follows it at about this pace).
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
        self._library = library
        self._pending: set[int] = set()  # articles added or edited whose rows are still to be read
        self._reading: Task | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self._read_pending)
        shell.library_changed.connect(self.on_library_change)

    @property
    def total(self) -> int:
        return self.model.total

    def add_menu_entries(self) -> None:
        """The Article menu's commands and Edit → Filter Library… (once the window's menus exist)."""
        self.actions.add_menu_entries()
        self.filters.add_menu_entries()

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
            self._pending.clear()
            self.refresh()
        elif change.kind == ChangeKind.ARTICLE and change.op == ChangeOp.DELETED:
            self._pending.difference_update(change.ids)
            self._remove_rows(change.ids)
            self._emit_count()
        elif change.kind == ChangeKind.ARTICLE:
            self._pending.update(change.ids or change.article_ids)
            if not self._refresh_timer.isActive():  # not restarted: a long import still fills the list in
                self._refresh_timer.start()
        elif change.kind == ChangeKind.HIGHLIGHT:
            self.model.update_counts(change.article_ids)

    def _remove_rows(self, article_ids: tuple[int, ...]) -> None:
        """Take deleted articles out; Qt moving the current row to a neighbour is not the user choosing it."""
        selection = self.view.selectionModel()
        self._selecting = True
        try:
            current = selection.currentIndex()
            if current.isValid() and self.proxy.article_id(current.row()) in article_ids:
                selection.clear()
            self.model.remove_ids(article_ids)
        finally:
            self._selecting = False

    def _read_pending(self) -> None:
        """Read the rows of the articles changes named, in a worker; one read at a time."""
        if self._closed or not self._pending or self._reading is not None:
            return
        ids, self._pending = sorted(self._pending), set()
        library = self._library

        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> list[LibraryRow]:
            return load_rows(library, ids)

        self._reading = run_task(self, work, on_done=self._rows_read, on_error=self._read_failed)

    def _rows_read(self, rows: list[LibraryRow]) -> None:
        self._reading = None
        if self._closed:
            return
        self.model.insert_rows(rows)
        self._emit_count()
        if self._pending and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _read_failed(self, _error: BaseException) -> None:
        self._reading = None
        if not self._closed:
            self.refresh()  # the rows could not be read one by one: read them all (a real failure shows)

    @property
    def settled(self) -> bool:
        """No refresh and no filtering waits to be done (tests and scripts wait for it)."""
        return (
            not self._refresh_timer.isActive()
            and self._reading is None
            and not self._pending
            and self.filters.settled
            and not self.collections.pending
        )

    def refresh(self) -> None:
        """Read every row again."""
        if self._closed:
            return
        self.model.refresh()

    def close(self) -> None:
        self._closed = True
        self._refresh_timer.stop()
        if self._reading is not None:
            self._reading.cancel()
        self.filters.close()
        self.collections.close()

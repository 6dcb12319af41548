"""The collections panel's decisions: choosing one filters the list; create, rename, delete with undo.

Deleting a collection keeps its articles and asks first; undo makes it again with the same members. The
panel reads the collections again after the library's changes (a burst of them once). Saved searches are
listed as smart collections: choosing one shows the articles its query matches now; their counts are
searches, run on a worker after the index has taken the library's changes in (`index_updated`). "Search in
This Collection" and a saved search's "Open in Search" hand a query to the search box (`set_search_opener`:
the window passes the search feature's).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from reader.core.changes import Change, ChangeKind
from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.library.saved_searches import SavedSearch
from reader.core.models import ArticleFilter
from reader.gui.common.dialogs import ask_text, confirm
from reader.gui.common.workers import Task, run_task
from reader.gui.library.collections_panel import (
    COLLECTION,
    SAVED_SEARCH,
    CollectionsPanel,
    CountRole,
    SmartCollection,
)
from reader.gui.library.filter_controller import LibraryFilterController
from reader.gui.library.library_commands import (
    CreateCollectionCommand,
    DeleteCollectionCommand,
    RenameCollectionCommand,
    run_command,
)
from reader.gui.library.library_model import LibraryModel
from reader.gui.library.saved_search_commands import DeleteSavedSearchCommand, RenameSavedSearchCommand
from reader.gui.shell import Shell
from reader.messages import isolate

#: Changes within this many milliseconds read the collections once.
RELOAD_MS = 100


class CollectionsController(QObject):
    """Owns the collections panel."""

    def __init__(
        self,
        library: Library,
        shell: Shell,
        model: LibraryModel,
        filters: LibraryFilterController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._model = model
        self._filters = filters
        self._closed = False
        self.panel = CollectionsPanel()
        self.question: QMessageBox | None = None
        self.name_dialog: QInputDialog | None = None
        self._saved: list[SavedSearch] = []
        self._count_task: Task | None = None
        self._open_search: Callable[[str], None] | None = None

        self.new_action = QAction(self.tr("&New Collection…"), self)
        self.new_action.setObjectName("newCollectionAction")
        self.new_action.triggered.connect(self.ask_new)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.panel.chosen.connect(filters.set_collection)
        self.panel.saved_chosen.connect(filters.set_saved_search)
        self.panel.customContextMenuRequested.connect(self.show_context_menu)
        filters.changed.connect(self._on_filter_changed)
        shell.library_changed.connect(self._on_library_change)
        self.reload()

    # showing ---------------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """A reload waits for a pause in the library's changes, or smart collections are being counted."""
        return self._reload_timer.isActive() or self.counting

    def reload(self) -> None:
        if self._closed:
            return
        collections = self._library.collections.list()
        saved = self._library.saved_searches.list()
        counts = {s.name: s.count for s in self.smart_collections()}
        self._saved = saved
        state = self._filters.state
        current, kind = (
            (state.saved_search, SAVED_SEARCH) if state.saved_search else (state.collection, COLLECTION)
        )
        smart = [SmartCollection(s.name, s.query, counts.get(s.name)) for s in saved]
        self.panel.show_collections(collections, self._model.total, current, smart, kind)
        if state.collection and state.collection not in {c.name for c in collections}:
            self._filters.set_collection("")  # deleted (or renamed by an undo): back to every article
        if state.saved_search and state.saved_search not in {s.name for s in saved}:
            self._filters.set_saved_search("")
        self.count_smart_collections()

    def smart_collections(self) -> list[SmartCollection]:
        """The saved searches as the panel lists them, with their counts as last counted."""
        panel = self.panel
        return [
            SmartCollection(panel.name_at(row) or "", "", panel.item(row).data(CountRole))
            for row in range(panel.count())
            if panel.kind_at(row) == SAVED_SEARCH
        ]

    def count_smart_collections(self) -> None:
        """Count each saved search's articles on a worker (they are searches: whoosh, the index)."""
        if self._closed or not self._saved:
            return
        if self._count_task is not None:
            self._count_task.cancel()
        library, saved = self._library, list(self._saved)

        def count(_progress: object, cancelled: Callable[[], bool]) -> dict[str, int]:
            counts: dict[str, int] = {}
            for search in saved:
                if cancelled():
                    break
                try:
                    counts[search.name] = len(library.saved_searches.matching(search))
                except HawamishError:  # a query an older version accepted: listed without a count
                    continue
            return counts

        def done(counts: dict[str, int]) -> None:
            if task is self._count_task and not self._closed:
                self._count_task = None
                self.panel.set_smart_counts(counts)

        task = run_task(self, count, on_done=done, on_error=lambda _e: None)
        self._count_task = task

    @property
    def counting(self) -> bool:
        return self._count_task is not None and self._count_task.is_running

    def index_updated(self) -> None:
        """The search index took the library's changes in: smart collections may hold other articles."""
        self.count_smart_collections()
        self._filters.refresh_saved_search()

    def set_search_opener(self, open_search: Callable[[str], None]) -> None:
        """What "Search in This Collection" and "Open in Search" call with a query (the search box's)."""
        self._open_search = open_search

    def _on_filter_changed(self, state: ArticleFilter) -> None:
        if state.saved_search:
            self.panel.select(state.saved_search, SAVED_SEARCH)
        else:
            self.panel.select(state.collection)

    def _on_library_change(self, change: Change) -> None:
        if change.kind in (
            ChangeKind.COLLECTIONS,
            ChangeKind.ARTICLE,
            ChangeKind.LIBRARY,
            ChangeKind.SAVED_SEARCHES,
        ):
            self._reload_timer.start()

    # the context menu ------------------------------------------------------------------------------
    def build_context_menu(self, row: int) -> QMenu:
        """The menu for a right click on `row` (-1: below the rows)."""
        menu = QMenu(self.panel)
        name = self.panel.name_at(row) if row >= 0 else None
        if name and self.panel.kind_at(row) == SAVED_SEARCH:
            return self._saved_search_menu(menu, name)
        if name and self._open_search is not None:
            search = menu.addAction(self.tr("&Search in This Collection"))
            search.setObjectName("searchInCollectionAction")
            search.triggered.connect(lambda: self.search_in(name))
            menu.addSeparator()
        menu.addAction(self.new_action)
        if name:
            rename = menu.addAction(self.tr("&Rename…"))
            rename.triggered.connect(lambda: self.ask_rename(name))
            delete = menu.addAction(self.tr("&Delete…"))
            delete.triggered.connect(lambda: self.ask_delete(name))
        return menu

    def _saved_search_menu(self, menu: QMenu, name: str) -> QMenu:
        if self._open_search is not None:
            open_search = menu.addAction(self.tr("&Open in Search"))
            open_search.setObjectName("openSavedSearchAction")
            open_search.triggered.connect(lambda: self.open_saved_search(name))
            menu.addSeparator()
        rename = menu.addAction(self.tr("&Rename…"))
        rename.triggered.connect(lambda: self.ask_rename_saved(name))
        delete = menu.addAction(self.tr("&Delete"))
        delete.setObjectName("deleteSavedSearchAction")
        delete.triggered.connect(lambda: self.delete_saved(name))
        return menu

    def search_in(self, collection: str) -> None:
        """Put `collection:"NAME" ` in the search box: the words typed next search that collection only."""
        if self._open_search is not None:
            self._open_search(f'collection:"{collection}" ')

    def open_saved_search(self, name: str) -> None:
        saved = next((s for s in self._saved if s.name == name), None)
        if saved is not None and self._open_search is not None:
            self._open_search(saved.query)

    def show_context_menu(self, pos: QPoint) -> None:
        index = self.panel.indexAt(pos)
        menu = self.build_context_menu(index.row() if index.isValid() else -1)
        menu.exec(self.panel.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # commands --------------------------------------------------------------------------------------
    def ask_new(self) -> None:
        self.name_dialog = ask_text(
            self._shell.dialog_parent(),
            self.tr("New Collection"),
            self.tr("Name of the new collection:"),
            self.create,
            object_name="newCollectionDialog",
        )

    def create(self, name: str) -> bool:
        return run_command(self._shell, CreateCollectionCommand(self._library, name))

    def ask_rename(self, name: str) -> None:
        self.name_dialog = ask_text(
            self._shell.dialog_parent(),
            self.tr("Rename Collection"),
            self.tr("New name of the collection {name}:").format(name=isolate(name)),
            lambda new: self.rename(name, new),
            text=name,
            object_name="renameCollectionDialog",
        )

    def rename(self, old: str, new: str) -> bool:
        command = RenameCollectionCommand(self._library, old, new)
        if command.new == old or not run_command(self._shell, command):
            return False
        if self._filters.state.collection == old:
            self._filters.set_collection(command.new)
        return True

    def ask_delete(self, name: str) -> QMessageBox:
        count = next((c.count for c in self._library.collections.list() if c.name == name), 0)
        self.question = confirm(
            self._shell.dialog_parent(),
            self.tr("Delete Collection"),
            self.tr("Delete the collection {name}?").format(name=isolate(name)),
            self.tr("Delete"),
            lambda: self.delete(name),
            informative=self.tr("Its %Ln article(s) stay in the library.", "", count),
            object_name="deleteCollectionBox",
        )
        return self.question

    def delete(self, name: str) -> bool:
        if not run_command(self._shell, DeleteCollectionCommand(self._library, name)):
            return False
        if self._filters.state.collection == name:
            self._filters.set_collection("")
        return True

    def ask_rename_saved(self, name: str) -> None:
        self.name_dialog = ask_text(
            self._shell.dialog_parent(),
            self.tr("Rename Saved Search"),
            self.tr("New name of the saved search {name}:").format(name=isolate(name)),
            lambda new: self.rename_saved(name, new),
            text=name,
            object_name="renameSavedSearchDialog",
        )

    def rename_saved(self, old: str, new: str) -> bool:
        command = RenameSavedSearchCommand(self._library, old, new)
        if command.new == old or not run_command(self._shell, command):
            return False
        if self._filters.state.saved_search == old:
            self._filters.set_saved_search(command.new)
        return True

    def delete_saved(self, name: str) -> bool:
        """Forget a saved search at once (no article changes: Undo brings it back)."""
        if not run_command(self._shell, DeleteSavedSearchCommand(self._library, name)):
            return False
        if self._filters.state.saved_search == name:
            self._filters.set_saved_search("")
        self._shell.show_status(self.tr("Saved search deleted (Edit → Undo brings it back)"), 5000)
        return True

    def close(self) -> None:
        self._closed = True
        self._reload_timer.stop()
        if self._count_task is not None:
            self._count_task.cancel()
            self._count_task.wait(5.0)

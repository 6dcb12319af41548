"""What the search box remembers: the recent queries (a drop-down and a completer) and saved searches.

The history is the library's (`Library.search_history`: the last 20 queries, each once): a query joins it
when it is searched with Enter or one of its results is opened, not at every pause in typing (half-typed
words would crowd it). The clock button in the box lists it, with "Clear Search History"; typing offers its
queries that contain what is typed. The star button saves the query with its filters under a name
(`Library.saved_searches`); the library's collections panel lists it as a smart collection. Undo forgets it.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QObject, QStringListModel, Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QCompleter, QInputDialog, QLineEdit, QMenu

from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.library.saved_searches import SavedSearch
from reader.gui.common.dialogs import ask_text
from reader.gui.search.search_panel import SearchPanel
from reader.gui.search.search_queries import SearchRequest
from reader.gui.shell import Shell
from reader.messages import isolate

#: How long the status bar confirms a saved search.
SAVED_STATUS_MS = 5000


def saved_form(request: SearchRequest) -> tuple[str, dict[str, object]]:
    """A search as a saved search keeps it: the query (the within-results queries AND-ed in front) and the
    filter controls' values."""
    parts = [f"({q})" for q in request.within]
    if request.text:
        parts.append(request.text)
    query = " ".join(parts) if len(parts) > 1 else request.query
    filters: dict[str, object] = {
        "kinds": [request.kind] if request.kind else [],
        "colors": [request.color] if request.color else [],
        "tags": [request.tag] if request.tag else [],
        "outlets": [request.outlet] if request.outlet else [],
        "date_from": request.date or "",
        "date_to": request.date or "",
    }
    return query, filters


class SaveSearchCommand(QUndoCommand):
    """Save a search under a name (its first step runs before the push: a name taken is said, nothing is
    pushed); undo forgets it, redo brings the same one back."""

    def __init__(self, library: Library, name: str, query: str, filters: dict[str, object]) -> None:
        super().__init__(QCoreApplication.translate("SearchMemory", "Save search"))
        self.library = library
        self.saved = library.saved_searches.save(name, query, filters)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.library.saved_searches.restore(self.saved)

    def undo(self) -> None:
        self.library.saved_searches.delete(self.saved.name)


class SearchMemory(QObject):
    """The history drop-down, its completer and "Save This Search…" of one search panel."""

    def __init__(
        self,
        library: Library,
        shell: Shell,
        panel: SearchPanel,
        request: Callable[[], SearchRequest],
        search: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._panel = panel
        self._request = request
        self._search = search
        self.name_dialog: QInputDialog | None = None

        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self._search)
        panel.box.setCompleter(self.completer)

        self.menu = QMenu(panel)
        self.menu.setObjectName("searchHistoryMenu")
        self.menu.aboutToShow.connect(self.fill_menu)
        self.history_action = QAction(qta.icon("mdi6.history"), self.tr("Recent Searches"), self)
        self.history_action.setObjectName("searchHistoryAction")
        self.history_action.setToolTip(self.tr("Recent searches"))
        self.history_action.triggered.connect(self.show_menu)
        self.clear_action = QAction(self.tr("&Clear Search History"), self)
        self.clear_action.setObjectName("clearSearchHistoryAction")
        self.clear_action.triggered.connect(self.clear)
        self.save_action = QAction(qta.icon("mdi6.star-outline"), self.tr("Save This Search…"), self)
        self.save_action.setObjectName("saveSearchAction")
        self.save_action.setToolTip(self.tr("Save this search: it is listed with the collections"))
        self.save_action.triggered.connect(self.ask_save)
        panel.box.addAction(self.save_action, QLineEdit.ActionPosition.TrailingPosition)
        panel.box.addAction(self.history_action, QLineEdit.ActionPosition.TrailingPosition)
        self.reload()

    # the history -----------------------------------------------------------------------------------
    def history(self) -> list[str]:
        return self.model.stringList()

    def reload(self) -> None:
        try:
            self.model.setStringList(self._library.search_history.list())
        except HawamishError:  # a library that cannot be read: no history offered
            self.model.setStringList([])

    def remember(self, query: str) -> None:
        """`query` was searched for on purpose (Enter, a result opened): it becomes the newest."""
        if not query.strip():
            return
        try:
            self.model.setStringList(self._library.search_history.add(query))
        except HawamishError as exc:
            self._shell.show_error(exc)

    def clear(self) -> None:
        try:
            self._library.search_history.clear()
        except HawamishError as exc:
            self._shell.show_error(exc)
        self.reload()

    def fill_menu(self) -> None:
        self.menu.clear()
        queries = self.history()
        for query in queries:
            # an English query keeps its order in the Arabic menu; & is not a mnemonic here
            action = self.menu.addAction(isolate(query.replace("&", "&&")))
            action.triggered.connect(lambda _checked=False, q=query: self._search(q))
        if not queries:
            empty = self.menu.addAction(self.tr("No recent searches"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self.clear_action.setEnabled(bool(queries))
        self.menu.addAction(self.clear_action)

    def show_menu(self) -> None:
        box = self._panel.box
        self.menu.popup(box.mapToGlobal(box.rect().bottomLeft()))

    # saving ----------------------------------------------------------------------------------------
    def ask_save(self) -> None:
        request = self._request()
        if request.empty:
            self._shell.show_status(self.tr("Type a query to save it."), SAVED_STATUS_MS)
            return
        self.name_dialog = ask_text(
            self._shell.dialog_parent(),
            self.tr("Save Search"),
            self.tr("Name of the saved search (it is listed with the collections):"),
            self.save,
            text=request.text or request.query,
            object_name="saveSearchDialog",
        )

    def save(self, name: str) -> SavedSearch | None:
        """Save the panel's search under `name` (undoable); None when the library refused it."""
        query, filters = saved_form(self._request())
        try:
            command = SaveSearchCommand(self._library, name, query, filters)
        except HawamishError as exc:
            self._shell.show_error(exc)
            return None
        self._shell.undo_stack.push(command)
        self.remember(query)
        self._shell.show_status(
            self.tr("Saved the search {name}: it is listed with the collections.").format(
                name=isolate(command.saved.name)
            ),
            SAVED_STATUS_MS,
        )
        return command.saved

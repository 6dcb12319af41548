"""Search in the app: what a query runs, which results are shown, and what opening one does.

Queries run in a worker (reader/gui/common/workers.py), debounced while typing and at once on Enter; each
query gets a generation number and only the latest one's results are shown, so a slow query never
overwrites a newer one. A malformed query shows the core's reason under the box, never a traceback.

Opening a result opens its article scrolled to the hit and marks every hit of the query in the article
(overlay layer 'search'); F3 / Shift+F3 step through them, the current one drawn stronger. A highlight or
note result carries only its own passage: the query is run once more on its article, in a worker too, so
opening a result never runs a query on the UI thread.

The controller builds the search panel, its dock, the index service that keeps the index in step, and the
Edit and View menu entries; the find bar is handed in (F3 steps through its matches while it is open).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.core.changes import Change, ChangeKind
from reader.core.errors import QUERY_ERRORS, HawamishError
from reader.core.library import Library
from reader.gui.common.error_text import describe_error, error_reason
from reader.gui.common.numbers import local_number
from reader.gui.common.workers import Task, run_task
from reader.gui.reading.article_view import LAYER_SEARCH
from reader.gui.reading.find_bar import FindBar, hit_selections, make_find_action
from reader.gui.search.index_service import IndexService, IndexStatus
from reader.gui.search.search_memory import SearchMemory
from reader.gui.search.search_model import ResultRow
from reader.gui.search.search_panel import SearchPanel
from reader.gui.search.search_queries import (
    FilterChoices,
    SearchRequest,
    article_hits,
    load_filter_choices,
    run_search,
)
from reader.gui.shell import Menu, Shell
from reader.messages import isolate

log = logging.getLogger(__name__)

DEBOUNCE_MS = 200
#: Results fetched at first, and added each time the list is scrolled to its end: the core builds a snippet
#: for every hit (about 2 ms each on 1,500 articles), so a short first page keeps typing-to-results fast.
RESULT_PAGE = 30
#: The article view's search marks: lighter than the find bar's, so both can be on screen at once.
SEARCH_MARK = "#fbdcef"
#: How long the status bar says which hit is current.
HIT_STATUS_MS = 4000


@dataclass
class HitCursor:
    """The hits of the last opened result in its article, and which one is current (F3 / Shift+F3)."""

    article_id: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    current: int = 0


class SearchController(QObject):
    """Runs the panel's queries, opens results and steps through their hits."""

    #: Emitted after results (or a message) are shown for the latest query: (query, rows shown, seconds).
    results_shown = Signal(str, int, float)
    #: Emitted after a result was opened and its hits marked: (article id, number of hits marked).
    hits_marked = Signal(int, int)

    def __init__(
        self, library: Library, shell: Shell, find_bar: FindBar, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._find_bar = find_bar
        self.view = shell.article_view
        self._generation = 0
        self._task: Task | None = None
        self._choices_task: Task | None = None
        self._open_generation = 0
        self._open_task: Task | None = None
        self._started_at = 0.0
        self._last_query: str | None = None
        self._shown_request: SearchRequest | None = None
        self._bases: list[str] = []  # "search within results": the earlier queries every new one must match
        self._open_first = False
        self._limit = RESULT_PAGE
        self._more_available = False
        self._closed = False
        self.last_latency: float | None = None
        self.hits: HitCursor | None = None

        self.service = IndexService(library, self)
        shell.add_status_widget(IndexStatus(self.service))
        self.panel = SearchPanel()
        self.dock = QDockWidget(QCoreApplication.translate("SearchPanel", "Search"), shell.dialog_parent())
        self.dock.setObjectName("searchDock")
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.dock.setWidget(self.panel)
        shell.add_dock(self.dock)
        self._add_actions(shell)
        # recent queries (a drop-down and a completer in the box) and "Save This Search…"
        self.memory = SearchMemory(library, shell, self.panel, self.request, self.set_query, self)
        self.panel.box.returnPressed.connect(lambda: self.memory.remember(self.panel.box.text()))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.panel.query_edited.connect(self._debounce.start)
        self.panel.search_requested.connect(self.search_now)
        self.panel.query_cleared.connect(self.search_now)
        self.panel.within_toggled.connect(self._on_within_toggled)
        self.panel.root_action.toggled.connect(self._on_root_toggled)
        self.panel.result_activated.connect(self.open_result)
        self.panel.end_reached.connect(self._fetch_more)
        self.service.updated.connect(self._on_index_updated)
        shell.library_changed.connect(self._on_library_change)
        self.view.article_loaded.connect(self._on_article_loaded)

        self.refresh_filter_choices()
        app = QCoreApplication.instance()
        if app is not None:  # app.exit() (e.g. after --screenshot) closes no window: stop the workers here
            app.aboutToQuit.connect(self.close)
        # the start-up sync imports whoosh on its worker: started after the first frame, the window is up sooner
        self.service.start_after_first_paint(shell.after_first_paint)

    def _on_root_toggled(self, on: bool) -> None:
        """Root search needs the roots in the index: the first time, the library asks for them and the index
        is rebuilt with them on the worker (searches wait for it, as at start-up)."""
        if on and not self._library.root_search:
            self._library.set_root_search(True)
            self._shell.show_status(
                QCoreApplication.translate("SearchByRoot", "Indexing the roots of every word (once)…"), 10_000
            )
            self.service.rebuild()

    def _add_actions(self, shell: Shell) -> None:
        focus = QAction(
            qta.icon("mdi6.magnify"), QCoreApplication.translate("SearchPanel", "&Search Library…"), self
        )
        focus.setObjectName("searchAction")
        focus.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K))
        focus.triggered.connect(self.panel.focus_box)
        shell.add_action(focus, Menu.EDIT)
        shell.add_action(make_find_action(self._find_bar, self), Menu.EDIT)
        next_hit = QAction(QCoreApplication.translate("SearchPanel", "Next Search Hit"), self)
        next_hit.setObjectName("nextHitAction")
        next_hit.setShortcut(QKeySequence(Qt.Key.Key_F3))
        next_hit.triggered.connect(lambda: self._step_find_or_hits(+1))
        shell.add_action(next_hit, Menu.EDIT)
        previous_hit = QAction(QCoreApplication.translate("SearchPanel", "Previous Search Hit"), self)
        previous_hit.setObjectName("previousHitAction")
        previous_hit.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F3))
        previous_hit.triggered.connect(lambda: self._step_find_or_hits(-1))
        shell.add_action(previous_hit, Menu.EDIT)
        toggle = self.dock.toggleViewAction()
        toggle.setText(QCoreApplication.translate("SearchPanel", "Search &Panel"))
        shell.add_action(toggle, Menu.VIEW)

    # filters -------------------------------------------------------------------------------------
    def refresh_filter_choices(self) -> None:
        """Reload the colour, tag, outlet and year lists from the library (in a worker)."""
        if self._closed:
            return
        library = self._library
        self._choices_task = run_task(
            self,
            lambda _p, _c: load_filter_choices(library),
            on_done=self._fill_choices,
            on_error=lambda e: log.warning("filter choices: %s", e),
        )

    def _fill_choices(self, choices: FilterChoices) -> None:
        self.panel.fill_choices(choices)

    def request(self) -> SearchRequest:
        """The panel's query and filters, with the within-results queries and the page size."""
        return self.panel.request(self._bases, self._limit)

    def _on_within_toggled(self, on: bool) -> None:
        if on:
            query = self.panel.box.text().strip()
            if query:
                self._bases.append(query)
            self.panel.box.clear()
        else:
            self._bases.clear()
        self.panel.show_within(self._bases)
        self.panel.box.setFocus()
        if not on:
            self.search_now()

    # running queries -----------------------------------------------------------------------------
    def set_query(self, text: str, *, open_first: bool = False) -> None:
        """Put `text` in the box and search at once; `gui --search` also opens the first result."""
        self.panel.raise_dock()
        self.panel.box.setText(text)
        self._open_first = open_first
        self.search_now()

    def search_in(self, scope: str) -> None:
        """Search within a scope (`collection:"NAME" `, `author:"NAME" `): the scope alone is searched at
        once, and the cursor waits after it for the words to look for there."""
        self.set_query(scope)
        box = self.panel.box
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        box.deselect()
        box.end(False)

    def extend_list_menu(self, menu: QMenu, article_ids: list[int]) -> None:
        """The library list's context menu: search within the articles of the one article's author."""
        if len(article_ids) != 1:
            return
        try:
            author = self._library.articles.get(article_ids[0]).author.strip()
        except HawamishError:
            return
        if not author or '"' in author:
            return
        action = menu.addAction(
            QCoreApplication.translate("SearchPanel", "Search in Articles by {author}").format(
                author=isolate(author.replace("&", "&&"))
            )
        )
        action.setObjectName("searchByAuthorAction")
        action.triggered.connect(lambda _checked=False: self.search_in(f'author:"{author}" '))

    def search_now(self, *, quiet: bool = False, keep_position: bool = False) -> None:
        """Run the box's query now (Enter, a filter change); the latest query always wins.

        `keep_position` re-runs the shown query (more rows, or fresh content) without moving the list.
        """
        self._debounce.stop()
        if not keep_position:
            self._limit = RESULT_PAGE
        req = self.request()
        self._generation += 1
        if req.empty:
            self._last_query = None
            self.panel.clear_rows()
            self.panel.show_message("")
            self.results_shown.emit("", 0, 0.0)
            return
        generation = self._generation
        if self._closed:
            return
        if self._task is not None:
            self._task.cancel()
        if not quiet:
            self._started_at = time.perf_counter()
        if not self.service.ready and not keep_position:
            self.panel.show_indexing()
        library, ready = self._library, self.service.ready_event
        self._task = run_task(
            self,
            # on the worker: a search typed before the start-up sync imports whoosh there, not here
            lambda _p, cancelled: run_search(library, req, cancelled, ready),
            on_done=lambda rows: self._on_results(generation, req, rows, keep_position),
            on_error=lambda error: self._on_error(generation, req.text, error),
        )

    def _on_results(
        self,
        generation: int,
        req: SearchRequest,
        outcome: tuple[list[ResultRow], int] | None,
        keep_position: bool = False,
    ) -> None:
        if generation != self._generation or outcome is None:
            return  # a newer query was started: its results will be shown instead
        rows, total = outcome
        self._task = None
        self._last_query = req.text
        self._shown_request = req
        self._more_available = total > len(rows)
        self.panel.show_rows(rows, more=self._more_available, keep_position=keep_position)
        self.last_latency = time.perf_counter() - self._started_at
        self.results_shown.emit(req.text, len(rows), self.last_latency)
        if self._open_first and rows:
            self._open_first = False
            self.open_result(self.panel.model.index(0, 0))

    def _on_error(self, generation: int, query: str, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.panel.clear_rows()
        if isinstance(error, HawamishError) and error.code in QUERY_ERRORS:
            self.panel.show_unreadable_query(error_reason(error))  # the catalogue's words, with the token
        else:
            log.warning("search failed", exc_info=error)
            self.panel.show_message(describe_error(error), error=True)
        self.last_latency = time.perf_counter() - self._started_at
        self.results_shown.emit(query, 0, self.last_latency)

    def _on_index_updated(self) -> None:
        """New content is searchable: refresh the visible results (and the filter lists) quietly."""
        self.refresh_filter_choices()
        if self._last_query is not None and not self._debounce.isActive():
            self.search_now(quiet=True, keep_position=True)

    def _on_library_change(self, change: Change) -> None:
        """Label names and colours are not indexed, but the colour filter and the result rows show them."""
        if change.kind == ChangeKind.LABELS:
            self._on_index_updated()

    def _fetch_more(self) -> None:
        """The list was scrolled to its end: fetch the next page of results, if the query has one."""
        if self._more_available and self._task is None:
            self._more_available = False
            self._limit += RESULT_PAGE
            self.search_now(quiet=True, keep_position=True)

    # opening results and stepping through hits --------------------------------------------------
    def open_result(self, index: QModelIndex | None = None) -> bool:
        """Open a result's article at its hit and mark every hit of the query there (at once for an
        article result, which carries its hits; after a query on a worker for a highlight or a note)."""
        panel = self.panel
        row = panel.model.row_at(index if index is not None else panel.results.currentIndex())
        if row is None:
            return False
        first = row.hits[0][0] if row.hits else None
        if not self._shell.open_article(row.article_id, scroll_to=first):
            return False
        if self._shown_request is not None:  # a result worth opening: its query is worth remembering
            self.memory.remember(self._shown_request.text)
        article = self.view.article
        if article is None:
            return False
        self._open_generation += 1
        if self._open_task is not None:
            self._open_task.cancel()
            self._open_task = None
        if row.kind == "article":
            self._mark_hits(article.id, sorted(row.hits), first)
            return True
        generation, article_id = self._open_generation, article.id
        library, request = self._library, self._shown_request or self.request()

        def done(spans: list[tuple[int, int]]) -> None:
            self._open_task = None
            current = self.view.article
            if generation == self._open_generation and current is not None and current.id == article_id:
                self._mark_hits(article_id, spans, first)

        self._open_task = run_task(
            self,
            lambda _p, _c: article_hits(library, request, row),
            on_done=done,
            on_error=lambda error: log.warning("marking the hits failed: %s", error),
        )
        return True

    def _mark_hits(self, article_id: int, spans: list[tuple[int, int]], first: int | None) -> None:
        current = 0
        if first is not None:
            current = next((i for i, (s, _e) in enumerate(spans) if s >= first), 0)
        self.hits = HitCursor(article_id, spans, current)
        self._show_hit()
        self.hits_marked.emit(article_id, len(spans))

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) hit in the article (F3 / Shift+F3), wrapping around."""
        if self.hits is None or not self.hits.spans:
            return
        self.hits.current = (self.hits.current + delta) % len(self.hits.spans)
        self._show_hit()

    def _step_find_or_hits(self, delta: int) -> None:
        """F3 / Shift+F3 step through the find bar's matches while it is open, else the search hits."""
        bar = self._find_bar
        if bar.isVisible() and bar.matches:
            bar.next() if delta > 0 else bar.previous()
        else:
            self.step(delta)

    def _show_hit(self) -> None:
        hits = self.hits
        if hits is None:
            return
        self.view.set_overlay(
            LAYER_SEARCH, hit_selections(self.view, hits.spans, hits.current, all_color=SEARCH_MARK)
        )
        if hits.spans:
            start, _end = hits.spans[hits.current]
            self.view.scroll_to_offset(start)
            self._shell.show_status(
                QCoreApplication.translate("SearchPanel", "Hit %1 of %2 (F3 next, Shift+F3 previous)")
                .replace("%1", local_number(hits.current + 1))
                .replace("%2", local_number(len(hits.spans))),
                HIT_STATUS_MS,
            )

    def clear_hits(self) -> None:
        self.hits = None
        self.view.set_overlay(LAYER_SEARCH, [])

    def _on_article_loaded(self, article_id: int) -> None:
        if self.hits is not None and self.hits.article_id != article_id:
            self.clear_hits()

    # shutting down -------------------------------------------------------------------------------
    def close(self) -> None:
        """Stop the running queries and the index writer, and wait for them (the window closes or the app
        quits): no worker may still use the library when it is closed."""
        if not self._closed:
            self._closed = True
            self._debounce.stop()
            self._generation += 1
            self._open_generation += 1
            for task in (self._task, self._choices_task, self._open_task):
                if task is not None:
                    task.cancel()
                    task.wait(5.0)
        self.service.shutdown()

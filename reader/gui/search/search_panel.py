"""Search in the app: the search box (Ctrl+K), filters, the results list, and stepping through hits.

Queries run in a worker (reader/gui/common/workers.py), debounced while typing and at once on Enter; each query
gets a generation number and only the latest one's results are shown, so a slow query never overwrites a
newer one. A malformed query shows the core's QUERY_SYNTAX reason under the box, never a traceback.

Opening a result opens its article scrolled to the hit and marks every hit of the query in the article
(overlay layer 'search'); F3 / Shift+F3 step through them, the current one drawn stronger.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import qtawesome as qta
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ErrorCode, HawamishError
from reader.gui.common.error_text import describe_error
from reader.gui.common.workers import Task, run_task
from reader.gui.reading.article_view import LAYER_SEARCH, ArticleView
from reader.gui.reading.find_bar import hit_selections
from reader.gui.search.index_service import IndexService
from reader.gui.search.search_model import ResultRow, SearchResultDelegate, SearchResultsModel
from reader.gui.search.search_queries import (
    FilterChoices,
    SearchRequest,
    article_hits,
    load_filter_choices,
    run_search,
    syntax_reason,
)

log = logging.getLogger(__name__)

DEBOUNCE_MS = 200
#: Results fetched at first, and added each time the list is scrolled to its end: the core builds a snippet
#: for every hit (about 2 ms each on 1,500 articles), so a short first page keeps typing-to-results fast.
RESULT_PAGE = 30
#: The article view's search marks: lighter than the find bar's, so both can be on screen at once.
SEARCH_MARK = "#ffe79a"


@dataclass
class HitCursor:
    """The hits of the last opened result in its article, and which one is current (F3 / Shift+F3)."""

    article_id: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    current: int = 0


class SearchPanel(QWidget):
    """Search box, compact filters and the results list; lives in the window's search dock."""

    #: Emitted after results (or a message) are shown for the latest query: (query, rows shown, seconds).
    results_shown = Signal(str, int, float)
    #: Emitted after a result was opened and its hits marked: (article id, number of hits marked).
    hits_marked = Signal(int, int)

    def __init__(self, window: QMainWindow, service: IndexService) -> None:
        super().__init__(window)
        self.setObjectName("searchPanel")
        self.window_ = window
        self.view: ArticleView = window.article_view  # type: ignore[attr-defined]
        self.service = service
        self._generation = 0
        self._task: Task | None = None
        self._started_at = 0.0
        self._last_query: str | None = None
        self._shown_request: SearchRequest | None = None
        self._bases: list[str] = []  # "search within results": the earlier queries every new one must match
        self.last_latency: float | None = None
        self.hits: HitCursor | None = None
        self._open_first = False
        self._limit = RESULT_PAGE
        self._more_available = False
        self._closed = False
        self._choices_task: Task | None = None

        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr("Search articles, highlights and notes (Ctrl+K)"))
        self.box.setClearButtonEnabled(True)
        self.box.addAction(qta.icon("mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition)
        self.box.setToolTip(
            self.tr(
                'Words must all match; use OR, -word, "a phrase", prefix*, title:, author:, outlet:, tag:, '
                "color:, date:2024 or date:2020..2023"
            )
        )
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.kind_combo = self._combo("searchKind", self.tr("Kind"))
        self.kind_combo.addItem(self.tr("Everything"), None)
        self.kind_combo.addItem(qta.icon("mdi6.file-document-outline"), self.tr("Articles"), "article")
        self.kind_combo.addItem(qta.icon("mdi6.marker"), self.tr("Highlights"), "highlight")
        self.kind_combo.addItem(qta.icon("mdi6.note-text-outline"), self.tr("Notes"), "note")
        self.color_combo = self._combo("searchColor", self.tr("Colour label"))
        self.tag_combo = self._combo("searchTag", self.tr("Tag"))
        self.outlet_combo = self._combo("searchOutlet", self.tr("Outlet"))
        self.date_combo = self._combo("searchDate", self.tr("Date"))
        self._fill_choices(FilterChoices())

        self.within = QCheckBox(self.tr("Search within results"), self)
        self.within.setObjectName("searchWithin")
        self.within.setToolTip(self.tr("Keep the current results and narrow them with the next query"))
        self.within_label = QLabel(self)
        self.within_label.setObjectName("searchWithinQueries")
        self.within_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("searchCount")

        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.model = SearchResultsModel(self.results)
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setAlternatingRowColors(True)
        self.results.setAccessibleName(self.tr("Search results"))

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setHorizontalSpacing(4)
        filters.setVerticalSpacing(4)
        for i, combo in enumerate((self.kind_combo, self.color_combo, self.tag_combo)):
            filters.addWidget(combo, 0, i)
        filters.addWidget(self.outlet_combo, 1, 0, 1, 2)
        filters.addWidget(self.date_combo, 1, 2)
        within_row = QHBoxLayout()
        within_row.addWidget(self.within)
        within_row.addWidget(self.within_label, 1)
        within_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addLayout(within_row)
        layout.addWidget(self.results, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.box.textEdited.connect(lambda _text: self._debounce.start())
        self.box.returnPressed.connect(self.search_now)
        for combo in (self.kind_combo, self.color_combo, self.tag_combo, self.outlet_combo, self.date_combo):
            combo.activated.connect(lambda _i: self.search_now())
        self.within.toggled.connect(self._on_within_toggled)
        self.results.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.results.activated.connect(self.open_result)
        self.results.doubleClicked.connect(self.open_result)
        self.box.installEventFilter(self)
        service.updated.connect(self._on_index_updated)
        self.view.article_loaded.connect(self._on_article_loaded)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    # filters -------------------------------------------------------------------------------------
    def refresh_filter_choices(self) -> None:
        """Reload the colour, tag, outlet and year lists from the library (in a worker)."""
        library = self.service.library
        if self._closed:
            return
        self._choices_task = run_task(
            self,
            lambda _p, _c: load_filter_choices(library),
            on_done=self._fill_choices,
            on_error=lambda e: log.warning("filter choices: %s", e),
        )

    def _fill_choices(self, choices: FilterChoices) -> None:
        def refill(combo: QComboBox, any_text: str, items: list[tuple[str, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for text, data in items:
                combo.addItem(text, data)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

        refill(self.color_combo, self.tr("Any colour"), [(name, key) for key, name, _c in choices.colors])
        for i, (_key, _name, color) in enumerate(choices.colors, start=1):
            self.color_combo.setItemIcon(i, qta.icon("mdi6.circle", color=color))
        refill(self.tag_combo, self.tr("Any tag"), [(t, t) for t in choices.tags])
        refill(self.outlet_combo, self.tr("Any outlet"), [(o, o) for o in choices.outlets])
        refill(self.date_combo, self.tr("Any date"), [(y, y) for y in choices.years])

    def request(self, text: str | None = None) -> SearchRequest:
        """The query as typed plus the filters and the within-results queries, for the core."""
        return SearchRequest(
            text=self.box.text().strip() if text is None else text.strip(),
            within=tuple(self._bases),
            kind=self.kind_combo.currentData(),
            color=self.color_combo.currentData(),
            tag=self.tag_combo.currentData(),
            outlet=self.outlet_combo.currentData(),
            date=self.date_combo.currentData(),
            limit=self._limit,
        )

    def _on_within_toggled(self, on: bool) -> None:
        if on:
            query = self.box.text().strip()
            if query:
                self._bases.append(query)
            self.box.clear()
        else:
            self._bases.clear()
        self.within_label.setVisible(bool(self._bases))
        self.within_label.setText(" › ".join(f"\u2068{q}\u2069" for q in self._bases))
        self.box.setFocus()
        if not on:
            self.search_now()

    # running queries -----------------------------------------------------------------------------
    def _raise_dock(self) -> None:
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()

    def focus_box(self) -> None:
        self._raise_dock()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def set_query(self, text: str, *, open_first: bool = False) -> None:
        """Put `text` in the box and search at once; `gui --search` also opens the first result."""
        self._raise_dock()
        self.box.setText(text)
        self._open_first = open_first
        self.search_now()

    def search_now(self, *, quiet: bool = False, keep_position: bool = False) -> None:
        """Run the box's query now (Enter, a filter change); the latest query always wins.

        `keep_position` re-runs the shown query (more rows, or fresh content) without moving the list.
        """
        self._debounce.stop()
        if not keep_position:
            self._limit = RESULT_PAGE
        req = self.request()
        if req.empty:
            self._generation += 1
            self._last_query = None
            self.model.set_rows([])
            self.count_label.clear()
            self._show_message("")
            self.results_shown.emit("", 0, 0.0)
            return
        self._generation += 1
        generation = self._generation
        if self._closed:
            return
        if self._task is not None:
            self._task.cancel()
        if not quiet:
            self._started_at = time.perf_counter()
        if not self.service.ready and not keep_position:
            self._show_message(
                self.tr("The library is being indexed: the results will appear when it is ready.")
            )
        service, library, ready = self.service, self.service.library, self.service.ready_event
        self._task = run_task(
            self,
            # service.index on the worker: a search typed before the start-up sync imports whoosh there
            lambda _p, cancelled: run_search(service.index, library, req, cancelled, ready),
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
        query = req.text
        self._last_query = query
        self._shown_request = req
        self._more_available = total > len(rows)
        current = self.current_row()
        scroll = self.results.verticalScrollBar().value()
        self.model.set_rows(rows)
        if keep_position and current is not None:
            same = next(
                (
                    i
                    for i, r in enumerate(rows)
                    if (r.kind, r.article_id, r.highlight_id)
                    == (current.kind, current.article_id, current.highlight_id)
                ),
                0,
            )
            self.results.setCurrentIndex(self.model.index(same, 0))
            self.results.verticalScrollBar().setValue(scroll)
        elif rows:
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.scrollToTop()
        if self._more_available:
            self.count_label.setText(self.tr("%1+ results").replace("%1", str(len(rows))))
        else:
            self.count_label.setText(self.tr("%n result(s)", "", len(rows)) if rows else "")
        self._show_message(
            "" if rows else self.tr("Nothing found. Try fewer words, or a word's stem with *.")
        )
        self.results.viewport().update()
        self.last_latency = time.perf_counter() - self._started_at
        self.results_shown.emit(query, len(rows), self.last_latency)
        if self._open_first and rows:
            self._open_first = False
            self.open_result(self.model.index(0, 0))

    def _on_error(self, generation: int, query: str, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.model.set_rows([])
        self.count_label.clear()
        if isinstance(error, HawamishError) and error.code == ErrorCode.QUERY_SYNTAX:
            reason = syntax_reason(error.detail) if error.detail else describe_error(error)
            self._show_message(self.tr("This query cannot be read: %1").replace("%1", reason), error=True)
        else:
            log.warning("search failed", exc_info=error)
            self._show_message(describe_error(error), error=True)
        self.last_latency = time.perf_counter() - self._started_at
        self.results_shown.emit(query, 0, self.last_latency)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setVisible(bool(text))

    def shutdown(self) -> None:
        """Stop the running query and wait for the workers (the window closes or the app quits): no worker
        may still use the library when it is closed."""
        self._closed = True
        self._debounce.stop()
        self._generation += 1
        for task in (self._task, self._choices_task):
            if task is not None:
                task.cancel()
                task.wait(5.0)

    def _on_index_updated(self) -> None:
        """New content is searchable: refresh the visible results (and the filter lists) quietly."""
        self.refresh_filter_choices()
        if self._last_query is not None and not self._debounce.isActive():
            self.search_now(quiet=True, keep_position=True)

    def _on_scrolled(self, value: int) -> None:
        """At the end of the list, fetch the next page of results."""
        bar = self.results.verticalScrollBar()
        if value >= bar.maximum() - 4 and self._more_available and self._task is None:
            self._more_available = False
            self._limit += RESULT_PAGE
            self.search_now(quiet=True, keep_position=True)

    # opening results and stepping through hits --------------------------------------------------
    def current_row(self) -> ResultRow | None:
        return self.model.row_at(self.results.currentIndex())

    def open_result(self, index: QModelIndex | None = None) -> bool:
        """Open a result's article at its hit and mark every hit of the query there."""
        row = self.model.row_at(index if index is not None else self.results.currentIndex())
        if row is None:
            return False
        first = row.hits[0][0] if row.hits else None
        if not self.window_.open_article(row.article_id, scroll_to=first):  # type: ignore[attr-defined]
            return False
        article = self.view.article
        if article is None:
            return False
        request = self._shown_request or self.request()
        spans = article_hits(self.service.index, request, row)
        current = 0
        if first is not None:
            current = next((i for i, (s, _e) in enumerate(spans) if s >= first), 0)
        self.hits = HitCursor(article.id, spans, current)
        self._show_hit()
        self.hits_marked.emit(article.id, len(spans))
        return True

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) hit in the article (F3 / Shift+F3), wrapping around."""
        if self.hits is None or not self.hits.spans:
            return
        self.hits.current = (self.hits.current + delta) % len(self.hits.spans)
        self._show_hit()

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
            total = len(hits.spans)
            self.window_.statusBar().showMessage(
                self.tr("Hit %1 of %2 (F3 next, Shift+F3 previous)")
                .replace("%1", str(hits.current + 1))
                .replace("%2", str(total)),
                4000,
            )

    def clear_hits(self) -> None:
        self.hits = None
        self.view.set_overlay(LAYER_SEARCH, [])

    def _on_article_loaded(self, article_id: int) -> None:
        if self.hits is not None and self.hits.article_id != article_id:
            self.clear_hits()

    # keys ------------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001,N802 (Qt override)
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                self.search_now()
                return True
        return super().eventFilter(watched, event)


class _ShutdownOnClose(QObject):
    """Waits for the panel's workers when the window closes (before the library is closed)."""

    def __init__(self, window: QMainWindow, panel: SearchPanel) -> None:
        super().__init__(window)
        self._panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Close:
            self._panel.shutdown()
        return False


def _step(window: QMainWindow, panel: SearchPanel, delta: int) -> None:
    """F3 / Shift+F3 step through the find bar's matches while it is open, else the search hits."""
    bar = getattr(window, "find_bar", None)
    if bar is not None and bar.isVisible() and bar.matches:
        bar.next() if delta > 0 else bar.previous()
    else:
        panel.step(delta)


def attach_search(window: QMainWindow) -> SearchPanel:
    """Add the search dock, the index service, the find bar and their actions to the main window."""
    from reader.gui.reading.find_bar import attach_find_bar
    from reader.gui.search.index_service import attach_index_service

    service = attach_index_service(window)
    dock = QDockWidget(QCoreApplication.translate("SearchPanel", "Search"), window)
    dock.setObjectName("searchDock")
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    panel = SearchPanel(window, service)
    dock.setWidget(panel)
    # beside the article, opposite the library list (QMainWindow does not mirror dock areas, the central
    # splitter does), as a tab with the annotation panel when there is one: the article keeps its width
    rtl = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window.addDockWidget(
        Qt.DockWidgetArea.LeftDockWidgetArea if rtl else Qt.DockWidgetArea.RightDockWidgetArea, dock
    )
    notes = window.findChild(QDockWidget, "annotationPanel")
    if notes is not None and not window.dockWidgetArea(notes) == Qt.DockWidgetArea.NoDockWidgetArea:
        window.tabifyDockWidget(notes, dock)
        notes.raise_()
    window.search_panel = panel  # type: ignore[attr-defined]
    window.search_dock = dock  # type: ignore[attr-defined]

    def add(action: QAction, menu_name: str) -> None:
        window.addAction(action)  # shortcuts work with the menu bar hidden
        menu = getattr(window, menu_name, None)
        if menu is not None:
            menu.addAction(action)

    focus = QAction(
        qta.icon("mdi6.magnify"), QCoreApplication.translate("SearchPanel", "&Search Library…"), window
    )
    focus.setObjectName("searchAction")
    focus.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K))
    focus.triggered.connect(panel.focus_box)
    add(focus, "edit_menu")
    attach_find_bar(window)
    next_hit = QAction(QCoreApplication.translate("SearchPanel", "Next Search Hit"), window)
    next_hit.setObjectName("nextHitAction")
    next_hit.setShortcut(QKeySequence(Qt.Key.Key_F3))
    next_hit.triggered.connect(lambda: _step(window, panel, +1))
    add(next_hit, "edit_menu")
    previous_hit = QAction(QCoreApplication.translate("SearchPanel", "Previous Search Hit"), window)
    previous_hit.setObjectName("previousHitAction")
    previous_hit.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F3))
    previous_hit.triggered.connect(lambda: _step(window, panel, -1))
    add(previous_hit, "edit_menu")
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("SearchPanel", "Search &Panel"))
    add(toggle, "view_menu")
    panel.refresh_filter_choices()
    window.installEventFilter(_ShutdownOnClose(window, panel))
    app = QCoreApplication.instance()
    if app is not None:  # app.exit() (e.g. after --screenshot) closes no window: stop the workers here
        app.aboutToQuit.connect(panel.shutdown)
        app.aboutToQuit.connect(service.shutdown)
    requested = getattr(window, "search_requested", None)
    if requested is not None:  # `hawamish gui --search QUERY`
        requested.connect(lambda text: panel.set_query(text, open_first=True))
    return panel

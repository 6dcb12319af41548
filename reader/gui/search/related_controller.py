"""More Like This in the app: asks `Library.related` on a worker and shows the articles in a dock.

Entries: the article view's context menu and the Article menu (the open article), the library list's
context menu (the article it acts on; the window wires `extend_list_menu`), and a highlight card's
context menu in the notes panel (its passage and note; `extend_card_menu`). Opening a row opens its article
at the first key word it holds. Only the latest request's results are shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.core.library import Library
from reader.core.models import Highlight
from reader.gui.common.error_text import describe_error
from reader.gui.common.workers import Task, run_task
from reader.gui.search.related_panel import RelatedPanel
from reader.gui.search.search_model import ResultRow
from reader.gui.search.search_queries import hit_row
from reader.gui.shell import Menu, Shell

log = logging.getLogger(__name__)

#: Related articles shown.
RELATED_LIMIT = 20
#: Characters of a highlight's quote the panel names it by.
QUOTE_SHOWN = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate("RelatedController", text)


class RelatedController(QObject):
    """Builds the More Like This dock and its menu entries; `show_related` runs a request."""

    #: Emitted when related articles (or a message) are shown: (article id, highlight id or 0, rows).
    results_shown = Signal(int, int, int)

    def __init__(self, library: Library, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._generation = 0
        self._task: Task | None = None
        self._closed = False
        self.panel = RelatedPanel()
        self.dock = QDockWidget(_tr("More Like This"), shell.dialog_parent())
        self.dock.setObjectName("relatedDock")
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.dock.setWidget(self.panel)
        # docked at the first More Like This: a hidden dock tabbed with the notes panel from the start kept
        # the window from giving the notes panel the width it asks for
        self._docked = False
        self.dock.hide()  # a child of the window until then: never drawn over it
        self.panel.result_activated.connect(self.open_row)

        self.article_action = QAction(_tr("More &Like This"), self)
        self.article_action.setObjectName("moreLikeThisAction")
        self.article_action.triggered.connect(self.show_related_to_open)
        shell.add_action(self.article_action, Menu.ARTICLE, separated=True)
        self.toggle_action = QAction(_tr("More Like This &Panel"), self)
        self.toggle_action.setObjectName("relatedPanelAction")
        self.toggle_action.setCheckable(True)
        self.toggle_action.toggled.connect(self._on_toggled)
        self.dock.visibilityChanged.connect(
            lambda _v: self.toggle_action.setChecked(not self.dock.isHidden())
        )
        shell.add_action(self.toggle_action, Menu.VIEW)
        shell.extend_article_menu(self._extend_article_menu)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def show_dock(self) -> None:
        if not self._docked:
            self._docked = True
            self._shell.add_dock(self.dock)
        self.dock.show()
        self.dock.raise_()

    def _on_toggled(self, on: bool) -> None:
        if on and self.dock.isHidden():
            self.show_dock()
        elif not on and not self.dock.isHidden():
            self.dock.hide()

    # menu entries ----------------------------------------------------------------------------------
    def _extend_article_menu(self, menu: QMenu, _pos: QPoint) -> None:
        if self._shell.article_view.article is not None:
            menu.addSeparator()
            menu.addAction(self.article_action)

    def extend_list_menu(self, menu: QMenu, article_ids: list[int]) -> None:
        """The library list's context menu: More Like This for the one article it acts on."""
        action = menu.addAction(_tr("More &Like This"))
        action.setObjectName("moreLikeThisListAction")
        action.setEnabled(len(article_ids) == 1)
        if len(article_ids) == 1:
            article_id = article_ids[0]
            action.triggered.connect(lambda _checked=False: self.show_related(article_id))

    def extend_card_menu(self, menu: QMenu, highlight: Highlight) -> None:
        """A highlight card's context menu: articles like its passage and note."""
        action = menu.addAction(_tr("More Like This Passage"))
        action.setObjectName("moreLikeThisHighlightAction")
        action.setEnabled(bool(highlight.exact.strip() or highlight.note.strip()))
        action.triggered.connect(
            lambda _checked=False: self.show_related(highlight.article_id, highlight.id, highlight.exact)
        )

    # running ---------------------------------------------------------------------------------------
    def show_related_to_open(self) -> None:
        article = self._shell.article_view.article
        if article is not None:
            self.show_related(article.id)

    def show_related(
        self, article_id: int, highlight_id: int | None = None, quote: str | None = None
    ) -> None:
        """Show the articles like an article (or one of its highlights) in the dock."""
        if self._closed:
            return
        self._generation += 1
        generation = self._generation
        if self._task is not None:
            self._task.cancel()
        title = ""
        try:
            title = self._library.articles.get(article_id).title
        except Exception as exc:  # gone meanwhile: said in the panel
            self.panel.show_error(describe_error(exc))
            return
        shown_quote = None
        if highlight_id is not None:
            text = " ".join((quote or "").split())
            shown_quote = text if len(text) <= QUOTE_SHOWN else text[:QUOTE_SHOWN].rstrip() + "…"
        self.show_dock()
        self.panel.show_looking(title, shown_quote)
        library = self._library

        def work(_progress: object, _cancelled: object) -> tuple[list[ResultRow], list[str]]:
            related = library.related(article_id, highlight_id, limit=RELATED_LIMIT)
            rows = [hit_row(hit, {}) for hit in related.hits]  # articles: no colour label
            return rows, [t.word for t in related.terms]

        def done(outcome: tuple[list[ResultRow], list[str]]) -> None:
            if generation != self._generation or self._closed:
                return
            self._task = None
            rows, words = outcome
            self.panel.show_rows(rows, words)
            self.results_shown.emit(article_id, highlight_id or 0, len(rows))

        def failed(error: BaseException) -> None:
            if generation != self._generation or self._closed:
                return
            self._task = None
            log.warning("more like this failed: %s", error)
            self.panel.show_error(describe_error(error))
            self.results_shown.emit(article_id, highlight_id or 0, 0)

        self._task = run_task(self, work, on_done=done, on_error=failed)

    @property
    def busy(self) -> bool:
        return self._task is not None and self._task.is_running

    def open_row(self, index: QModelIndex | None = None) -> bool:
        """Open a related article at the first key word it holds."""
        row = self.panel.model.row_at(index if index is not None else self.panel.results.currentIndex())
        if row is None:
            return False
        return self._shell.open_article(row.article_id, scroll_to=row.hits[0][0] if row.hits else None)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._generation += 1
            if self._task is not None:
                self._task.cancel()
                self._task.wait(5.0)

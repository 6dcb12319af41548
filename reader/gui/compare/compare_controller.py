"""The compare view's controller: a mode of the window (View → Compare), the query run off the UI thread,
columns refreshed when highlights, articles or labels change, passages opened where they are.

The query language is reader.core.compare's (`tag:X`, `label:KEY`, or words searched in highlights and
notes). A passage opens its article scrolled to it; its context menu offers Open, Copy Quote and, when a
research page is there to take it (something is connected to `insert_quotes_requested`), Insert Quote into
Page.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QMetaMethod, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from reader.core.changes import Change, ChangeKind
from reader.core.compare import Comparison, compare_passages, parse_compare_query
from reader.core.library import Library
from reader.core.models import Article
from reader.gui.common.error_text import describe_error
from reader.gui.common.workers import CancelledFn, ProgressFn, Task, run_task
from reader.gui.compare.compare_view import CompareColumn, CompareView
from reader.gui.compare.passage_model import PassageRow, highlights_mime
from reader.gui.shell import Shell

#: The mode's name (`hawamish gui --view compare`).
MODE = "compare"
SHORTCUT = QKeySequence("Ctrl+Shift+M")
#: Changes arriving within this many milliseconds are one refresh.
REFRESH_MS = 250
_REFRESHING_KINDS = {ChangeKind.HIGHLIGHT, ChangeKind.ARTICLE, ChangeKind.LABELS, ChangeKind.LIBRARY}


class CompareController(QObject):
    #: Highlight ids the user asked to insert into the research page being written (the pages feature
    #: connects here; without a connection the menu entry is not shown).
    insert_quotes_requested = Signal(list)

    def __init__(self, library: Library, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self.view = CompareView()
        self.action = QAction(qta.icon("fa5s.columns"), self.tr("&Compare"), self)
        self.action.setObjectName("compareModeAction")
        self.action.setShortcut(SHORTCUT)
        self.action.setToolTip(self.tr("Passages on one tag, label or search, side by side by author"))
        shell.add_mode(MODE, self.view, self.action)
        self._task: Task | None = None
        self._query = ""
        self._by = "author"
        self._stale = True  # the suggestions (tags, labels) and the columns need reading again
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.view.query_submitted.connect(self.run)
        self.view.passage_activated.connect(self.open_passage)
        self.view.passage_menu_requested.connect(self._show_menu)
        self.view.shown.connect(self._on_shown)
        shell.library_changed.connect(self._on_change)
        self._show_intro()

    # running a comparison -----------------------------------------------------------------------
    def run(self, text: str, by: str | None = None) -> None:
        """Compare the passages `text` selects, in columns by `by` (default: as the view's picker says)."""
        self._query = text.strip()
        self._by = by or self.view.column_key()
        self.view.set_query(self._query, self._by)
        if not self._query:
            self._show_intro()
            return
        if self._task is not None:
            self._task.cancel()
        library, query_text, column_key = self._library, self._query, self._by

        def work(_progress: ProgressFn, cancelled: CancelledFn) -> Comparison | None:
            comparison = compare_passages(library, parse_compare_query(query_text), column_key)
            return None if cancelled() else comparison

        self._task = run_task(self, work, on_done=self._on_result, on_error=self._on_error)

    def refresh(self) -> None:
        """Read the suggestions and the shown comparison again (after the library changed)."""
        self._stale = False
        self._update_suggestions()
        if self._query:
            self.run(self._query, self._by)

    def _on_result(self, comparison: object) -> None:
        if not isinstance(comparison, Comparison):
            return  # cancelled: a newer query is on its way
        self._task = None
        if not comparison.columns:
            self.view.show_message(
                self.tr("No passages"),
                self.tr("No highlight matches “{query}”. Try another tag, label or words.").format(
                    query=self._query
                ),
            )
            return
        columns = [
            self._column(group.key, group.label, group.items, comparison.articles)
            for group in comparison.columns
        ]
        summary = (
            self.tr("%Ln passage(s)", "", comparison.passages)
            + " · "
            + self.tr("%Ln column(s)", "", len(columns))
        )
        self.view.set_columns(columns, summary)

    def _on_error(self, error: BaseException) -> None:
        self._task = None
        self.view.show_message(self.tr("Cannot compare"), describe_error(error))

    def _column(self, key: object, label: str, items: list, articles: dict[int, Article]) -> CompareColumn:
        labels = {lab.key: lab for lab in self._library.labels.list()}
        rows: list[PassageRow] = []
        for item in items:
            h = item.highlight
            article = articles[h.article_id]
            other = article.outlet if self._by == "author" else article.author
            if self._by == "article":
                other = " · ".join(x for x in (article.author, article.outlet) if x)
            label_info = labels.get(h.color)
            rows.append(
                PassageRow(
                    highlight_id=h.id,
                    article_id=h.article_id,
                    start=h.start,
                    quote=h.exact,
                    note=h.note,
                    title=article.title,
                    byline=" · ".join(x for x in (other, article.published) if x),
                    color=label_info.color if label_info else "",
                    color_name=label_info.name if label_info else h.color,
                )
            )
        name = label or self._unnamed()
        return CompareColumn(str(key), name, rows)

    def _unnamed(self) -> str:
        if self._by == "outlet":
            return self.tr("Unknown outlet")
        return self.tr("Unknown author")

    def _show_intro(self) -> None:
        self.view.show_message(
            self.tr("Compare what different writers said"),
            self.tr(
                "Type tag: and a tag, label: and a colour label, or words to search in highlights and notes, "
                "then press Enter: the passages appear side by side, one column per author."
            ),
        )

    # suggestions and refreshing -----------------------------------------------------------------
    def _update_suggestions(self) -> None:
        tags = [f"tag:{name}" for name in self._library.tags.names()]
        labels = [f"label:{label.key}" for label in self._library.labels.list()]
        self.view.set_suggestions([*tags, *labels])

    def _on_change(self, change: Change) -> None:
        if change.kind not in _REFRESHING_KINDS:
            return
        self._stale = True
        if self.view.isVisible():
            self._refresh_timer.start()

    def _on_shown(self) -> None:
        if self._stale:
            self.refresh()

    # passages -----------------------------------------------------------------------------------
    def open_passage(self, row: PassageRow) -> None:
        if not self._shell.open_article(row.article_id, scroll_to=row.start):
            self._shell.show_status(self.tr("That article is no longer in the library."), 5000)

    def _inserting_connected(self) -> bool:
        signal = QMetaMethod.fromSignal(self.insert_quotes_requested)
        return self.isSignalConnected(signal)

    def passage_menu(self, rows: list[PassageRow]) -> QMenu:
        """The context menu of the passages `rows` (the ones selected in a column)."""
        menu = QMenu(self.view)
        if len(rows) == 1:
            open_action = menu.addAction(self.tr("&Open in Article"))
            open_action.triggered.connect(lambda: self.open_passage(rows[0]))
        copy_action = menu.addAction(qta.icon("fa5s.copy"), self.tr("&Copy Quote"))
        copy_action.triggered.connect(lambda: QApplication.clipboard().setMimeData(highlights_mime(rows)))
        if self._inserting_connected():
            insert = menu.addAction(self.tr("&Insert Quote into Page"))
            insert.setObjectName("insertQuoteAction")
            insert.triggered.connect(
                lambda: self.insert_quotes_requested.emit([r.highlight_id for r in rows])
            )
        return menu

    def _show_menu(self, rows: object, pos: QPoint) -> None:
        if isinstance(rows, list) and rows:
            menu = self.passage_menu(rows)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(pos)

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()

"""Which articles the library list shows: the filter bar's text and the Filters panel, the collections panel.

One `ArticleFilter` is the state. Its text, author and outlet are matched in the list model against folded
strings (the same folding as search: "مشبوهه" finds "مشبوهة"), after a pause in typing of FILTER_DELAY_MS and
without SQL; the other parts (tag, collection, language, dates, highlights) ask the library for the ids they
keep, on a worker, only when those parts change or the library does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from reader.core.changes import Change, ChangeKind
from reader.core.library import Library
from reader.core.models import ArticleFilter
from reader.gui.common.workers import Task, run_task
from reader.gui.library.filter_bar import FilterBar
from reader.gui.library.library_model import COL_AUTHOR, COL_OUTLET, LibraryModel, RowFilter, fold, fold_all
from reader.gui.shell import Menu, Shell
from reader.messages import isolate

#: A pause in typing this long applies the text (a burst of keystrokes filters once).
FILTER_DELAY_MS = 150
#: Library changes within this many milliseconds ask for the filter's ids once.
REQUERY_MS = 150
#: Up to this many texts are folded on the UI thread (a few ms); more go to a worker.
INLINE_FOLDS = 1500
#: Ctrl+Shift+F puts the cursor in the filter box (Ctrl+F finds in the article, Ctrl+K searches the library).
FOCUS_SHORTCUT = QKeySequence("Ctrl+Shift+F")

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def query_part(wanted: ArticleFilter) -> ArticleFilter:
    """The parts of a filter the library answers (the text parts are matched in the list)."""
    return replace(wanted, text="", author="", outlet="")


def valid_date(value: str) -> bool:
    return not value or bool(_DATE.match(value))


class LibraryFilterController(QObject):
    """Owns the filter bar and the filter state; narrows the list model."""

    #: The filter now applied to the list (ArticleFilter).
    changed = Signal(object)

    def __init__(
        self, library: Library, shell: Shell, model: LibraryModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._model = model
        self._closed = False
        self.state = ArticleFilter()
        self._ids: frozenset[int] | None = None
        self._ids_for: ArticleFilter | None = None  # the query part `_ids` answers
        self._query_task: Task | None = None
        self._fold_task: Task | None = None
        self._choices_task: Task | None = None
        self._folds_complete = False

        self.bar = FilterBar()
        self.popup = self.bar.popup
        self._text_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._text_timer.timeout.connect(self._take_typed)
        self._requery_timer = QTimer(self, singleShot=True, interval=REQUERY_MS)
        self._requery_timer.timeout.connect(self._requery)
        self.bar.box.textEdited.connect(lambda _t: self._text_timer.start())
        self.bar.box.textChanged.connect(self._on_box_changed)
        self.bar.filters_button.clicked.connect(self.open_popup)
        self.bar.clear_button.clicked.connect(self.clear)
        self.popup.changed.connect(self._take_typed)
        self.popup.edited.connect(self._text_timer.start)
        self.popup.clear_requested.connect(self.clear)
        model.rows_loaded.connect(self._on_rows_loaded)
        shell.library_changed.connect(self._on_library_change)

        self.focus_action = QAction(self.tr("&Filter Library…"), self)
        self.focus_action.setObjectName("focusLibraryFilterAction")
        self.focus_action.setShortcut(FOCUS_SHORTCUT)
        self.focus_action.triggered.connect(self.focus_box)
        shell.after_first_paint(self.warm_up)

    def add_menu_entries(self) -> None:
        self._shell.add_action(self.focus_action, Menu.EDIT)

    # the user's changes ----------------------------------------------------------------------------
    def focus_box(self) -> None:
        self.bar.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.bar.box.selectAll()

    def _on_box_changed(self, text: str) -> None:
        if not text and self.state.text:  # the clear button, or everything deleted: no need to wait
            self._take_typed()
        self._show_state()

    def _take_typed(self) -> None:
        """Read the box and the Filters panel (a date that is not a date is left out, and said so)."""
        self._text_timer.stop()
        wanted = self.popup.values(self.bar.box.text().strip())
        since, until = fold(wanted.since), fold(wanted.until)  # Arabic-Indic digits read as digits
        bad = [d for d in (since, until) if not valid_date(d)]
        self.popup.show_date_problem(self.tr("Write a date as 2015, 2015-07 or 2015-07-21.") if bad else "")
        wanted = replace(
            wanted,
            since=since if valid_date(since) else "",
            until=until if valid_date(until) else "",
            saved_search=self.state.saved_search,  # chosen in the collections panel, not in the bar
        )
        self.set_filter(wanted, from_user=True)

    def set_text(self, text: str) -> None:
        """Filter by `text` now (no pause)."""
        self.bar.box.setText(text)
        self._take_typed()

    def set_collection(self, name: str) -> None:
        """Show a collection's articles ('' for all); a smart collection chosen before is let go."""
        self.set_filter(replace(self.state, collection=name, saved_search=""))

    def set_saved_search(self, name: str) -> None:
        """Show the articles a saved search matches now (its smart collection; '' for all)."""
        self.set_filter(replace(self.state, saved_search=name, collection=""))

    def refresh_saved_search(self) -> None:
        """The index or the saved searches changed: a smart collection on show is asked for again."""
        if self.state.saved_search and not self._closed:
            self._ids_for = None
            self._requery_timer.start()

    def clear(self) -> None:
        self.bar.box.clear()
        self.popup.show_date_problem("")
        self.set_filter(ArticleFilter())

    def set_filter(self, wanted: ArticleFilter, *, from_user: bool = False) -> None:
        """Apply `wanted` (the bar and the panel show it)."""
        if not from_user:
            self.popup.set_values(wanted)
            if self.bar.box.text().strip() != wanted.text:
                self.bar.box.setText(wanted.text)
        if wanted == self.state:
            return
        self.state = wanted
        self._show_state()
        self._apply()

    def open_popup(self) -> None:
        """Show the Filters panel, its choices read from the library on a worker."""
        self.popup.set_completions(self._model.column_texts(COL_AUTHOR), self._model.column_texts(COL_OUTLET))
        library = self._library

        def load(_progress: object, _cancelled: object) -> tuple[list[str], list[str], list[str]]:
            languages = sorted({a.language for a in library.articles.list() if a.language})
            return library.tags_in_use(), library.collections.names(), languages

        self._choices_task = run_task(self, load, on_done=self._fill_choices, on_error=lambda _e: None)
        self.popup.show_under(self.bar.filters_button)

    def _fill_choices(self, choices: tuple[list[str], list[str], list[str]]) -> None:
        if not self._closed:
            self.popup.set_choices(*choices)  # keeps what is chosen and typed

    # applying --------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A query or folding for the filter is still running."""
        return any(t is not None and t.is_running for t in (self._query_task, self._fold_task))

    @property
    def settled(self) -> bool:
        """Nothing typed or changed waits to be applied (tests and scripts wait for it)."""
        choosing = self._choices_task is not None and self._choices_task.is_running
        return not (self.busy or choosing or self._text_timer.isActive() or self._requery_timer.isActive())

    def _apply(self) -> None:
        if self._closed:
            return
        wanted = self.state
        query = query_part(wanted)
        if query.is_empty():
            ids = None
        elif query == self._ids_for:
            ids = self._ids
        else:
            self._start_query(query)
            return  # applied when the ids arrive
        row_filter = RowFilter(
            ids, fold(wanted.text).strip(), fold(wanted.author).strip(), fold(wanted.outlet).strip()
        )
        if row_filter.needs_folds and not self._folds_complete:
            missing = self._model.unfolded()
            if len(missing) > INLINE_FOLDS:
                self._start_folding(missing)
                return  # applied when the folds arrive
            self._model.add_folds(fold_all(missing))
            self._folds_complete = True
        self._model.set_filter(row_filter)
        self.changed.emit(wanted)

    def _start_query(self, query: ArticleFilter) -> None:
        library = self._library

        def work(_progress: object, _cancelled: object) -> frozenset[int]:
            ids = frozenset(row.id for row in library.articles.list_rows(query))
            if query.saved_search:  # the search index answers this part (the worker imports whoosh)
                ids &= library.saved_searches.articles(query.saved_search)
            return ids

        def done(ids: frozenset[int]) -> None:
            if task is not self._query_task or self._closed:
                return  # a newer filter asked again
            self._ids, self._ids_for = ids, query
            self._apply()

        task = run_task(self, work, on_done=done, on_error=self._failed)
        self._query_task = task

    def _start_folding(self, texts: list[str]) -> None:
        if self._fold_task is not None and self._fold_task.is_running:
            return  # the running one calls _apply when it is done

        def done(folds: dict[str, str]) -> None:
            self._model.add_folds(folds)
            self._folds_complete = True
            self._apply()

        self._fold_task = run_task(self, lambda _p, _c: fold_all(texts), on_done=done, on_error=self._failed)

    def warm_up(self) -> None:
        """Fold every title, author and outlet on a worker once the window is up: the first keystroke in
        the box then filters at once."""
        if not self._folds_complete and not self._closed:
            missing = self._model.unfolded()
            if missing:
                self._fold_task = run_task(
                    self, lambda _p, _c: fold_all(missing), on_done=self._store_folds, on_error=self._failed
                )

    def _store_folds(self, folds: dict[str, str]) -> None:
        self._model.add_folds(folds)
        self._folds_complete = True

    def _failed(self, error: BaseException) -> None:
        if not self._closed:
            self._shell.show_status(self.tr("The library list could not be filtered."), 5000)

    # what changed ----------------------------------------------------------------------------------
    def _on_rows_loaded(self) -> None:
        """The list read its rows again: new titles are folded when next needed."""
        self._folds_complete = False

    def _on_library_change(self, change: Change) -> None:
        if self._closed or query_part(self.state).is_empty():
            return
        kinds = {ChangeKind.ARTICLE, ChangeKind.COLLECTIONS, ChangeKind.LIBRARY, ChangeKind.SAVED_SEARCHES}
        if self.state.has_highlights or self.state.tag:
            kinds.add(ChangeKind.HIGHLIGHT)  # a highlight's tag or its first highlight keeps an article
        if change.kind in kinds:
            self._ids_for = None
            self._requery_timer.start()

    def _requery(self) -> None:
        self._apply()

    # what the bar shows ----------------------------------------------------------------------------
    def active_parts(self) -> list[str]:
        """A short phrase for each filter on besides the text."""
        s = self.state
        names = {"ar": self.tr("Arabic"), "en": self.tr("English")}
        parts: list[str] = []
        if s.collection:
            parts.append(self.tr("Collection: {name}").format(name=isolate(s.collection)))
        if s.saved_search:
            parts.append(self.tr("Saved search: {name}").format(name=isolate(s.saved_search)))
        if s.tag:
            parts.append(self.tr("Tag: {tag}").format(tag=isolate(s.tag)))
        if s.author:
            parts.append(self.tr("Author: {author}").format(author=isolate(s.author)))
        if s.outlet:
            parts.append(self.tr("Outlet: {outlet}").format(outlet=isolate(s.outlet)))
        if s.language:
            parts.append(self.tr("Language: {language}").format(language=names.get(s.language, s.language)))
        if s.since and s.until:
            parts.append(self.tr("{since} to {until}").format(since=isolate(s.since), until=isolate(s.until)))
        elif s.since:
            parts.append(self.tr("Since {date}").format(date=isolate(s.since)))
        elif s.until:
            parts.append(self.tr("Until {date}").format(date=isolate(s.until)))
        if s.has_highlights:
            parts.append(self.tr("With highlights"))
        return parts

    def _show_state(self) -> None:
        parts = self.active_parts()
        self.bar.show_state(len(parts), " · ".join(parts))
        self.bar.show_clear(bool(parts) or bool(self.bar.box.text()))

    def close(self) -> None:
        """Stop and wait for the workers (the window closes): none may use the library once it is closed."""
        self._closed = True
        self._text_timer.stop()
        self._requery_timer.stop()
        for task in (self._query_task, self._fold_task, self._choices_task):
            if task is not None:
                task.cancel()
                task.wait(5.0)

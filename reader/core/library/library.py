"""`Library`: a folder (`library.sqlite3`, `index/`, `backups/`) and everything a caller may do with it.

Built once in main() and passed in (GUI and command line alike). It owns the database, the services that
read and write it (`articles`, `highlights`, `labels`), the search index and the keeper that keeps it in
step, import, export, notes, backup/restore/check, and it tells listeners what changed (`Change`).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.changes import Change, ChangeKind, ChangeOp, Listener
from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters.atomic import error_for
from reader.core.library.articles import Articles
from reader.core.library.collections import Collections
from reader.core.library.events import Events
from reader.core.library.highlights import Highlights
from reader.core.library.index_keeper import IndexKeeper
from reader.core.library.labels import Labels
from reader.core.library.pages import Pages
from reader.core.library.saved_searches import SavedSearches
from reader.core.library.search_history import SearchHistory
from reader.core.library.sharing import Sharing
from reader.core.library.tags import Tags
from reader.core.models import Article, ArticleNote, ColorLabel, Highlight
from reader.core.quotes import tag_parents
from reader.core.storage import Database
from reader.core.storage import settings as setting_rows
from reader.core.storage import tags as tag_rows
from reader.core.storage.index_rows import ROOTS_SETTING, IndexRowSource

# Import, export, notes, backups and re-anchoring pull in parsers (markdown-it, charset-normalizer, rapidfuzz,
# fpdf): they are imported by the methods that use them, so opening a library (the app's start-up) stays light.
if TYPE_CHECKING:  # pragma: no cover
    from reader.core.anchors import ReanchorReport
    from reader.core.exporters import ExportRequest, ExportSummary
    from reader.core.exporters.collect import ExportDocument
    from reader.core.importers import ImportResult
    from reader.core.library.annotation_import import AnnotationImportResult
    from reader.core.library.importing import ImportOptions, ImportReport
    from reader.core.library.maintenance import BackupEntry, BackupInfo, CheckReport, RestoreReport
    from reader.core.notes import Notebook, NoteGroup, NotesFilter
    from reader.core.pages import RenderedPage
    from reader.core.search.index import SearchIndex, SyncReport
    from reader.core.search.related import RelatedResults

DB_NAME = "library.sqlite3"
INDEX_DIR = "index"
BACKUP_DIR = "backups"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def _open_database(folder: Path) -> Database:
    """The folder's database; a clear error, not an OSError's traceback, when the folder cannot hold one.

    A database an older Hawamish wrote is copied into backups/ before it is migrated."""
    if folder.exists() and not folder.is_dir():
        raise HawamishError(ErrorCode.LIBRARY_NOT_FOLDER, str(folder))
    if (folder / DB_NAME).is_file():
        from reader.core.library.maintenance import backup_before_migration

        backup_before_migration(folder / DB_NAME, folder / BACKUP_DIR)
    try:
        return Database(folder / DB_NAME)
    except OSError as exc:  # a folder that cannot be created or written (permissions, full disk)
        raise error_for(exc, folder) from exc


class Library:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.database = _open_database(self.folder)
        self._events = Events()
        self.articles = Articles(self.database, self._events)
        self.highlights = Highlights(self.database, self._events)
        self.labels = Labels(self.database, self._events)
        self.collections = Collections(self.database, self._events)
        self.tags = Tags(self.database, self._events)
        self.pages = Pages(self.database, self._events)
        self.saved_searches = SavedSearches(self.database, self._events, self.search_index)
        self.search_history = SearchHistory(self.database)
        self.sharing = Sharing(self)  # a folder shared with other libraries (reader/core/sharing)
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        self.index_keeper = IndexKeeper(self.search_index)

    # paths -----------------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def index_dir(self) -> Path:
        return self.folder / INDEX_DIR

    @property
    def backup_dir(self) -> Path:
        return self.folder / BACKUP_DIR

    @property
    def read_only_cause(self) -> HawamishError | None:
        """Why this library opened for reading only (LIBRARY_DISK_FULL or READ_ONLY), None when it is writable;
        every write raises it."""
        return self.database.read_only_cause

    @staticmethod
    def exists_in(folder: Path) -> bool:
        return (Path(folder) / DB_NAME).exists()

    # change notification ---------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """Call `listener(change)` after each write (on the thread that wrote)."""
        self._events.add(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._events.remove(listener)

    # settings (small key/value pairs that belong to the library, not to the machine) ---------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.database.read() as tx:
            value = setting_rows.get(tx, key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self.database.write() as tx:
            setting_rows.put(tx, key, value)

    # search ----------------------------------------------------------------------------------------
    @property
    def root_search(self) -> bool:
        """Whether the index holds the roots of Arabic words (`root:` queries); off until asked for."""
        return self.get_setting(ROOTS_SETTING) == "1"

    def set_root_search(self, on: bool) -> None:
        """Turn root search on or off; the index is rebuilt (with or without roots) at its next use."""
        self.set_setting(ROOTS_SETTING, "1" if on else "0")

    def search_index(self, *, procs: int = 1) -> SearchIndex:
        """The library's search index (whoosh is imported on first use, not at start-up).

        With `procs` > 1 a new index object is made for a rebuild on several processes (only outside the GUI
        process: whoosh forks its workers); otherwise the library's own, shared one.
        """
        from reader.core.search.index import SearchIndex

        if procs > 1:
            return SearchIndex(self.index_dir, IndexRowSource(self.db_path), procs=procs)
        with self._index_lock:
            if self._index is None:
                self._index = SearchIndex(self.index_dir, IndexRowSource(self.db_path))
            return self._index

    def search(
        self, text: str, *, limit: int = 20, kinds: Sequence[str] | None = None, filters: Any = None
    ) -> Any:
        """Run a query (reader.core.search.query's language) -> SearchResults; HawamishError for a bad one."""
        return self.search_index().search(text, limit=limit, kinds=kinds, filters=filters)

    def related(self, article_id: int, highlight_id: int | None = None, *, limit: int = 10) -> RelatedResults:
        """More like this: articles like an article, or like one of its highlights (its passage and note),
        best first, with the key terms used; the article itself and copies of its text are left out.
        NOT_FOUND for an unknown article or highlight (reader.core.search.related)."""
        article = self.articles.get(article_id)
        text = self.articles.text(article_id)
        if highlight_id is None:
            title, texts = article.title, [text, self.articles.note(article_id)]
        else:
            highlight = self.highlights.get(highlight_id)
            if highlight.article_id != article_id:
                raise HawamishError(
                    ErrorCode.NOT_FOUND, detail=f"highlight {highlight_id} is not in article {article_id}"
                )
            title, texts = "", [highlight.exact, highlight.note]
        results: RelatedResults = self.search_index().related(
            title,
            texts,
            article_id=article_id,
            highlight_id=highlight_id,
            exclude=(article_id,),
            duplicate_of=text,
            limit=limit,
        )
        return results

    def sync_index(
        self, progress: Progress | None = None, cancel: Cancel | None = None, *, timeout: float | None = None
    ) -> SyncReport:
        """Bring the index in step with SQLite (a rebuild when it is missing, stale or corrupt)."""
        return self.search_index().sync(progress, cancel, timeout=timeout)

    def rebuild_index(
        self, progress: Progress | None = None, cancel: Cancel | None = None, *, timeout: float | None = None
    ) -> SyncReport:
        """Build the whole index again from SQLite, in one process (`hawamish reindex` may use two)."""
        return self.search_index().rebuild(progress, cancel, timeout=timeout)

    # import ----------------------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path | str],
        *,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        on_file: Callable[[str], None] | None = None,
        on_results: Callable[[Sequence[ImportResult]], None] | None = None,
        flush_seconds: float | None = None,
    ) -> ImportReport:
        """Import files and folders; one ImportResult per file (reader.core.library.importing)."""
        from reader.core.library import importing

        return importing.import_paths(
            self.articles,
            self.collections,
            self._apply_annotations,
            paths,
            options=options,
            progress=progress,
            cancel=cancel,
            on_file=on_file,
            on_results=on_results,
            flush_seconds=flush_seconds,
        )

    def update_from_file(self, article_id: int, path: Path | str) -> ReanchorReport:
        """Replace an article's text with a file's new version, re-anchoring its highlights (`import
        --update`; the window's "Update them" for pages an import found changed)."""
        from reader.core.library import reimport

        return reimport.update_from_file(self.articles, article_id, path)

    def import_annotations(self, path: Path | str) -> AnnotationImportResult:
        """Re-anchor the W3C Web Annotations in `path` onto this library's articles."""
        from reader.core.library import annotation_import

        return annotation_import.import_annotations(self.articles, self.highlights, self.labels, path)

    def _apply_annotations(self, path: Path, result: ImportResult) -> None:
        from reader.core.library import annotation_import

        annotation_import.fill_import_result(self, path, result)

    # export ----------------------------------------------------------------------------------------
    def export(
        self,
        request: ExportRequest,
        path: Path | str,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> ExportSummary:
        """Export what `request` selects to `path` (reader.core.exporters.export)."""
        from reader.core.exporters import export

        return export(self, request, path, progress=progress, cancel=cancel, now=now)

    def export_document(
        self,
        request: ExportRequest,
        exported_at: str,
        *,
        progress: Progress | None = None,
        cancelled: Cancel | None = None,
    ) -> ExportDocument:
        """The view model an export renders (the GUI's preview shows it without writing a file)."""
        from reader.core.exporters.collect import collect

        return collect(self, request, exported_at, progress=progress, cancelled=cancelled)

    # ExportSource (reader.core.exporters.collect): what an export reads
    def export_labels(self) -> list[ColorLabel]:
        return self.labels.list()

    def export_article_ids(self, tag: str | None) -> list[int]:
        return self.articles.ids() if tag is None else self.articles.tagged(tag)

    def export_article(self, article_id: int) -> tuple[Article, ArticleNote, list[str], list[Highlight]]:
        return (
            self.articles.get(article_id),
            self.articles.note_info(article_id),
            self.articles.tags(article_id),
            self.highlights.for_article(article_id),
        )

    def export_made_by_others(self) -> set[int]:
        return self.sharing.made_by_others()

    def export_page(self, ref: str) -> RenderedPage:
        """PageSource (reader.core.exporters): a research page by id or title, read with its live quotes."""
        return self.pages.render(self.pages.get(ref))

    # notes -----------------------------------------------------------------------------------------
    def export_highlight_articles(self, highlight_ids: Sequence[int]) -> dict[int, int]:
        """highlight id -> its article's id, for those of `highlight_ids` that still exist."""
        from reader.core.storage import highlights as highlight_rows

        with self.database.read() as tx:
            return highlight_rows.article_ids_of(tx, highlight_ids)

    def notebook(self) -> Notebook:
        """Every highlight with its card's data, read at once, to filter and group in memory
        (reader.core.notes; the window's notebook and `hawamish notes`)."""
        from reader.core.notes import Notebook, fold_items, item_from_row
        from reader.core.storage import highlights as highlight_rows

        with self.database.read() as tx:
            rows, tags, collections = highlight_rows.notebook_rows(tx)
        items = [item_from_row(r, tags.get(r[0]) or [], collections.get(r[1], ())) for r in rows]
        fold_items(items)
        return Notebook(items, self.labels.list())

    def notes(
        self,
        selection: NotesFilter | None = None,
        *,
        tags: Iterable[str] = (),
        colors: Iterable[str] = (),
        group_by: str | None = None,
        sort: str = "position",
    ) -> list[NoteGroup]:
        """Highlights `selection` keeps (plus any of `tags` and any of `colors` when given), sorted and
        grouped (reader.core.notes)."""
        from reader.core.notes import GROUP_KEYS, NotesFilter

        if group_by is not None and group_by not in GROUP_KEYS:
            raise ValueError(f"group_by must be one of {GROUP_KEYS}, not {group_by!r}")
        selection = selection or NotesFilter()
        selection = dataclasses.replace(
            selection, tags=(*selection.tags, *tags), colors=(*selection.colors, *colors)
        )
        return self.notebook().groups(selection, group_by, sort)

    def tags_in_use(self) -> list[str]:
        """Every tag on an article or a highlight, once each, and the parents of hierarchical ones (a filter
        on a parent finds its children), sorted (the GUI's tag choosers and completion)."""
        with self.database.read() as tx:
            used = tag_rows.in_use(tx)
        return sorted({*used, *(parent for tag in used for parent in tag_parents(tag))})

    def unknown_colors(self, colors: Iterable[str]) -> list[str]:
        """Keys in `colors` that are neither a label nor a key some highlight still carries."""
        from reader.core.notes import unknown_colors

        wanted = list(colors)
        if not wanted:
            return []
        return unknown_colors({*self.labels.keys(), *self.highlights.colors_in_use()}, wanted)

    # backup, restore, check ------------------------------------------------------------------------
    def backup(self, destination: Path | str, *, into_folder: bool = False) -> BackupInfo:
        """A consistent copy of the database at `destination` (a file, or a folder to put a dated file in;
        `into_folder`: a folder even if it does not exist yet)."""
        from reader.core.library import maintenance

        return maintenance.backup_library(self, Path(destination), into_folder=into_folder)

    def daily_backup(self) -> BackupInfo | None:
        """Today's automatic backup in backups/, once a day (the app's start; the last 7 are kept); None
        when there was one today already or the library is empty. Does not hold up other reads and writes."""
        from reader.core.library import maintenance

        return maintenance.daily_backup(self)

    def backups(self) -> list[BackupEntry]:
        """The backups in the library's backups/ folder, newest first (File → Restore… lists them)."""
        from reader.core.library import maintenance

        return maintenance.list_backups(self.backup_dir)

    def describe_backup(self, path: Path | str) -> BackupInfo:
        """What a backup file holds, after checking it is an intact Hawamish database this version reads."""
        from reader.core.library import maintenance

        return maintenance.describe_backup(Path(path))

    def restore(self, source: Path | str) -> RestoreReport:
        """Replace the content with a backup's (the current content is saved in backups/ first)."""
        from reader.core.library import maintenance

        report = maintenance.restore_library(self, Path(source))
        with self._index_lock:
            if self._index is not None:
                self._index.close()
                self._index = None
        self._events.emit(Change(ChangeKind.LIBRARY, ChangeOp.UPDATED))
        return report

    def check(self, *, repair: bool = False) -> CheckReport:
        """Look for damage; with `repair`, fix what can be fixed (after saving the database in backups/)."""
        from reader.core.library import maintenance

        return maintenance.check_library(self, repair=repair)

    # closing ---------------------------------------------------------------------------------------
    def close(self) -> None:
        with self._index_lock:
            if self._index is not None:
                self._index.close()
                self._index = None
        self.database.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

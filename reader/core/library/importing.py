"""Storing what the importers read: one result per file (per chapter when split), batches of articles,
duplicates found by text, earlier versions of a page found by URL, metadata tables applied.

`import_paths` never lets one bad file stop a batch and never changes anything already in the library,
except on purpose: a failed file only produces a failed ImportResult; a file whose text is already in the
library (same content_hash) is a duplicate with the existing id (a metadata table's row for it still
updates that article's metadata); a page whose canonical URL is known but whose text changed is reported
as `changed` (replaced, re-anchoring its highlights, only with `update_changed`); the rest are inserted in
batches with `Articles.add_many` (one transaction per batch: a commit per article would dominate bulk
imports).
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import ANNOTATION_EXTENSIONS, ImportResult, expand_paths
from reader.core.importers.metadata_table import MetadataRow, MetadataTable, read_table, tables_in
from reader.core.library.articles import Articles
from reader.core.library.reading import ReadOutcome, Reads
from reader.core.models import Article, ArticleMeta
from reader.core.storage import StorageError, disk_error
from reader.core.text import Block, canonical_text, content_hash, detect_language

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.library.collections import Collections

#: Articles per add_many transaction.
BATCH_SIZE = 200
#: Characters of an article's text that decide its language when the file does not say.
LANGUAGE_SAMPLE = 3000


@dataclass(slots=True)
class ImportOptions:
    """How an import treats what it reads (the command line's and the window's import alike)."""

    metadata: Sequence[Path] = ()  # tables named by the user: they apply to every file
    split_chapters: bool = False  # e-books: one article per chapter
    update_changed: bool = False  # replace the text of pages whose canonical URL is already known
    folder_tables: bool = True  # use a manifest.jsonl / metadata.csv found inside an imported folder
    processes: int = 0  # read files in this many reader processes (reader.core.library.reading); 0: here


class ImportReport(list[ImportResult]):
    """The results, in file order, and what the metadata tables said about them."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[str] = []
        self.unmatched_rows: list[tuple[str, int, str]] = []  # (table, line, the file it names)
        self.files_without_row: list[str] = []

    @property
    def changed(self) -> list[ImportResult]:
        return [r for r in self if r.status == "changed"]


@dataclass(slots=True)
class _Pending:
    result: ImportResult
    meta: ArticleMeta
    blocks: list[Block]
    text_hash: str
    row: MetadataRow | None


@dataclass(slots=True)
class _Tables:
    """The tables of one import: the user's apply everywhere, a folder's only inside that folder."""

    given: list[MetadataTable] = field(default_factory=list)
    in_folders: list[MetadataTable] = field(default_factory=list)

    def row_for(self, path: Path) -> tuple[MetadataRow | None, bool]:
        """The row naming `path` and whether any table covers the file at all."""
        covering = [*self.given]
        resolved = path.resolve()
        covering += [t for t in reversed(self.in_folders) if resolved.is_relative_to(t.base)]
        for table in covering:
            row = table.match(path)
            if row is not None:
                return row, True
        return None, bool(covering)

    def all(self) -> list[MetadataTable]:
        return [*self.given, *self.in_folders]


class Importer:
    """One import run (see the module's docstring)."""

    def __init__(
        self,
        articles: Articles,
        collections: Collections,
        apply_annotations: Callable[[Path, ImportResult], None],
        options: ImportOptions,
        *,
        on_results: Callable[[Sequence[ImportResult]], None] | None = None,
        flush_seconds: float | None = None,
    ) -> None:
        self.on_results = on_results
        self.flush_seconds = flush_seconds
        self.last_flush = time.monotonic()
        self.reported = 0  # results before this index were handed to on_results
        self.articles = articles
        self.collections = collections
        self.apply_annotations = apply_annotations
        self.options = options
        self.report = ImportReport()
        self.known = articles.hashes()
        self.urls = articles.urls()
        self.pending: list[_Pending] = []
        # hash -> result of the first file in this run with that text, so later copies point at its id
        self.first_in_run: dict[str, ImportResult] = {}
        self.duplicates_in_run: list[tuple[ImportResult, ImportResult]] = []
        self.tables = _Tables()
        self.stored: dict[int, Article] | None = None  # the library's metadata, read once if a table needs it

    # tables --------------------------------------------------------------------------------------
    def load_tables(self, paths: Sequence[Path]) -> None:
        """Read the user's tables (an unreadable one stops the import: HawamishError) and those found in
        imported folders (an unreadable one is reported as a failed file; the import goes on)."""
        for table_path in self.options.metadata:
            self.tables.given.append(read_table(Path(table_path)))
        if self.options.folder_tables:
            named = {Path(p).resolve() for p in self.options.metadata}
            for folder in (Path(p) for p in paths):
                if not folder.is_dir():
                    continue
                for table_path in tables_in(folder):
                    if table_path.resolve() in named:
                        continue
                    try:
                        self.tables.in_folders.append(read_table(table_path))
                    except HawamishError as exc:
                        self.report.append(ImportResult(str(table_path), "failed", error=exc))
        self.report.tables = [str(t.path) for t in self.tables.all()]

    # files ---------------------------------------------------------------------------------------
    def import_file(self, path: Path, outcome: ReadOutcome) -> None:
        """Store what reading `path` gave (reader.core.library.reading: here or in a reader process)."""
        try:
            outcome.raise_error()
        except HawamishError as exc:
            self.report.append(ImportResult(str(path), "failed", error=exc))
            return
        articles = outcome.articles
        row, covered = self.tables.row_for(path)
        if covered and row is None:
            self.report.files_without_row.append(str(path))
        split = len(articles) > 1
        for number, (meta, blocks) in enumerate(articles, 1):
            if not blocks:
                continue
            result = ImportResult(str(path), "failed", part=number if split else None)
            self.report.append(result)
            self.place(result, meta, blocks, row)

    def place(
        self, result: ImportResult, meta: ArticleMeta, blocks: list[Block], row: MetadataRow | None
    ) -> None:
        """Decide what one article read from a file becomes: new, duplicate, changed or updated."""
        if row is not None:
            for name, value in row.meta.items():
                setattr(meta, name, value)
        text = canonical_text(blocks)
        text_hash = content_hash(text)
        if not meta.language:  # a sample decides ar/en as well as the whole text, at a fraction of the cost
            meta.language = detect_language(text[:LANGUAGE_SAMPLE])
        result.title = meta.title
        earlier = self.urls.get(meta.url) if meta.url else None
        if text_hash in self.known:
            result.status, result.article_id = "duplicate", self.known[text_hash]
            if row is not None:
                self.apply_row_to_existing(result.article_id, row)
        elif text_hash in self.first_in_run:
            result.status = "duplicate"
            self.duplicates_in_run.append((result, self.first_in_run[text_hash]))
        elif earlier is not None:
            result.article_id = earlier
            if self.options.update_changed:
                self.update(result, earlier, meta, blocks, text_hash)
            else:
                result.status = "changed"
        else:
            self.first_in_run[text_hash] = result
            self.pending.append(_Pending(result, meta, blocks, text_hash, row))
            if len(self.pending) >= BATCH_SIZE:
                self.flush()

    def file_done(self) -> None:
        """After each file: store what is pending when a window wants to see it (every `flush_seconds`), and
        hand the results that are final to `on_results`."""
        if self.flush_seconds is not None and time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()
        if self.on_results is not None and not self.pending:
            self.report_results()

    def report_results(self) -> None:
        if self.on_results is not None and self.reported < len(self.report):
            new = self.report[self.reported :]
            self.reported = len(self.report)
            self.on_results(new)

    def update(
        self, result: ImportResult, article_id: int, meta: ArticleMeta, blocks: list[Block], text_hash: str
    ) -> None:
        try:
            self.articles.replace_text(article_id, blocks, meta)
        except StorageError as exc:
            result.error = disk_error(result.path, exc)
        except HawamishError as exc:
            result.error = exc
        else:
            result.status = "updated"
            self.known[text_hash] = article_id

    def apply_row_to_existing(self, article_id: int, row: MetadataRow) -> None:
        """A table row for an article already in the library: its metadata, tags and collections."""
        # the article is there whatever happens: a row that cannot be applied leaves its metadata as it was
        # only what differs is written: importing a corpus again must not touch (and re-index) every article
        with contextlib.suppress(HawamishError, StorageError):
            if self.stored is None:
                self.stored = {a.id: a for a in self.articles.list()}
            article = self.stored.get(article_id)
            changed = {k: v for k, v in row.meta.items() if article is None or getattr(article, k) != v}
            if changed:
                self.articles.update_meta(article_id, **changed)
            missing_tags = (
                [t for t in row.tags if t not in self.articles.tags(article_id)] if row.tags else []
            )
            self.add_tags_and_collections({article_id: replace(row, tags=missing_tags)})

    def flush(self) -> None:
        """Insert the pending articles in one transaction and fill in their results; empties `pending`."""
        self.last_flush = time.monotonic()
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        try:
            ids = self.articles.add_many([(p.meta, p.blocks) for p in pending])
        except (StorageError, HawamishError) as exc:  # a full disk, a read-only or busy library
            for p in pending:
                p.result.error = disk_error(p.result.path, exc)
            return
        rows: dict[int, MetadataRow] = {}
        for p, article_id in zip(pending, ids, strict=True):
            p.result.status, p.result.article_id = "imported", article_id
            self.known[p.text_hash] = article_id
            if p.meta.url:
                self.urls.setdefault(p.meta.url, article_id)
            if p.row is not None and (p.row.tags or p.row.collections):
                rows[article_id] = p.row
        # the articles are stored: a table's tag or collection that cannot be added does not undo them
        with contextlib.suppress(HawamishError, StorageError):
            self.add_tags_and_collections(rows)

    def add_tags_and_collections(self, rows: dict[int, MetadataRow]) -> None:
        by_tags: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        by_collection: defaultdict[str, list[int]] = defaultdict(list)
        for article_id, row in rows.items():
            if row.tags:
                by_tags[tuple(row.tags)].append(article_id)
            for name in row.collections:
                by_collection[name].append(article_id)
        for tags, ids in by_tags.items():
            self.articles.change_tags(ids, add=tags)
        for name, ids in by_collection.items():
            self.collections.add(name, ids)

    def finish(self) -> ImportReport:
        self.flush()
        for copy, original in self.duplicates_in_run:
            if original.status == "imported":
                copy.article_id = original.article_id
            else:  # the original could not be stored, so neither is its copy
                copy.status, copy.error = "failed", original.error
        self.report.unmatched_rows = [
            (str(t.path), r.line, r.file) for t in self.tables.all() for r in t.unmatched()
        ]
        self.report_results()
        return self.report


def import_paths(
    articles: Articles,
    collections: Collections,
    apply_annotations: Callable[[Path, ImportResult], None],
    paths: Sequence[Path | str],
    *,
    options: ImportOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    on_file: Callable[[str], None] | None = None,
    on_results: Callable[[Sequence[ImportResult]], None] | None = None,
    flush_seconds: float | None = None,
) -> ImportReport:
    """Import files and folders; one ImportResult per file (per chapter when split), in file order.

    `on_file(path)` is called before a file is read and `progress(done, total)` after it; when `cancel()`
    turns true, the files read so far are stored and the rest are reported as failed with CANCELLED. A
    metadata table the user named that cannot be read raises HawamishError before anything is imported.
    For a window: with `flush_seconds`, new articles are stored at least that often (not only every
    BATCH_SIZE articles), so a list fills in as they arrive; `on_results(results)` receives results as they
    become final (stored, duplicate, failed), in order, each once.
    """
    run = Importer(
        articles,
        collections,
        apply_annotations,
        options or ImportOptions(),
        on_results=on_results,
        flush_seconds=flush_seconds,
    )
    run.load_tables([Path(p) for p in paths])
    files = list(expand_paths(paths))
    total = len(files)
    articles_to_read = [
        p for p, error in files if error is None and p.suffix.lower() not in ANNOTATION_EXTENSIONS
    ]
    reads = Reads(
        articles_to_read, split_chapters=run.options.split_chapters, processes=run.options.processes
    )
    outcomes = iter(reads)
    try:
        for done, (path, error) in enumerate(files):
            if cancel is not None and cancel():
                run.report.extend(
                    ImportResult(str(p), "failed", error=HawamishError(ErrorCode.CANCELLED, str(p)))
                    for p, _ in files[done:]
                )
                break
            if on_file is not None:
                on_file(str(path))
            if error is not None:
                run.report.append(ImportResult(str(path), "failed", error=error))
            elif path.suffix.lower() in ANNOTATION_EXTENSIONS:
                run.flush()  # articles read earlier in this run must exist first
                result = ImportResult(str(path), "failed")
                run.report.append(result)
                apply_annotations(path, result)
            else:
                _read_path, outcome = next(outcomes)  # the outcomes come in the order of the files
                run.import_file(path, outcome)
            run.file_done()
            if progress is not None:
                progress(done + 1, total)
    finally:
        reads.close()
    return run.finish()

"""Importing files into a library: one reader per file type, one result per file.

`READERS` maps a lower-case extension to a function `(Path) -> (ArticleMeta, list[Block])` that raises
HawamishError for bad input. It is the extension point for new formats: another module registers itself with
`register_reader(".json", read_web_annotations)`; nothing else here changes.

`import_paths` never lets one bad file stop a batch and never changes anything already in the library: a
failed file only produces a failed ImportResult, a file whose text is already in the library (same
content_hash) is reported as a duplicate with the existing id, and the rest are inserted in batches with
`ArticleStore.add_many` (one transaction per batch: a commit per article would dominate bulk imports).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reader.core.article_store import ArticleStore
from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.markdown import read_markdown
from reader.core.importers.plain_text import read_plain_text
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, canonical_text, content_hash, detect_language

Reader = Callable[[Path], tuple[ArticleMeta, list[Block]]]
Status = Literal["imported", "duplicate", "updated", "failed"]

#: Extension (lower case, with the dot) -> reader. Extend with register_reader().
READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
}

#: Articles per add_many transaction.
BATCH_SIZE = 200
#: Characters of an article's text that decide its language when the file does not say.
LANGUAGE_SAMPLE = 3000


def register_reader(extension: str, reader: Reader) -> None:
    """Make `reader` handle files ending in `extension` (e.g. '.json'); later registrations win."""
    ext = extension.lower()
    READERS[ext if ext.startswith(".") else f".{ext}"] = reader


def supported_extensions() -> list[str]:
    return sorted(READERS)


@dataclass(slots=True)
class ImportResult:
    """What happened to one file. `title` is the imported article's (or the existing duplicate's source's)."""

    path: str
    status: Status
    article_id: int | None = None
    error: HawamishError | None = None
    title: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def _web_annotations(library: Library, result: ImportResult) -> None:
    from reader.core.importers.web_annotation import fill_import_result

    fill_import_result(library, Path(result.path), result)


#: Extension -> importer of annotation files: notes re-anchored onto articles already in the library (not
#: new articles), e.g. the W3C Web Annotation JSON that `hawamish export --format json` writes.
ANNOTATION_IMPORTERS: dict[str, Callable[[Library, ImportResult], None]] = {".json": _web_annotations}


def read_article(path: Path) -> tuple[ArticleMeta, list[Block]]:
    """Metadata and blocks of the article in `path` (raises HawamishError: MISSING, UNSUPPORTED, ...)."""
    path = Path(path)
    if not path.exists():
        raise HawamishError(ErrorCode.MISSING, str(path))
    if path.is_dir():
        raise HawamishError(ErrorCode.UNREADABLE, str(path), "a folder, not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise HawamishError(ErrorCode.UNSUPPORTED, str(path), path.suffix or "no extension")
    return reader(path)


def expand_paths(paths: Iterable[Path | str]) -> Iterator[tuple[Path, HawamishError | None]]:
    """Every file to import, in a stable order, with the error that already disqualifies it (if any).

    Named files are always attempted (an unsupported one is reported); inside folders, only files with a
    supported extension are taken, hidden files and folders are skipped, and symlinked folders are not
    followed (no loops). A folder with nothing to import is itself reported.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield path, HawamishError(ErrorCode.MISSING, str(path))
        elif path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                        found = True
                        yield Path(root) / name, None
            if not found:
                yield path, HawamishError(ErrorCode.EMPTY, str(path), "no files to import in this folder")
        else:
            yield path, None


def import_paths(
    library: Library,
    paths: Sequence[Path | str],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Import files and folders; one ImportResult per file, in the order the files were found.

    `progress(done, total)` is called after each file; when `cancel()` turns true, the files read so far are
    stored and the rest are reported as failed with CANCELLED.
    """
    store = ArticleStore(library)
    with library.read() as db:
        known: dict[str, int] = {h: i for h, i in db.execute("SELECT content_hash, id FROM articles")}
    files = list(expand_paths(paths))
    total = len(files)
    results: list[ImportResult] = []
    pending: list[tuple[ImportResult, ArticleMeta, list[Block], str]] = []
    # hash -> result of the first file in this run with that text, so later copies point at its id
    first_in_run: dict[str, ImportResult] = {}
    duplicates_in_run: list[tuple[ImportResult, ImportResult]] = []

    for done, (path, error) in enumerate(files):
        if cancel is not None and cancel():
            results.extend(
                ImportResult(str(p), "failed", error=HawamishError(ErrorCode.CANCELLED, str(p)))
                for p, _ in files[done:]
            )
            break
        result = ImportResult(str(path), "failed", error=error)
        results.append(result)
        annotations = ANNOTATION_IMPORTERS.get(path.suffix.lower()) if error is None else None
        if annotations is not None:
            _flush(store, pending, known)  # articles read earlier in this run must exist first
            annotations(library, result)
        elif error is None:
            try:
                meta, blocks = read_article(path)
                if not blocks:
                    raise HawamishError(ErrorCode.EMPTY, str(path), "no text blocks")
            except HawamishError as exc:
                result.error = exc if exc.path else HawamishError(exc.code, str(path), exc.detail)
            except (ValueError, UnicodeError, OSError) as exc:  # a reader's bug must not stop the batch
                result.error = HawamishError(ErrorCode.MALFORMED, str(path), repr(exc))
            else:
                text = canonical_text(blocks)
                text_hash = content_hash(text)
                if (
                    not meta.language
                ):  # a sample decides ar/en as well as the whole text, at a fraction of the cost
                    meta.language = detect_language(text[:LANGUAGE_SAMPLE])
                result.title = meta.title
                if text_hash in known:
                    result.status, result.article_id = "duplicate", known[text_hash]
                elif text_hash in first_in_run:
                    result.status = "duplicate"
                    duplicates_in_run.append((result, first_in_run[text_hash]))
                else:
                    first_in_run[text_hash] = result
                    pending.append((result, meta, blocks, text_hash))
                    if len(pending) >= BATCH_SIZE:
                        _flush(store, pending, known)
        if progress is not None:
            progress(done + 1, total)
    _flush(store, pending, known)
    for copy, original in duplicates_in_run:
        if original.status == "imported":
            copy.article_id = original.article_id
        else:  # the original could not be stored, so neither is its copy
            copy.status, copy.error = "failed", original.error
    return results


def _flush(
    store: ArticleStore,
    pending: list[tuple[ImportResult, ArticleMeta, list[Block], str]],
    known: dict[str, int],
) -> None:
    """Insert the pending articles in one transaction and fill in their results; empties `pending`."""
    if not pending:
        return
    try:
        ids = store.add_many([(meta, blocks) for _, meta, blocks, _ in pending])
    except sqlite3.Error as exc:
        code = ErrorCode.DISK_FULL if "full" in str(exc).lower() else ErrorCode.UNWRITABLE
        for result, *_ in pending:
            result.error = HawamishError(code, result.path, str(exc))
    else:
        for (result, _, _, text_hash), article_id in zip(pending, ids, strict=True):
            result.status, result.article_id = "imported", article_id
            known[text_hash] = article_id
    pending.clear()

"""Storing what the importers read: one result per file, batches of articles, duplicates found by hash.

`import_paths` never lets one bad file stop a batch and never changes anything already in the library: a
failed file only produces a failed ImportResult, a file whose text is already in the library (same
content_hash) is reported as a duplicate with the existing id, and the rest are inserted in batches with
`Articles.add_many` (one transaction per batch: a commit per article would dominate bulk imports).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import ANNOTATION_EXTENSIONS, ImportResult, expand_paths, read_article
from reader.core.library.articles import Articles
from reader.core.models import ArticleMeta
from reader.core.storage import StorageError, disk_error
from reader.core.text import Block, canonical_text, content_hash, detect_language

#: Articles per add_many transaction.
BATCH_SIZE = 200
#: Characters of an article's text that decide its language when the file does not say.
LANGUAGE_SAMPLE = 3000


def import_paths(
    articles: Articles,
    apply_annotations: Callable[[Path, ImportResult], None],
    paths: Sequence[Path | str],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    on_file: Callable[[str], None] | None = None,
) -> list[ImportResult]:
    """Import files and folders; one ImportResult per file, in the order the files were found.

    `on_file(path)` is called before a file is read and `progress(done, total)` after it; when `cancel()`
    turns true, the files read so far are stored and the rest are reported as failed with CANCELLED.
    """
    store = articles
    known = articles.hashes()
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
        if on_file is not None:
            on_file(str(path))
        result = ImportResult(str(path), "failed", error=error)
        results.append(result)
        if error is None and path.suffix.lower() in ANNOTATION_EXTENSIONS:
            _flush(store, pending, known)  # articles read earlier in this run must exist first
            apply_annotations(path, result)
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
    store: Articles,
    pending: list[tuple[ImportResult, ArticleMeta, list[Block], str]],
    known: dict[str, int],
) -> None:
    """Insert the pending articles in one transaction and fill in their results; empties `pending`."""
    if not pending:
        return
    try:
        ids = store.add_many([(meta, blocks) for _, meta, blocks, _ in pending])
    except StorageError as exc:
        for result, *_ in pending:
            result.error = disk_error(result.path, exc)
    else:
        for (result, _, _, text_hash), article_id in zip(pending, ids, strict=True):
            result.status, result.article_id = "imported", article_id
            known[text_hash] = article_id
    pending.clear()

"""The import's worker side: `Library.import_paths` over the files in small batches, and what the dialog shows.

No widgets and no signals here. The worker writes what it is doing into an `ImportProgress` (a lock and a
few numbers) and the dialog reads a snapshot ten times a second on the UI thread: a loop over thousands of
files costs the UI thread nothing, however fast the files go.

The files are imported a batch at a time (each batch is one `import_paths` call, so duplicates, failures
and annotation files are the core's business as on the command line). After each batch its results are
counted, its articles are stored (the library list shows them) and a cancel takes effect; the batch size
adapts so that a batch takes about BATCH_SECONDS, whether a file takes a millisecond (plain text) or a
second (a long PDF).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library

if TYPE_CHECKING:
    from reader.core.importers import ImportResult

#: A batch of files should take about this long (the list and the counts follow at this pace).
BATCH_SECONDS = 0.25
#: Files in the first batch, and the bounds of a batch.
FIRST_BATCH, MIN_BATCH, MAX_BATCH = 8, 1, 200


@dataclass(frozen=True)
class ImportSnapshot:
    """What the progress dialog shows: files done of total, the file being read, results so far."""

    done: int = 0
    total: int = 0
    current: str = ""
    counts: dict[str, int] = field(default_factory=dict)


class ImportProgress:
    """Written by the import worker, read by the UI thread (any thread may call any method)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._current = ""
        self._counts: Counter[str] = Counter()

    def start(self, total: int) -> None:
        with self._lock:
            self._total = total

    def reading(self, path: str) -> None:
        with self._lock:
            self._current = path

    def files_done(self, done: int) -> None:
        with self._lock:
            self._done = done

    def add_results(self, results: Sequence[ImportResult]) -> None:
        with self._lock:
            self._counts.update(r.status for r in results if not _cancelled(r))

    def snapshot(self) -> ImportSnapshot:
        with self._lock:
            return ImportSnapshot(self._done, self._total, self._current, dict(self._counts))


def _cancelled(result: ImportResult) -> bool:
    return result.status == "failed" and result.error is not None and result.error.code is ErrorCode.CANCELLED


def files_to_import(paths: Sequence[Path | str]) -> list[Path]:
    """The files (and the unusable paths, reported by the import as failures) in the import's own order."""
    from reader.core.importers import expand_paths

    return [path for path, _error in expand_paths(paths)]


def _offset(progress: ImportProgress, start: int) -> Callable[[int, int], None]:
    """A batch's `progress(done, total)` as files done of the whole import."""

    def report(done: int, _total: int) -> None:
        progress.files_done(start + done)

    return report


def import_in_batches(
    library: Library,
    paths: Sequence[Path | str],
    progress: ImportProgress,
    cancelled: Callable[[], bool],
    *,
    batch_seconds: float = BATCH_SECONDS,
) -> list[ImportResult]:
    """Import `paths` as `library.import_paths` does, a batch of files at a time; after a cancel, what was
    stored stays and every file not read is reported failed with CANCELLED."""
    from reader.core.importers import ImportResult

    files = files_to_import(paths)
    progress.start(len(files))
    results: list[ImportResult] = []
    size, start = FIRST_BATCH, 0
    while start < len(files):  # (a file split into chapters has a result for each: count files, not results)
        if cancelled():
            results.extend(
                ImportResult(str(p), "failed", error=HawamishError(ErrorCode.CANCELLED, str(p)))
                for p in files[start:]
            )
            break
        batch = files[start : start + size]
        began = time.perf_counter()
        done = library.import_paths(
            batch, progress=_offset(progress, start), cancel=cancelled, on_file=progress.reading
        )
        results.extend(done)
        progress.add_results(done)
        start += len(batch)
        per_file = (time.perf_counter() - began) / max(1, len(batch))
        size = max(MIN_BATCH, min(MAX_BATCH, int(batch_seconds / per_file) if per_file > 0 else MAX_BATCH))
    return results

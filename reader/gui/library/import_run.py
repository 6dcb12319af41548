"""The import's worker side: one `Library.import_paths` call, and what the dialog shows.

No widgets and no signals here. The worker writes what it is doing into an `ImportProgress` (a lock and a
few numbers) and the dialog reads a snapshot ten times a second on the UI thread: a loop over thousands of
files costs the UI thread nothing, however fast the files go.

The whole import is one `import_paths` call, as on the command line (duplicates, metadata tables, changed
pages and annotation files are the core's business and see every file of the import). It stores new
articles at least every FLUSH_SECONDS (so the list fills in as they arrive, whether a file takes a
millisecond or a second) and hands each result to the progress counts once it is final.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ErrorCode
from reader.core.library import Library

if TYPE_CHECKING:
    from reader.core.importers import ImportResult

#: New articles are stored (and shown in the list) at least this often during an import.
FLUSH_SECONDS = 0.25
#: Reader processes at most (the window's process stores what they read).
READER_PROCESSES = 2


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

    def advance(self, done: int, total: int) -> None:
        """`progress(done, total)` of Library.import_paths."""
        with self._lock:
            self._done, self._total = done, total

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


def reader_processes() -> int:
    """Reader processes of a window's import: parsers (lxml, pypdf) hold the GIL for long stretches, so
    files are read outside the window's process (reader.core.library.reading); `HAWAMISH_READERS` overrides
    (0: read in the import's thread)."""
    configured = os.environ.get("HAWAMISH_READERS", "")
    if configured.isdigit():
        return int(configured)
    return max(1, min(READER_PROCESSES, (os.cpu_count() or 1)))


def import_all(
    library: Library,
    paths: Sequence[Path | str],
    progress: ImportProgress,
    cancelled: Callable[[], bool],
    *,
    flush_seconds: float = FLUSH_SECONDS,
) -> list[ImportResult]:
    """Import `paths` as `hawamish import` does, reporting into `progress`; after a cancel, what was stored
    stays and every file not read is reported failed with CANCELLED."""
    from reader.core.library.importing import ImportOptions

    return library.import_paths(
        paths,
        options=ImportOptions(processes=reader_processes()),
        progress=progress.advance,
        cancel=cancelled,
        on_file=progress.reading,
        on_results=progress.add_results,
        flush_seconds=flush_seconds,
    )

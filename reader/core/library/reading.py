"""Reading files for an import: in the importing thread, or in reader processes beside it.

Parsing a web page, a PDF or an e-book is CPU work in C extensions (lxml, trafilatura's trees, pypdf) that
hold the GIL for tens of milliseconds at a time: in the window's process that shows as a frozen window
while an import runs, and a parser that crashes on a hostile file takes the process with it. With
`processes` > 0 the files are read in that many separate processes (spawned, never forked: the window's
process has threads and Qt), at most a few files ahead of the one being stored; the outcomes come back in
file order. A reader process that dies fails its file with one clear error and is replaced; the import goes
on. Imports of plain text and Markdown only are read in the thread (faster than sending them across).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.models import ArticleMeta
from reader.core.text import Block

#: Formats whose parsers are heavy (C extensions holding the GIL, hostile input): when an import has any,
#: its files go to reader processes; plain text and Markdown alone are read faster in the thread.
HEAVY_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".mhtml", ".mht", ".pdf", ".epub", ".docx"})
#: Files read ahead of the one being stored, per process (bounds the memory of outcomes waiting).
AHEAD_PER_PROCESS = 4
#: Seconds a reader process may spend on one file (counted from when the import waits for it) before it
#: is stopped and the file fails with TOO_LARGE: a parser that is quadratic or loops on a hostile file
#: (measured by benchmarks/fuzz_importers.py) must not hold an import for ever. Generous: a 20 MB PDF book
#: takes tens of seconds.
READ_TIME_LIMIT = 120.0


@dataclass(slots=True)
class ReadOutcome:
    """The articles of one file, or why there are none (an error's parts: exceptions with keyword fields
    do not cross a process boundary whole)."""

    articles: list[tuple[ArticleMeta, list[Block]]] = field(default_factory=list)
    error: tuple[str, str | None, str, dict[str, object]] | None = None

    def raise_error(self) -> None:
        if self.error is not None:
            code, path, detail, fields = self.error
            raise HawamishError(ErrorCode(code), path, detail, **fields)


def read_file(path: Path, split_chapters: bool = False) -> ReadOutcome:
    """Read one file (here or in a reader process): its articles, or the error naming it."""
    from reader.core.importers import read_articles

    try:
        articles = read_articles(path, split_chapters=split_chapters)
        if not articles or not any(blocks for _, blocks in articles):
            raise HawamishError(ErrorCode.EMPTY, str(path), "no text blocks")
    except HawamishError as exc:
        return ReadOutcome(error=(exc.code.value, exc.path or str(path), exc.detail, dict(exc.fields)))
    except (ValueError, UnicodeError, OSError, RecursionError, MemoryError) as exc:  # a reader's bug
        return ReadOutcome(error=(ErrorCode.MALFORMED.value, str(path), repr(exc), {}))
    except ImportError as exc:  # a broken installation: this format cannot be read, the others still can
        return ReadOutcome(error=(ErrorCode.READER_MISSING.value, str(path), str(exc), {}))
    return ReadOutcome(articles=articles)


def _crashed(path: Path) -> ReadOutcome:
    return ReadOutcome(
        error=(ErrorCode.MALFORMED.value, str(path), "the reader stopped while reading it", {})
    )


def _timed_out(path: Path, seconds: float) -> ReadOutcome:
    return ReadOutcome(error=(ErrorCode.TOO_LARGE.value, str(path), f"not read within {seconds:g} s", {}))


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool whose process is stuck on a file: shutdown() alone would wait for the file to finish."""
    workers = dict(getattr(pool, "_processes", None) or {})  # pid -> process: private, hence getattr
    for process in workers.values():
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


class Reads:
    """Outcomes of reading `paths`, in order (iterate once; `close()` stops reading ahead)."""

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        split_chapters: bool = False,
        processes: int = 0,
        read: Callable[[Path, bool], ReadOutcome] = read_file,  # a module-level function (it is pickled)
        time_limit: float = READ_TIME_LIMIT,
    ) -> None:
        self._read = read
        self._time_limit = time_limit
        self._paths = list(paths)
        self._split = split_chapters
        heavy = any(p.suffix.lower() in HEAVY_EXTENSIONS for p in self._paths)
        self._processes = processes if heavy else 0
        self._pool: ProcessPoolExecutor | None = None
        self._single: ProcessPoolExecutor | None = None  # after a death: one file at a time

    def __iter__(self) -> Iterator[tuple[Path, ReadOutcome]]:
        if self._processes <= 0:
            for path in self._paths:
                yield path, self._read(path, self._split)
            return
        ahead = self._processes * AHEAD_PER_PROCESS
        queue: deque[tuple[Path, Future[ReadOutcome]]] = deque()
        upcoming = iter(self._paths)

        def fill() -> None:
            while len(queue) < ahead and (following := next(upcoming, None)) is not None:
                queue.append((following, self._submit(following)))

        fill()
        while queue:
            path, future = queue.popleft()
            try:
                outcome = future.result(timeout=self._time_limit)
            except TimeoutError:
                # the reader is stuck on this file: its processes are stopped, the file fails, and the
                # files in flight are read again in new processes
                if self._pool is not None:
                    _stop(self._pool)
                    self._pool = None
                yield path, _timed_out(path, self._time_limit)
                waiting = [following for following, _ in queue]
                queue.clear()
                queue.extend((following, self._submit(following)) for following in waiting)
                fill()
                continue
            except BrokenProcessPool:
                # a reader process died (a parser crashed): every file in flight failed with it, and which
                # one killed it is unknown. Those are read again one at a time, each alone in a process, so
                # a death names its file; then the import goes on as before.
                for retried, _ in [(path, future), *queue]:
                    yield retried, self._isolated(retried)
                queue.clear()
                fill()
                continue
            yield path, outcome
            fill()

    def _isolated(self, path: Path) -> ReadOutcome:
        """Read one file in a process of its own (a new one when the last died)."""
        if self._single is None:
            self._single = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        try:
            return self._single.submit(self._read, path, self._split).result(timeout=self._time_limit)
        except TimeoutError:
            _stop(self._single)
            self._single = None
            return _timed_out(path, self._time_limit)
        except BrokenProcessPool:
            self._single.shutdown(wait=False, cancel_futures=True)
            self._single = None
            return _crashed(path)

    def _submit(self, path: Path) -> Future[ReadOutcome]:
        if self._pool is None or getattr(self._pool, "_broken", False):
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self._processes, mp_context=context)
        return self._pool.submit(self._read, path, self._split)

    def close(self) -> None:
        for pool in (self._pool, self._single):
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._single = None

"""A full index build in a process of its own, started by the GUI's index service (no Qt in here).

Why a process: whoosh is pure Python, but its writer sorts each in-memory run of postings with one C-level
sort that holds the GIL, so a thread building a 1,500-article index blocked the UI thread for up to 2.8 s
(benchmarks/bench_search_gui.py). A second interpreter has its own GIL; the index's OS file lock and its
atomic generation swap (reader/core/search/index.py) make a writer in another process safe, and the GUI's
searcher picks up the new generation at its next query.

Protocol, one line at a time on stdout: `progress DONE TOTAL`, then `done ADDED UPDATED DELETED`, or
`error CODE DETAIL` (exit status 1). Run: python -m reader.gui.search.index_process LIBRARY_DIR [--rebuild]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path

#: Added to the process's niceness (Unix): lower CPU priority than the app that started it.
BACKGROUND_NICENESS = 10


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--rebuild", action="store_true", help="rebuild even when the index looks fine")
    args = parser.parse_args(argv)

    from reader.core.errors import HawamishError
    from reader.core.library import Library
    from reader.core.search.index import build_processes

    stopping = False

    def stop(_signum: int, _frame: object) -> None:  # SIGTERM from the app: stop at the next progress step
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    # a background job: the window (and the user's other programs) come first; whoosh's worker processes
    # inherit this, so a build on every core still leaves the UI its share
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(BACKGROUND_NICENESS)
    last = [-1]

    def progress(done: int, total: int) -> None:
        step = done * 100 // total if total else 100
        if step != last[0] or done == total:
            last[0] = step
            _emit(f"progress {done} {total}")

    if not Library.exists_in(args.library):  # never create a library by indexing a wrong folder
        _emit(f"error missing {args.library}")
        return 1
    try:
        with Library(args.library) as library:
            index = library.search_index(procs=build_processes())  # no threads here: whoosh may fork
            try:
                run = index.rebuild if args.rebuild else index.sync
                report = run(progress, lambda: stopping)
            finally:
                index.close()
    except HawamishError as exc:
        _emit(f"error {exc.code.value} {exc.detail}".rstrip())
        return 1
    _emit(f"done {report.added} {report.updated} {report.deleted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`hawamish reindex`: rebuild the search index from the library database, with a progress bar on stderr.

The index is derived data (docs/search.md): this is never needed for correctness, since a missing, stale or
corrupt index is rebuilt by itself, but it is the obvious thing to try when search looks wrong.
"""

from __future__ import annotations

import argparse
import time

BAR_WIDTH = 30


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "reindex", parents=[common], help="rebuild the search index", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--procs",
        type=int,
        default=None,
        metavar="N",
        help="indexing processes (default: one per core, at most 2)",
    )
    parser.add_argument(
        "--roots",
        choices=("on", "off"),
        help="index the roots of Arabic words for root: searches, or stop (kept with the library; off by "
        "default: it makes indexing about 40 %% slower)",
    )
    parser.set_defaults(func=run)


class ProgressBar:
    """`[#####.....]  45%  450/1000` redrawn in place on a terminal, one line per 10% otherwise."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last_decile = -1

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        filled = int(fraction * BAR_WIDTH)
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {fraction:4.0%}  {done}/{total}"
        if self.tty:
            self.stream.write("\r" + line)
        elif int(fraction * 10) != self.last_decile:
            self.last_decile = int(fraction * 10)
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace, ctx) -> int:
    from reader.core.search.index import build_processes

    procs = build_processes() if args.procs is None else max(1, args.procs)
    library = ctx.library
    if args.roots is not None:
        library.set_root_search(args.roots == "on")
    index = library.search_index(procs=procs)
    bar = ProgressBar(ctx.err)
    started = time.perf_counter()
    try:
        report = index.rebuild(progress=bar)
    finally:
        bar.finish()
        index.close()
    seconds = time.perf_counter() - started
    if ctx.json:
        ctx.emit_json({"documents": report.total, "seconds": round(seconds, 3), "roots": library.root_search})
    else:
        roots = " with roots" if library.root_search else ""
        print(f"indexed {report.total} documents{roots} in {seconds:.1f} s", file=ctx.out)
    return 0

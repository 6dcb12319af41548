"""`hawamish search QUERY` and `hawamish search -` (one query a line on stdin, one JSON line a query out).

The index is brought in step with the library first (cheap when nothing changed; rebuilt when missing,
stale or corrupt). When another Hawamish holds the index's writer lock, the search runs on the index as it
is. Query syntax: docs/search.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from reader.core.errors import QUERY_ERRORS, ErrorCode, HawamishError
from reader.messages import describe, error_reason

if TYPE_CHECKING:  # pragma: no cover
    from reader.cli import CommandContext
    from reader.core.library import Library
    from reader.core.search.index import SearchIndex

KINDS = ("article", "highlight", "note")
#: Why an index may be searched without being brought up to date first (it is caught up next time).
_SEARCH_AS_IT_IS = frozenset({ErrorCode.INDEX_BUSY, ErrorCode.LIBRARY_DISK_FULL, ErrorCode.READ_ONLY})
SYNC_WAIT = 5.0  # seconds to wait for another writer before searching the index as it is


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "search",
        parents=[common],
        help="search articles, highlights and notes",
        description='Search the library. QUERY is words (all must match), OR, NOT/-word, "phrases", '
        "prefix*, and fields title: author: outlet: tag: color: lang: kind: date: (docs/search.md). "
        "QUERY '-' reads one query a line from stdin and writes one JSON line a query.",
    )
    parser.add_argument(
        "query", nargs="*", metavar="QUERY", help="the query (several words are joined), or -"
    )
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    parser.add_argument(
        "--kind", action="append", choices=KINDS, help="only hits of this kind (may be repeated)"
    )
    saved = parser.add_mutually_exclusive_group()
    saved.add_argument(
        "--save", metavar="NAME", help="also keep QUERY (and --kind) as a saved search called NAME"
    )
    saved.add_argument(
        "--saved", metavar="NAME", help="run the saved search NAME (hawamish saved list names them)"
    )
    parser.set_defaults(func=run)


def error_json(error: HawamishError) -> dict[str, str | int]:
    return {
        "code": error.code.value,
        "message": error_reason(error),
        "detail": error.detail,
        **{k: v for k, v in error.fields.items() if isinstance(v, str | int)},
    }


def sync_index(library: Library, index: SearchIndex, ctx: CommandContext) -> None:
    try:
        library.index_keeper.catch_up(timeout=SYNC_WAIT, index=index)
    except HawamishError as exc:
        if exc.code not in _SEARCH_AS_IT_IS or index.status() != "ok":
            raise
        if exc.code is ErrorCode.INDEX_BUSY:
            ctx.error("the index is being updated by another Hawamish; searching it as it is")
        else:  # a full disk or a read-only library: the index stays as it was, and may miss recent changes
            ctx.error(f"{describe(exc)}; searching the index as it is")


def _print_hits(results, ctx) -> None:
    if not results.hits:
        print("no results", file=ctx.out)
        return
    for hit in results.hits:
        _print_hit(hit, ctx, indent="")
        for nested in hit.highlights:  # the article's matching highlights and notes, under it
            _print_hit(nested, ctx, indent="    ")
    if results.total > len(results.hits):
        about = "" if results.total_exact else "up to "
        print(f"... {about}{results.total - len(results.hits)} more (use --limit)", file=ctx.out)


def _print_hit(hit, ctx, indent: str) -> None:
    where = f"{hit.article_id}" + (f"#{hit.highlight_id}" if hit.highlight_id else "")
    byline = " · ".join(x for x in (hit.outlet, hit.published) if x)
    # a nested hit shares its article's title and byline: the kind and id say enough
    heading = "" if indent else f"  {hit.title}" + (f"  ({byline})" if byline else "")
    print(f"{indent}{hit.score:7.2f}  {hit.kind:<9}  {where:<10}{heading}".rstrip(), file=ctx.out)
    print(f"{indent}          {hit.marked_snippet('[', ']')}", file=ctx.out)


def _batch(index, args, ctx, stdin) -> int:
    failed = 0
    for line in stdin.read().splitlines():
        query = line.strip()
        try:
            results = index.search(query, limit=args.limit, kinds=args.kind)
            out: dict[str, object] = results.to_json()
        except HawamishError as exc:
            if exc.code not in QUERY_ERRORS:
                raise
            failed += 1
            out = {"query": query, "error": error_json(exc)}
        ctx.out.write(json.dumps(out, ensure_ascii=False) + "\n")
        ctx.out.flush()
    return 1 if failed else 0


def run(args: argparse.Namespace, ctx, stdin=None) -> int:
    from reader.core.search.index import build_processes

    if args.limit < 1:
        ctx.error("--limit must be at least 1")
        return 2
    query = " ".join(args.query)
    if bool(query) == bool(args.saved):
        ctx.error("give a QUERY or --saved NAME" if not query else "give a QUERY or --saved NAME, not both")
        return 2
    if query == "-" and args.save:
        ctx.error("--save takes one QUERY, not -")
        return 2
    library = ctx.library
    filters = None
    if args.saved:
        saved = library.saved_searches.get(args.saved)
        query, filters = saved.query, library.saved_searches.search_filters(saved)
    elif args.save:
        library.saved_searches.save(args.save, query, {"kinds": args.kind or []})
        ctx.error(f"saved as {args.save}")
    index = library.search_index(procs=build_processes())  # a rebuild here may use both cores
    try:
        sync_index(library, index, ctx)
        if query == "-":
            return _batch(index, args, ctx, stdin or sys.stdin)
        try:
            results = index.search(query, limit=args.limit, kinds=args.kind, filters=filters)
        except HawamishError as exc:
            if exc.code not in QUERY_ERRORS:
                raise
            ctx.error(describe(exc))
            if ctx.json:
                ctx.emit_json({"query": query, "error": error_json(exc)})
            return 1
        if ctx.json:
            ctx.emit_json(results.to_json())
        else:
            _print_hits(results, ctx)
        return 0
    finally:
        index.close()

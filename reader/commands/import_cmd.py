"""`hawamish import PATH...`: import files and folders, one result per file (DESIGN §6, docs/cli.md).

Failures are reported one line each on stderr (`hawamish: PATH: reason`) while the other files are still
imported; the exit status is 1 when any file failed. With --json, stdout gets a list of per-file results.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import HawamishError
from reader.messages import describe, error_reason

if (
    TYPE_CHECKING
):  # the importers (markdown-it and charset-normalizer) load in `run`: every start needs this module
    from reader.core.importers import ImportResult


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="import text and Markdown files or folders",
        description="Import articles from .txt, .md and .markdown files; folders are searched recursively.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a file or a folder")
    parser.add_argument(
        "--update",
        type=int,
        metavar="ID",
        help="replace article ID's text with PATH and re-anchor its highlights",
    )
    parser.set_defaults(func=run)


def error_json(error: HawamishError | None) -> dict[str, str] | None:
    """An error as {code, message}: the stable code for scripts, the English sentence for people."""
    if error is None:
        return None
    return {"code": error.code.value, "message": error_reason(error)}


def result_json(result: ImportResult) -> dict[str, object]:
    return {
        "path": result.path,
        "status": result.status,
        "article_id": result.article_id,
        "title": result.title if result.ok else None,
        "error": error_json(result.error),
    }


def print_results(results: list[ImportResult], ctx) -> int:
    """Report results the way every import-like command does; returns the exit status."""
    for result in results:
        if result.error is not None:
            ctx.error(describe(result.error))
    if ctx.json:
        ctx.emit_json([result_json(r) for r in results])
    else:
        for r in results:
            if r.status == "imported":
                print(f"imported  {r.article_id:>6}  {r.title}", file=ctx.out)
            elif r.status == "duplicate":
                print(f"duplicate {r.article_id:>6}  {r.path} (already in the library)", file=ctx.out)
            elif r.status == "updated":
                print(f"updated   {r.article_id:>6}  {r.title}", file=ctx.out)
    return 1 if any(not r.ok for r in results) else 0


def run(args: argparse.Namespace, ctx) -> int:
    if args.update is not None:
        from reader.commands.import_update import run_update

        return run_update(args, ctx)
    library = ctx.library

    results = library.import_paths(args.paths)
    return print_results(results, ctx)

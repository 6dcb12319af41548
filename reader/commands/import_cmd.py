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
    from reader.core.library.importing import ImportReport


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="import articles: text, Markdown, web pages, PDF, EPUB, Word files or folders",
        description="Import articles from files (.txt .md .html .htm .xhtml .mhtml .pdf .epub .docx) and "
        "folders (searched recursively; a manifest.jsonl or metadata.csv inside is used as a metadata table).",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a file or a folder")
    parser.add_argument(
        "--update",
        type=int,
        metavar="ID",
        help="replace article ID's text with PATH and re-anchor its highlights",
    )
    parser.add_argument(
        "--metadata",
        action="append",
        default=[],
        type=Path,
        metavar="TABLE",
        help="a CSV or JSON-lines table naming files and their title, author, outlet, date, url, language, "
        "tags, collection (repeatable)",
    )
    parser.add_argument(
        "--split", choices=["chapters"], help="e-books: one article per chapter (default: one per book)"
    )
    parser.add_argument(
        "--update-changed",
        action="store_true",
        help="replace the text of pages already in the library (same URL) whose text changed, re-anchoring "
        "their highlights (default: report them as changed)",
    )
    parser.set_defaults(func=run)


def error_json(error: HawamishError | None) -> dict[str, str] | None:
    """An error as {code, message}: the stable code for scripts, the English sentence for people."""
    if error is None:
        return None
    return {"code": error.code.value, "message": error_reason(error)}


def result_json(result: ImportResult) -> dict[str, object]:
    data: dict[str, object] = {
        "path": result.path,
        "status": result.status,
        "article_id": result.article_id,
        "title": result.title if result.ok else None,
        "error": error_json(result.error),
    }
    if result.part is not None:
        data["part"] = result.part
    return data


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
            elif r.status == "changed":
                print(
                    f"changed   {r.article_id:>6}  {r.path} (an earlier text of this page is in the library)",
                    file=ctx.out,
                )
    return 1 if any(not r.ok for r in results) else 0


def report_tables(report: ImportReport, ctx) -> None:
    """What the metadata tables did not match, on stderr (not failures: the files were imported)."""
    for table, line, file in report.unmatched_rows:
        ctx.error(f"{table}:{line}: no imported file matches {file}")
    if report.files_without_row:
        shown = report.files_without_row[:10]
        more = len(report.files_without_row) - len(shown)
        ctx.error(
            f"{len(report.files_without_row)} files have no row in the metadata table: "
            + ", ".join(shown)
            + (f" and {more} more" if more > 0 else "")
        )
    if report.changed:
        ctx.error(
            f"{len(report.changed)} pages changed since they were imported; "
            "import them again with --update-changed to replace their text"
        )


def run(args: argparse.Namespace, ctx) -> int:
    if args.update is not None:
        from reader.commands.import_update import run_update

        return run_update(args, ctx)
    from reader.core.library.importing import ImportOptions

    options = ImportOptions(
        metadata=args.metadata, split_chapters=args.split == "chapters", update_changed=args.update_changed
    )
    report = ctx.library.import_paths(args.paths, options=options)
    status = print_results(report, ctx)
    report_tables(report, ctx)
    return status

"""`hawamish check [--repair]`: look for damage in the library, and repair what can be repaired.

Checks SQLite's integrity and foreign keys, that every placed highlight still quotes the article text at its
offsets, and that the search index is whole. `--repair` saves the database into the library's backups/
folder first, then re-anchors mismatched highlights, removes rows whose article is gone and rebuilds a
damaged index. Exit status 0 when nothing is (left) wrong, 1 otherwise.
"""

from __future__ import annotations

import argparse

from reader.commands.backup_cmd import require_library
from reader.messages import counted


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check", parents=[common], help="look for damage in the library", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--repair", action="store_true", help="repair what can be repaired (after a backup)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    if not require_library(ctx):
        return 1
    library = ctx.library
    report = library.check(repair=args.repair)
    if ctx.json:
        ctx.emit_json(report.to_json())
        return 0 if report.ok else 1
    summary = f"{counted(report.articles, 'article')}, {counted(report.highlights, 'highlight')}"
    print(f"{summary}, search index {report.index}", file=ctx.out)
    for problem in report.problems:
        state = "repaired" if problem.repaired else "problem"
        print(f"{state}: {problem.detail}", file=ctx.out)
    if report.saved_before is not None:
        print(f"the library as it was before the repair is saved in {report.saved_before.path}", file=ctx.out)
    if not report.problems:
        print("no problems found", file=ctx.out)
    elif not report.ok and not args.repair:
        print("run `hawamish check --repair` to repair what can be repaired", file=ctx.out)
    return 0 if report.ok else 1

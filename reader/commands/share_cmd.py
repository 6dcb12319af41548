"""`hawamish share init FOLDER --name NAME [--with-texts] | sync | status`: a folder a sync engine carries.

The folder holds no database: each library appends its changes to a log of its own there, and reads the
others' (reader/core/sharing; docs/sharing.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.library.sharing import ShareStatus

EXIT_OK, EXIT_PARTIAL = 0, 1


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "share",
        parents=[common],
        help="share highlights, notes and articles through a synced folder",
        description="Share this library's highlights, notes, tags and articles with other libraries through "
        "a folder a sync engine (Syncthing, Nextcloud, a git remote) carries.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", parents=[common], help="join (or create) a shared folder, then sync")
    init.add_argument("folder", type=Path, metavar="FOLDER")
    init.add_argument("--name", required=True, metavar="NAME", help="your name, as the others see it")
    init.add_argument(
        "--with-texts",
        action="store_true",
        help="also share the articles' texts (pieces are copyrighted: only where the team may)",
    )
    actions.add_parser("sync", parents=[common], help="publish this library's changes, apply the others'")
    actions.add_parser("status", parents=[common], help="members, last sync, records waiting, conflicts kept")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    sharing = ctx.library.sharing
    if args.action == "status":
        status = sharing.status()
        if ctx.json:
            ctx.emit_json(status.to_json())
        else:
            _print_status(status, ctx)
        return EXIT_OK
    if args.action == "init":
        report = sharing.init(args.folder, args.name, with_texts=args.with_texts)
    else:
        report = sharing.sync()
    for problem in report.problems:
        ctx.error(f"skipped: {problem}")
    if ctx.json:
        ctx.emit_json(report.to_json())
    else:
        print(
            f"published {report.published}, received {report.received}, applied {report.applied}; "
            f"{report.pending} waiting, {report.conflicts} with concurrent edits kept",
            file=ctx.out,
        )
    return EXIT_PARTIAL if report.problems else EXIT_OK


def _print_status(status: ShareStatus, ctx) -> None:
    print(f"folder: {status.folder}", file=ctx.out)
    print(f"last sync: {status.last_sync or 'never'}", file=ctx.out)
    for member in status.members:
        you = " (you)" if member.you else ""
        print(f"  {member.name}{you}: {member.records} records", file=ctx.out)
    print(f"waiting: {status.pending}; concurrent edits kept: {status.conflicts}", file=ctx.out)

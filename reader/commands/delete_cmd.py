"""`hawamish delete ID... --yes`: delete articles with their highlights, notes, tags and memberships.

Without --yes nothing is deleted: the command names what it would delete and exits 2 (a script must say
it means it; there is no undo on the command line — `hawamish backup` first)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "delete",
        parents=[common],
        help="delete articles with their highlights",
        description="Delete articles with their highlights and notes. Needs --yes.",
    )
    parser.add_argument("ids", type=int, nargs="+", metavar="ID")
    parser.add_argument("--yes", action="store_true", help="really delete")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    articles = [library.articles.get(i) for i in dict.fromkeys(args.ids)]  # NOT_FOUND before anything goes
    counts = library.articles.highlight_counts(a.id for a in articles)
    if not args.yes:
        for a in articles:
            ctx.error(f"would delete {a.id}: {a.title} ({counts[a.id]} highlights)")
        ctx.error("delete: nothing deleted; add --yes to delete")
        return 2
    library.articles.delete_many([a.id for a in articles])
    if ctx.json:
        ctx.emit_json([{"id": a.id, "title": a.title, "highlights": counts[a.id]} for a in articles])
    else:
        for a in articles:
            print(f"deleted {a.id:>6}  {a.title} ({counts[a.id]} highlights)", file=ctx.out)
    return 0

"""`hawamish saved list | rename OLD NEW | delete NAME`: saved searches (`hawamish search --save NAME QUERY`
keeps one, `search --saved NAME` runs it, `list --saved NAME` lists its articles)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "saved",
        parents=[common],
        help="saved searches (smart collections)",
        description="Saved searches keep a query and its filters under a name; the app lists them with the "
        "collections, holding whatever the query matches now. Save one with search --save NAME QUERY.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="every saved search, its query and how many articles")
    rename = actions.add_parser("rename", parents=[common], help="rename a saved search")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    delete = actions.add_parser("delete", parents=[common], help="forget a saved search")
    delete.add_argument("name", metavar="NAME")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    from reader.commands.search_cmd import sync_index

    library = ctx.library
    searches = library.saved_searches
    if args.action == "rename":
        searches.rename(args.old, args.new)
    elif args.action == "delete":
        searches.delete(args.name)
    if args.action != "list" and not ctx.json:
        return 0
    saved = searches.list()
    if saved:
        sync_index(library, library.search_index(), ctx)
    counts = {s.name: len(searches.matching(s)) for s in saved}
    if ctx.json:
        ctx.emit_json([s.to_json() | {"articles": counts[s.name]} for s in saved])
        return 0
    for s in saved:
        filters = " ".join(
            f"{key}={','.join(map(str, v)) if isinstance(v, list) else v}" for key, v in s.filters.items()
        )
        print(
            f"{counts[s.name]:>6}  {s.name}  {s.query}" + (f"  [{filters}]" if filters else ""), file=ctx.out
        )
    return 0

"""`hawamish collection list | add NAME ID... | remove NAME ID... | rename OLD NEW | delete NAME`."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "collection",
        parents=[common],
        help="collections of articles",
        description="Collections group articles; an article may be in several. Deleting a collection keeps "
        "its articles.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="every collection and its size")
    for name, text in (("add", "put articles in a collection (made if new)"), ("remove", "take them out")):
        action = actions.add_parser(name, parents=[common], help=text)
        action.add_argument("name", metavar="NAME")
        action.add_argument("ids", type=int, nargs="+", metavar="ID")
    rename = actions.add_parser("rename", parents=[common], help="rename a collection")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    delete = actions.add_parser("delete", parents=[common], help="delete a collection (not its articles)")
    delete.add_argument("name", metavar="NAME")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    collections = ctx.library.collections
    if args.action == "add":
        changed = collections.add(args.name, args.ids)
    elif args.action == "remove":
        changed = collections.remove(args.name, args.ids)
    elif args.action == "rename":
        collections.rename(args.old, args.new)
    elif args.action == "delete":
        collections.delete(args.name)
    if args.action in ("add", "remove") and not ctx.json:
        verb = "added to" if args.action == "add" else "removed from"
        print(f"{len(changed)} articles {verb} {args.name}", file=ctx.out)
    if args.action == "list" or ctx.json:
        infos = collections.list()
        if ctx.json:
            ctx.emit_json([{"id": c.id, "name": c.name, "articles": c.count} for c in infos])
        else:
            for c in infos:
                print(f"{c.count:>6}  {c.name}", file=ctx.out)
    return 0

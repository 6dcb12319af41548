"""`hawamish tag ID... [--add T]... [--remove T]...`: tags of articles (without options: print them)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "tag", parents=[common], help="add or remove tags of articles", description="Tag articles."
    )
    parser.add_argument("ids", type=int, nargs="+", metavar="ID")
    parser.add_argument("--add", action="append", default=[], metavar="T", help="a tag to add (repeatable)")
    parser.add_argument(
        "--remove", action="append", default=[], metavar="T", help="a tag to remove (repeatable)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    ids = list(dict.fromkeys(args.ids))
    if args.add or args.remove:
        tags = library.articles.change_tags(ids, add=args.add, remove=args.remove)
    else:
        for article_id in ids:
            library.articles.get(article_id)  # NOT_FOUND for a wrong id
        tags = library.articles.tags_of(ids)
    if ctx.json:
        ctx.emit_json([{"id": i, "tags": tags[i]} for i in ids])
    else:
        for i in ids:
            print(f"{i:>6}  " + ", ".join(tags[i]), file=ctx.out)
    return 0

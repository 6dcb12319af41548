"""`hawamish list`: every article with its metadata, source path and highlight count."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("list", parents=[common], help="list the library's articles")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    articles = library.articles.list()
    if ctx.json:
        ctx.emit_json([a.to_json() for a in articles])
        return 0
    for a in articles:
        byline = " · ".join(x for x in (a.author, a.outlet, a.published) if x)
        print(f"{a.id:>6}  {a.title}" + (f"  ({byline})" if byline else ""), file=ctx.out)
    return 0

"""`hawamish edit ID [--title T] [--author A] [--outlet O] [--date D] [--url U] [--lang L]`: an article's
metadata (reader.core.library.articles.validate_meta checks and normalises each value)."""

from __future__ import annotations

import argparse

#: option -> metadata column
FIELDS = {
    "title": "title",
    "author": "author",
    "outlet": "outlet",
    "date": "published",
    "url": "url",
    "lang": "language",
}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "edit",
        parents=[common],
        help="edit an article's metadata",
        description="Change an article's title, author, outlet, date, URL or language; an empty value clears "
        "a field (not the title).",
    )
    parser.add_argument("id", type=int, metavar="ID")
    for option in FIELDS:
        parser.add_argument(f"--{option}", metavar=option[0].upper())
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    values = {
        column: getattr(args, option)
        for option, column in FIELDS.items()
        if getattr(args, option) is not None
    }
    if not values:
        ctx.error("edit: nothing to change (give --title, --author, --outlet, --date, --url or --lang)")
        return 2
    article = ctx.library.articles.update_meta(args.id, **values)
    if ctx.json:
        ctx.emit_json(article.to_json())
    else:
        byline = " · ".join(x for x in (article.author, article.outlet, article.published, article.url) if x)
        print(f"{article.id:>6}  {article.title}" + (f"  ({byline})" if byline else ""), file=ctx.out)
    return 0

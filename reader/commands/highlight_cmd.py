"""`hawamish highlight`: highlight a passage named by its words, edit a highlight, delete one (DESIGN §6).

    hawamish highlight ID --quote TEXT [--occurrence N] [--color KEY] [--note TEXT] [--tag T]...
    hawamish highlight --edit HID [--note TEXT] [--color KEY] [--style S] [--tag T]... [--no-tags]
    hawamish highlight --delete HID

Scripts and tests name passages by quote, not by offsets: the quote is looked up in the article's canonical
text with harakat, tatweel and letter variants folded (reader.core.quotes.find_quote), so a quote
typed without vocalisation still finds the vocalised words. An ambiguous quote needs --occurrence.
"""

from __future__ import annotations

import argparse

from reader.core.models import Highlight
from reader.core.quotes import STYLES, find_quote

EXIT_OK, EXIT_USAGE = 0, 2


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "highlight",
        parents=[common],
        help="highlight a passage of an article, edit or delete a highlight",
        description=(
            "Highlight the passage of article ID whose words are TEXT; or change (--edit) or delete (--delete) "
            "highlight HID. Prints the highlight."
        ),
    )
    parser.add_argument("id", type=int, nargs="?", metavar="ID", help="the article (a new highlight)")
    parser.add_argument("--quote", metavar="TEXT", help="the words to highlight")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--edit", type=int, metavar="HID", help="change highlight HID (only what is given)")
    which.add_argument("--delete", type=int, metavar="HID", help="delete highlight HID")
    parser.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence, counting from 1, when the quote repeats",
    )
    parser.add_argument("--color", metavar="KEY", help="colour label key (a new highlight: claim)")
    parser.add_argument("--style", choices=STYLES, help="how it is drawn (a new highlight: background)")
    parser.add_argument("--note", metavar="TEXT", help="a note (Markdown); with --edit, '' clears it")
    parser.add_argument(
        "--tag", action="append", metavar="T", help="a tag (repeatable); with --edit, replaces the tags"
    )
    parser.add_argument("--no-tags", action="store_true", help="with --edit: remove every tag")
    parser.set_defaults(func=run)


def _usage(ctx, message: str) -> int:
    ctx.error(message)
    return EXIT_USAGE


def _print(ctx, highlight: Highlight, verb: str) -> None:
    if ctx.json:
        ctx.emit_json(highlight.to_json())
    else:
        print(
            f"{verb}highlight {highlight.id} on article {highlight.article_id} "
            f"[{highlight.start}, {highlight.end}) {highlight.color}: {highlight.exact}",
            file=ctx.out,
        )


def run(args: argparse.Namespace, ctx) -> int:
    if args.edit is not None or args.delete is not None:
        if args.id is not None or args.quote is not None or args.occurrence is not None:
            return _usage(ctx, "--edit and --delete take a highlight id, not an article and a quote")
        return _delete(args, ctx) if args.delete is not None else _edit(args, ctx)
    if args.id is None or args.quote is None:
        return _usage(ctx, "give an article ID and --quote TEXT (or --edit HID, --delete HID)")
    if args.no_tags:
        return _usage(ctx, "--no-tags goes with --edit")
    library = ctx.library
    article = library.articles.get(args.id)
    start, end = find_quote(article.text, args.quote, args.occurrence)
    highlight = library.highlights.create(
        article.id,
        start,
        end,
        color=args.color or "claim",
        style=args.style or "background",
        note=args.note or "",
        tags=args.tag or [],
    )
    _print(ctx, highlight, "")
    return EXIT_OK


def _edit(args: argparse.Namespace, ctx) -> int:
    if args.no_tags and args.tag:
        return _usage(ctx, "give --tag or --no-tags, not both")
    tags = [] if args.no_tags else args.tag
    if args.note is None and args.color is None and args.style is None and tags is None:
        return _usage(ctx, "--edit needs something to change: --note, --color, --style, --tag or --no-tags")
    highlight = ctx.library.highlights.update(
        args.edit, color=args.color, style=args.style, note=args.note, tags=tags
    )
    _print(ctx, highlight, "changed ")
    return EXIT_OK


def _delete(args: argparse.Namespace, ctx) -> int:
    if args.note is not None or args.color or args.style or args.tag or args.no_tags:
        return _usage(ctx, "--delete takes no other option")
    highlight = ctx.library.highlights.delete(args.delete)
    _print(ctx, highlight, "deleted ")
    return EXIT_OK

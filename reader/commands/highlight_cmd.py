"""`hawamish highlight ID --quote TEXT ...`: highlight a passage named by its words (DESIGN §6).

Scripts and tests name passages by quote, not by offsets: the quote is looked up in the article's canonical
text with harakat, tatweel and letter variants folded (reader.core.quotes.find_quote), so a quote
typed without vocalisation still finds the vocalised words. An ambiguous quote needs --occurrence.
"""

from __future__ import annotations

import argparse

from reader.core.quotes import STYLES, find_quote


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "highlight",
        parents=[common],
        help="highlight a passage of an article",
        description="Highlight the passage of article ID whose words are TEXT; prints the new highlight.",
    )
    parser.add_argument("id", type=int, metavar="ID", help="the article")
    parser.add_argument("--quote", required=True, metavar="TEXT", help="the words to highlight")
    parser.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence, counting from 1, when the quote repeats",
    )
    parser.add_argument("--color", default="claim", metavar="KEY", help="colour label key (default: claim)")
    parser.add_argument("--style", choices=STYLES, default="background", help="how it is drawn")
    parser.add_argument("--note", default="", metavar="TEXT", help="a note (Markdown)")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    article = library.articles.get(args.id)
    start, end = find_quote(article.text, args.quote, args.occurrence)
    highlight = library.highlights.create(
        article.id, start, end, color=args.color, style=args.style, note=args.note, tags=args.tag
    )
    if ctx.json:
        ctx.emit_json(highlight.to_json())
    else:
        print(
            f"highlight {highlight.id} on article {article.id} [{start}, {end}) {highlight.color}: "
            f"{highlight.exact}",
            file=ctx.out,
        )
    return 0

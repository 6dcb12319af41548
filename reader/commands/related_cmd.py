"""`hawamish related ID [--highlight HID]`: more like this, the articles nearest to an article or a highlight.

The index is brought in step with the library first, as for `search`; the hits carry the search hit's JSON
fields (kind, article_id, title, score, snippet, hits), and `terms` the key terms the query used.
"""

from __future__ import annotations

import argparse

from reader.commands.search_cmd import sync_index

#: Key words listed above the text output (the JSON has every one).
SHOWN_TERMS = 12


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "related",
        parents=[common],
        help="articles like an article or a highlight (more like this)",
        description="Articles like article ID (its title, text and note), or like one of its highlights "
        "(its passage and note) with --highlight, best first: ranked by the key words of the source "
        "that are rarest in the library (docs/search.md). The article itself is left out.",
    )
    parser.add_argument("id", type=int, metavar="ID", help="the article")
    parser.add_argument("--highlight", type=int, metavar="HID", help="a highlight of that article")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="at most N articles (default 10)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    if args.limit < 1:
        ctx.error("--limit must be at least 1")
        return 2
    library = ctx.library
    library.articles.get(args.id)  # an unknown article is said before the index is brought in step
    sync_index(library, library.search_index(), ctx)
    results = library.related(args.id, args.highlight, limit=args.limit)
    if ctx.json:
        ctx.emit_json(results.to_json())
        return 0
    if not results.hits:
        print("no related articles", file=ctx.out)
        return 0
    print("key words: " + " ".join(t.word for t in results.terms[:SHOWN_TERMS]), file=ctx.out)
    for hit in results.hits:
        byline = " · ".join(x for x in (hit.outlet, hit.published) if x)
        print(
            f"{hit.score:7.2f}  {hit.article_id:<6}  {hit.title}" + (f"  ({byline})" if byline else ""),
            file=ctx.out,
        )
        print(f"         {hit.marked_snippet('[', ']')}", file=ctx.out)
    return 0

"""`hawamish list`: articles with their metadata, source path, tags, collections and highlight count,
all of them or those the filters keep (the library list's filters: reader.core.models.ArticleFilter)."""

from __future__ import annotations

import argparse

from reader.core.models import ArticleFilter


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "list",
        parents=[common],
        help="list the library's articles",
        description="List articles, newest import first. Filters combine (all must hold); --author, --outlet "
        "and --text match parts of names with the search's Arabic folding.",
    )
    parser.add_argument("--text", default="", metavar="TEXT", help="words in the title, author or outlet")
    parser.add_argument(
        "--tag", default="", metavar="T", help="a tag of the article or of one of its highlights"
    )
    parser.add_argument("--collection", default="", metavar="C", help="articles in this collection")
    parser.add_argument("--author", default="", metavar="A")
    parser.add_argument("--outlet", default="", metavar="O")
    parser.add_argument("--lang", default="", metavar="L", help="language code (ar, en, ...)")
    parser.add_argument(
        "--since", default="", metavar="DATE", help="published on or after (2015, 2015-07, ...)"
    )
    parser.add_argument(
        "--until", default="", metavar="DATE", help="published on or before (the whole period)"
    )
    parser.add_argument("--has-highlights", action="store_true", help="only articles with highlights")
    parser.add_argument(
        "--saved",
        default="",
        metavar="NAME",
        help="articles the saved search NAME matches (its smart collection)",
    )
    parser.set_defaults(func=run)


def date_option(value: str, parser_name: str) -> str:
    from reader.core.errors import ErrorCode, HawamishError
    from reader.core.importers.common import normalise_date

    if not value:
        return ""
    date = normalise_date(value)
    if not date:
        raise HawamishError(ErrorCode.INVALID_METADATA, field=parser_name, value=value)
    return date


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    selection = ArticleFilter(
        text=args.text,
        tag=args.tag,
        collection=args.collection,
        author=args.author,
        outlet=args.outlet,
        language=args.lang,
        since=date_option(args.since, "since"),
        until=date_option(args.until, "until"),
        has_highlights=args.has_highlights,
    )
    articles = library.articles.list(selection)
    if args.saved:
        from reader.commands.search_cmd import sync_index

        saved = library.saved_searches.get(args.saved)  # an unknown name is said before any indexing
        sync_index(library, library.search_index(), ctx)
        matching = library.saved_searches.matching(saved)
        articles = [a for a in articles if a.id in matching]
    ids = [a.id for a in articles]
    tags = library.articles.tags_of(ids)
    collections = library.articles.collections_of(ids)
    if ctx.json:
        ctx.emit_json(
            [a.to_json() | {"tags": tags[a.id], "collections": collections[a.id]} for a in articles]
        )
        return 0
    for a in articles:
        byline = " · ".join(x for x in (a.author, a.outlet, a.published) if x)
        print(f"{a.id:>6}  {a.title}" + (f"  ({byline})" if byline else ""), file=ctx.out)
    return 0

"""`hawamish show ID`: one article's metadata, canonical text and highlights."""

from __future__ import annotations

import argparse

from reader.core.article_store import ArticleStore


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("show", parents=[common], help="show one article")
    parser.add_argument("id", type=int, metavar="ID")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    with ctx.open_library() as library:
        article = ArticleStore(library).get(args.id)
        highlights = _highlights_json(library, article.id)
    if ctx.json:
        data = article.to_json(with_text=True)
        data["highlights"] = highlights
        ctx.emit_json(data)
        return 0
    print(article.title, file=ctx.out)
    byline = " · ".join(x for x in (article.author, article.outlet, article.published, article.url) if x)
    if byline:
        print(byline, file=ctx.out)
    print(file=ctx.out)
    print(article.text, file=ctx.out)
    return 0


def _highlights_json(library, article_id: int) -> list[dict[str, object]]:
    """The article's highlights in DESIGN §6 field names (an empty list until highlights exist)."""
    try:
        from reader.core.highlight_store import HighlightStore
    except ImportError:  # the highlight store lands with issue 3
        return []
    return [h.to_json() for h in HighlightStore(library).for_article(article_id)]

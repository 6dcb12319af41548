"""`hawamish page new TITLE | list | show PAGE | add-quote PAGE HIGHLIGHT_ID` (DESIGN §6, docs/pages.md).

PAGE is a page's id or its title. `show --json` prints the page (`id`, `title`, `text`, `quotes`) with
`rendered`: each quote as the library has it now (`state` live, orphan or deleted, its words and article).
"""

from __future__ import annotations

import argparse

from reader.core.pages import QuoteState, RenderedQuote


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "page",
        parents=[common],
        help="research pages: Markdown that quotes highlights",
        description="Research pages are Markdown notes of your own; a quote is a line {{quote HIGHLIGHT_ID}} "
        "that shows the highlight's current words and citation. PAGE is a page's id or title.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", parents=[common], help="make a new, empty page; prints its id")
    new.add_argument("title", metavar="TITLE")
    actions.add_parser("list", parents=[common], help="every page, the last edited first")
    show = actions.add_parser("show", parents=[common], help="a page's text and its quotes as they are now")
    show.add_argument("page", metavar="PAGE")
    add = actions.add_parser("add-quote", parents=[common], help="append a highlight to a page as a quote")
    add.add_argument("page", metavar="PAGE")
    add.add_argument("highlight_id", type=int, metavar="HIGHLIGHT_ID")
    parser.set_defaults(func=run)


def _quote_line(quote: RenderedQuote) -> str:
    if quote.state == QuoteState.DELETED:
        return f"  {quote.highlight_id:>5}  deleted (the highlight is no longer in the library)"
    source = quote.source
    where = " · ".join(x for x in (source.author, source.title) if x) if source else ""
    orphan = " (orphan: not found in the article's current text)" if quote.state == QuoteState.ORPHAN else ""
    return f"  {quote.highlight_id:>5}  {quote.exact}  — {where}{orphan}"


def run(args: argparse.Namespace, ctx) -> int:
    pages = ctx.library.pages
    if args.action == "new":
        page = pages.create(args.title)
        if ctx.json:
            ctx.emit_json(page.to_json())
        else:
            print(page.id, file=ctx.out)
    elif args.action == "list":
        listed = pages.list()
        if ctx.json:
            ctx.emit_json([p.to_json() for p in listed])
        else:
            for p in listed:
                print(f"{p.id:>5}  {len(p.quotes):>4} quotes  {p.updated}  {p.title}", file=ctx.out)
    elif args.action == "show":
        page = pages.get(args.page)
        rendered = pages.render(page)
        if ctx.json:
            data = page.to_json()
            data["rendered"] = [q.to_json() for q in rendered.quotes]
            ctx.emit_json(data)
        else:
            print(page.title, file=ctx.out)
            print(file=ctx.out)
            print(page.text.rstrip("\n"), file=ctx.out)
            if rendered.quotes:
                print(f"\nquotes ({len(rendered.quotes)}):", file=ctx.out)
            for quote in rendered.quotes:
                print(_quote_line(quote), file=ctx.out)
    elif args.action == "add-quote":
        page = pages.add_quote(pages.get(args.page).id, args.highlight_id)
        if ctx.json:
            ctx.emit_json(page.to_json())
        else:
            print(
                f"quote {args.highlight_id} added to page {page.id} ({len(page.quotes)} quotes)", file=ctx.out
            )
    return 0

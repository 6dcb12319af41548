"""`hawamish show ID`: one article's metadata, canonical text, highlights, note and tags."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("show", parents=[common], help="show one article")
    parser.add_argument("id", type=int, metavar="ID")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    article = library.articles.get(args.id)
    store = library.highlights
    highlights = store.for_article(article.id)
    note = library.articles.note(article.id)
    tags = library.articles.tags(article.id)
    collections = library.articles.collections_of([article.id])[article.id]
    shared = library.sharing.annotation_info([h.id for h in highlights])  # {} unless the library shares
    if ctx.json:
        data = article.to_json(with_text=True)
        data["highlights"] = [h.to_json() for h in highlights]  # start/end: code points of "text"
        for item in data["highlights"]:
            info = shared.get(int(item["id"]))
            if info is not None:  # DESIGN §6: a highlight in a shared library has `by` and `history`
                item["by"] = info.by
                item["history"] = [entry.to_json() for entry in info.history]
        data["note"] = note
        data["tags"] = tags
        data["collections"] = collections
        ctx.emit_json(data)
        return 0
    print(article.title, file=ctx.out)
    byline = " · ".join(x for x in (article.author, article.outlet, article.published, article.url) if x)
    if byline:
        print(byline, file=ctx.out)
    if tags:
        print("tags: " + ", ".join(tags), file=ctx.out)
    if collections:
        print("collections: " + ", ".join(collections), file=ctx.out)
    print(file=ctx.out)
    print(article.text, file=ctx.out)
    if note:
        print(f"\nnote:\n{note}", file=ctx.out)
    if highlights:
        print(f"\nhighlights ({len(highlights)}):", file=ctx.out)
    for h in highlights:
        where = "orphan" if h.orphan else f"[{h.start}, {h.end})"
        line = f"  {h.id:>5}  {where:<14} {h.color:<10} {h.exact}"
        if h.note:
            line += f"  — {h.note}"
        if h.tags:
            line += "  #" + " #".join(h.tags)
        info = shared.get(h.id)
        if info is not None:
            line += f"  (by {info.by})"
        print(line, file=ctx.out)
        for entry in info.history if info is not None else []:
            print(f"         edited at the same time by {entry.by} ({entry.at}): {entry.note}", file=ctx.out)
    return 0

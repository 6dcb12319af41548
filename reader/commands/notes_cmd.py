"""`hawamish notes`: every highlight and its note, filtered, sorted and grouped (DESIGN §6).

The filtering, sorting and grouping are reader.core.notes (`Library.notes`); this module only checks the
options and prints.
"""

from __future__ import annotations

import argparse

from reader.commands.list_cmd import date_option
from reader.core.notes import GROUP_KEYS, SORT_KEYS, NoteGroup, NotesFilter

QUOTE_CHARS = 200
INDENT = "  "
#: Headings of the '' groups (highlights without a value).
NO_VALUE = {
    "tag": "(untagged)",
    "author": "(no author)",
    "outlet": "(no outlet)",
    "collection": "(in no collection)",
    "month": "(no date)",
}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "notes",
        parents=[common],
        help="list highlights and their notes",
        description="List the library's highlights and notes, by article then position, or grouped.",
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="T", help="only highlights tagged T (repeatable)"
    )
    parser.add_argument(
        "--color", action="append", default=[], metavar="KEY", help="only this colour label (repeatable)"
    )
    parser.add_argument("--author", default="", metavar="A", help="articles whose author contains A")
    parser.add_argument(
        "--by", default="", metavar="NAME", help="in a shared library, highlights made by NAME (a part of it)"
    )
    parser.add_argument("--outlet", default="", metavar="O", help="articles whose outlet contains O")
    parser.add_argument("--collection", default="", metavar="C", help="articles in collection C")
    parser.add_argument(
        "--since", default="", metavar="DATE", help="articles published on or after (2015, 2015-07, ...)"
    )
    parser.add_argument(
        "--until", default="", metavar="DATE", help="articles published on or before (the whole period)"
    )
    parser.add_argument(
        "--query",
        default="",
        metavar="TEXT",
        help="words in the quote, note, tags, title, author or outlet (Arabic folded as search does)",
    )
    parser.add_argument(
        "--group-by",
        choices=GROUP_KEYS,
        help="one heading per tag, colour, article, author, outlet, collection or month (of the article)",
    )
    parser.add_argument(
        "--sort",
        choices=SORT_KEYS,
        default="position",
        help="position (article, then place; the default), date (the article's) or created (newest first)",
    )
    parser.set_defaults(func=run)


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line: whitespace runs (newlines included) as one space, cut to `limit` characters with '…'."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _label(group: NoteGroup, group_by: str | None) -> str | None:
    if group_by is None:
        return None
    if group.key == "" and group_by in NO_VALUE:
        return NO_VALUE[group_by]
    return group.label


def _heading(group: NoteGroup, group_by: str) -> str:
    label = _label(group, group_by) or ""
    if group_by == "color":
        return label if label == group.key else f"{label} ({group.key})"
    return label


def _group_json(group: NoteGroup, group_by: str | None) -> dict[str, object]:
    """A group in DESIGN §6's names (`group`: the value grouped on, '' for none, null ungrouped; `items`) and
    the earlier ones (`key`, `label`, `highlights`), which scripts already read."""
    highlights = [item.to_json() for item in group.items]
    return {
        "group": group.key,
        "items": highlights,
        "key": group.key,
        "label": _label(group, group_by),
        "highlights": highlights,
    }


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    unknown = library.unknown_colors(args.color)
    if unknown:
        valid = ", ".join(library.labels.keys())
        ctx.error(f"notes: unknown colour label {', '.join(unknown)}; valid keys: {valid}")
        return 2
    selection = NotesFilter(
        text=args.query,
        tags=tuple(args.tag),
        colors=tuple(args.color),
        author=args.author,
        outlet=args.outlet,
        collection=args.collection,
        since=date_option(args.since, "since"),
        until=date_option(args.until, "until"),
        by=args.by,
    )
    groups = library.notes(selection, group_by=args.group_by, sort=args.sort)
    if ctx.json:
        ctx.emit_json(
            {
                "group_by": args.group_by,
                "sort": args.sort,
                "groups": [_group_json(g, args.group_by) for g in groups],
            }
        )
        return 0
    if not any(g.items for g in groups):
        print("no highlights", file=ctx.out)
        return 0
    indent = INDENT if args.group_by else ""
    for n, group in enumerate(groups):
        if args.group_by:
            if n:
                print(file=ctx.out)
            print(_heading(group, args.group_by), file=ctx.out)
        for item in group.items:
            h = item.highlight
            mark = " [orphan]" if h.orphan else ""
            print(f"{indent}{h.article_id}#{h.id}{mark}  {shorten(h.exact)}", file=ctx.out)
            for line in h.note.strip().splitlines():
                print(f"{indent}{INDENT * 2}{line}".rstrip(), file=ctx.out)
    return 0

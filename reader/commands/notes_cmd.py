"""`hawamish notes`: every highlight and its note, filtered by tag and colour, grouped (DESIGN §6).

The filtering and grouping are reader.core.notes.group_highlights; this module only checks the options and
prints.
"""

from __future__ import annotations

import argparse

from reader.core.notes import GROUP_KEYS, NoteGroup

QUOTE_CHARS = 200
INDENT = "  "
#: Headings of the '' groups (highlights without a value).
NO_VALUE = {"tag": "(untagged)", "author": "(no author)", "outlet": "(no outlet)"}


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
    parser.add_argument(
        "--group-by", choices=GROUP_KEYS, help="one heading per tag, colour, article, author or outlet"
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


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    unknown = library.unknown_colors(args.color)
    if unknown:
        valid = ", ".join(library.labels.keys())
        ctx.error(f"notes: unknown colour label {', '.join(unknown)}; valid keys: {valid}")
        return 2
    groups = library.notes(tags=args.tag, colors=args.color, group_by=args.group_by)
    if ctx.json:
        ctx.emit_json(
            {
                "group_by": args.group_by,
                "groups": [
                    {
                        "key": g.key,
                        "label": _label(g, args.group_by),
                        "highlights": [item.to_json() for item in g.items],
                    }
                    for g in groups
                ],
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

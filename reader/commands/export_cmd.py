"""`hawamish export [ID...|--all|--tag T|--page PAGE] --format pdf|md|html|csv|json -o PATH` (DESIGN §6, docs/export.md).

The file is written atomically: a failure (unwritable folder, full disk) leaves an older file of the same
name untouched and exits 1 with the reason on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import EXTENSIONS, FORMATS, PAGE_FORMATS, PAGE_SIZES, SORTS, ExportRequest
from reader.core.exporters.phrases import LANGUAGES

EXIT_USAGE = 2


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="export highlights and notes to PDF, Markdown, HTML, CSV or JSON",
        description="Export the notes of the given articles (or --all, or articles tagged T) to one file.",
    )
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help="articles to export")
    parser.add_argument("--all", action="store_true", dest="all_articles", help="every article with notes")
    parser.add_argument("--tag", metavar="T", help="articles tagged T (or with a highlight tagged T)")
    parser.add_argument(
        "--page",
        metavar="PAGE",
        help="a research page (id or title) with its quotes and references: pdf or md",
    )
    parser.add_argument(
        "--color",
        action="append",
        default=[],
        metavar="KEY",
        help="only highlights with this colour label (repeatable)",
    )
    parser.add_argument(
        "--only-tag",
        action="append",
        default=[],
        metavar="T",
        help="only highlights carrying this tag (repeatable)",
    )
    parser.add_argument(
        "--sort", choices=SORTS, default="position", help="highlight order (default: position)"
    )
    parser.add_argument(
        "--with-text", action="store_true", help="add the article text with highlights marked"
    )
    parser.add_argument("--page-size", choices=PAGE_SIZES, default="A4", help="PDF page size (default: A4)")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the export's own words (headings, label names, dates); "
        "default: ar when most exported articles are Arabic, else en",
    )
    parser.add_argument(
        "--mine",
        action="store_true",
        help="in a shared library, leave out the highlights and notes other members made",
    )
    parser.add_argument("--format", choices=FORMATS, help="file format (default: from the -o extension)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PATH", help="the file to write")
    parser.set_defaults(func=run)


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        return args.format
    suffix = args.output.suffix.lower()
    aliases = {".markdown": "md", ".htm": "html"}
    return aliases.get(suffix) or next((f for f, ext in EXTENSIONS.items() if ext == suffix), None)


def run(args: argparse.Namespace, ctx) -> int:
    scopes = sum((bool(args.ids), bool(args.all_articles), args.tag is not None, args.page is not None))
    if scopes != 1:
        ctx.error("export: name article IDs, or --all, or --tag T, or --page PAGE (exactly one)")
        return EXIT_USAGE
    fmt = _format(args)
    if fmt is None:
        ctx.error(
            f"export: choose --format ({', '.join(FORMATS)}); {args.output.suffix or 'no extension'} "
            "does not say"
        )
        return EXIT_USAGE
    if args.page is not None and fmt not in PAGE_FORMATS:
        ctx.error(f"export: a page exports to {' or '.join(PAGE_FORMATS)}, not {fmt}")
        return EXIT_USAGE
    request = ExportRequest(
        format=fmt,
        article_ids=tuple(args.ids),
        all_articles=bool(args.all_articles),
        tag=args.tag,
        colors=tuple(args.color),
        tags=tuple(args.only_tag),
        sort=args.sort,
        include_article_text=bool(args.with_text),
        page_size=args.page_size,
        language=args.lang,
        page=args.page,
        others=not args.mine,
    )
    library = ctx.library
    known = set(library.labels.keys())
    unknown = [c for c in args.color if c not in known]
    if unknown:
        raise HawamishError(
            ErrorCode.UNKNOWN_LABEL, detail=f"{unknown[0]!r}; known: {', '.join(sorted(known))}"
        )
    summary = library.export(request, args.output)
    if ctx.json:
        ctx.emit_json(summary.to_json())
    else:
        from reader.messages import counted

        pages = f", {counted(summary.pages, 'page')}" if summary.pages else ""
        if args.page is not None:
            print(
                f"exported {counted(summary.highlights, 'quote')} to {summary.path} ({summary.format}{pages})",
                file=ctx.out,
            )
            return 0
        print(
            f"exported {counted(summary.highlights, 'highlight')} from {counted(summary.articles, 'article')} "
            f"to {summary.path} ({summary.format}{pages})",
            file=ctx.out,
        )
    return 0

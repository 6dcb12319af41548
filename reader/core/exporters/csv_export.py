"""CSV export: one row per highlight, for spreadsheets and scripts.

UTF-8 with a byte-order mark, because spreadsheet programs otherwise guess a legacy code page and show
Arabic as mojibake; the csv module does the quoting (notes hold commas, quotes and newlines).

A text cell that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return:
a note "=HYPERLINK(...)" from a pasted web page, or a Markdown list "- point") gets a leading apostrophe,
as OWASP advises against CSV injection; spreadsheets then show it as text. Numbers are written as they are.
"""

from __future__ import annotations

import csv
import io

from reader.core.exporters.collect import Cancel, ExportDocument, Progress, walk

COLUMNS = (
    "article",
    "author",
    "outlet",
    "date",
    "url",
    "paragraph",
    "color_label",
    "color",
    "quote",
    "note",
    "tags",
    "article_id",
    "highlight_id",
    "start",
    "end",
    "created",
    "updated",
)


#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: object) -> object:
    """`value` as a spreadsheet will show it: text that would start a formula is prefixed with "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render(
    document: ExportDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, None]:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    # a grouped notebook selection gets a first column naming each row's group
    grouped = any(article.section for article in document.articles)
    writer.writerow(("group", *COLUMNS) if grouped else COLUMNS)
    for article in walk(document, progress, cancel):
        for h in article.highlights:
            writer.writerow(
                as_text_cell(cell)
                for cell in (
                    *((article.section,) if grouped else ()),
                    article.title,
                    article.author,
                    article.outlet,
                    article.published,
                    article.url,
                    "" if h.paragraph is None else h.paragraph,
                    document.label_name(h.label),
                    h.color,
                    h.exact,
                    h.note,
                    "; ".join(h.tags),
                    article.id,
                    h.id,
                    h.start,
                    h.end,
                    h.created,
                    h.updated,
                )
            )
    return buffer.getvalue().encode("utf-8-sig"), None

"""CSV export: one row per highlight, for spreadsheets and scripts.

UTF-8 with a byte-order mark, because spreadsheet programs otherwise guess a legacy code page and show
Arabic as mojibake; the csv module does the quoting (notes hold commas, quotes and newlines).
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


def render(document: ExportDocument, *, progress: Progress | None = None,
           cancel: Cancel | None = None) -> tuple[bytes, None]:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for article in walk(document, progress, cancel):
        for h in article.highlights:
            writer.writerow(
                (
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

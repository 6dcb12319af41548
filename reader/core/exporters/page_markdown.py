"""A research page as Markdown for Obsidian and similar vaults: the page's own Markdown as written, each
quote a `>` block quote ending in a footnote reference `[^n]`, the footnotes (citations in the page's
language, reader.core.citations) at the end. A deleted highlight's quote stays as a line saying so."""

from __future__ import annotations

import json

from reader.core.citations import plain_citation
from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters.collect import Cancel, Progress
from reader.core.exporters.markdown import escape
from reader.core.exporters.page_document import NumberedQuote, PageDocument
from reader.core.exporters.phrases import strip_isolates
from reader.core.pages import QuoteState


def _front_matter(document: PageDocument) -> list[str]:
    return [
        "---",
        f"title: {json.dumps(document.title, ensure_ascii=False)}",
        f"exported: {json.dumps(document.exported_at)}",
        f"quotes: {len(document.notes)}",
        "---",
        "",
    ]


def _quote(document: PageDocument, block: NumberedQuote) -> list[str]:
    if block.number is None:
        return [
            f"> *{escape(strip_isolates(document.phrase('quote_deleted', id=block.quote.highlight_id)))}*",
            "",
        ]
    lines = [escape(line) for line in block.quote.exact.splitlines() if line.strip()] or [""]
    lines[-1] += f"[^{block.number}]"
    out = [f"> {line}" for line in lines]
    if block.quote.state == QuoteState.ORPHAN:
        out += [">", f"> *{escape(document.phrase('quote_orphan'))}*"]
    return [*out, ""]


def render(
    document: PageDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, None]:
    lines = [*_front_matter(document), f"# {escape(document.title)}", ""]
    total = len(document.blocks)
    for done, block in enumerate(document.blocks, start=1):
        if cancel is not None and cancel():
            raise HawamishError(ErrorCode.CANCELLED)
        if isinstance(block, NumberedQuote):
            lines += _quote(document, block)
        else:
            lines += [block.markdown, ""]
        if progress is not None:
            progress(done, total)
    for note in document.notes:
        assert note.passage is not None  # numbered quotes have a passage
        cite = plain_citation(note.passage, document.language, accessed=document.accessed, with_quote=False)
        lines.append(f"[^{note.number}]: {cite}")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8"), None

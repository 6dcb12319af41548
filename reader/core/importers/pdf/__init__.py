"""PDF articles: the text layer, in logical order, repaired, rebuilt into headings and paragraphs.

pypdf (BSD-3-Clause, pure Python) reads the file; it is imported with the first PDF, never at start-up.
The steps, one module each:

1. text_layer: positioned pieces of text, grouped into lines in visual order (left to right), within a size,
   page and time budget (unmapped_glyphs first makes glyphs without Unicode read as U+FFFD);
2. reading_order: each line in logical order; a document whose Arabic reads reversed is flipped back;
3. arabic_repairs: presentation forms normalised, the lam-alef, kashida and haraka breakages repaired;
4. paragraphs: running headers, footers and page numbers dropped; headings and paragraphs rebuilt;
5. metadata: title, author and date from the document information where plausible.

A scanned PDF (pages that are pictures) has no text to read and is refused as EMPTY: recognising text in
images is another tool's job. docs/import.md describes each rule and what was measured.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.pdf.arabic_repairs import ArabicRepairs
from reader.core.importers.pdf.metadata import plausible_author, plausible_date, plausible_title
from reader.core.importers.pdf.paragraphs import build_blocks, drop_running_lines
from reader.core.importers.pdf.reading_order import (
    flip_line,
    is_rtl_line,
    reads_reversed,
    visual_to_logical,
)
from reader.core.importers.pdf.text_layer import read_text_layer
from reader.core.importers.plain_text import shorten_title
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text, detect_language

NO_TEXT_LAYER = "no text layer (scanned pages are not supported)"
NO_UNICODE = "the fonts do not say which characters their glyphs are"

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

__all__ = ["NO_TEXT_LAYER", "NO_UNICODE", "read_pdf"]


def read_pdf(path: Path) -> tuple[ArticleMeta, list[Block]]:
    """Metadata and blocks of the PDF at `path` (raises HawamishError: EMPTY, MALFORMED, TOO_LARGE, ...)."""
    path = Path(path)
    layer = read_text_layer(path)
    lines = [line for page in layer.pages for line in page]
    for line in lines:
        line.text = visual_to_logical(" ".join(_CONTROL.sub("", line.text).split()))
    if reads_reversed(line.text for line in lines):
        for line in lines:
            line.text = flip_line(line.text)
    repairs = ArabicRepairs.for_text(line.text for line in lines)
    for line in lines:
        line.text = " ".join(repairs.apply(line.text).split())
        line.rtl = is_rtl_line(line.text)
    pages = [[line for line in page if line.text] for page in layer.pages]
    if not any(pages):
        raise HawamishError(ErrorCode.NO_TEXT_LAYER, str(path), NO_TEXT_LAYER)
    shown = "".join(line.text for page in pages for line in page).replace(" ", "")
    if shown.count("\ufffd") * 2 > len(shown):
        raise HawamishError(ErrorCode.EMPTY, str(path), NO_UNICODE)
    running = drop_running_lines(pages)
    blocks = build_blocks(running.pages)
    if not blocks:
        raise HawamishError(ErrorCode.EMPTY, str(path), "only running headers and page numbers")

    title = plausible_title(layer.info.get("title", ""))
    if blocks[0].kind is BlockKind.HEADING and len(blocks) > 1 and (not title or blocks[0].text == title):
        title = blocks.pop(0).text  # the leading heading is the title: not repeated in the body
    if not title:
        first_heading = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
        title = shorten_title(first_heading) if first_heading else path.stem
    meta = ArticleMeta(
        title=title,
        author=plausible_author(layer.info.get("author", "")),
        url=running.url,
        published=plausible_date(layer.info.get("creation_date", "")),
        language=detect_language(canonical_text(blocks)),
        source_path=str(path.resolve()),
    )
    return meta, blocks

"""One saved page, bytes to article: decode, parse, read the metadata, extract the main text, merge.

The markup's own statements (reader.core.importers.html.metadata) win over trafilatura's heuristics for
the title, authors, outlet, date and URL (htmldate dates a page that states none); the language is the
page's declaration unless the text contradicts it (an Arabic article in a template that says `lang="en"`),
in which case it is left for the library to detect from the text. A page whose JSON-LD `articleBody` is far
longer than what trafilatura found renders its article with a script ("Save as: HTML only" of such a
site): the article body is then that text.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import title_from_file_name
from reader.core.importers.html.charset import decode_page
from reader.core.importers.html.extract import extract_article, text_blocks
from reader.core.importers.html.metadata import (
    join_authors,
    page_metadata,
    text_key,
    unique_names,
    without_site_name,
)
from reader.core.importers.html.tree import parse_page
from reader.core.importers.plain_text import shorten_title
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text, detect_language


def import_page(
    data: bytes, path: Path, *, charset: str | None = None, location: str = ""
) -> tuple[ArticleMeta, list[Block]]:
    """The article in the page `data` read from `path`. `charset` and `location` are what a container
    (an MHTML part) says about the page: its encoding and the URL it was saved from.

    Raises HawamishError: EMPTY (no article text found), BINARY, UNDECODABLE, MALFORMED, TOO_LARGE.
    """
    where = str(path)
    root = parse_page(decode_page(data, where, charset=charset), where)
    stated = page_metadata(root, base_url=location)
    found = extract_article(root, url=stated.url or location, where=where)
    blocks = found.blocks
    if stated.article_body:
        stated_blocks = text_blocks(stated.article_body)
        if _words(stated_blocks) > 2 * _words(blocks) + 20:
            blocks = stated_blocks  # the page renders its text with a script: only JSON-LD has it all
    if not blocks:
        raise HawamishError(ErrorCode.NO_ARTICLE_TEXT, where, "no article text found in the page")
    outlet = stated.outlet or found.outlet
    title = without_site_name(stated.title or found.title, outlet)
    if (
        blocks[0].kind is BlockKind.HEADING
        and len(blocks) > 1
        and text_key(blocks[0].text) == text_key(title)
    ):
        blocks = blocks[1:]  # the title heading: shown as the title, not again as the first block
    if not title:
        heading = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
        title = heading or title_from_file_name(path) or shorten_title(blocks[0].text)
    sites = stated.site_names | {outlet.casefold()}
    meta = ArticleMeta(
        title=title,
        author=join_authors(_writers(stated.authors, sites) or _writers(found.authors, sites)),
        outlet=outlet,
        url=stated.url or found.url or location,
        published=stated.published or found.published,
        language=_checked_language(stated.language, blocks),
        source_path=str(path.resolve()),
    )
    return meta, blocks


def _writers(names: list[str], site_names: set[str]) -> list[str]:
    """The authors that are people: once each, without the site or its publisher named as an author."""
    return [name for name in unique_names(names) if name.casefold() not in site_names]


def _words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


def _checked_language(declared: str, blocks: list[Block]) -> str:
    """The declared language, unless the text is Arabic and the page says otherwise (or the reverse)."""
    if not declared:
        return ""
    detected = detect_language(canonical_text(blocks[:50]))
    return declared if (declared == "ar") == (detected == "ar") else ""

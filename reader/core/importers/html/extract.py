"""The article in a page, by trafilatura: its main text as blocks, and what trafilatura reads around it.

trafilatura (chosen over readability-lxml on the pages of ../shared/html, docs/import.md) drops menus,
share bars, related links, cookie banners and, with `include_comments=False`, comments. Its XML keeps the
structure we need: `<head rend="h2">` headings, `<p>` paragraphs, `<quote>` block quotes, `<list><item>`
lists (nested), `<table><row><cell>`, `<code>`, and `<lb/>` line breaks. Every paragraph or quote line
between two `<lb/>` becomes a block of its own (poems, interview questions and answers, pages written with
`<br><br>` instead of paragraphs); in a heading or a list item a break is a space. A block is one line:
entities decoded, whitespace collapsed, no invisible junk at its ends.

trafilatura is imported on the first page read, never when a library opens (it costs half a second). It is
given the parsed tree, never a URL: nothing here downloads anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import normalise_date, split_lines
from reader.core.importers.html.metadata import one_line, split_authors
from reader.core.text import Block, BlockKind

#: trafilatura's settings (measured in benchmarks/bench_html_extraction.py, docs/import.md): its default,
#: balanced mode with its fallbacks. favor_precision drops lines of the article on some pages (recall 0.986 ->
#: 0.969 on fundus's), favor_recall lets in more furniture, and the fallbacks rescue unusual pages.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
    "fast": False,
}
#: htmldate: the date the page says it was published (not last modified), from its markup and URL only;
#: the extensive search through free text finds too many wrong dates.
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}

#: Deeper than this many levels of lists in lists (or quotes in quotes) a subtree is read as one block.
_MAX_NESTING = 40
_HTML_IN_TEXT = re.compile(r"</?(?:p|br|div|h[1-6]|li|blockquote)\b[^<>]{0,200}>", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\b[^<>]{0,200}>|</(?:p|div|h[1-6]|li|blockquote)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu", "button", "dialog"})
#: Words of a class or id that name page furniture (whole words: "commentary" is an article).
_FURNITURE_NAMES = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "sidebar", "breadcrumb",
        "breadcrumbs", "comment", "comments", "share", "sharing", "social", "related", "newsletter",
        "subscribe", "subscription", "gdpr", "banner", "ad", "ads", "advert", "advertisement", "sponsored",
        "promo",
    }
)  # fmt: skip
_BLOCK_TAGS = frozenset({"p", "head", "quote", "list", "item", "table", "row", "cell", "code", "div", "done"})


@dataclass(slots=True)
class Extraction:
    """The article's blocks and trafilatura's reading of the page's metadata (heuristics included)."""

    blocks: list[Block]
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str = ""
    outlet: str = ""
    url: str = ""


def extract_article(root: HtmlElement, *, url: str, where: str | None) -> Extraction:
    """The main text of the page `root` (raises MALFORMED when trafilatura fails on it)."""
    import trafilatura

    try:
        found = trafilatura.extract_metadata(root, default_url=url or None, date_config=dict(DATE_PARAMS))
        document = trafilatura.bare_extraction(
            root, url=url or None, output_format="xml", with_metadata=False, **TRAFILATURA_OPTIONS
        )
    except Exception as exc:  # any failure of trafilatura, htmldate or lxml on an odd page is this page's
        raise HawamishError(
            ErrorCode.MALFORMED, where, f"extraction failed: {type(exc).__name__}: {exc}"
        ) from None
    body = getattr(document, "body", None)
    blocks = body_blocks(body) if body is not None else []
    return Extraction(
        blocks=blocks,
        title=one_line(found.title),
        authors=split_authors(found.author or ""),
        published=normalise_date(found.date or ""),
        outlet=one_line(found.sitename),
        url=one_line(found.url),
    )


def body_blocks(body: Any) -> list[Block]:
    """The blocks of trafilatura's XML `<body>`, in order, without the page furniture its fallbacks may
    bring back (a `<nav>`, a cookie banner: the whole text of a page that has no article)."""
    blocks: list[Block] = []
    _container(body, blocks, BlockKind.PARAGRAPH, 0)
    return blocks


def text_blocks(text: str) -> list[Block]:
    """Paragraphs of a body given as text (a JSON-LD `articleBody`): one a line, HTML in it reduced to text."""
    if _HTML_IN_TEXT.search(text):
        text = _TAG.sub("", _HTML_BREAK.sub("\n", text))
    return [
        Block(BlockKind.PARAGRAPH, line) for line in (block_text([raw]) for raw in split_lines(text)) if line
    ]


def block_text(pieces: list[str]) -> str:
    """One line from text pieces: entities decoded, whitespace runs as one space, clean edges."""
    return one_line("".join(pieces))


def _add(blocks: list[Block], kind: BlockKind, pieces: list[str], level: int = 0) -> None:
    text = block_text(pieces)
    if text:
        blocks.append(Block(kind, text, level if kind in (BlockKind.HEADING, BlockKind.LIST_ITEM) else 0))


def _container(element: Any, blocks: list[Block], kind: BlockKind, depth: int) -> None:
    """A container's loose text and children; loose text between block children is a paragraph."""
    _inline(element, blocks, kind, 0, depth)


def _furniture(element: Any) -> bool:
    """Whether `element` is navigation, a banner, a share bar, comments... by its tag, class or id.

    trafilatura's own XML has none of these; its fallbacks (readability, jusText, the baseline) return
    elements of the page as they were, and on a page without an article, only these are left."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _FURNITURE_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if not names.strip():
        return False
    return (
        "cookie" in names
        or "consent" in names
        or not _FURNITURE_NAMES.isdisjoint(re.split(r"[-_\s]+", names))
    )


def _block(element: Any, blocks: list[Block], kind: BlockKind, level: int, depth: int) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if _furniture(element):
        return
    if depth > _MAX_NESTING:
        _add(blocks, kind, list(element.itertext()), level)
    elif tag == "head":
        _inline(element, blocks, BlockKind.HEADING, _heading_level(element), depth)
    elif tag == "quote":
        _inline(element, blocks, BlockKind.QUOTE, 0, depth)
    elif tag == "list":
        for child in element:
            if child.tag == "item":
                _inline(child, blocks, BlockKind.LIST_ITEM, level + 1, depth + 1)
            else:
                _block(child, blocks, kind, level + 1, depth + 1)
            _add(blocks, kind, [child.tail or ""])
    elif tag == "table":
        for row in element.iter("row"):
            cells = [block_text(list(cell.itertext())) for cell in row.iter("cell")]
            _add(blocks, BlockKind.PARAGRAPH, [" | ".join(c for c in cells if c)])
    elif tag == "code":
        for line in "".join(element.itertext()).splitlines():
            _add(blocks, kind, [line])
    elif tag != "graphic":  # p, an item outside a list, div and anything trafilatura left untyped
        _inline(element, blocks, kind, level, depth)


def _inline(element: Any, blocks: list[Block], kind: BlockKind, level: int, depth: int) -> None:
    """The text of `element` and of its inline children as blocks of `kind`. `<lb/>` ends a block of a
    paragraph or quote (it is a space in a heading or list item); a block child ends the run and is read
    as a block of its own. Walked without recursion: inline elements may nest deeply."""
    if _furniture(element):
        return
    splits = kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE)
    nested = BlockKind.PARAGRAPH if kind is BlockKind.HEADING else kind  # a <p> in a quote or item stays one
    pieces: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, child in walker:
        if child is element:
            if event == "start":
                pieces.append(child.text or "")
            continue
        if event == "end":
            pieces.append(child.tail or "")
            continue
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            if splits:
                _add(blocks, kind, pieces, level)
                pieces = []
            else:
                pieces.append(" ")
        elif tag in _BLOCK_TAGS or tag == "graphic":
            _add(blocks, kind, pieces, level)
            pieces = []
            _block(child, blocks, nested, level, depth + 1)
            walker.skip_subtree()
        elif _furniture(child):
            walker.skip_subtree()
        else:  # hi, ref, del, span and unknown inline elements: their text belongs to this run
            pieces.append(child.text or "")
    _add(blocks, kind, pieces, level)


def _heading_level(element: Any) -> int:
    rend = element.get("rend") or ""
    return int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 2

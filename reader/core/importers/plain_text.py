"""Plain text articles: the first non-empty line is the title, every other non-empty line a paragraph.

This is the shape of the seed article and of the newspaper corpora (title line, then one paragraph a line,
sometimes with blank lines between). Blank lines and single newlines both separate paragraphs, so both
conventions import the same way, and no paragraph is merged with its neighbour or dropped. Texts scraped
from web pages often keep HTML character references (`&quot;موبايلي&quot;`, `caf&#233;`): they are decoded.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import clean_edges, decode_entities, non_blank_lines
from reader.core.importers.decoding import read_text
from reader.core.importers.trec import looks_like_trec, parse_trec
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

#: A first line longer than this is a paragraph, not a title (a file that starts straight with the body).
MAX_TITLE_CHARS = 250


def parse_plain_text(text: str, path: Path | None = None) -> tuple[ArticleMeta, list[Block]]:
    """Title and paragraph blocks of a plain text article (raises EMPTY when there is no text)."""
    where = str(path) if path is not None else None
    lines = [clean_edges(decode_entities(line)) for line in non_blank_lines(text, where)]
    lines = [line for line in lines if line]
    if not lines:
        raise HawamishError(ErrorCode.EMPTY, where, "only whitespace")
    first = lines[0]
    if len(first) <= MAX_TITLE_CHARS and len(lines) > 1:
        title, body = first, lines[1:]
    else:  # one line only, or no title line: keep every line in the body and name the article after it
        title, body = shorten_title(first), lines
    meta = ArticleMeta(title=title, source_path=str(path.resolve()) if path is not None else "")
    return meta, [Block(BlockKind.PARAGRAPH, line) for line in body]


def shorten_title(text: str, limit: int = 80) -> str:
    """A title made from the start of a long line, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def read_plain_text(path: Path) -> tuple[ArticleMeta, list[Block]]:
    text = read_text(path)
    if looks_like_trec(text):
        return parse_trec(text, path)
    return parse_plain_text(text, path)

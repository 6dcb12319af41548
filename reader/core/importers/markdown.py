"""Markdown articles: headings, paragraphs, quotes and list items become blocks; inline markup becomes text.

Researchers keep clippings as Markdown with a small front matter block (title, author, date, url, outlet,
language). The front matter is read without a YAML dependency: only flat `key: value` lines are meaningful
for an article's metadata, and a YAML parser would accept far more than we could use.

Every block's text is what a reader sees (emphasis, links and code lose their markup; an image keeps its alt
text), so highlight offsets refer to visible text. Soft and hard line breaks become spaces: a block holds no
newline (reader.core.text). The title is the front matter's, else the first heading, else the file name;
a leading heading that served as the title is not repeated as the first block.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import (
    MAX_BLOCKS,
    clean_edges,
    normalise_date,
    split_lines,
    title_from_file_name,
)
from reader.core.importers.decoding import read_text
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

_FRONT_MATTER_KEYS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "source_url": "url",
    "outlet": "outlet",
    "publication": "outlet",
    "source": "outlet",
    "language": "language",
    "lang": "language",
}
_FENCE = re.compile(r"^(---|\.\.\.)\s*$")
_TAG = re.compile(r"<[^>]*>")
_LANGUAGE_NAMES = {"arabic": "ar", "english": "en", "العربية": "ar"}


@functools.cache
def _markdown() -> MarkdownIt:
    """The parser, built on first use (not at import time) and kept."""
    return MarkdownIt("commonmark")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(front matter fields, Markdown body). Without a closed `---` block the whole text is the body."""
    lines = split_lines(text)
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if _FENCE.match(lines[end]):
            break
    else:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if not sep or line[:1].isspace() or key.strip().startswith("#"):
            continue
        fields[key.strip().lower()] = _unquote(value.strip())
    return fields, "\n".join(lines[end + 1 :])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value


def normalise_language(value: str) -> str:
    value = value.strip().lower()
    if value in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[value]
    return re.split(r"[-_]", value)[0] if value else ""


def _inline_text(token: Token) -> str:
    """The visible text of an inline token: markup dropped, breaks as spaces, images as their alt text."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return clean_edges("".join(parts))


def markdown_blocks(body: str) -> list[Block]:
    """The blocks of a Markdown body, in document order."""
    blocks: list[Block] = []
    quote_depth = 0
    list_depth = 0
    heading_level = 0
    for token in _markdown().parse(body):
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "inline":
            text = _inline_text(token)
            if not text:
                continue
            if heading_level:
                blocks.append(Block(BlockKind.HEADING, text, heading_level))
            elif list_depth:
                blocks.append(Block(BlockKind.LIST_ITEM, text, list_depth))
            elif quote_depth:
                blocks.append(Block(BlockKind.QUOTE, text))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, text))
        elif kind in ("fence", "code_block", "html_block"):
            content = _TAG.sub("", token.content) if kind == "html_block" else token.content
            block_kind = BlockKind.QUOTE if quote_depth else BlockKind.PARAGRAPH
            for raw in split_lines(content):
                line = clean_edges(raw)
                if line:
                    blocks.append(Block(block_kind, line))
    return blocks


#: Lines a Markdown file may have: markdown-it's time and memory grow with them (two million one-letter
#: lines, one paragraph, took over 10 CPU seconds and 350 MB); a 20 MB book wrapped at 72 columns has 280,000.
MAX_MARKDOWN_LINES = 400_000


def parse_markdown(text: str, path: Path | None = None) -> tuple[ArticleMeta, list[Block]]:
    where = str(path) if path is not None else None
    if text.count("\n") > MAX_MARKDOWN_LINES:
        raise HawamishError(ErrorCode.TOO_LARGE, where, f"more than {MAX_MARKDOWN_LINES} lines")
    fields, body = split_front_matter(text)
    blocks = markdown_blocks(body)
    if len(blocks) > MAX_BLOCKS:
        raise HawamishError(ErrorCode.TOO_LARGE, where, f"more than {MAX_BLOCKS} paragraphs")
    meta = ArticleMeta(title="", source_path=str(path.resolve()) if path is not None else "")
    for key, value in fields.items():
        attr = _FRONT_MATTER_KEYS.get(key)
        if attr and value and not getattr(meta, attr):
            setattr(meta, attr, clean_edges(value))
    meta.published = normalise_date(meta.published) if meta.published else ""
    meta.language = normalise_language(meta.language)
    first_heading = next((b for b in blocks if b.kind is BlockKind.HEADING), None)
    if not meta.title and first_heading is not None:
        meta.title = first_heading.text
    if blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].text == meta.title and len(blocks) > 1:
        blocks = blocks[1:]  # the title heading: shown as the title, not again as the first block
    if not meta.title:
        meta.title = title_from_file_name(path) if path is not None else ""
    if not blocks:
        raise HawamishError(ErrorCode.EMPTY, where, "no text blocks")
    if not meta.title:
        meta.title = blocks[0].text[:80]
    return meta, blocks


def read_markdown(path: Path) -> tuple[ArticleMeta, list[Block]]:
    return parse_markdown(read_text(path), path)

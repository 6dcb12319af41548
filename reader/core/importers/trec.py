"""`.txt` files in the TREC/CLEF `<DOC>` layout (the ANT corpus of Arabic news, many IR test collections).

They are not strict XML (raw `&`, `<` in text), so each known tag is found with a forgiving pattern rather
than an XML parser. Without this, such a file would import with `<DOC>` as its title and tags as paragraphs.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import clean_edges, normalise_date, split_lines
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

_START = re.compile(r"^\s*<DOC>", re.IGNORECASE)


def looks_like_trec(text: str) -> bool:
    return bool(_START.match(text[:200]))


def _tag(text: str, name: str) -> str:
    m = re.search(rf"<{name}>(.*?)</{name}>", text, re.IGNORECASE | re.DOTALL)
    return m.group(1) if m else ""


def _date(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    iso = normalise_date(value)
    if iso:
        return iso
    try:  # RFC 2822, as in "Tue, 08 May 2018 11:00:17 +0400"
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def parse_trec(text: str, path: Path | None = None) -> tuple[ArticleMeta, list[Block]]:
    """Title, URL, date, author and outlet from their tags; ABSTRACT then TEXT lines as paragraphs."""
    where = str(path) if path is not None else None
    title = " ".join(clean_edges(line) for line in split_lines(_tag(text, "TITLE"))).strip()
    body = [
        clean_edges(line)
        for part in (_tag(text, "ABSTRACT"), _tag(text, "TEXT"))
        for line in split_lines(part)
    ]
    blocks = [Block(BlockKind.PARAGRAPH, line) for line in body if line]
    if not blocks:
        raise HawamishError(ErrorCode.MALFORMED, where, "<DOC> without <TEXT>")
    meta = ArticleMeta(
        title=title or blocks[0].text[:80],
        author=clean_edges(_tag(text, "AUTHOR")),
        outlet=clean_edges(_tag(text, "SRC")),
        url=clean_edges(_tag(text, "URL")),
        published=_date(_tag(text, "TIME")),
        source_path=str(path.resolve()) if path is not None else "",
    )
    return meta, blocks

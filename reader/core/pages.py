"""Research pages: the quote marker syntax and what a page looks like once its quotes are read (docs/pages.md).

A page's text is Markdown that belongs to no article. A quote is a line of its own holding a marker:

    {{quote 123}}

where 123 is a highlight id. The page stores only the marker, never the quoted words: the words, the article
and its citation are read from the library each time the page is shown or exported, so re-anchoring an
article or correcting a quote shows up in every page that quotes it, and a deleted highlight is shown as
deleted instead of vanishing. A marker inside a fenced code block is text (a page may document the syntax).
Pure functions only: the library service (reader.core.library.pages) does the reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - reader.core.models reads the markers from here
    from reader.core.models import Highlight

#: One marker alone on its line; spaces around it are allowed, anything else on the line makes it text.
MARKER = re.compile(r"^[ \t]*\{\{[ \t]*quote[ \t]+(\d+)[ \t]*\}\}[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")


def quote_marker(highlight_id: int) -> str:
    return f"{{{{quote {int(highlight_id)}}}}}"


@dataclass(frozen=True, slots=True)
class TextPiece:
    """Markdown between quotes (may be several paragraphs)."""

    markdown: str


@dataclass(frozen=True, slots=True)
class QuotePiece:
    highlight_id: int


Piece = TextPiece | QuotePiece


def split_pieces(text: str) -> list[Piece]:
    """The page's Markdown cut at its quote markers, in order; blank text between quotes is dropped."""
    pieces: list[Piece] = []
    lines: list[str] = []
    fence: str | None = None

    def flush() -> None:
        chunk = "\n".join(lines).strip("\n")
        if chunk.strip():
            pieces.append(TextPiece(chunk))
        lines.clear()

    for line in text.splitlines():
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)[0] * 3
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None and (marker := MARKER.match(line)):
            flush()
            pieces.append(QuotePiece(int(marker.group(1))))
            continue
        lines.append(line)
    flush()
    return pieces


def quote_ids(text: str) -> list[int]:
    """The highlight ids a page quotes, in order (a highlight quoted twice is listed twice)."""
    return [p.highlight_id for p in split_pieces(text) if isinstance(p, QuotePiece)]


def append_quotes(text: str, highlight_ids: Iterable[int]) -> str:
    """`text` with a quote block for each id added at the end, each a paragraph of its own."""
    markers = "\n\n".join(quote_marker(i) for i in highlight_ids)
    if not markers:
        return text
    body = text.rstrip("\n")
    return f"{body}\n\n{markers}\n" if body else f"{markers}\n"


def insert_quotes(text: str, position: int, highlight_ids: Iterable[int]) -> tuple[str, int]:
    """`text` with quote markers inserted as their own paragraphs at the line holding character `position`
    (after that line); the new text and the position just after the inserted markers (for a caret)."""
    markers = "\n\n".join(quote_marker(i) for i in highlight_ids)
    if not markers:
        return text, position
    position = max(0, min(position, len(text)))
    line_end = text.find("\n", position)
    cut = len(text) if line_end < 0 else line_end
    before, after = text[:cut].rstrip("\n"), text[cut:].lstrip("\n")
    head = f"{before}\n\n" if before.strip() else ""
    tail = f"\n\n{after}" if after.strip() else "\n"
    new_text = f"{head}{markers}{tail}"
    return new_text, len(head) + len(markers)


class QuoteState(StrEnum):
    LIVE = "live"  # the highlight is placed in its article's current text
    ORPHAN = "orphan"  # the highlight exists but its passage was not found in the current text
    DELETED = "deleted"  # no highlight with that id any more


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """The article a quote comes from, as a citation needs it."""

    article_id: int
    title: str
    author: str
    outlet: str
    published: str
    url: str
    language: str


@dataclass(frozen=True, slots=True)
class RenderedQuote:
    """A quote block read from the library now: the highlight's current words and its article, or DELETED
    (then `highlight` and `source` are None)."""

    highlight_id: int
    state: QuoteState
    highlight: Highlight | None = None
    source: QuoteSource | None = None

    @property
    def exact(self) -> str:
        return self.highlight.exact if self.highlight is not None else ""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"highlight_id": self.highlight_id, "state": str(self.state)}
        if self.highlight is not None and self.source is not None:
            out.update(
                exact=self.highlight.exact,
                note=self.highlight.note,
                article_id=self.source.article_id,
                title=self.source.title,
                author=self.source.author,
                outlet=self.source.outlet,
                published=self.source.published,
                url=self.source.url,
            )
        return out


RenderedBlock = TextPiece | RenderedQuote


@dataclass(frozen=True, slots=True)
class RenderedPage:
    id: int
    title: str
    text: str
    blocks: tuple[RenderedBlock, ...]

    @property
    def quotes(self) -> tuple[RenderedQuote, ...]:
        return tuple(b for b in self.blocks if isinstance(b, RenderedQuote))

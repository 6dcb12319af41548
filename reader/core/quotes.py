"""Naming a passage: its quote (exact text with context) and finding a typed quote in a text.

A highlight keeps both a position (`start`, `end` in code points of the canonical text) and a quote (`exact`
with 32 code points of `prefix` and `suffix`), as the W3C Web Annotation model and the Hypothesis client do:
the position is fast and exact while the text is unchanged, the quote lets reader.core.anchors place the
highlight again when the text changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.errors import ErrorCode, HawamishError
from reader.core.text import fold_with_map

CONTEXT_CHARS = 32
STYLES = ("background", "underline")


def quote_at(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of the range [start, end) of `text`, with CONTEXT_CHARS of context."""
    return text[start:end], text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


#: Separates the levels of a hierarchical tag: `security/terrorism` is a child of `security`.
TAG_SEPARATOR = "/"


def normalize_tag(tag: str) -> str:
    """One tag as a user typed it, tidied: trimmed, a leading '#' dropped, each level of a hierarchical tag
    trimmed and empty levels dropped (`" security / /terrorism/"` -> `security/terrorism`); '' when nothing
    is left."""
    text = tag.strip().lstrip("#").strip()
    return TAG_SEPARATOR.join(s.strip() for s in text.split(TAG_SEPARATOR) if s.strip())


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Tags as users type them (`normalize_tag` each), empty ones and duplicates removed."""
    seen: dict[str, None] = {}
    for tag in tags:
        t = normalize_tag(tag)
        if t:
            seen.setdefault(t, None)
    return list(seen)


def tag_parents(tag: str) -> list[str]:
    """The tags above `tag` in its hierarchy, nearest last: `a/b/c` -> [`a`, `a/b`]."""
    levels = tag.split(TAG_SEPARATOR)
    return [TAG_SEPARATOR.join(levels[:i]) for i in range(1, len(levels))]


def tag_within(tag: str, parent: str) -> bool:
    """Whether `tag` is `parent` or one of its descendants (a filter on `parent` matches it)."""
    return tag == parent or tag.startswith(parent + TAG_SEPARATOR)


def find_quote(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """(start, end) of `quote` in `text`: the CLI's and scripts' way of naming a passage.

    The match is made on folded text (harakat, tatweel and letter variants such as hamza forms ignored), so a
    quote typed without vocalisation finds the vocalised words, and every occurrence counts whichever way it is
    vocalised; the range covers the marks of its last letter. `occurrence` (1-based) chooses among several.
    """
    quote = quote.strip()
    if not quote:
        raise HawamishError(ErrorCode.QUOTE_NOT_FOUND, detail="empty quote")
    folded = fold_with_map(text)
    needle = fold_with_map(quote).text
    spans = [folded.to_original(a, b) for a, b in _find_all(folded.text, needle)] if needle else []
    if not spans:
        raise HawamishError(ErrorCode.QUOTE_NOT_FOUND, detail=quote[:60])
    if occurrence is None:
        if len(spans) > 1:
            raise HawamishError(ErrorCode.QUOTE_AMBIGUOUS, detail=f"{len(spans)} occurrences")
        return spans[0]
    if not 1 <= occurrence <= len(spans):
        raise HawamishError(ErrorCode.QUOTE_NOT_FOUND, detail=f"occurrence {occurrence} of {len(spans)}")
    return spans[occurrence - 1]


def _find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = haystack.find(needle)
    while i != -1:
        spans.append((i, i + len(needle)))
        i = haystack.find(needle, i + 1)
    return spans

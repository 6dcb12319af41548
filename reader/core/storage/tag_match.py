"""SQL conditions for hierarchical tags: a parent matches its children (`security` finds
`security/terrorism`), wherever a tag filters (the article list's filter, highlight queries, tag edits)."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.quotes import TAG_SEPARATOR


def within(tag: str, column: str = "tag") -> tuple[str, list[object]]:
    """An SQL condition on `column` true for `tag` and its descendants (a parent matches its children:
    `security` matches `security/terrorism`), and its parameters."""
    child = tag + TAG_SEPARATOR
    return f"({column} = ? OR substr({column}, 1, ?) = ?)", [tag, len(child), child]


def within_any(tags: Sequence[str], column: str = "tag") -> tuple[str, list[object]]:
    """`within` for any of `tags` ('0' for none)."""
    parts: list[str] = []
    args: list[object] = []
    for tag in tags:
        sql, values = within(tag, column)
        parts.append(sql)
        args += values
    return ("(" + " OR ".join(parts) + ")" if parts else "0"), args

"""English sentences for core error codes, used by the CLI (the GUI translates the same codes with tr())."""

from __future__ import annotations

from reader.core.errors import ErrorCode, HawamishError

MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.MISSING: "no such file or folder",
    ErrorCode.UNREADABLE: "cannot be read",
    ErrorCode.EMPTY: "the file is empty (no text in it)",
    ErrorCode.BINARY: "this is a binary file, not text",
    ErrorCode.UNDECODABLE: "the text encoding could not be recognised",
    ErrorCode.TOO_LARGE: "the file is too large to import",
    ErrorCode.UNSUPPORTED: "this file type is not supported",
    ErrorCode.MALFORMED: "the file is damaged or not in the expected format",
    ErrorCode.NOT_FOUND: "not found",
    ErrorCode.QUOTE_NOT_FOUND: "the quoted text is not in the article",
    ErrorCode.QUOTE_AMBIGUOUS: "the quoted text occurs more than once; choose one with --occurrence",
    ErrorCode.INVALID_RANGE: "the range is outside the article's text",
    ErrorCode.UNKNOWN_LABEL: "no colour label has that key",
    ErrorCode.INVALID_COLOR: "a colour must be written #rrggbb",
    ErrorCode.INVALID_LABEL_KEY: "a label key is a short lower-case identifier not used by another label",
    ErrorCode.QUERY_SYNTAX: "the search query is not valid",
    ErrorCode.INDEX_BUSY: "the search index is busy in another Hawamish window; try again",
    ErrorCode.UNWRITABLE: "cannot write there",
    ErrorCode.DISK_FULL: "the disk is full",
    ErrorCode.CANCELLED: "cancelled",
    ErrorCode.LIBRARY_NEWER: "this library was written by a newer Hawamish",
    ErrorCode.LIBRARY_CORRUPT: "the library database is damaged",
}


def describe(error: HawamishError) -> str:
    """One line naming the file (when there is one) and the reason."""
    reason = MESSAGES.get(error.code, error.code.value)
    if error.detail and error.code in (
        ErrorCode.NOT_FOUND,
        ErrorCode.QUERY_SYNTAX,
        ErrorCode.MALFORMED,
        ErrorCode.UNKNOWN_LABEL,
        ErrorCode.INVALID_COLOR,
    ):
        reason = f"{reason}: {error.detail}"
    return f"{error.path}: {reason}" if error.path else reason


def counted(n: int, noun: str) -> str:
    """'1 article', '3 articles' (English nouns with a plain -s plural)."""
    return f"{n} {noun}" + ("" if n == 1 else "s")

"""Typed errors of the core.

The core never builds user-facing sentences: it raises (or returns) a `HawamishError` with a stable `code`,
the offending `path` when there is one, and a `detail` for developers. The CLI and the GUI turn the code into
a message in the user's language (reader/messages.py, and `tr()` in the GUI).
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    # input files
    MISSING = "missing"  # the path does not exist
    UNREADABLE = "unreadable"  # permission denied, a directory where a file was expected, I/O error
    EMPTY = "empty"  # no text at all
    BINARY = "binary"  # looks like an image, archive or other binary data
    UNDECODABLE = "undecodable"  # no text encoding fits
    TOO_LARGE = "too_large"  # above the importer's size limit
    UNSUPPORTED = "unsupported"  # no importer for this extension
    MALFORMED = "malformed"  # the format is recognised but its content is broken
    # library objects
    NOT_FOUND = "not_found"  # no article / highlight with that id
    QUOTE_NOT_FOUND = "quote_not_found"
    QUOTE_AMBIGUOUS = "quote_ambiguous"
    INVALID_RANGE = "invalid_range"
    UNKNOWN_LABEL = "unknown_label"  # no colour label with that key
    INVALID_COLOR = "invalid_color"  # a colour that is not #rrggbb
    INVALID_LABEL_KEY = "invalid_label_key"  # a label key that is not a short identifier, or is taken
    # search
    QUERY_SYNTAX = "query_syntax"
    INDEX_BUSY = "index_busy"
    # export / files we write
    UNWRITABLE = "unwritable"
    DISK_FULL = "disk_full"
    CANCELLED = "cancelled"
    # library folder
    LIBRARY_NEWER = "library_newer"  # the database was written by a newer Hawamish
    LIBRARY_CORRUPT = "library_corrupt"


class HawamishError(Exception):
    """An expected failure: a code the UI can translate, the path it concerns, a developer detail."""

    def __init__(self, code: ErrorCode, path: str | None = None, detail: str = "") -> None:
        super().__init__(code, path, detail)
        self.code = code
        self.path = path
        self.detail = detail

    def __str__(self) -> str:  # for logs and developers; users see reader.messages
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code.value}" + (f" ({self.detail})" if self.detail else "")

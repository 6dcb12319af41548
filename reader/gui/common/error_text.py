"""Core error codes as sentences in the UI language (the CLI's reader/messages.py, through tr()).

Kept as explicit translate() calls with literal strings so pyside6-lupdate finds every one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.errors import ErrorCode, HawamishError


def _reasons() -> dict[str, str]:
    return {
        ErrorCode.MISSING: QCoreApplication.translate("Errors", "no such file or folder"),
        ErrorCode.UNREADABLE: QCoreApplication.translate("Errors", "cannot be read"),
        ErrorCode.EMPTY: QCoreApplication.translate("Errors", "the file is empty (no text in it)"),
        ErrorCode.BINARY: QCoreApplication.translate("Errors", "this is a binary file, not text"),
        ErrorCode.UNDECODABLE: QCoreApplication.translate(
            "Errors", "the text encoding could not be recognised"
        ),
        ErrorCode.TOO_LARGE: QCoreApplication.translate("Errors", "the file is too large to import"),
        ErrorCode.UNSUPPORTED: QCoreApplication.translate("Errors", "this file type is not supported"),
        ErrorCode.MALFORMED: QCoreApplication.translate(
            "Errors", "the file is damaged or not in the expected format"
        ),
        ErrorCode.NOT_FOUND: QCoreApplication.translate("Errors", "not found"),
        ErrorCode.QUOTE_NOT_FOUND: QCoreApplication.translate(
            "Errors", "the quoted text is not in the article"
        ),
        ErrorCode.QUOTE_AMBIGUOUS: QCoreApplication.translate(
            "Errors", "the quoted text occurs more than once"
        ),
        ErrorCode.INVALID_RANGE: QCoreApplication.translate(
            "Errors", "the range is outside the article's text"
        ),
        ErrorCode.QUERY_SYNTAX: QCoreApplication.translate("Errors", "the search query is not valid"),
        ErrorCode.INDEX_BUSY: QCoreApplication.translate(
            "Errors", "the search index is busy in another Hawamish window; try again"
        ),
        ErrorCode.UNWRITABLE: QCoreApplication.translate("Errors", "cannot write there"),
        ErrorCode.DISK_FULL: QCoreApplication.translate("Errors", "the disk is full"),
        ErrorCode.CANCELLED: QCoreApplication.translate("Errors", "cancelled"),
        ErrorCode.LIBRARY_NEWER: QCoreApplication.translate(
            "Errors", "this library was written by a newer Hawamish"
        ),
        ErrorCode.LIBRARY_CORRUPT: QCoreApplication.translate("Errors", "the library database is damaged"),
    }


def error_reason(error: HawamishError) -> str:
    """The reason alone, translated (falls back to the code for codes added later)."""
    return _reasons().get(error.code, str(getattr(error.code, "value", error.code)))


def describe_error(error: BaseException) -> str:
    """One line naming the file (when there is one) and the reason, in the UI language.

    The path is wrapped in Unicode bidi isolates so a Latin path inside an Arabic sentence keeps its order.
    """
    if not isinstance(error, HawamishError):
        return str(error) or type(error).__name__
    reason = error_reason(error)
    if error.path:
        return f"\u2068{error.path}\u2069: {reason}"
    return reason

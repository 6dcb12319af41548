"""The one catalogue of error sentences: a code and its fields become a line in the user's language.

The command line uses the English templates as they are; the GUI passes Qt's translation
(`describe(error, translate=...)` with context "Errors"), and i18n/hawamish_ar.ts carries the Arabic of every
template (tests/test_messages.py checks both languages). Templates name fields of the error in braces.
`QT_TRANSLATE_NOOP` is a plain function here (no Qt on the command line); pyside6-lupdate still finds the
strings by its name.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.errors import ErrorCode, HawamishError

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


ERROR_MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.MISSING: QT_TRANSLATE_NOOP("Errors", "no such file or folder"),
    ErrorCode.UNREADABLE: QT_TRANSLATE_NOOP("Errors", "cannot be read"),
    ErrorCode.EMPTY: QT_TRANSLATE_NOOP("Errors", "the file is empty (no text in it)"),
    ErrorCode.BINARY: QT_TRANSLATE_NOOP("Errors", "this is a binary file, not text"),
    ErrorCode.UNDECODABLE: QT_TRANSLATE_NOOP("Errors", "the text encoding could not be recognised"),
    ErrorCode.TOO_LARGE: QT_TRANSLATE_NOOP("Errors", "the file is too large to import"),
    ErrorCode.UNSUPPORTED: QT_TRANSLATE_NOOP("Errors", "this file type is not supported"),
    ErrorCode.MALFORMED: QT_TRANSLATE_NOOP("Errors", "the file is damaged or not in the expected format"),
    ErrorCode.READER_MISSING: QT_TRANSLATE_NOOP(
        "Errors", "a library needed to read this type of file is missing; reinstall Hawamish"
    ),
    ErrorCode.NO_TEXT_LAYER: QT_TRANSLATE_NOOP("Errors", "no text layer (scanned pages are not supported)"),
    ErrorCode.ENCRYPTED: QT_TRANSLATE_NOOP("Errors", "the file is encrypted or protected (DRM)"),
    ErrorCode.NO_ARTICLE_TEXT: QT_TRANSLATE_NOOP("Errors", "no article text was found in the page"),
    ErrorCode.UNSAFE_ARCHIVE: QT_TRANSLATE_NOOP(
        "Errors", "the archive is unsafe to open (it would unpack to far more than its size)"
    ),
    ErrorCode.NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "not found"),
    ErrorCode.QUOTE_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "the quoted text is not in the article"),
    ErrorCode.QUOTE_AMBIGUOUS: QT_TRANSLATE_NOOP(
        "Errors", "the quoted text occurs more than once; choose one with --occurrence"
    ),
    ErrorCode.INVALID_RANGE: QT_TRANSLATE_NOOP("Errors", "the range is outside the article's text"),
    ErrorCode.UNKNOWN_LABEL: QT_TRANSLATE_NOOP("Errors", "no colour label has that key"),
    ErrorCode.INVALID_COLOR: QT_TRANSLATE_NOOP("Errors", "a colour must be written #rrggbb"),
    ErrorCode.INVALID_LABEL_KEY: QT_TRANSLATE_NOOP(
        "Errors", "a label key is a short lower-case identifier not used by another label"
    ),
    ErrorCode.COLLECTION_EXISTS: QT_TRANSLATE_NOOP("Errors", "a collection named {name} already exists"),
    ErrorCode.PAGE_EXISTS: QT_TRANSLATE_NOOP("Errors", "a page titled {name} already exists"),
    ErrorCode.SAVED_SEARCH_EXISTS: QT_TRANSLATE_NOOP("Errors", "a saved search named {name} already exists"),
    ErrorCode.INVALID_METADATA: QT_TRANSLATE_NOOP("Errors", "'{value}' is not a valid {field}"),
    ErrorCode.INVALID_NAME: QT_TRANSLATE_NOOP("Errors", "a name cannot be empty"),
    ErrorCode.NOT_SHARED: QT_TRANSLATE_NOOP(
        "Errors", "this library shares no folder (hawamish share init FOLDER --name NAME)"
    ),
    ErrorCode.QUERY_SYNTAX: QT_TRANSLATE_NOOP("Errors", "the search query is not valid"),
    ErrorCode.QUERY_EMPTY: QT_TRANSLATE_NOOP("Errors", "the query is empty"),
    ErrorCode.QUERY_UNCLOSED_QUOTE: QT_TRANSLATE_NOOP("Errors", 'a quotation mark (") is not closed'),
    ErrorCode.QUERY_UNMATCHED_PAREN: QT_TRANSLATE_NOOP("Errors", "a ')' has no matching '('"),
    ErrorCode.QUERY_UNCLOSED_PAREN: QT_TRANSLATE_NOOP("Errors", "a '(' is not closed"),
    ErrorCode.QUERY_UNKNOWN_FIELD: QT_TRANSLATE_NOOP(
        "Errors", "unknown field '{token}' (use one of {fields})"
    ),
    ErrorCode.QUERY_OPERATOR_ALONE: QT_TRANSLATE_NOOP("Errors", "{token} needs a word on each side"),
    ErrorCode.QUERY_NOT_ALONE: QT_TRANSLATE_NOOP("Errors", "NOT needs a word after it"),
    ErrorCode.QUERY_EMPTY_FIELD: QT_TRANSLATE_NOOP("Errors", "{token} needs a value after it"),
    ErrorCode.QUERY_SIGN_ALONE: QT_TRANSLATE_NOOP("Errors", "'{token}' needs a word after it"),
    ErrorCode.QUERY_SHORT_PREFIX: QT_TRANSLATE_NOOP(
        "Errors", "a prefix search needs at least 2 letters before '*': {token}"
    ),
    ErrorCode.QUERY_UNKNOWN_KIND: QT_TRANSLATE_NOOP("Errors", "unknown kind '{token}' (use one of {kinds})"),
    ErrorCode.QUERY_BAD_DATE: QT_TRANSLATE_NOOP(
        "Errors", "'{token}' is not a date: write 2024, 2024-03 or 2024-03-22 (ranges: 2014..2016)"
    ),
    ErrorCode.ROOT_SEARCH_OFF: QT_TRANSLATE_NOOP(
        "Errors",
        "root search is off: turn it on with the search box's root button or hawamish reindex --roots on "
        "(the index is rebuilt once, with the roots)",
    ),
    ErrorCode.INDEX_BUSY: QT_TRANSLATE_NOOP(
        "Errors", "the search index is busy in another Hawamish window; try again"
    ),
    ErrorCode.UNWRITABLE: QT_TRANSLATE_NOOP("Errors", "cannot write there"),
    ErrorCode.DISK_FULL: QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    ErrorCode.CANCELLED: QT_TRANSLATE_NOOP("Errors", "cancelled"),
    ErrorCode.LIBRARY_NEWER: QT_TRANSLATE_NOOP("Errors", "this library was written by a newer Hawamish"),
    ErrorCode.LIBRARY_CORRUPT: QT_TRANSLATE_NOOP("Errors", "the library database is damaged"),
    ErrorCode.LIBRARY_DISK_FULL: QT_TRANSLATE_NOOP("Errors", "no space left on the disk holding the library"),
    ErrorCode.READ_ONLY: QT_TRANSLATE_NOOP("Errors", "the library folder is read-only"),
    ErrorCode.LIBRARY_BUSY: QT_TRANSLATE_NOOP(
        "Errors", "library busy: another Hawamish is writing to it; try again in a moment"
    ),
    ErrorCode.LIBRARY_NOT_FOLDER: QT_TRANSLATE_NOOP("Errors", "a library is a folder, and this is a file"),
}

#: Codes whose developer detail the command line adds after the reason (it names what was not found, the
#: keys that exist, ...); the GUI shows the reason alone.
_DETAIL_SHOWN = {
    ErrorCode.NOT_FOUND,
    ErrorCode.READER_MISSING,
    ErrorCode.TOO_LARGE,
    ErrorCode.UNSAFE_ARCHIVE,
    ErrorCode.ENCRYPTED,
    ErrorCode.QUERY_SYNTAX,
    ErrorCode.MALFORMED,
    ErrorCode.UNKNOWN_LABEL,
    ErrorCode.INVALID_COLOR,
}

Translate = Callable[[str], str]


def isolate(text: str) -> str:
    """Text wrapped in Unicode bidi isolates (FSI … PDI): a Latin path keeps its order inside Arabic."""
    return f"\u2068{text}\u2069"


def error_reason(error: HawamishError, translate: Translate | None = None) -> str:
    """The reason alone, with the error's fields filled in: in English, or through `translate` with each
    field isolated (a query's `2024-13` inside an Arabic sentence would otherwise read `13-2024`)."""
    if translate is None:
        template, fields = ERROR_MESSAGES.get(error.code, error.code.value), error.fields
    else:
        template = translate(ERROR_MESSAGES.get(error.code, error.code.value))
        fields = {name: isolate(str(value)) for name, value in error.fields.items()}
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation naming a field this error lacks
        return template


def describe(error: HawamishError, translate: Translate | None = None) -> str:
    """One line naming the file (when there is one) and the reason.

    Without `translate`: English, as the command line prints it (with the developer detail of some codes).
    With it: the GUI's line, the path isolated for bidi, no developer detail.
    """
    if translate is None:
        reason = error_reason(error)
        if error.detail and error.code in _DETAIL_SHOWN:
            reason = f"{reason}: {error.detail}"
        return f"{error.path}: {reason}" if error.path else reason
    reason = error_reason(error, translate)
    return f"{isolate(error.path)}: {reason}" if error.path else reason


def counted(n: int, noun: str) -> str:
    """'1 article', '3 articles' (English nouns with a plain -s plural)."""
    return f"{n} {noun}" + ("" if n == 1 else "s")

"""Typed errors of the core.

The core never builds user-facing sentences: it raises (or returns) a `HawamishError` with a stable `code`,
the offending `path` when there is one, a `detail` for developers, and named fields a message may show
(`token`, `position`, ...). One catalogue, reader/messages.py, turns a code and its fields into a sentence:
in English on the command line, through Qt's translation in the GUI.
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
    READER_MISSING = "reader_missing"  # the installation lacks a library the format's reader imports
    NO_TEXT_LAYER = "no_text_layer"  # a PDF of scanned pages
    ENCRYPTED = "encrypted"  # a password or DRM protects the content
    NO_ARTICLE_TEXT = "no_article_text"  # a web page with no main text (only menus, a form, ...)
    UNSAFE_ARCHIVE = "unsafe_archive"  # an EPUB/DOCX that would unpack to far more than it holds (zip bomb)
    # library objects
    NOT_FOUND = "not_found"  # no article / highlight with that id
    QUOTE_NOT_FOUND = "quote_not_found"
    QUOTE_AMBIGUOUS = "quote_ambiguous"
    INVALID_RANGE = "invalid_range"
    UNKNOWN_LABEL = "unknown_label"  # no colour label with that key
    INVALID_COLOR = "invalid_color"  # a colour that is not #rrggbb
    INVALID_LABEL_KEY = "invalid_label_key"  # a label key that is not a short identifier, or is taken
    COLLECTION_EXISTS = "collection_exists"  # name: a collection of that name exists
    PAGE_EXISTS = "page_exists"  # name: a research page of that title exists
    SAVED_SEARCH_EXISTS = "saved_search_exists"  # name: a saved search of that name exists
    INVALID_METADATA = "invalid_metadata"  # field, value: e.g. a date that is not a date
    INVALID_NAME = "invalid_name"  # an empty tag or collection name
    NOT_SHARED = "not_shared"  # the library shares no folder (or its folder is gone)
    # search
    QUERY_SYNTAX = "query_syntax"  # whoosh could not read the query (detail says why)
    QUERY_EMPTY = "query_empty"
    QUERY_UNCLOSED_QUOTE = "query_unclosed_quote"  # position: of the quotation mark
    QUERY_UNMATCHED_PAREN = "query_unmatched_paren"  # position: of the ')'
    QUERY_UNCLOSED_PAREN = "query_unclosed_paren"  # position: of the '('
    QUERY_UNKNOWN_FIELD = "query_unknown_field"  # token: the field, fields: the known ones
    QUERY_OPERATOR_ALONE = "query_operator_alone"  # token: AND, OR, ... without a word on each side
    QUERY_NOT_ALONE = "query_not_alone"  # NOT without a word after it
    QUERY_EMPTY_FIELD = "query_empty_field"  # token: 'title:' without a value
    QUERY_SIGN_ALONE = "query_sign_alone"  # token: a lone '+' or '-'
    QUERY_SHORT_PREFIX = "query_short_prefix"  # token: 'a*' (a prefix needs 2 letters)
    QUERY_UNKNOWN_KIND = "query_unknown_kind"  # token: the kind, kinds: the known ones
    QUERY_BAD_DATE = "query_bad_date"  # token: a date: value that is not a date, month or day
    INDEX_BUSY = "index_busy"
    ROOT_SEARCH_OFF = "root_search_off"  # root: in a query while the library indexes no roots
    # export / files we write
    UNWRITABLE = "unwritable"
    DISK_FULL = "disk_full"
    CANCELLED = "cancelled"
    # library folder
    LIBRARY_NEWER = "library_newer"  # the database was written by a newer Hawamish
    LIBRARY_CORRUPT = "library_corrupt"
    LIBRARY_DISK_FULL = "library_disk_full"  # no space left on the disk holding the library folder
    READ_ONLY = "read_only"  # the library folder cannot be written (a read-only mount or medium)
    LIBRARY_BUSY = "library_busy"  # another process kept the library's write lock past the busy timeout
    LIBRARY_NOT_FOLDER = "library_not_folder"  # --library names a file


#: The codes of a query the search language cannot read (the command line reports them per query).
QUERY_ERRORS = frozenset(code for code in ErrorCode if code.value.startswith("query_"))


class HawamishError(Exception):
    """An expected failure: a code the UI can translate, the path it concerns, a developer detail, and named
    fields (`HawamishError(ErrorCode.QUERY_UNKNOWN_FIELD, token="auther", position=0)`)."""

    def __init__(self, code: ErrorCode, path: str | None = None, detail: str = "", **fields: object) -> None:
        super().__init__(code, path, detail)
        self.code = code
        self.path = path
        self.detail = detail
        self.fields: dict[str, object] = fields

    def __str__(self) -> str:  # for logs and developers; users see reader.messages
        where = f"{self.path}: " if self.path else ""
        extra = ", ".join(f"{k}={v!r}" for k, v in self.fields.items())
        detail = "; ".join(p for p in (self.detail, extra) if p)
        return f"{where}{self.code.value}" + (f" ({detail})" if detail else "")

"""Helpers every reader uses: lines whatever their ends, edges without invisible junk, dates in ISO form."""

from __future__ import annotations

import re

# Whitespace and invisible characters that copy-paste leaves at the ends of lines. Inside a line they are
# kept: ZWNJ and ZWJ carry meaning in Persian and Arabic words.
_EDGE_JUNK = r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]+"
_EDGES = re.compile(rf"^{_EDGE_JUNK}|{_EDGE_JUNK}$")


def clean_edges(line: str) -> str:
    """`line` without whitespace or zero-width characters at either end."""
    return _EDGES.sub("", line)


def split_lines(text: str) -> list[str]:
    """Lines of `text`, whatever its line ends (CRLF, CR, LF, U+2028/2029, NEL): blocks may hold no newline."""
    return text.splitlines()


_DATE = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:$|[T\s])")


def normalise_date(value: str) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY from the start of `value`; '' when it is not a date."""
    m = _DATE.match(value.strip())
    if not m:
        return ""
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return ""
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= 31:
        return ""
    return f"{year}-{int(month):02d}-{int(day):02d}"

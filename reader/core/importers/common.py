"""Helpers every reader uses: lines whatever their ends, edges without invisible junk, dates in ISO form,
HTML entities left behind by the tools that scraped a text."""

from __future__ import annotations

import html
import re
from pathlib import Path

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


def title_from_file_name(path: Path) -> str:
    """A title made from a file's name ('my_saved-page.html' -> 'my saved page'), for files that state none."""
    return re.sub(r"[_-]+", " ", path.stem).strip()


_DATE = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:$|[T\s])")


def normalise_date(value: str) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY from the start of `value`; '' when it is not a date."""
    m = _DATE.match(value.strip())
    if not m:
        return ""
    # int() reads Arabic-Indic digits too (the pattern's \d matches them): the year is written in ASCII
    year, month, day = f"{int(m.group(1)):04d}", m.group(2), m.group(3)
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return ""
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= 31:
        return ""
    return f"{year}-{int(month):02d}-{int(day):02d}"


#: A complete character reference: named (`&quot;`), decimal (`&#8217;`) or hexadecimal (`&#x27;`), with
#: its semicolon. Without one ("AT&T", "?a=1&para=2") the ampersand is text, not an entity.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def decode_entities(text: str) -> str:
    """`text` with the HTML character references it contains decoded (`&quot;موبايلي&quot;` -> `"موبايلي"`).

    Scraped corpora and double-escaped pages carry them as literal text. Only complete references are
    replaced, each on its own, so a text without any comes back unchanged and a bare ampersand stays.
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(_decoded_entity, text)


def _decoded_entity(match: re.Match[str]) -> str:
    """One reference decoded; a line break or control character (`&#10;`, `&NewLine;`) becomes a space: a
    block holds no newline."""
    value = html.unescape(match.group())
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029" for ch in value):
        return " "
    return value

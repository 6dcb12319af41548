"""An article's metadata from a PDF's document information, kept only where it is plausible.

Producers fill /Title with file names (`Microsoft Word - essay.docx`), `Untitled` or nothing; /CreationDate
is when the file was made, which for a column saved as PDF is close to its publication, but a date in the
future or before PDF existed (1993) is a broken clock. Fallbacks: the first heading as title, else the file
name without its extension.
"""

from __future__ import annotations

import datetime as dt
import re

_FILE_NAME = re.compile(r"\.(?:docx?|pdf|odt|rtf|txt|tex|dvi|html?|indd|qxd|pages|ps|xps)$", re.IGNORECASE)
_PLACEHOLDERS = frozenset({"untitled", "no title", "title", "document", "untitled document", "بدون عنوان"})
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_FIRST_YEAR = 1993  # PDF 1.0


def plausible_title(value: str) -> str:
    """`value` cleaned, or '' when it is a file name, a placeholder or has no letters."""
    title = " ".join(value.replace("\x00", "").split())
    if not title or title.casefold() in _PLACEHOLDERS or not any(ch.isalpha() for ch in title):
        return ""
    if _FILE_NAME.search(title) or title.lower().startswith("microsoft word - "):
        return ""
    return title


def plausible_author(value: str) -> str:
    author = " ".join(value.replace("\x00", "").split())
    return author if any(ch.isalpha() for ch in author) else ""


def plausible_date(value: str, *, today: dt.date | None = None) -> str:
    """YYYY-MM-DD (or YYYY-MM, YYYY) from a PDF date (`D:20150721022926+03'00'`), '' when implausible."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return ""
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    latest = (today or dt.datetime.now(dt.UTC).date()) + dt.timedelta(days=1)
    if year < _FIRST_YEAR:
        return ""
    if month is None:
        return str(year) if year <= latest.year else ""
    if not 1 <= month <= 12:
        return ""
    if day is None:
        return f"{year}-{month:02d}" if (year, month) <= (latest.year, latest.month) else ""
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return ""
    return date.isoformat() if date <= latest else ""

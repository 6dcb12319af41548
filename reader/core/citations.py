"""A highlight as a citation: the quote and where it comes from, in the conventions of a language.

- English: a Chicago-style note for a newspaper or web article — “Quote.” Author, “Title,” *Outlet*, January 15,
  2026, accessed March 1, 2026, https://…  (a title's comma inside its quotation marks; the outlet in italics
  in rich text; a quotation mark inside the quote becomes a single one).
- Arabic: «الاقتباس». الكاتب، «العنوان»، *المنبر*، ١٥ يناير ٢٠٢٦، تاريخ الاطلاع: ١ مارس ٢٠٢٦، https://… (guillemets,
  the Arabic comma, Arabic-Indic digits unless Western ones are asked for, as the app's digit preference allows;
  a guillemet inside the quote becomes a curly quotation mark).

A part that is unknown (no author, no date) is left out with its separator. Pure functions: the GUI (Copy as
Citation), the page exports' reference lists and the notes exports call them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from reader.core.exporters.phrases import LANGUAGES, isolate, localized_digits, month_name
from reader.core.pages import RenderedQuote
from reader.core.text import first_strong_direction


class PartKind(StrEnum):
    TEXT = "text"  # punctuation and the citation's own words ("accessed")
    QUOTE = "quote"
    AUTHOR = "author"
    TITLE = "title"
    OUTLET = "outlet"
    DATE = "date"
    URL = "url"


class Part(NamedTuple):
    kind: PartKind
    text: str


@dataclass(frozen=True, slots=True)
class CitedPassage:
    """A quoted passage and its article, as a citation names them; '' for what is unknown."""

    quote: str
    title: str
    author: str = ""
    outlet: str = ""
    published: str = ""  # ISO 8601 date: YYYY-MM-DD, YYYY-MM or YYYY
    url: str = ""


_WORDS = {
    "en": {"accessed": "accessed ", "comma": ", ", "open": "“", "close": "”", "stop": "."},
    "ar": {"accessed": "تاريخ الاطلاع: ", "comma": "، ", "open": "«", "close": "»", "stop": "."},
}
_TERMINAL = ".!?…؟"


def _check(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    return language


def format_citation_date(iso: str, language: str, *, arabic_digits: bool = True) -> str:
    """'January 15, 2026' (Chicago) / '١٥ يناير ٢٠٢٦'; 'January 2026' or '2026' for a partial date; the value
    as written when it is not an ISO date."""
    pieces = iso.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in pieces if p]
    except ValueError:
        return iso
    if not numbers or not 1 <= len(numbers) <= 3 or (len(numbers) > 1 and not 1 <= numbers[1] <= 12):
        return iso
    year = numbers[0]
    month = month_name(numbers[1], language) if len(numbers) > 1 else ""
    day = numbers[2] if len(numbers) > 2 else None
    if language == "en":
        text = f"{month} {day}, {year}" if day else f"{month} {year}".strip()
    else:
        text = " ".join(str(p) for p in (day, month, year) if p)
    return localized_digits(text, "ar") if language == "ar" and arabic_digits else text


def _inner_quotes(quote: str, language: str) -> str:
    """Quotation marks inside a quote, changed so they do not close the citation's own."""
    quote = " ".join(quote.split())
    if language == "en":
        quote = re.sub(r'"([^"]*)"', "‘\\1’", quote)
        return quote.replace("“", "‘").replace("”", "’").replace('"', "’")
    return quote.replace("«", "“").replace("»", "”")


def citation_parts(
    passage: CitedPassage,
    language: str,
    *,
    accessed: str = "",
    with_quote: bool = True,
    arabic_digits: bool = True,
) -> list[Part]:
    """The citation as typed fragments: each formatter (plain, HTML, PDF) renders the same fragments.

    `accessed` is an ISO date ('' to leave the access date out); `with_quote` False gives the note alone (a
    reference list, where the quote is already in the text)."""
    words = _WORDS[_check(language)]
    parts: list[Part] = []
    if with_quote and passage.quote.strip():
        quote = _inner_quotes(passage.quote, language)
        if language == "en":  # Chicago: the full stop inside the closing quotation mark
            if quote.endswith("’") and quote[-2:-1] not in _TERMINAL:
                quote = quote[:-1] + ".’"  # inside the inner quotation mark too
            elif quote[-1] not in _TERMINAL + "’":
                quote += "."
            parts += [Part(PartKind.TEXT, "“"), Part(PartKind.QUOTE, quote), Part(PartKind.TEXT, "” ")]
        else:
            parts += [Part(PartKind.TEXT, "«"), Part(PartKind.QUOTE, quote), Part(PartKind.TEXT, "». ")]
    fields: list[list[Part]] = []
    if passage.author.strip():
        fields.append([Part(PartKind.AUTHOR, passage.author.strip())])
    if passage.title.strip():
        fields.append(
            [
                Part(PartKind.TEXT, words["open"]),
                Part(PartKind.TITLE, passage.title.strip()),
                Part(PartKind.TEXT, ""),
            ]
        )
    if passage.outlet.strip():
        fields.append([Part(PartKind.OUTLET, passage.outlet.strip())])
    if passage.published.strip():
        published = format_citation_date(passage.published, language, arabic_digits=arabic_digits)
        fields.append([Part(PartKind.DATE, published)])
    if accessed.strip():
        day = format_citation_date(accessed, language, arabic_digits=arabic_digits)
        fields.append([Part(PartKind.TEXT, words["accessed"]), Part(PartKind.DATE, day)])
    if passage.url.strip():
        fields.append([Part(PartKind.URL, passage.url.strip())])
    for i, field in enumerate(fields):
        last = i == len(fields) - 1
        if field[0].text == words["open"] and language == "en":
            # Chicago: a comma or the final full stop goes inside the closing quotation mark; a title that
            # ends in its own ? or ! takes neither
            ends_itself = field[1].text[-1] in _TERMINAL
            field[2] = Part(PartKind.TEXT, "”" if ends_itself else (".”" if last else ",”"))
            parts += field
            if not last:
                parts.append(Part(PartKind.TEXT, " "))
            continue
        if field[0].text == words["open"]:
            field[2] = Part(PartKind.TEXT, words["close"])
        parts += field
        if not last:
            parts.append(Part(PartKind.TEXT, words["comma"]))
    if fields:
        last_text = parts[-1].text
        if last_text[-1] not in _TERMINAL and not last_text.endswith(("”", "’")):
            parts.append(Part(PartKind.TEXT, words["stop"]))
    return [p for p in parts if p.text]


def plain_citation(passage: CitedPassage, language: str, **options: object) -> str:
    """The citation as plain text (the clipboard's text/plain, a Markdown footnote)."""
    return "".join(p.text for p in citation_parts(passage, language, **options))  # type: ignore[arg-type]


def isolated_citation(passage: CitedPassage, language: str, **options: object) -> str:
    """Plain text for a paragraph laid out by the bidi algorithm (the PDF, the window): each name, title or URL
    with letters between FSI and PDI so one in another script cannot reorder the note around it; punctuation
    and dates take the note's direction."""
    return "".join(
        part.text
        if part.kind in (PartKind.TEXT, PartKind.DATE) or first_strong_direction(part.text) is None
        else isolate(part.text)
        for part in citation_parts(passage, language, **options)  # type: ignore[arg-type]
    )


def html_citation(passage: CitedPassage, language: str, **options: object) -> str:
    """The citation as an HTML paragraph: the outlet in italics, the URL a link, each name in <bdi> so an
    Arabic title inside an English note (or the reverse) keeps its own order."""
    out: list[str] = []
    for part in citation_parts(passage, language, **options):  # type: ignore[arg-type]
        text = html.escape(part.text, quote=False)
        if part.kind == PartKind.TEXT:
            out.append(text)
        elif part.kind == PartKind.URL:
            out.append(f'<a href="{html.escape(part.text)}" dir="ltr">{text}</a>')
        elif part.kind == PartKind.OUTLET:
            out.append(f"<i><bdi>{text}</bdi></i>")
        else:
            out.append(f"<bdi>{text}</bdi>")
    direction = "rtl" if language == "ar" else "ltr"
    return f'<p dir="{direction}" lang="{language}">{"".join(out)}</p>'


def plain_citations(passages: Sequence[CitedPassage], language: str, **options: object) -> str:
    """Several citations, one paragraph each."""
    return "\n\n".join(plain_citation(p, language, **options) for p in passages)


def html_citations(passages: Sequence[CitedPassage], language: str, **options: object) -> str:
    return "\n".join(html_citation(p, language, **options) for p in passages)


def today() -> str:
    return date.today().isoformat()


def passage_of(quote: RenderedQuote) -> CitedPassage | None:
    """A rendered page quote as a citation (None for a deleted highlight: there is nothing to cite)."""
    if quote.highlight is None or quote.source is None:
        return None
    source = quote.source
    return CitedPassage(
        quote.highlight.exact, source.title, source.author, source.outlet, source.published, source.url
    )

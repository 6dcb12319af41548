"""What a research page export shows: the page read from the library now, with a note number for each quote
that can be cited, in the export's language (reader.core.pages, reader.core.citations)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.citations import CitedPassage, passage_of
from reader.core.exporters import phrases
from reader.core.pages import RenderedPage, RenderedQuote, TextPiece
from reader.core.text import Direction, first_strong_direction


@dataclass(frozen=True, slots=True)
class NumberedQuote:
    quote: RenderedQuote
    number: int | None  # the note number; None for a deleted highlight (nothing to cite)
    passage: CitedPassage | None


PageBlock = TextPiece | NumberedQuote


@dataclass(frozen=True, slots=True)
class PageDocument:
    page: RenderedPage
    blocks: tuple[PageBlock, ...]
    exported_at: str  # ISO 8601 UTC timestamp: also the citations' access date
    language: str = "en"
    page_size: str = "A4"

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def rtl(self) -> bool:
        return self.language == "ar"

    @property
    def accessed(self) -> str:
        return self.exported_at[:10]

    @property
    def notes(self) -> tuple[NumberedQuote, ...]:
        """The quotes that carry a note number, in order."""
        return tuple(b for b in self.blocks if isinstance(b, NumberedQuote) and b.number is not None)

    @property
    def article_count(self) -> int:
        return len({b.quote.source.article_id for b in self.notes if b.quote.source is not None})

    def phrase(self, key: str, **values: object) -> str:
        return phrases.phrase(self.language, key, **values)

    def digits(self, number: int) -> str:
        return phrases.localized_digits(str(number), self.language)


def page_language(page: RenderedPage) -> str:
    """'ar' when the page's own words are Arabic (its title and text, read for their first strong letter),
    else 'en'; a page of quotes only follows the quoted articles."""
    own = " ".join(b.markdown for b in page.blocks if isinstance(b, TextPiece))
    direction = first_strong_direction(f"{page.title}\n{own}")
    if direction is not None:
        return "ar" if direction == Direction.RTL else "en"
    languages = [q.source.language for q in page.quotes if q.source is not None]
    return phrases.majority_language(languages)


def page_document(
    page: RenderedPage, exported_at: str, *, language: str | None, page_size: str
) -> PageDocument:
    blocks: list[PageBlock] = []
    number = 0
    for block in page.blocks:
        if isinstance(block, TextPiece):
            blocks.append(block)
            continue
        passage = passage_of(block)
        if passage is not None:
            number += 1
        blocks.append(NumberedQuote(block, number if passage is not None else None, passage))
    return PageDocument(page, tuple(blocks), exported_at, language or page_language(page), page_size)

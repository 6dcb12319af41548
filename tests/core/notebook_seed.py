"""Three articles by three authors, with dates, collections and hierarchical tags, for the notebook's tests
(core, command line, window)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

AR1_TEXT = "إنّ المسؤوليّة الإسلاميّة تقع على عاتق الحكومة في مواجهة الإرهاب."
AR1_QUOTE = "المسؤوليّة الإسلاميّة"
AR2_TEXT = "الاقتصاد السعودي ينمو بسرعة في هذه المرحلة."
AR2_QUOTE = "الاقتصاد السعودي"
EN_TEXT = "The security council met on Tuesday to discuss the war."
EN_QUOTE = "security council"
SECURITY = "أمن"
ECONOMY = "اقتصاد"


@dataclass
class NotebookSeed:
    dir: Path
    ar1: int  # الراشد, الشرق الأوسط, 2020-03-15, collection أمن
    ar2: int  # الدخيل, عكاظ, 2020-04-02, collections أمن and اقتصاد
    en: int  # Jane Doe, BBC, no date, no collection
    responsibility: int  # ar1, evidence, tag security/terrorism, a note
    economy: int  # ar2, claim, tag economy
    council: int  # en, question, tag security, a note


def _article(library: Library, title: str, author: str, outlet: str, published: str, text: str) -> int:
    meta = ArticleMeta(title=title, author=author, outlet=outlet, published=published)
    return library.articles.add(meta, [Block(BlockKind.HEADING, title, 1), Block(BlockKind.PARAGRAPH, text)])


def _mark(library: Library, article_id: int, quote: str, **kw: object) -> int:
    text = library.articles.text(article_id)
    start = text.index(quote)
    return library.highlights.create(article_id, start, start + len(quote), **kw).id  # type: ignore[arg-type]


def build(library_dir: Path) -> NotebookSeed:
    with Library(library_dir) as library:
        ar1 = _article(library, "المسؤولية أولاً", "عبدالرحمن الراشد", "الشرق الأوسط", "2020-03-15", AR1_TEXT)
        ar2 = _article(library, "اقتصاد ينمو", "تركي الدخيل", "عكاظ", "2020-04-02", AR2_TEXT)
        en = _article(library, "Council meets", "Jane Doe", "BBC", "", EN_TEXT)
        library.collections.add(SECURITY, [ar1, ar2])
        library.collections.add(ECONOMY, [ar2])
        responsibility = _mark(
            library, ar1, AR1_QUOTE, color="evidence", tags=["security/terrorism"], note="ملاحظة عن المسؤولية"
        )
        economy = _mark(library, ar2, AR2_QUOTE, color="claim", tags=["economy"])
        council = _mark(library, en, EN_QUOTE, color="question", tags=["security"], note="check the date")
    return NotebookSeed(library_dir, ar1, ar2, en, responsibility, economy, council)

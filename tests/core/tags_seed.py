"""A small library of several authors' articles with tagged highlights, for the tag vocabulary and the
compare view: three authors (two articles by one of them), hierarchical tags, a tag on an article itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text

#: (title, author, outlet, published, paragraphs, [(quote, colour, tags)])
ARTICLES = [
    (
        "أمن الخليج",
        "عبدالرحمن الراشد",
        "الشرق الأوسط",
        "2024-03-01",
        ["الإرهاب يهدد المنطقة كلها.", "والحل في التعاون الأمني بين الدول."],
        [
            ("الإرهاب يهدد المنطقة", "claim", ["security/terrorism"]),
            ("التعاون الأمني", "evidence", ["security"]),
        ],
    ),
    (
        "النفط والسياسة",
        "عبدالرحمن الراشد",
        "الشرق الأوسط",
        "2024-04-02",
        ["أسعار النفط تحكم السياسة.", "والأمن أولاً."],
        [("أسعار النفط", "claim", ["economy/oil"]), ("والأمن أولاً", "claim", ["security"])],
    ),
    (
        "Terror and the state",
        "Jane Writer",
        "The Daily",
        "2024-05-03",
        ["Terrorism thrives where states fail.", "Cooperation is the answer."],
        [("Terrorism thrives", "claim", ["security/terrorism", "security/borders"])],
    ),
    (
        "رؤية جديدة",
        "مشاري الذايدي",
        "عكاظ",
        "2024-06-04",
        ["الأمن مسؤولية الجميع.", "والاقتصاد يتبع الأمن."],
        [("الأمن مسؤولية الجميع", "evidence", ["security"]), ("والاقتصاد يتبع", "source", ["economy"])],
    ),
]


@dataclass
class TagsSeed:
    article_ids: list[int] = field(default_factory=list)
    highlight_ids: list[int] = field(default_factory=list)


def build(library: Library) -> TagsSeed:
    seeded = TagsSeed()
    for title, author, outlet, published, paragraphs, quotes in ARTICLES:
        blocks = [Block(BlockKind.HEADING, title, 1)] + [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
        article_id = library.articles.add(
            ArticleMeta(title=title, author=author, outlet=outlet, published=published), blocks
        )
        seeded.article_ids.append(article_id)
        text = canonical_text(blocks)
        for quote, colour, tags in quotes:
            start = text.index(quote)
            h = library.highlights.create(article_id, start, start + len(quote), color=colour, tags=tags)
            seeded.highlight_ids.append(h.id)
    library.articles.set_tags(seeded.article_ids[2], ["security/terrorism", "english"])
    return seeded


def build_in(folder: Path) -> TagsSeed:
    with Library(folder) as library:
        return build(library)

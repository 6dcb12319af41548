"""A small library for the export tests: the seed article with three highlights, plus an English article.

The first highlight's note mixes Arabic and English, with a list and a bold word (issue 5's "done when").
Timestamps are fixed so golden files are stable.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "seed.txt"
GOLDEN = FIXTURES / "golden"
FIXED_NOW = datetime(2026, 1, 15, 9, 30, 0, tzinfo=UTC)

NOTE_1 = (
    "رقم **مهم**: the death toll of 133 is CNN's figure.\n"
    "\n"
    "- مقارنة مع هجوم باريس (130 شخصًا)\n"
    "- check the *Reuters* report\n"
)
NOTE_2 = "The source is an *anonymous* US official, see [CNN](https://edition.cnn.com)."
NOTE_3 = "الخطأ الفادح: رفض التحذير الأمريكي."
ARTICLE_NOTE = "مقال رأي عن **داعش-خراسان**؛ compare with the English coverage."

QUOTES = (
    ("ما لا يقل عن 133 شخصًا", "claim", NOTE_1, ("داعش", "casualties")),
    (
        "وأخبر مسؤول أمريكي شبكة CNN أن الولايات المتحدة ليس لديها سبب للشك في ذلك",
        "source",
        NOTE_2,
        ("sources",),
    ),
    ("بوتين ارتكب خطأ فادحًا برفضه تحذير الولايات المتحدة", "important", NOTE_3, ()),
)

EN_BLOCKS = (
    Block(BlockKind.PARAGRAPH, "The attack near Moscow was claimed by ISIS-K, the group's Afghan branch."),
    Block(BlockKind.PARAGRAPH, 'Analysts called it "a wake-up call", comparing it with Paris, 2015.'),
)


def seed_blocks() -> list[Block]:
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    blocks = [Block(BlockKind.PARAGRAPH, lines[1]), Block(BlockKind.HEADING, lines[2], 2)]
    blocks += [Block(BlockKind.PARAGRAPH, ln) for ln in lines[3:]]
    return blocks


def seed_title() -> str:
    return SEED.read_text(encoding="utf-8").splitlines()[0].strip()


def _fix_times(library: Library) -> None:
    """Give every highlight and note a fixed, distinct time (golden files must not depend on the clock).

    No Library call sets a time, so the fixture writes the rows with a connection of its own."""
    db = sqlite3.connect(library.db_path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        ids = [r[0] for r in db.execute("SELECT id FROM highlights ORDER BY id")]
        for i, hid in enumerate(ids):
            stamp = f"2025-12-0{1 + i % 9}T10:00:00Z"
            db.execute("UPDATE highlights SET created = ?, updated = ? WHERE id = ?", (stamp, stamp, hid))
        db.execute("UPDATE article_notes SET updated = '2025-12-10T08:00:00Z'")
        db.execute("COMMIT")
    finally:
        db.close()


def add_seed_articles(library: Library) -> tuple[int, int]:
    """The seed article and an English one, without highlights; returns their ids."""
    store = library.articles
    seed_id = store.add(
        ArticleMeta(
            title=seed_title(),
            author="كاتب الرأي",
            outlet="Seed Outlet",
            url="https://example.org/opinion/isis-moscow",
            published="2024-03-24",
            language="ar",
        ),
        seed_blocks(),
    )
    en_id = store.add(
        ArticleMeta(
            title="ISIS-K and Russia",
            author="A. Writer",
            outlet="Example Times",
            published="2024-03-25",
            language="en",
        ),
        list(EN_BLOCKS),
    )
    return seed_id, en_id


def build(library: Library) -> tuple[int, int]:
    """Both articles with their highlights and notes; returns (seed id, English id)."""
    seed_id, en_id = add_seed_articles(library)
    highlights = library.highlights
    text = canonical_text(seed_blocks())
    for quote, color, note, tags in QUOTES:
        start = text.index(quote)
        highlights.create(seed_id, start, start + len(quote), color=color, note=note, tags=tags)
    library.articles.set_note(seed_id, ARTICLE_NOTE)
    library.articles.set_tags(seed_id, ["روسيا", "terrorism"])
    en_text = canonical_text(EN_BLOCKS)
    quote = "a wake-up call"
    start = en_text.index(quote)
    highlights.create(
        en_id,
        start,
        start + len(quote),
        color="evidence",
        style="underline",
        note="Compare: **نداء إيقاظ**.",
        tags=("framing",),
    )
    _fix_times(library)
    return seed_id, en_id

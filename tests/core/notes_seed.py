"""Two articles with highlights for the notes tests (the command and `library.notes`): tags, colours, a
note over two lines, a passage across a paragraph break, and an orphan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text
from tests.conftest import SEED_PATH, SEED_TITLE
from tests.core.seed_helpers import blocks_from_lines, seed_blocks, seed_lines

Q_KHORASAN = "داعش-خراسان في أفغانستان"
Q_AGENCY = "قالت وكالة أنباء روسية حكومية"
EN_TITLE = "Putin's blunder"
EN_BLOCKS = [
    Block(BlockKind.HEADING, EN_TITLE, 1),
    Block(BlockKind.PARAGRAPH, "Putin made a serious mistake by rejecting the warning."),
    Block(BlockKind.PARAGRAPH, "Russia blamed Ukraine."),
]


@dataclass
class Seeded:
    dir: Path
    ar: int  # the seed article: author and outlet known
    en: int  # an English article: neither author nor outlet
    khorasan: int  # ar, evidence, tags isis + afghanistan, two-line note
    long: int  # ar, claim, tag isis, > 200 characters across a paragraph break, no note
    agency: int  # ar, source, untagged; an orphan after the update below
    mistake: int  # en, claim, tag russia, note


def build(library_dir: Path) -> Seeded:
    """The library the notes tests read, in `library_dir`."""
    with Library(library_dir) as library:
        articles, store = library.articles, library.highlights
        ar = articles.add(
            ArticleMeta(title=SEED_TITLE, author="Peter Bergen", outlet="CNN", source_path=str(SEED_PATH)),
            seed_blocks(),
        )
        en = articles.add(ArticleMeta(title=EN_TITLE), EN_BLOCKS)
        text = canonical_text(seed_blocks())

        def mark(article_id: int, start: int, end: int, **kw) -> int:
            return store.create(article_id, start, end, **kw).id

        k = text.index(Q_KHORASAN)
        khorasan = mark(
            ar,
            k,
            k + len(Q_KHORASAN),
            color="evidence",
            tags=["isis", "afghanistan"],
            note="فرع نشط\nفي أفغانستان",
        )
        a = text.index(Q_AGENCY)
        agency = mark(ar, a, a + len(Q_AGENCY), color="source")
        s = text.index("ومع ذلك") - 40
        long = mark(ar, s, s + 260, color="claim", tags=["isis"])
        m = canonical_text(EN_BLOCKS).index("serious mistake")
        mistake = mark(
            en, m, m + len("serious mistake"), color="claim", tags=["russia"], note="the key claim"
        )
        # the agency's paragraph is deleted: its highlight becomes an orphan (kept, never dropped)
        lines = [line for line in seed_lines() if Q_AGENCY not in line]
        report = articles.replace_text(ar, blocks_from_lines(lines))
        assert report.orphaned == 1 and store.get(agency).orphan
    return Seeded(library_dir, ar, en, khorasan, long, agency, mistake)

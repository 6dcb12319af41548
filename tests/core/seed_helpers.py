"""The seed article as blocks, for highlight and anchoring tests.

Built from tests/fixtures/seed.txt directly (first line the title, then one paragraph a line), so these tests
do not depend on the importers.
"""

from __future__ import annotations

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text
from tests.conftest import SEED_PATH, SEED_TITLE


def seed_lines() -> list[str]:
    return [line.strip() for line in SEED_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def blocks_from_lines(lines: list[str]) -> list[Block]:
    return [Block(BlockKind.HEADING, lines[0], 1)] + [Block(BlockKind.PARAGRAPH, line) for line in lines[1:]]


def seed_blocks() -> list[Block]:
    return blocks_from_lines(seed_lines())


def add_seed(library: Library) -> int:
    return library.articles.add(ArticleMeta(title=SEED_TITLE, source_path=str(SEED_PATH)), seed_blocks())


#: The seed's canonical text, and four passages of it the re-anchoring tests highlight.
SEED = canonical_text(seed_blocks())
QUOTES = [
    "بدأ يستعيد قوته مرة أخرى",  # paragraph 3
    "وأخبر مسؤول أمريكي شبكة CNN",  # paragraph 4, mixed scripts
    "داعش-خراسان في أفغانستان",  # paragraph 7, starts a word-joined name
    "قالت وكالة أنباء روسية حكومية",  # paragraph 9
]

"""Small articles for GUI tests, built in code (no shared data needed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.core.models import Article, ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text, content_hash

MIXED_BLOCKS = [
    Block(BlockKind.HEADING, "رأي: خطأ بوتين البارز", 2),
    Block(
        BlockKind.PARAGRAPH,
        "أعلن تنظيم داعش مسؤوليته عن الهجوم؛ وأخبر مسؤول أمريكي شبكة CNN أن الولايات المتحدة ليس لديها سبب للشك.",
    ),
    Block(BlockKind.PARAGRAPH, "“The threat is real,” an analyst said, quoting داعش-خراسان by name 😀."),
    Block(BlockKind.QUOTE, "قال الكاتب: 𝕏 إن داعش-خراسان عاد بقوة."),
    Block(BlockKind.LIST_ITEM, "النقطة الأولى"),
    Block(BlockKind.LIST_ITEM, "النقطة الثانية"),
    Block(BlockKind.PARAGRAPH, "1999 — English after a number starts left-to-right."),
]

MIXED_META = ArticleMeta(
    title="مقال مختلط", author="كاتب", outlet="منفذ", published="2024-03-23", language="ar"
)


def make_article(
    blocks: list[Block] | None = None, article_id: int = 1, title: str = "مقال مختلط"
) -> Article:
    blocks = list(blocks or MIXED_BLOCKS)
    text = canonical_text(blocks)
    return Article(
        id=article_id,
        title=title,
        author="كاتب",
        outlet="منفذ",
        url="",
        published="2024-03-23",
        language="ar",
        source_path="",
        content_hash=content_hash(text),
        imported_at="",
        updated_at="",
        blocks=blocks,
    )


def run_hawamish(args: list[str], *, timeout: float = 90, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m reader.cli ARGS` offscreen in a subprocess (the real entry point), with `env` on top of this
    process's environment (HAWAMISH_LIBRARY is dropped: tests name their library)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    environment.pop("HAWAMISH_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )

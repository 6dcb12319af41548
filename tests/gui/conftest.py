"""GUI fixtures: a library with a few articles and a main window over it (settings in the temp folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article_store import ArticleStore
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from tests.gui.fixtures import MIXED_BLOCKS, MIXED_META


def add_sample_articles(library) -> list[int]:
    """Three articles: mixed Arabic/English, an English one, and one made of the seed's lines."""
    store = ArticleStore(library)
    english = [
        Block(BlockKind.HEADING, "Why margins matter", 2),
        Block(BlockKind.PARAGRAPH, "Reading slowly is a habit worth keeping."),
        Block(BlockKind.QUOTE, "Margins are where readers talk back."),
    ]
    seed_lines = [ln for ln in (Path(__file__).parents[1] / "fixtures" / "seed.txt").read_text("utf-8").splitlines() if ln.strip()]
    seed = [Block(BlockKind.PARAGRAPH, ln.strip()) for ln in seed_lines[1:]]
    return [
        store.add(MIXED_META, MIXED_BLOCKS),
        store.add(ArticleMeta(title="Why margins matter", author="A. Writer", outlet="The Margin",
                              published="2024-01-10", language="en"), english),
        store.add(ArticleMeta(title=seed_lines[0], author="بيتر بيرغن", outlet="CNN", published="2024-03-23"), seed),
    ]


@pytest.fixture
def sample_ids(library) -> list[int]:
    return add_sample_articles(library)


@pytest.fixture
def settings(tmp_path: Path):
    from reader.gui.settings import open_settings

    return open_settings(tmp_path / "config" / "hawamish.ini")


@pytest.fixture
def window(qtbot, library, sample_ids, settings):
    from reader.gui.main_window import MainWindow

    win = MainWindow(library, settings, "en")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()

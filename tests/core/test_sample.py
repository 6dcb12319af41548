"""The sample library: created once, with the seed and the two pieces written for it, never over a library."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.sample import SAMPLE_FILES, ensure_sample_library, sample_dir
from reader.core.text import Block, BlockKind, Direction
from tests.conftest import SEED_PATH, SEED_TITLE


def _articles(folder: Path):
    with Library(folder) as library:
        store = library.articles
        return [store.get(i) for i in store.ids()]


def test_bundled_seed_is_the_seed() -> None:
    assert (sample_dir() / SAMPLE_FILES[0]).read_bytes() == SEED_PATH.read_bytes()


def test_creates_the_sample_library_once(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    assert ensure_sample_library(folder) is True
    articles = _articles(folder)
    assert len(articles) == len(SAMPLE_FILES) >= 3
    seed, english, arabic = articles
    assert seed.title == SEED_TITLE
    assert seed.text == "\n".join(
        line.strip() for line in SEED_PATH.read_text("utf-8").splitlines()[1:] if line.strip()
    )

    assert english.language == "en" and arabic.language == "ar"
    for piece in (english, arabic):
        assert piece.outlet == "Hawamish sample"
        assert piece.author and piece.published and piece.url.startswith("https://example.org/")
        assert sum(b.kind is BlockKind.PARAGRAPH for b in piece.blocks) >= 5
        assert any(b.kind is BlockKind.QUOTE for b in piece.blocks)
    assert any(b.kind is BlockKind.LIST_ITEM for b in english.blocks)
    assert any(b.kind is BlockKind.HEADING for b in arabic.blocks)
    # the Arabic piece quotes English: one whole English paragraph, and English words inside Arabic ones
    assert any(b.kind is BlockKind.PARAGRAPH and b.direction is Direction.LTR for b in arabic.blocks)
    assert any(b.direction is Direction.RTL and "deadline" in b.text for b in arabic.blocks)

    assert ensure_sample_library(folder) is False
    assert len(_articles(folder)) == len(SAMPLE_FILES)


def test_never_touches_an_existing_library(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    with Library(folder) as library:
        library.articles.add(ArticleMeta(title="Mine"), [Block(BlockKind.PARAGRAPH, "my text")])
    assert ensure_sample_library(folder) is False
    assert [a.title for a in _articles(folder)] == ["Mine"]

"""The sample library: created once, with two pieces written for it (highlighted) and the seed, never over a
library."""

from __future__ import annotations

from pathlib import Path

from reader.core.label_defaults import DEFAULT_LABEL_NAMES
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.sample import SAMPLE_ARTICLE_NOTES, SAMPLE_FILES, ensure_sample_library, sample_dir
from reader.core.text import Block, BlockKind, Direction
from tests.conftest import SEED_PATH, SEED_TITLE


def _articles(folder: Path):
    """In the order the library lists them (newest first)."""
    with Library(folder) as library:
        store = library.articles
        return [store.get(i) for i in sorted(store.ids(), reverse=True)]


def test_bundled_seed_is_the_seed() -> None:
    assert (sample_dir() / SAMPLE_FILES[-1]).read_bytes() == SEED_PATH.read_bytes()


def test_creates_the_sample_library_once(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    assert ensure_sample_library(folder) is True
    articles = _articles(folder)
    assert len(articles) == len(SAMPLE_FILES) >= 3
    arabic, english, seed = articles
    assert [Path(a.source_path).name for a in articles] == list(SAMPLE_FILES)
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


def _is_arabic(text: str) -> bool:
    return sum("\u0600" <= c <= "\u06ff" for c in text) > len(text) / 2


def test_the_first_article_has_metadata_and_highlights_in_three_colours(tmp_path: Path) -> None:
    """What the app opens first (SAMPLE_FILES[0], the top of the list) shows what the reader is for: who
    wrote it, where and when, and highlights in different colour labels with notes in its language."""
    folder = tmp_path / "lib"
    ensure_sample_library(folder)
    with Library(folder) as library:
        first = library.articles.get(max(library.articles.ids()))
        assert Path(first.source_path).name == SAMPLE_FILES[0]
        assert first.language == "ar" and first.author and first.outlet and first.published
        highlights = library.highlights.for_article(first.id)
        assert 2 <= len(highlights) <= 3
        assert len({h.color for h in highlights}) == len(highlights)
        assert all(h.color in DEFAULT_LABEL_NAMES["ar"] for h in highlights)
        assert all(not h.orphan and first.text[h.start : h.end] == h.exact for h in highlights)
        assert all(_is_arabic(h.note) for h in highlights)
        note = library.articles.note(first.id)
        assert note == SAMPLE_ARTICLE_NOTES[SAMPLE_FILES[0]] and _is_arabic(note)
        assert all(
            f"«{DEFAULT_LABEL_NAMES['ar'][h.color]}»" in note for h in highlights
        )  # named as the UI does

        english = library.articles.get(max(library.articles.ids()) - 1)
        notes = [h.note for h in library.highlights.for_article(english.id)]
        assert english.language == "en" and len(notes) >= 2 and not any(map(_is_arabic, notes))
        seed = library.articles.get(min(library.articles.ids()))
        assert seed.title == SEED_TITLE and not library.highlights.for_article(seed.id)

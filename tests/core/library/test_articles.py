"""`library.articles`: add, read, replace the text (re-anchoring highlights in one transaction), delete."""

from __future__ import annotations

import pytest

from reader.core import anchors as anchors_module
from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text, content_hash, normalize_arabic
from tests.core.seed_helpers import QUOTES, SEED, add_seed, blocks_from_lines, seed_blocks, seed_lines


def test_article_round_trip_and_change_notification(library: Library) -> None:
    changes: list[Change] = []
    library.add_listener(changes.append)
    store = library.articles
    blocks = [Block(BlockKind.HEADING, "عنوان", 1), Block(BlockKind.PARAGRAPH, "فقرة عربية فيها CNN.")]
    article_id = store.add(ArticleMeta(title="عنوان", author="كاتب", source_path="/x.md"), blocks)
    article = store.get(article_id)
    assert article.blocks == blocks
    assert article.content_hash == content_hash("عنوان\nفقرة عربية فيها CNN.")
    assert article.language == "ar"
    assert store.find_by_hash(article.content_hash) == article_id
    assert [a.id for a in store.list()] == [article_id]
    assert changes == [Change(ChangeKind.ARTICLE, ChangeOp.ADDED, (article_id,), (article_id,))]


def test_replace_text_and_delete(library: Library) -> None:
    store = library.articles
    article_id = store.add(ArticleMeta(title="t"), [Block(BlockKind.PARAGRAPH, "قديم")])
    store.replace_text(article_id, [Block(BlockKind.PARAGRAPH, "جديد")])
    assert store.get(article_id).text == "جديد"
    store.delete(article_id)
    with pytest.raises(HawamishError) as err:
        store.get(article_id)
    assert err.value.code is ErrorCode.NOT_FOUND


# --- replacing the text re-anchors the highlights --------------------------------------------------------


@pytest.fixture
def seeded(library: Library):
    article_id = add_seed(library)
    store = library.highlights
    created = []
    for q in QUOTES:
        start = SEED.index(q)
        created.append(store.create(article_id, start, start + len(q), note=q[:5]))
    return library, article_id, store, created


def test_replace_text_stores_positions_and_keeps_orphans(seeded) -> None:
    library, article_id, store, created = seeded
    changes: list[Change] = []
    library.add_listener(changes.append)
    lines = seed_lines()
    lines.insert(2, "سطر جديد في أعلى المقال.")
    lines = [line.replace("قوته مرة أخرى", "قوته مرةً أخرى") for line in lines]  # harakat inside quote 0
    lines = [line for line in lines if "قالت وكالة أنباء روسية" not in line]  # quote 3 deleted
    new_blocks = blocks_from_lines(lines)
    new_text = canonical_text(new_blocks)
    report = library.articles.replace_text(article_id, new_blocks, ArticleMeta(title="عنوان محدث"))
    assert (report.exact, report.moved, report.fuzzy, report.orphaned) == (0, 3, 0, 1)
    article = library.articles.get(article_id)
    assert article.text == new_text and article.title == "عنوان محدث"
    after = {h.id: h for h in store.for_article(article_id)}
    for h in created[:3]:
        placed = after[h.id]
        assert not placed.orphan and placed.text_hash == content_hash(new_text)
        assert placed.exact == new_text[placed.start : placed.end]
        assert normalize_arabic(placed.exact) == normalize_arabic(h.exact)
        assert placed.note == h.note
    orphan = after[created[3].id]
    assert orphan.orphan and orphan.exact == QUOTES[3] and orphan.text_hash == content_hash(SEED)
    assert 0 <= orphan.start <= orphan.end <= len(new_text)
    assert [c.kind for c in changes] == ["article", "highlight"]
    # putting the old text back re-attaches the orphan by itself
    report = library.articles.replace_text(article_id, seed_blocks())
    assert report.orphaned == 0 and not store.get(created[3].id).orphan


def test_replace_text_is_one_transaction(seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    library, article_id, store, created = seeded

    def boom(highlights, text):
        raise RuntimeError("crash while re-anchoring")

    monkeypatch.setattr(anchors_module, "reanchor", boom)  # replace_text imports it when it runs
    with pytest.raises(RuntimeError):
        library.articles.replace_text(article_id, blocks_from_lines(["جديد", "نص آخر"]))
    assert library.articles.get(article_id).text == SEED
    assert store.for_article(article_id) == sorted(created, key=lambda h: h.start)


def test_list_rows_of_some_articles(library: Library) -> None:
    store = library.articles
    ids = [store.add(ArticleMeta(title=f"t{i}"), [Block(BlockKind.PARAGRAPH, f"نص {i}")]) for i in range(3)]
    library.highlights.create(ids[1], 0, 2, color="claim")
    rows = store.list_rows(ids=[ids[0], ids[1], 999])
    assert [(r.id, r.title, r.highlight_count) for r in rows] == [(ids[1], "t1", 1), (ids[0], "t0", 0)]
    assert store.list_rows() == sorted(store.list_rows(ids=ids), key=lambda r: r.id, reverse=True)


def test_update_from_file_keeps_what_the_file_does_not_say(library: Library, tmp_path) -> None:
    old = [Block(BlockKind.PARAGRAPH, "Title"), Block(BlockKind.PARAGRAPH, "Old text of the page.")]
    article_id = library.articles.add(ArticleMeta(title="Title", author="A. Writer"), old)
    path = tmp_path / "page.txt"
    path.write_text("Title\n\nNew text of the page.\n", encoding="utf-8")
    library.update_from_file(article_id, path)
    article = library.articles.get(article_id)
    assert "New text of the page." in article.text and article.author == "A. Writer"

"""`library.highlights`: create, edit, delete, restore (undo), re-attach, queries; article notes and tags."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import Highlight
from reader.core.quotes import CONTEXT_CHARS
from reader.core.storage import tags as tag_rows
from reader.core.text import content_hash
from tests.conftest import HIGHLIGHT_JSON_FIELDS
from tests.core.seed_helpers import add_seed

QUOTE = "بدأ يستعيد قوته مرة أخرى"


@pytest.fixture
def seeded(library: Library) -> tuple[Library, int, str]:
    article_id = add_seed(library)
    return library, article_id, library.articles.get(article_id).text


def test_create_round_trip_computes_quote_context_and_hash(seeded) -> None:
    library, article_id, text = seeded
    changes: list[Change] = []
    library.add_listener(changes.append)
    start = text.index(QUOTE)
    store = library.highlights
    h = store.create(
        article_id,
        start,
        start + len(QUOTE),
        color="evidence",
        note="**مهم** and English",
        tags=["#روسيا", "isis ", "روسيا", ""],
    )
    assert h.exact == QUOTE
    assert h.prefix == text[start - CONTEXT_CHARS : start] and len(h.prefix) == CONTEXT_CHARS
    assert h.suffix == text[start + len(QUOTE) : start + len(QUOTE) + CONTEXT_CHARS]
    assert h.text_hash == content_hash(text)
    assert h.tags == ["isis", "روسيا"] and not h.orphan and h.created == h.updated
    assert store.get(h.id) == h
    assert store.for_article(article_id) == [h]
    assert changes == [Change(ChangeKind.HIGHLIGHT, ChangeOp.ADDED, (h.id,), (article_id,))]
    data = h.to_json()
    assert set(HIGHLIGHT_JSON_FIELDS) <= data.keys()
    assert data["orphan"] is False and data["tags"] == ["isis", "روسيا"]


def test_highlight_survives_reopening_the_library(seeded, library_dir) -> None:
    library, article_id, _text = seeded
    h = library.highlights.create(article_id, 0, 5)
    library.close()
    with Library(library_dir) as again:
        assert again.highlights.get(h.id) == h


def test_context_is_cut_at_the_text_edges(seeded) -> None:
    library, article_id, text = seeded
    store = library.highlights
    first = store.create(article_id, 0, 5)
    last = store.create(article_id, len(text) - 5, len(text))
    assert first.prefix == "" and last.suffix == ""


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (7, 3), (0, 10**6)])
def test_invalid_ranges_are_refused(seeded, start: int, end: int) -> None:
    library, article_id, _text = seeded
    with pytest.raises(HawamishError) as err:
        library.highlights.create(article_id, start, end)
    assert err.value.code is ErrorCode.INVALID_RANGE
    assert library.highlights.count() == 0


def test_unknown_article_colour_and_style(seeded) -> None:
    library, article_id, _text = seeded
    store = library.highlights
    with pytest.raises(HawamishError) as err:
        store.create(article_id + 99, 0, 3)
    assert err.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(HawamishError) as err:
        store.create(article_id, 0, 3, color="purple")
    assert err.value.code is ErrorCode.UNKNOWN_LABEL
    with pytest.raises(ValueError):
        store.create(article_id, 0, 3, style="bold")


def test_update_delete_restore(seeded) -> None:
    library, article_id, _text = seeded
    store = library.highlights
    h = store.create(article_id, 10, 20, tags=["a"])
    changed = store.update(h.id, color="question", style="underline", note="لماذا؟", tags=["b", "c"])
    assert (changed.color, changed.style, changed.note, changed.tags) == (
        "question",
        "underline",
        "لماذا؟",
        ["b", "c"],
    )
    assert store.update(h.id, note="x").tags == ["b", "c"]  # None leaves tags alone
    gone = store.delete(h.id)
    assert store.for_article(article_id) == []
    with pytest.raises(HawamishError):
        store.get(h.id)
    restored = store.restore(gone)
    assert restored == gone and restored.id == h.id


def test_restore_keeps_a_highlight_whose_label_was_deleted(seeded) -> None:
    library, article_id, _text = seeded
    store = library.highlights
    h = store.create(article_id, 10, 20, color="important")
    store.delete(h.id)
    library.labels.delete("important")
    assert store.restore(h).color == "important"


def test_query_filters_combine(seeded) -> None:
    library, article_id, _text = seeded
    other = add_seed(library)
    store = library.highlights
    a = store.create(article_id, 0, 5, color="claim", tags=["x"])
    b = store.create(article_id, 30, 40, color="evidence", tags=["y"])
    c = store.create(other, 0, 5, color="claim", tags=["x", "y"])
    assert [h.id for h in store.query()] == [a.id, b.id, c.id]
    assert [h.id for h in store.query(article_ids=[other])] == [c.id]
    assert [h.id for h in store.query(tags=["y"])] == [b.id, c.id]
    assert [h.id for h in store.query(colors=["claim"], tags=["x"])] == [a.id, c.id]
    assert [h.id for h in store.query(article_ids=[article_id], colors=["claim"], tags=["y"])] == []
    assert store.query(colors=[]) == []


def test_article_note_and_tags(seeded) -> None:
    library, article_id, _text = seeded
    changes: list[Change] = []
    library.add_listener(changes.append)
    store = library.articles
    assert store.note(article_id) == ""
    store.set_note(article_id, "ملاحظة عامة with English")
    assert store.note(article_id) == "ملاحظة عامة with English"
    store.set_note(article_id, "  ")
    assert store.note(article_id) == ""
    assert store.set_tags(article_id, ["روسيا", "#isis", "روسيا"]) == ["isis", "روسيا"]
    assert store.tags(article_id) == ["isis", "روسيا"]
    assert [c.kind for c in changes] == ["article_note", "article_note", "article"]
    with pytest.raises(HawamishError):
        store.set_note(article_id + 50, "x")


def test_tags_in_use_lists_article_and_highlight_tags_once(seeded) -> None:
    library, article_id, _text = seeded
    assert library.tags_in_use() == []
    library.articles.set_tags(article_id, ["روسيا", "isis"])
    first = library.highlights.create(article_id, 0, 5, tags=["روسيا", "claim-check"])
    assert library.tags_in_use() == ["claim-check", "isis", "روسيا"]
    library.highlights.delete(first.id)
    library.articles.set_tags(article_id, [])
    assert library.tags_in_use() == []


def test_deleting_the_article_deletes_its_highlights(seeded) -> None:
    library, article_id, _text = seeded
    store = library.highlights
    store.create(article_id, 0, 5, tags=["t"])
    library.articles.delete(article_id)
    assert store.count() == 0


def test_failed_write_leaves_nothing_behind(seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    library, article_id, _text = seeded
    store = library.highlights

    def broken(db: sqlite3.Connection, highlight_id: int, tags) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(tag_rows, "set_for_highlight", broken)
    with pytest.raises(sqlite3.OperationalError):
        store.create(article_id, 0, 5, tags=["t"])
    assert store.count() == 0


def test_reattach_places_an_orphan_on_the_current_text(seeded) -> None:
    library, article_id, text = seeded
    store = library.highlights
    h = store.create(article_id, 0, 5)
    db = sqlite3.connect(library.db_path)  # no Library call makes an orphan out of a placed highlight
    with db:
        db.execute("UPDATE highlights SET orphan = 1 WHERE id = ?", (h.id,))
    db.close()
    assert store.get(h.id).orphan
    start = text.index(QUOTE)
    placed = store.reattach(h.id, start, start + len(QUOTE))
    assert isinstance(placed, Highlight) and not placed.orphan and placed.exact == QUOTE


def test_restore_over_a_reattached_highlight_undoes_the_reattach(seeded) -> None:
    library, article_id, text = seeded
    store = library.highlights
    before = store.create(article_id, 0, 5, tags=["t"], note="n")
    start = text.index(QUOTE)
    store.reattach(before.id, start, start + len(QUOTE))
    assert store.restore(before) == before
    assert store.count() == 1

"""Keeping the search index in step (reader/core/library/index_keeper.py): changes merged into one batch, a
LIBRARY change absorbing the rest, label changes ignored, and `apply` making what was written searchable."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.library import Library
from reader.core.library.index_keeper import IndexKeeper, merge_changes
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from tests.core.seed_helpers import add_seed

ARTICLE, HIGHLIGHT, NOTE, LABELS, LIBRARY = (
    ChangeKind.ARTICLE,
    ChangeKind.HIGHLIGHT,
    ChangeKind.ARTICLE_NOTE,
    ChangeKind.LABELS,
    ChangeKind.LIBRARY,
)
ADDED, UPDATED, DELETED = ChangeOp.ADDED, ChangeOp.UPDATED, ChangeOp.DELETED


# --- merge_changes -----------------------------------------------------------------------------------------


def test_nothing_to_merge_is_none() -> None:
    assert merge_changes([]) is None


def test_a_batch_becomes_one_article_update_naming_every_article_it_touched() -> None:
    merged = merge_changes(
        [
            Change(ARTICLE, ADDED, (7,), (7,)),
            Change(HIGHLIGHT, UPDATED, (40, 41), (3,)),
            Change(NOTE, UPDATED, (5,), (5,)),
            Change(ARTICLE, DELETED, (3,), (3,)),
            Change(HIGHLIGHT, DELETED, (42,), (7,)),
        ]
    )
    assert merged == Change(ARTICLE, UPDATED, (), (3, 5, 7))  # sorted, each article once


def test_an_article_change_without_article_ids_counts_its_ids() -> None:
    assert merge_changes([Change(ARTICLE, UPDATED, (4, 2))]) == Change(ARTICLE, UPDATED, (), (2, 4))
    # a highlight id is not an article id
    assert merge_changes([Change(HIGHLIGHT, UPDATED, (9,))]) is None


def test_labels_are_not_indexed() -> None:
    assert merge_changes([Change(LABELS, UPDATED), Change(LABELS, DELETED)]) is None
    merged = merge_changes([Change(LABELS, ADDED), Change(HIGHLIGHT, ADDED, (1,), (2,))])
    assert merged == Change(ARTICLE, UPDATED, (), (2,))


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_library_change_absorbs_the_others(where: str) -> None:
    library_change = Change(LIBRARY, UPDATED)
    others = [Change(ARTICLE, ADDED, (1,), (1,)), Change(HIGHLIGHT, DELETED, (5,), (2,))]
    at = {"first": 0, "middle": 1, "last": 2}[where]
    batch = [*others[:at], library_change, *others[at:]]
    assert merge_changes(batch) == library_change


# --- IndexKeeper -------------------------------------------------------------------------------------------


class FakeIndex:
    """What the keeper calls on a SearchIndex."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def update_for_change(self, change: Change, *, timeout: float | None = None) -> str:
        self.calls.append(("update_for_change", change))
        return "updated"

    def sync(self, progress=None, cancel=None, *, timeout: float | None = None) -> str:
        self.calls.append(("sync", timeout))
        return "synced"


def test_the_keeper_collects_only_indexed_kinds_and_take_forgets_them() -> None:
    keeper = IndexKeeper(FakeIndex)
    keeper.add(Change(LABELS, UPDATED))
    assert keeper.take() is None
    keeper.add(Change(HIGHLIGHT, ADDED, (1,), (8,)))
    keeper.add(Change(LABELS, DELETED))
    keeper.add(Change(NOTE, UPDATED, (3,), (3,)))
    assert keeper.take() == Change(ARTICLE, UPDATED, (), (3, 8))
    assert keeper.take() is None  # taken once
    keeper.add(Change(ARTICLE, ADDED, (9,), (9,)))
    keeper.discard_pending()
    assert keeper.take() is None
    assert IndexKeeper.is_indexed(Change(LIBRARY, UPDATED)) and not IndexKeeper.is_indexed(
        Change(LABELS, ADDED)
    )


def test_apply_writes_a_batch_and_catches_up_after_a_library_change() -> None:
    index = FakeIndex()
    keeper = IndexKeeper(lambda: index)
    batch = Change(ARTICLE, UPDATED, (), (1, 2))
    assert keeper.apply(batch, timeout=2.0) == "updated"
    assert keeper.apply(Change(LIBRARY, UPDATED), timeout=3.0) == "synced"
    assert index.calls == [("update_for_change", batch), ("sync", 3.0)]


def test_apply_makes_a_new_note_searchable(library: Library) -> None:
    seed_id = add_seed(library)
    library.sync_index()
    keeper = library.index_keeper
    library.add_listener(keeper.add)
    highlight = library.highlights.create(seed_id, 0, 5, note="كلمة-نادرة-جدا في ملاحظة")
    library.labels.update("claim", name="أطروحة")  # not indexed: left out of the batch
    assert library.search("نادرة").hits == []  # written to SQLite, not yet to the index
    change = keeper.take()
    assert change == Change(ARTICLE, UPDATED, (), (seed_id,))
    report = keeper.apply(change)
    assert report.added == 1 and not report.rebuilt
    assert [(h.kind, h.highlight_id) for h in library.search("نادرة").hits] == [("note", highlight.id)]


def test_apply_after_a_restore_brings_the_whole_index_back_in_step(library: Library, tmp_path: Path) -> None:
    add_seed(library)
    library.backup(tmp_path / "b.sqlite3")
    new = library.articles.add(ArticleMeta(title="جديد"), [Block(BlockKind.PARAGRAPH, "مقال عن الخرطوم")])
    library.sync_index()
    assert [h.article_id for h in library.search("الخرطوم").hits] == [new]
    keeper = library.index_keeper
    library.add_listener(keeper.add)
    library.restore(tmp_path / "b.sqlite3")
    change = keeper.take()
    assert change == Change(LIBRARY, UPDATED)
    report = keeper.apply(change)
    assert report.rebuilt == "missing"  # the restore dropped the index: built again from SQLite
    assert library.search("الخرطوم").hits == []
    assert library.search("خراسان").hits

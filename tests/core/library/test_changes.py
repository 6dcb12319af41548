"""Each Library write tells its listeners what it changed: one typed `Change` (kind, op, ids, article ids)
after the write is committed, nothing when the write failed. One test per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from tests.core.seed_helpers import add_seed


@pytest.fixture
def changes(library: Library) -> list[Change]:
    seen: list[Change] = []
    library.add_listener(seen.append)
    return seen


def paragraph(text: str) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, text)]


def test_article_changes(library: Library, changes: list[Change]) -> None:
    a = library.articles.add(ArticleMeta(title="أ"), paragraph("نص أول عن الاقتصاد"))
    b, c = library.articles.add_many(
        [(ArticleMeta(title="ب"), paragraph("نص ثان")), (ArticleMeta(title="ج"), paragraph("نص ثالث"))]
    )
    assert changes == [
        Change(ChangeKind.ARTICLE, ChangeOp.ADDED, (a,), (a,)),
        Change(ChangeKind.ARTICLE, ChangeOp.ADDED, (b, c), (b, c)),  # one change for the batch
    ]
    changes.clear()
    library.articles.replace_text(a, paragraph("نص أول معدل عن الاقتصاد"))
    library.articles.set_tags(a, ["اقتصاد"])
    library.articles.delete(b)
    assert changes == [
        Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (a,), (a,)),  # no highlights: no HIGHLIGHT change
        Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (a,), (a,)),  # tags are part of the article
        Change(ChangeKind.ARTICLE, ChangeOp.DELETED, (b,), (b,)),
    ]


def test_replacing_the_text_also_names_the_highlights_it_moved(
    library: Library, changes: list[Change]
) -> None:
    a = library.articles.add(ArticleMeta(title="أ"), paragraph("قال الوزير إن الاقتصاد بخير"))
    h1 = library.highlights.create(a, 0, 10)
    h2 = library.highlights.create(a, 15, 22)
    changes.clear()
    library.articles.replace_text(a, paragraph("أمس قال الوزير إن الاقتصاد بخير"))
    assert changes == [
        Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (a,), (a,)),
        Change(ChangeKind.HIGHLIGHT, ChangeOp.UPDATED, (h1.id, h2.id), (a,)),
    ]


def test_highlight_changes(library: Library, changes: list[Change]) -> None:
    a = add_seed(library)
    changes.clear()
    h = library.highlights.create(a, 0, 5, note="ملاحظة")
    library.highlights.update(h.id, color="question", tags=["x"])
    gone = library.highlights.delete(h.id)
    library.highlights.restore(gone)
    library.highlights.reattach(h.id, 10, 20)
    kind, hid = ChangeKind.HIGHLIGHT, (h.id,)
    assert changes == [
        Change(kind, ChangeOp.ADDED, hid, (a,)),
        Change(kind, ChangeOp.UPDATED, hid, (a,)),
        Change(kind, ChangeOp.DELETED, hid, (a,)),
        Change(kind, ChangeOp.ADDED, hid, (a,)),  # put back: added again, same id
        Change(kind, ChangeOp.UPDATED, hid, (a,)),
    ]


def test_article_note_changes(library: Library, changes: list[Change]) -> None:
    a = add_seed(library)
    changes.clear()
    library.articles.set_note(a, "ملاحظة على المقال")
    library.articles.set_note(a, "")  # removing the note is an update too
    assert changes == [Change(ChangeKind.ARTICLE_NOTE, ChangeOp.UPDATED, (a,), (a,))] * 2


def test_label_changes_name_no_ids(library: Library, changes: list[Change]) -> None:
    library.labels.update("claim", name="أطروحة")
    library.labels.add("method", "Method", "#336699")
    library.labels.delete("method")
    assert changes == [
        Change(ChangeKind.LABELS, ChangeOp.UPDATED),
        Change(ChangeKind.LABELS, ChangeOp.ADDED),
        Change(ChangeKind.LABELS, ChangeOp.DELETED),
    ]
    assert all(c.ids == () and c.article_ids == () for c in changes)


def test_a_restore_is_one_library_change(library: Library, changes: list[Change], tmp_path: Path) -> None:
    add_seed(library)
    library.backup(tmp_path / "b.sqlite3")
    library.articles.add(ArticleMeta(title="بعد النسخة"), paragraph("نص جديد"))
    changes.clear()
    library.restore(tmp_path / "b.sqlite3")
    assert changes == [Change(ChangeKind.LIBRARY, ChangeOp.UPDATED)]  # everything may differ: refresh all
    assert library.articles.count() == 1


def test_a_failed_write_tells_nobody(library: Library, changes: list[Change]) -> None:
    a = add_seed(library)
    changes.clear()
    for write in (
        lambda: library.highlights.create(a, 5, 5),  # empty range
        lambda: library.highlights.create(a, 0, 5, color="purple"),  # unknown label
        lambda: library.articles.set_note(a + 99, "x"),  # no such article
        lambda: library.articles.replace_text(a, []),  # no text
        lambda: library.labels.delete("nope"),
    ):
        with pytest.raises(HawamishError):
            write()
    assert changes == []


def test_a_removed_listener_hears_nothing_more(library: Library) -> None:
    heard: list[Change] = []
    library.add_listener(heard.append)
    library.articles.add(ArticleMeta(title="أ"), paragraph("نص"))
    library.remove_listener(heard.append)
    library.remove_listener(heard.append)  # twice: harmless
    library.articles.add(ArticleMeta(title="ب"), paragraph("نص آخر"))
    assert [c.op for c in heard] == [ChangeOp.ADDED]


def test_kinds_and_ops_equal_their_old_strings() -> None:
    change = Change(ChangeKind.HIGHLIGHT, ChangeOp.DELETED, (1,), (2,))
    assert (change.kind, change.op) == ("highlight", "deleted")
    assert {k.value for k in ChangeKind} == {
        "article",
        "highlight",
        "article_note",
        "labels",
        "library",
        "collections",
        "page",
        "saved_searches",
    }

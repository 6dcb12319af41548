"""The search index's snapshots: one reused read-only connection a thread, a read transaction a snapshot."""

from __future__ import annotations

import threading

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.storage.index_rows import IndexRowSource
from reader.core.text import Block, BlockKind


def _add(library: Library, text: str) -> int:
    return library.articles.add(ArticleMeta(title=text), [Block(BlockKind.PARAGRAPH, text)])


def test_a_snapshot_holds_still_and_the_next_one_sees_new_writes(library: Library) -> None:
    first = _add(library, "أول")
    source = IndexRowSource(library.db_path)
    with source.snapshot() as rows:
        assert [r["id"] for r in rows.article_rows()] == [first]  # the snapshot starts at its first read
        second = _add(library, "ثان")  # committed while the snapshot is open
        assert [r["id"] for r in rows.article_rows()] == [first]
        with source.snapshot() as inner:  # nested on the same thread: the outer snapshot holds
            assert [r["id"] for r in inner.article_rows()] == [first]
    with source.snapshot() as rows:
        assert sorted(r["id"] for r in rows.article_rows()) == [first, second]
        assert rows.texts([first, second]) == {first: "أول", second: "ثان"}
    source.close()
    with source.snapshot() as rows:  # a closed connection is opened again on demand
        assert len(list(rows.article_rows())) == 2


def test_each_thread_reads_on_its_own_connection(library: Library) -> None:
    _add(library, "نص")
    source = IndexRowSource(library.db_path)
    seen: list[int] = []

    def read() -> None:
        with source.snapshot() as rows:
            seen.append(id(rows._db))  # the connection this thread reads on
        source.close()

    with source.snapshot() as rows:  # a snapshot open here does not stop another thread's
        mine = id(rows._db)
        worker = threading.Thread(target=read)
        worker.start()
        worker.join(10)
    assert seen and seen[0] != mine

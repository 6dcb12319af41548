"""What the search index is built from, read from SQLite in one consistent snapshot.

The search package never sees SQL (and storage never imports search): `IndexRowSource.snapshot()` reads on
a read-only connection of its own, so a long rebuild reads one snapshot without holding the library's lock
and the GUI keeps writing meanwhile. Rows are plain dicts of column -> value.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.core.storage import articles
from reader.core.storage.articles import chunks, marks
from reader.core.storage.database import connect_read_only

Row = Mapping[str, Any]

_ARTICLE_META = """
    SELECT a.id, a.title, a.author, a.outlet, a.published, a.language, a.content_hash, a.updated_at,
           COALESCE((SELECT group_concat(tag, ',') FROM
                      (SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY tag)), '') AS tags,
           COALESCE((SELECT note FROM article_notes n WHERE n.article_id = a.id), '') AS note,
           COALESCE((SELECT group_concat(name, char(31)) FROM
                      (SELECT c.name FROM article_collections ac JOIN collections c ON c.id = ac.collection_id
                       WHERE ac.article_id = a.id ORDER BY c.name)), '') AS collections
    FROM articles a
"""

_HIGHLIGHT_META = """
    SELECT h.id, h.article_id, h.start, h."end", h.exact, h.color, h.note, h.orphan, h.updated,
           COALESCE((SELECT group_concat(tag, ',') FROM
                      (SELECT tag FROM highlight_tags t WHERE t.highlight_id = h.id ORDER BY tag)), '') AS tags,
           a.title, a.outlet, a.published, a.language,
           COALESCE((SELECT group_concat(name, char(31)) FROM
                      (SELECT c.name FROM article_collections ac JOIN collections c ON c.id = ac.collection_id
                       WHERE ac.article_id = a.id ORDER BY c.name)), '') AS collections,
           -- in a shared library, who made the highlight (reader/core/library/sharing.py; by:NAME)
           COALESCE((SELECT s.creator FROM share_links l JOIN share_state s
                       ON s.kind = l.kind AND s.target = l.target
                     WHERE l.kind = 'annotation' AND l.local_id = h.id
                       AND l.birth = h.article_id || '|' || h.created), '') AS made_by
    FROM highlights h JOIN articles a ON a.id = h.article_id
"""


#: The library setting that turns root search on (the index holds a root field only then: it costs ~40 % of
#: the indexing time, docs/search.md).
ROOTS_SETTING = "search.roots"


class IndexRows:
    """Reads on one snapshot (an open read transaction)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def setting(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _select(self, sql: str, column: str, ids: Sequence[int] | None) -> Iterator[Row]:
        if ids is None:
            for r in self._db.execute(sql):
                yield dict(r)
            return
        for chunk in chunks(sorted(set(ids))):
            for r in self._db.execute(f"{sql} WHERE {column} IN ({marks(chunk)})", tuple(chunk)):
                yield dict(r)

    def article_rows(self, article_ids: Sequence[int] | None = None) -> Iterator[Row]:
        """Metadata, tags (comma-separated), note and collections (separated by U+001F: a name may hold a
        comma) of every article, or of the given ones."""
        return self._select(_ARTICLE_META, "a.id", article_ids)

    def highlight_rows(
        self, *, article_ids: Sequence[int] | None = None, highlight_ids: Sequence[int] | None = None
    ) -> Iterator[Row]:
        """Every highlight with its article's title, outlet, date and language: all of them, those of
        some articles, or some highlights."""
        if highlight_ids is not None:
            return self._select(_HIGHLIGHT_META, "h.id", highlight_ids)
        return self._select(_HIGHLIGHT_META, "h.article_id", article_ids)

    def texts(self, article_ids: Sequence[int]) -> dict[int, str]:
        """id -> canonical text."""
        return articles.texts(self._db, article_ids)


class IndexRowSource:
    """Snapshots of the library database at `path` for the search index.

    Each thread keeps one read-only connection of its own and reuses it (opening one costs about 0.4 ms, a
    noticeable share of a search); a snapshot is a read transaction on it, ended when the block ends.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = connect_read_only(self.path)  # also on a full disk or a read-only folder
            self._local.db = db
        return db

    @contextmanager
    def snapshot(self) -> Iterator[IndexRows]:
        db = self._connection()
        if db.in_transaction:  # a snapshot inside a snapshot of this thread: the outer one holds
            yield IndexRows(db)
            return
        db.execute("BEGIN")  # one snapshot for the whole read
        try:
            yield IndexRows(db)
        finally:
            db.execute("ROLLBACK")  # a read transaction: nothing to keep, the snapshot ends

    def roots_enabled(self) -> bool:
        """Whether the library asks for root search (`Library.set_root_search`): the index then holds roots."""
        with self.snapshot() as rows:
            return rows.setting(ROOTS_SETTING) == "1"

    def close(self) -> None:
        """Close this thread's connection (the others close with their threads)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is not None:
            self._local.db = None
            db.close()

"""Articles in the library database: add, read, list, replace text, delete."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Change, Library, utc_now
from reader.core.models import Article, ArticleMeta
from reader.core.text import Block, BlockKind, canonical_text, content_hash, detect_language

_ARTICLE_COLUMNS = (
    "a.id, a.title, a.author, a.outlet, a.url, a.published, a.language, a.source_path, a.content_hash, "
    "a.imported_at, a.updated_at, "
    "(SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id) AS highlight_count"
)


def _meta_values(meta: ArticleMeta, text: str) -> tuple[str, ...]:
    """The metadata columns, in the order title, author, outlet, url, published, language, source_path."""
    language = meta.language or detect_language(text)
    return (meta.title, meta.author, meta.outlet, meta.url, meta.published, language, meta.source_path)


def _row_to_article(row: sqlite3.Row) -> Article:
    return Article(**{k: row[k] for k in row.keys()})  # noqa: SIM118 (sqlite3.Row is not a mapping)


class ArticleStore:
    def __init__(self, library: Library) -> None:
        self.library = library

    def add(self, meta: ArticleMeta, blocks: Sequence[Block]) -> int:
        """Insert a new article and return its id (duplicates are the importer's concern: find_by_hash)."""
        return self.add_many([(meta, blocks)])[0]

    def add_many(self, items: Sequence[tuple[ArticleMeta, Sequence[Block]]]) -> list[int]:
        """Insert several articles in one transaction (bulk import is dominated by commits otherwise)."""
        for meta, blocks in items:
            if not blocks:
                raise HawamishError(ErrorCode.EMPTY, meta.source_path or None, "no blocks")
        ids: list[int] = []
        now = utc_now()
        with self.library.write() as db:
            for meta, blocks in items:
                text = canonical_text(blocks)
                cur = db.execute(
                    "INSERT INTO articles(title, author, outlet, url, published, language, source_path, "
                    "content_hash, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*_meta_values(meta, text), content_hash(text), now, now),
                )
                article_id = int(cur.lastrowid or 0)
                self._insert_blocks(db, article_id, blocks)
                ids.append(article_id)
        if ids:
            self.library.notify(Change("article", "added", tuple(ids), tuple(ids)))
        return ids

    @staticmethod
    def _insert_blocks(db: sqlite3.Connection, article_id: int, blocks: Sequence[Block]) -> None:
        db.executemany(
            "INSERT INTO blocks(article_id, position, kind, level, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, i, b.kind.value, b.level, b.text) for i, b in enumerate(blocks)],
        )

    def find_by_hash(self, text_hash: str) -> int | None:
        with self.library.read() as db:
            row = db.execute(
                "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (text_hash,)
            ).fetchone()
        return int(row[0]) if row else None

    def get(self, article_id: int) -> Article:
        with self.library.read() as db:
            row = db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise HawamishError(ErrorCode.NOT_FOUND, detail=f"article {article_id}")
            blocks = [
                Block(BlockKind(r["kind"]), r["text"], r["level"])
                for r in db.execute(
                    "SELECT kind, level, text FROM blocks WHERE article_id = ? ORDER BY position",
                    (article_id,),
                )
            ]
        article = _row_to_article(row)
        article.blocks = blocks
        return article

    def list(self) -> list[Article]:
        """Every article without its blocks, newest import first."""
        with self.library.read() as db:
            rows = db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a ORDER BY a.id DESC").fetchall()
        return [_row_to_article(r) for r in rows]

    def count(self) -> int:
        with self.library.read() as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def ids(self) -> list[int]:
        with self.library.read() as db:
            return [int(r[0]) for r in db.execute("SELECT id FROM articles ORDER BY id")]

    def replace_blocks(
        self, article_id: int, blocks: Sequence[Block], meta: ArticleMeta | None = None
    ) -> None:
        """Replace an article's text (and optionally its metadata). Re-anchoring highlights is the caller's
        job (reader.core.anchors.update_article_text does both in one transaction)."""
        if not blocks:
            raise HawamishError(ErrorCode.EMPTY, meta.source_path if meta else None, "no blocks")
        with self.library.write() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
                raise HawamishError(ErrorCode.NOT_FOUND, detail=f"article {article_id}")
            self.write_text(db, article_id, blocks, meta)
        self.library.notify(Change("article", "updated", (article_id,), (article_id,)))

    @classmethod
    def write_text(
        cls, db: sqlite3.Connection, article_id: int, blocks: Sequence[Block], meta: ArticleMeta | None
    ) -> str:
        """Inside an open write transaction: store new blocks, hash and (optionally) metadata; return the text."""
        text = canonical_text(blocks)
        db.execute("DELETE FROM blocks WHERE article_id = ?", (article_id,))
        cls._insert_blocks(db, article_id, blocks)
        db.execute(
            "UPDATE articles SET content_hash = ?, updated_at = ? WHERE id = ?",
            (content_hash(text), utc_now(), article_id),
        )
        if meta is not None:
            db.execute(
                "UPDATE articles SET title = ?, author = ?, outlet = ?, url = ?, published = ?, "
                "language = ?, source_path = ? WHERE id = ?",
                (*_meta_values(meta, text), article_id),
            )
        return text

    def delete(self, article_id: int) -> None:
        with self.library.write() as db:
            db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.library.notify(Change("article", "deleted", (article_id,), (article_id,)))

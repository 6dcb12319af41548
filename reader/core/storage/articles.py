"""Articles and their blocks. The canonical text is joined here and nowhere else (reader.core.text)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from reader.core.errors import ErrorCode, HawamishError
from reader.core.models import Article, ArticleListRow, ArticleMeta
from reader.core.storage.database import Transaction
from reader.core.text import Block, BlockKind, canonical_text, content_hash, detect_language, join_block_texts

_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

_ARTICLE_COLUMNS = (
    "a.id, a.title, a.author, a.outlet, a.url, a.published, a.language, a.source_path, a.content_hash, "
    "a.imported_at, a.updated_at, "
    "(SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id) AS highlight_count"
)


def chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def marks(ids: Sequence[object]) -> str:
    return ",".join("?" * len(ids))


def _meta_values(meta: ArticleMeta, text: str) -> tuple[str, ...]:
    """The metadata columns, in the order title, author, outlet, url, published, language, source_path."""
    language = meta.language or detect_language(text)
    return (meta.title, meta.author, meta.outlet, meta.url, meta.published, language, meta.source_path)


def _row_to_article(row: sqlite3.Row) -> Article:
    # positional: _ARTICLE_COLUMNS are Article's fields in order (tests/core/storage/test_articles.py holds
    # them together); a dict a row cost two thirds of listing 10,000 articles for the GUI's library list
    return Article(*row)


def _insert_blocks(tx: Transaction, article_id: int, blocks: Sequence[Block]) -> None:
    tx.executemany(
        "INSERT INTO blocks(article_id, position, kind, level, text) VALUES (?, ?, ?, ?, ?)",
        [(article_id, i, b.kind.value, b.level, b.text) for i, b in enumerate(blocks)],
    )


def insert(tx: Transaction, meta: ArticleMeta, blocks: Sequence[Block], now: str) -> int:
    """Insert a new article with its blocks; its id."""
    text = canonical_text(blocks)
    cur = tx.execute(
        "INSERT INTO articles(title, author, outlet, url, published, language, source_path, "
        "content_hash, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_meta_values(meta, text), content_hash(text), now, now),
    )
    article_id = int(cur.lastrowid or 0)
    _insert_blocks(tx, article_id, blocks)
    return article_id


def exists(tx: Transaction, article_id: int) -> bool:
    return tx.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def require(tx: Transaction, article_id: int) -> None:
    if not exists(tx, article_id):
        raise HawamishError(ErrorCode.NOT_FOUND, detail=f"article {article_id}")


def blocks(tx: Transaction, article_id: int) -> list[Block]:
    return [
        Block(BlockKind(r["kind"]), r["text"], r["level"])
        for r in tx.execute(
            "SELECT kind, level, text FROM blocks WHERE article_id = ? ORDER BY position", (article_id,)
        )
    ]


def get(tx: Transaction, article_id: int) -> Article:
    """An article with its blocks (NOT_FOUND when there is none)."""
    row = tx.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    if row is None:
        raise HawamishError(ErrorCode.NOT_FOUND, detail=f"article {article_id}")
    article = _row_to_article(row)
    article.blocks = blocks(tx, article_id)
    return article


def text(tx: Transaction, article_id: int) -> str:
    """The canonical text of one article (NOT_FOUND when there is none)."""
    require(tx, article_id)
    rows = tx.execute("SELECT text FROM blocks WHERE article_id = ? ORDER BY position", (article_id,))
    return join_block_texts(r[0] for r in rows)


def texts(tx: Transaction, article_ids: Sequence[int]) -> dict[int, str]:
    """id -> canonical text of several articles at once (ids without an article are left out)."""
    parts: dict[int, list[str]] = {}
    for chunk in chunks(sorted(set(article_ids))):
        rows = tx.execute(
            f"SELECT article_id, text FROM blocks WHERE article_id IN ({marks(chunk)}) ORDER BY article_id, position",
            tuple(chunk),
        )
        for article_id, block_text in rows:
            parts.setdefault(article_id, []).append(block_text)
    return {i: join_block_texts(p) for i, p in parts.items()}


def list_all(tx: Transaction) -> list[Article]:
    """Every article without its blocks, newest import first."""
    rows = tx.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a ORDER BY a.id DESC").fetchall()
    return [_row_to_article(r) for r in rows]


_LIST_ROWS = (
    "SELECT a.id, a.title, a.author, a.outlet, a.published, COALESCE(h.n, 0) FROM articles a "
    "LEFT JOIN (SELECT article_id, COUNT(*) AS n FROM highlights GROUP BY article_id) h ON h.article_id = a.id "
    "ORDER BY a.id DESC"
)
_SOME_LIST_ROWS = (
    "SELECT a.id, a.title, a.author, a.outlet, a.published, "
    "(SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id) FROM articles a WHERE a.id IN ({marks}) "
    "ORDER BY a.id DESC"
)


def list_rows(tx: Transaction, article_ids: Iterable[int] | None = None) -> list[ArticleListRow]:
    """The list columns of every article (or of the given ones), newest import first: plain tuples, no
    Article objects (at 10,000 articles sqlite3.Row and dataclasses cost more than the query itself)."""
    cursor = tx.cursor()
    cursor.row_factory = None
    if article_ids is None:
        return list(map(ArticleListRow._make, cursor.execute(_LIST_ROWS)))
    out: list[ArticleListRow] = []
    for chunk in chunks(sorted(set(article_ids))):
        out.extend(
            map(
                ArticleListRow._make, cursor.execute(_SOME_LIST_ROWS.format(marks=marks(chunk)), tuple(chunk))
            )
        )
    out.sort(key=lambda row: row.id, reverse=True)
    return out


def count(tx: Transaction) -> int:
    return int(tx.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def ids(tx: Transaction) -> list[int]:
    return [int(r[0]) for r in tx.execute("SELECT id FROM articles ORDER BY id")]


def highlight_counts(tx: Transaction, article_ids: Iterable[int]) -> dict[int, int]:
    """id -> number of highlights, for the given articles (0 included)."""
    wanted = sorted(set(article_ids))
    out = dict.fromkeys(wanted, 0)
    for chunk in chunks(wanted):
        rows = tx.execute(
            f"SELECT article_id, COUNT(*) FROM highlights WHERE article_id IN ({marks(chunk)}) GROUP BY article_id",
            tuple(chunk),
        )
        out.update({int(a): int(n) for a, n in rows})
    return out


def hashes(tx: Transaction) -> dict[str, int]:
    """content_hash -> id of every article (duplicates in an import are found against this)."""
    return {h: int(i) for h, i in tx.execute("SELECT content_hash, id FROM articles")}


def find_by_hash(tx: Transaction, text_hash: str) -> int | None:
    row = tx.execute("SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (text_hash,)).fetchone()
    return int(row[0]) if row else None


def write_text(
    tx: Transaction, article_id: int, new_blocks: Sequence[Block], meta: ArticleMeta | None, now: str
) -> str:
    """Store new blocks, hash and (optionally) metadata of an article; the new canonical text."""
    new_text = canonical_text(new_blocks)
    tx.execute("DELETE FROM blocks WHERE article_id = ?", (article_id,))
    _insert_blocks(tx, article_id, new_blocks)
    tx.execute(
        "UPDATE articles SET content_hash = ?, updated_at = ? WHERE id = ?",
        (content_hash(new_text), now, article_id),
    )
    if meta is not None:
        tx.execute(
            "UPDATE articles SET title = ?, author = ?, outlet = ?, url = ?, published = ?, "
            "language = ?, source_path = ? WHERE id = ?",
            (*_meta_values(meta, new_text), article_id),
        )
    return new_text


def delete(tx: Transaction, article_id: int) -> None:
    tx.execute("DELETE FROM articles WHERE id = ?", (article_id,))

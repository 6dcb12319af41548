"""Articles and their blocks. The canonical text is joined here and nowhere else (reader.core.text)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from reader.core.errors import ErrorCode, HawamishError
from reader.core.models import Article, ArticleFilter, ArticleListRow, ArticleMeta, DeletedArticles
from reader.core.storage.database import Transaction
from reader.core.storage.tag_match import within
from reader.core.text import (
    Block,
    BlockKind,
    canonical_text,
    content_hash,
    detect_language,
    join_block_texts,
    normalize_arabic,
)

_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

_ARTICLE_COLUMNS = (
    "a.id, a.title, a.author, a.outlet, a.url, a.published, a.language, a.source_path, a.content_hash, "
    "a.imported_at, a.updated_at, "
    "(SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id) AS highlight_count"
)

T = TypeVar("T")


def chunks(ids: Sequence[T]) -> Iterator[Sequence[T]]:
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


def _where(selection: ArticleFilter | None) -> tuple[str, list[object]]:
    """The SQL condition (on `a`, the articles table) of a filter's exact parts; '' for none."""
    if selection is None:
        return "", []
    parts: list[str] = []
    args: list[object] = []
    if selection.tag:
        # a parent tag matches its children: "security" also finds "security/terrorism"
        tag_match, tag_args = within(selection.tag)
        parts.append(
            f"(a.id IN (SELECT article_id FROM article_tags WHERE {tag_match}) OR a.id IN (SELECT h.article_id "
            f"FROM highlights h JOIN highlight_tags t ON t.highlight_id = h.id WHERE {tag_match}))"
        )
        args += tag_args * 2
    if selection.collection:
        parts.append(
            "a.id IN (SELECT ac.article_id FROM article_collections ac JOIN collections c "
            "ON c.id = ac.collection_id WHERE c.name = ?)"
        )
        args.append(selection.collection)
    if selection.language:
        parts.append("a.language = ?")
        args.append(selection.language.lower())
    if selection.since:
        parts.append("a.published != '' AND a.published >= ?")
        args.append(selection.since)
    if selection.until:  # the whole period: '2015-07' includes 2015-07-31
        parts.append("a.published != '' AND a.published <= ?")
        args.append(selection.until + "\uffff")
    if selection.has_highlights:
        parts.append("EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)")
    return (" WHERE " + " AND ".join(parts)) if parts else "", args


def _folded_match(selection: ArticleFilter | None) -> list[tuple[tuple[int, ...], str]]:
    """(which fields, folded needle) pairs a row must contain; fields are (title, author, outlet) indexes."""
    if selection is None:
        return []
    wanted = [((0, 1, 2), selection.text), ((1,), selection.author), ((2,), selection.outlet)]
    return [(fields, normalize_arabic(needle).strip()) for fields, needle in wanted if needle.strip()]


def _keep(title: str, author: str, outlet: str, needles: list[tuple[tuple[int, ...], str]]) -> bool:
    values = (title, author, outlet)
    return all(any(needle in normalize_arabic(values[f]) for f in fields) for fields, needle in needles)


def list_all(tx: Transaction, selection: ArticleFilter | None = None) -> list[Article]:
    """Every article (or those the filter keeps) without its blocks, newest import first."""
    where, args = _where(selection)
    rows = tx.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a{where} ORDER BY a.id DESC", args).fetchall()
    needles = _folded_match(selection)
    found = [_row_to_article(r) for r in rows]
    return [a for a in found if _keep(a.title, a.author, a.outlet, needles)] if needles else found


_LIST_ROWS = (
    "SELECT a.id, a.title, a.author, a.outlet, a.published, COALESCE(h.n, 0) FROM articles a "
    "LEFT JOIN (SELECT article_id, COUNT(*) AS n FROM highlights GROUP BY article_id) h ON h.article_id = a.id"
)
_SOME_LIST_ROWS = (
    "SELECT a.id, a.title, a.author, a.outlet, a.published, "
    "(SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id) FROM articles a WHERE a.id IN ({marks})"
    "{where}"
)


def list_rows(
    tx: Transaction, selection: ArticleFilter | None = None, article_ids: Iterable[int] | None = None
) -> list[ArticleListRow]:
    """The list columns of every article (or of the given ones; of those the filter keeps), newest import
    first: plain tuples, no Article objects (at 10,000 articles sqlite3.Row and dataclasses cost more than the
    query itself)."""
    where, args = _where(selection)
    cursor = tx.cursor()
    cursor.row_factory = None
    if article_ids is None:
        found = list(
            map(ArticleListRow._make, cursor.execute(f"{_LIST_ROWS}{where} ORDER BY a.id DESC", args))
        )
    else:
        found = []
        for chunk in chunks(sorted(set(article_ids))):
            sql = _SOME_LIST_ROWS.format(marks=marks(chunk), where=where.replace(" WHERE ", " AND ", 1))
            found.extend(map(ArticleListRow._make, cursor.execute(sql, (*chunk, *args))))
        found.sort(key=lambda row: row.id, reverse=True)
    needles = _folded_match(selection)
    return [r for r in found if _keep(r.title, r.author, r.outlet, needles)] if needles else found


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


def urls(tx: Transaction) -> dict[str, int]:
    """url -> id of every article that has one (an import recognises a page it has seen before)."""
    return {u: int(i) for u, i in tx.execute("SELECT url, id FROM articles WHERE url != '' ORDER BY id DESC")}


#: The metadata columns `update_meta` may change.
META_COLUMNS = ("title", "author", "outlet", "url", "published", "language")


def update_meta(tx: Transaction, article_id: int, values: dict[str, str], now: str) -> None:
    """Set some metadata columns (names from META_COLUMNS) of one article."""
    unknown = set(values) - set(META_COLUMNS)
    if unknown:
        raise ValueError(f"not metadata columns: {sorted(unknown)}")
    if not values:
        return
    assignments = ", ".join(f"{column} = ?" for column in values)
    tx.execute(
        f"UPDATE articles SET {assignments}, updated_at = ? WHERE id = ?", (*values.values(), now, article_id)
    )


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


#: Tables that hold an article's data, in the order a restore inserts them (parents first), with the
#: condition selecting one article's rows. article_collections is saved with the collection's name, so a
#: collection deleted meanwhile comes back.
_OWNED_TABLES: tuple[tuple[str, str], ...] = (
    ("articles", "id IN ({ids})"),
    ("blocks", "article_id IN ({ids})"),
    ("highlights", "article_id IN ({ids})"),
    ("highlight_tags", "highlight_id IN (SELECT id FROM highlights WHERE article_id IN ({ids}))"),
    ("article_notes", "article_id IN ({ids})"),
    ("article_tags", "article_id IN ({ids})"),
)


def snapshot(tx: Transaction, article_ids: Sequence[int]) -> DeletedArticles:
    """Every row that belongs to these articles (to undo their deletion)."""
    wanted = sorted(set(article_ids))
    rows: dict[str, list[tuple[object, ...]]] = {}
    for table, condition in _OWNED_TABLES:
        rows[table] = []
        for chunk in chunks(wanted):
            sql = f"SELECT * FROM {table} WHERE {condition.format(ids=marks(chunk))}"
            rows[table] += [tuple(r) for r in tx.execute(sql, tuple(chunk))]
    memberships: list[tuple[object, ...]] = []
    for chunk in chunks(wanted):
        memberships += [
            tuple(r)
            for r in tx.execute(
                "SELECT c.name, c.created, ac.article_id FROM article_collections ac JOIN collections c "
                f"ON c.id = ac.collection_id WHERE ac.article_id IN ({marks(chunk)})",
                tuple(chunk),
            )
        ]
    rows["article_collections"] = memberships
    return DeletedArticles(tuple(wanted), rows)


def _insert_row(tx: Transaction, table: str, row: Sequence[object]) -> int:
    cur = tx.execute(f"INSERT INTO {table} VALUES ({','.join('?' * len(row))})", tuple(row))
    return int(cur.lastrowid or 0)


def restore(tx: Transaction, deleted: DeletedArticles) -> list[int]:
    """Insert back what `snapshot` saved; the ids of the articles restored, unchanged.

    Row ids are reused by SQLite once the largest is deleted, so a highlight created since the delete may
    hold a saved highlight's id: that highlight comes back under a new id (its tags follow it). An article
    whose id was taken again is not restored (never overwritten).
    """
    saved = deleted.rows
    restored = [i for i in deleted.article_ids if not exists(tx, i)]
    keep = set(restored)
    for row in saved.get("articles", []):
        if row[0] in keep:
            _insert_row(tx, "articles", row)
    for row in saved.get("blocks", []):
        if row[0] in keep:
            _insert_row(tx, "blocks", row)
    new_highlight_id: dict[object, int] = {}
    for row in saved.get("highlights", []):
        if row[1] not in keep:
            continue
        taken = tx.execute("SELECT 1 FROM highlights WHERE id = ?", (row[0],)).fetchone() is not None
        new_highlight_id[row[0]] = _insert_row(tx, "highlights", (None, *row[1:]) if taken else row)
    for highlight_id, tag in saved.get("highlight_tags", []):
        if highlight_id in new_highlight_id:
            _insert_row(tx, "highlight_tags", (new_highlight_id[highlight_id], tag))
    for table in ("article_notes", "article_tags"):
        for row in saved.get(table, []):
            if row[0] in keep:
                _insert_row(tx, table, row)
    for name, created, article_id in saved.get("article_collections", []):
        if article_id not in keep:
            continue
        found = tx.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
        collection_id = found[0] if found else _insert_row(tx, "collections", (None, name, created))
        tx.execute(
            "INSERT OR IGNORE INTO article_collections(collection_id, article_id) VALUES (?, ?)",
            (collection_id, article_id),
        )
    return restored

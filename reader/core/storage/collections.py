"""Collections of articles (`collections`, `article_collections`): named sets, an article in any number."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.core.errors import ErrorCode, HawamishError
from reader.core.models import CollectionInfo
from reader.core.storage.articles import chunks, marks
from reader.core.storage.database import Transaction


def list_all(tx: Transaction) -> list[CollectionInfo]:
    """Every collection with its number of articles, by name."""
    rows = tx.execute(
        "SELECT c.id, c.name, COUNT(ac.article_id) FROM collections c "
        "LEFT JOIN article_collections ac ON ac.collection_id = c.id GROUP BY c.id ORDER BY c.name"
    )
    return [CollectionInfo(int(i), str(n), int(k)) for i, n, k in rows]


def find(tx: Transaction, name: str) -> int | None:
    row = tx.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else None


def require(tx: Transaction, name: str) -> int:
    found = find(tx, name)
    if found is None:
        raise HawamishError(ErrorCode.NOT_FOUND, detail=f"collection {name}")
    return found


def create(tx: Transaction, name: str, now: str) -> int:
    """A new collection's id (COLLECTION_EXISTS when the name is taken)."""
    try:
        cur = tx.execute("INSERT INTO collections(name, created) VALUES (?, ?)", (name, now))
    except sqlite3.IntegrityError:
        raise HawamishError(ErrorCode.COLLECTION_EXISTS, name=name) from None
    return int(cur.lastrowid or 0)


def ensure(tx: Transaction, name: str, now: str) -> int:
    found = find(tx, name)
    return found if found is not None else create(tx, name, now)


def rename(tx: Transaction, old: str, new: str) -> None:
    collection_id = require(tx, old)
    if old == new:
        return
    if find(tx, new) is not None:
        raise HawamishError(ErrorCode.COLLECTION_EXISTS, name=new)
    tx.execute("UPDATE collections SET name = ? WHERE id = ?", (new, collection_id))


def delete(tx: Transaction, name: str) -> None:
    tx.execute("DELETE FROM collections WHERE id = ?", (require(tx, name),))


def member_ids(tx: Transaction, collection_id: int) -> list[int]:
    rows = tx.execute(
        "SELECT article_id FROM article_collections WHERE collection_id = ? ORDER BY article_id",
        (collection_id,),
    )
    return [int(r[0]) for r in rows]


def add(tx: Transaction, collection_id: int, article_ids: Sequence[int]) -> list[int]:
    """Put articles in a collection; the ids that were not in it yet."""
    before = set(member_ids(tx, collection_id))
    new = [i for i in dict.fromkeys(article_ids) if i not in before]
    tx.executemany(
        "INSERT INTO article_collections(collection_id, article_id) VALUES (?, ?)",
        [(collection_id, i) for i in new],
    )
    return new


def remove(tx: Transaction, collection_id: int, article_ids: Sequence[int]) -> list[int]:
    """Take articles out of a collection; the ids that were in it."""
    before = set(member_ids(tx, collection_id))
    gone = [i for i in dict.fromkeys(article_ids) if i in before]
    tx.executemany(
        "DELETE FROM article_collections WHERE collection_id = ? AND article_id = ?",
        [(collection_id, i) for i in gone],
    )
    return gone


def of_articles(tx: Transaction, article_ids: Sequence[int]) -> dict[int, list[str]]:
    """article id -> names of its collections, by name (every id present)."""
    out: dict[int, list[str]] = {i: [] for i in article_ids}
    for chunk in chunks(sorted(set(article_ids))):
        rows = tx.execute(
            "SELECT ac.article_id, c.name FROM article_collections ac JOIN collections c ON c.id = ac.collection_id "
            f"WHERE ac.article_id IN ({marks(chunk)}) ORDER BY c.name",
            tuple(chunk),
        )
        for article_id, name in rows:
            out[int(article_id)].append(str(name))
    return out

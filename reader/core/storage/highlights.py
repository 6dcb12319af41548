"""Highlights (position + quote, colour key, note, orphan state) and the article-level note."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from reader.core.errors import ErrorCode, HawamishError
from reader.core.models import ArticleNote, Highlight
from reader.core.storage import tags as tag_rows
from reader.core.storage.articles import chunks, marks
from reader.core.storage.database import Transaction
from reader.core.storage.tag_match import within_any

_COLUMNS = 'id, article_id, start, "end", exact, prefix, suffix, text_hash, color, style, note, orphan, created, updated'


def _to_highlights(tx: Transaction, rows: Sequence[sqlite3.Row]) -> list[Highlight]:
    tags = tag_rows.of_highlights(tx, [r["id"] for r in rows])
    return [
        Highlight(
            id=r["id"],
            article_id=r["article_id"],
            start=r["start"],
            end=r["end"],
            exact=r["exact"],
            prefix=r["prefix"],
            suffix=r["suffix"],
            text_hash=r["text_hash"],
            color=r["color"],
            style=r["style"],
            note=r["note"],
            tags=tags[r["id"]],
            orphan=bool(r["orphan"]),
            created=r["created"],
            updated=r["updated"],
        )
        for r in rows
    ]


def get(tx: Transaction, highlight_id: int) -> Highlight:
    rows = tx.execute(f"SELECT {_COLUMNS} FROM highlights WHERE id = ?", (highlight_id,)).fetchall()
    if not rows:
        raise HawamishError(ErrorCode.NOT_FOUND, detail=f"highlight {highlight_id}")
    return _to_highlights(tx, rows)[0]


def for_article(tx: Transaction, article_id: int) -> list[Highlight]:
    """Every highlight of an article by position, orphans included (they keep their last position)."""
    rows = tx.execute(
        f'SELECT {_COLUMNS} FROM highlights WHERE article_id = ? ORDER BY start, "end", id', (article_id,)
    ).fetchall()
    return _to_highlights(tx, rows)


def query(
    tx: Transaction,
    *,
    article_ids: Iterable[int] | None = None,
    tags: Sequence[str] | None = None,
    colors: Iterable[str] | None = None,
) -> list[Highlight]:
    """Highlights matching every given filter (any of the listed values), by article then position."""
    where: list[str] = []
    params: list[object] = []
    for column, values in (("article_id", article_ids), ("color", colors)):
        if values is not None:
            vals = list(values)
            where.append(f"{column} IN ({marks(vals)})" if vals else "0")
            params.extend(vals)
    if tags is not None:
        # a parent tag matches its children: "security" also finds "security/terrorism"
        tag_match, tag_args = within_any(tags)
        where.append(f"id IN (SELECT highlight_id FROM highlight_tags WHERE {tag_match})")
        params.extend(tag_args)
    sql = f"SELECT {_COLUMNS} FROM highlights"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY article_id, start, "end", id'
    return _to_highlights(tx, tx.execute(sql, params).fetchall())


def article_ids_of(tx: Transaction, highlight_ids: Sequence[int]) -> dict[int, int]:
    """highlight id -> its article's id, for the ids that exist."""
    out: dict[int, int] = {}
    for chunk in chunks(sorted(set(highlight_ids))):
        out.update(
            tx.execute(f"SELECT id, article_id FROM highlights WHERE id IN ({marks(chunk)})", tuple(chunk))
        )
    return out


def count(tx: Transaction) -> int:
    return int(tx.execute("SELECT COUNT(*) FROM highlights").fetchone()[0])


def colors_in_use(tx: Transaction) -> set[str]:
    """Colour keys that highlights carry (a deleted label's key included)."""
    return {r[0] for r in tx.execute("SELECT DISTINCT color FROM highlights")}


def insert(tx: Transaction, h: Highlight, *, keep_id: bool = False) -> int:
    """Insert `h` (its id too when `keep_id`: an undo puts back the same highlight); the id."""
    values = (
        h.article_id, h.start, h.end, h.exact, h.prefix, h.suffix, h.text_hash, h.color, h.style, h.note,
        int(h.orphan), h.created, h.updated,
    )  # fmt: skip
    if keep_id:
        tx.execute(
            f"INSERT OR REPLACE INTO highlights({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (h.id, *values),
        )
        highlight_id = h.id
    else:
        cur = tx.execute(
            f"INSERT INTO highlights({_COLUMNS.replace('id, ', '', 1)}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
        highlight_id = int(cur.lastrowid or 0)
    tag_rows.set_for_highlight(tx, highlight_id, h.tags)
    return highlight_id


def update_fields(tx: Transaction, highlight_id: int, *, color: str, style: str, note: str, now: str) -> None:
    tx.execute(
        "UPDATE highlights SET color = ?, style = ?, note = ?, updated = ? WHERE id = ?",
        (color, style, note, now, highlight_id),
    )


def set_place(
    tx: Transaction,
    highlight_id: int,
    start: int,
    end: int,
    quote: tuple[str, str, str] | None,
    text_hash: str | None,
    *,
    orphan: bool,
    now: str | None = None,
) -> None:
    """Move a highlight to [start, end); `quote` (exact, prefix, suffix) and `text_hash` replace its quote
    and the hash of the text it was placed on when given (an orphan keeps its original ones), `now` its
    update time."""
    sets = ["start = ?", '"end" = ?', "orphan = ?"]
    params: list[object] = [start, end, int(orphan)]
    if text_hash is not None:
        sets.append("text_hash = ?")
        params.append(text_hash)
    if quote is not None:
        sets += ["exact = ?", "prefix = ?", "suffix = ?"]
        params += list(quote)
    if now is not None:
        sets.append("updated = ?")
        params.append(now)
    tx.execute(f"UPDATE highlights SET {', '.join(sets)} WHERE id = ?", (*params, highlight_id))


def delete(tx: Transaction, highlight_id: int) -> None:
    tx.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))


def placed_of_articles(tx: Transaction) -> dict[int, list[Highlight]]:
    """article id -> its placed (not orphan) highlights, for the consistency check."""
    rows = tx.execute(
        f'SELECT {_COLUMNS} FROM highlights WHERE orphan = 0 ORDER BY article_id, start, "end", id'
    ).fetchall()
    out: dict[int, list[Highlight]] = {}
    for h in _to_highlights(tx, rows):
        out.setdefault(h.article_id, []).append(h)
    return out


# --- the notebook: every highlight with what its card shows ----------------------------------------

#: A highlight's columns then its article's, as `notebook_rows` returns them.
NOTEBOOK_COLUMNS = (
    'h.id, h.article_id, h.start, h."end", h.exact, h.prefix, h.suffix, h.text_hash, h.color, h.style, '
    "h.note, h.orphan, h.created, h.updated, a.title, a.author, a.outlet, a.published, "
    # in a shared library, who made the highlight (reader/core/library/sharing.py)
    "COALESCE((SELECT s.creator FROM share_links l JOIN share_state s ON s.kind = l.kind AND s.target = l.target "
    "WHERE l.kind = 'annotation' AND l.local_id = h.id AND l.birth = h.article_id || '|' || h.created), '')"
)


def notebook_rows(
    tx: Transaction,
) -> tuple[list[tuple[Any, ...]], dict[int, list[str]], dict[int, list[str]]]:
    """Every highlight joined with its article (NOTEBOOK_COLUMNS, by article then position), each
    highlight's tags and each article's collections (alphabetical): three queries, plain tuples (10,000
    highlights read in a few tens of milliseconds; sqlite3.Row and a query a highlight cost far more)."""
    cursor = tx.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        f"SELECT {NOTEBOOK_COLUMNS} FROM highlights h JOIN articles a ON a.id = h.article_id "
        'ORDER BY h.article_id, h.start, h."end", h.id'
    ).fetchall()
    tags: dict[int, list[str]] = {}
    for highlight_id, tag in cursor.execute("SELECT highlight_id, tag FROM highlight_tags ORDER BY tag"):
        tags.setdefault(highlight_id, []).append(tag)
    collections: dict[int, list[str]] = {}
    for article_id, name in cursor.execute(
        "SELECT ac.article_id, c.name FROM article_collections ac JOIN collections c "
        "ON c.id = ac.collection_id ORDER BY c.name"
    ):
        collections.setdefault(article_id, []).append(name)
    return rows, tags, collections


# --- the article's own note ---------------------------------------------------------------------------


def article_note(tx: Transaction, article_id: int) -> ArticleNote:
    row = tx.execute("SELECT note, updated FROM article_notes WHERE article_id = ?", (article_id,)).fetchone()
    return ArticleNote(row[0], row[1]) if row else ArticleNote()


def set_article_note(tx: Transaction, article_id: int, text: str, now: str) -> None:
    """Store the article's note; an empty (or blank) text removes it."""
    if text.strip():
        tx.execute(
            "INSERT OR REPLACE INTO article_notes(article_id, note, updated) VALUES (?, ?, ?)",
            (article_id, text, now),
        )
    else:
        tx.execute("DELETE FROM article_notes WHERE article_id = ?", (article_id,))


def by_ids(tx: Transaction, highlight_ids: Iterable[int]) -> dict[int, Highlight]:
    """The highlights that still exist among `highlight_ids`, by id (a research page's quotes)."""
    wanted = sorted(set(highlight_ids))
    found: dict[int, Highlight] = {}
    for chunk in chunks(wanted):
        rows = tx.execute(
            f"SELECT {_COLUMNS} FROM highlights WHERE id IN ({marks(chunk)})", tuple(chunk)
        ).fetchall()
        found.update((h.id, h) for h in _to_highlights(tx, rows))
    return found

"""Research pages (`pages`): a title, Markdown text and timestamps; the quotes are markers inside the text."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.core.errors import ErrorCode, HawamishError
from reader.core.models import Page
from reader.core.pages import QuoteSource
from reader.core.storage.articles import chunks, marks
from reader.core.storage.database import Transaction

_COLUMNS = "id, title, text, created, updated"


def _page(row: sqlite3.Row) -> Page:
    return Page(int(row["id"]), str(row["title"]), str(row["text"]), str(row["created"]), str(row["updated"]))


def list_all(tx: Transaction) -> list[Page]:
    """Every page, the last edited first."""
    rows = tx.execute(f"SELECT {_COLUMNS} FROM pages ORDER BY updated DESC, id DESC")
    return [_page(r) for r in rows]


def find(tx: Transaction, page_id: int) -> Page | None:
    row = tx.execute(f"SELECT {_COLUMNS} FROM pages WHERE id = ?", (page_id,)).fetchone()
    return _page(row) if row else None


def find_by_title(tx: Transaction, title: str) -> Page | None:
    row = tx.execute(f"SELECT {_COLUMNS} FROM pages WHERE title = ?", (title,)).fetchone()
    return _page(row) if row else None


def require(tx: Transaction, page_id: int) -> Page:
    page = find(tx, page_id)
    if page is None:
        raise HawamishError(ErrorCode.NOT_FOUND, detail=f"page {page_id}")
    return page


def _check_title_free(tx: Transaction, title: str, page_id: int | None = None) -> None:
    other = find_by_title(tx, title)
    if other is not None and other.id != page_id:
        raise HawamishError(ErrorCode.PAGE_EXISTS, name=title)


def insert(
    tx: Transaction, title: str, text: str, created: str, updated: str, page_id: int | None = None
) -> int:
    """A new page's id (PAGE_EXISTS when the title is taken); `page_id` puts a deleted page back under its id
    when that id is still free."""
    _check_title_free(tx, title)
    if page_id is not None and find(tx, page_id) is None:
        tx.execute(
            "INSERT INTO pages(id, title, text, created, updated) VALUES (?, ?, ?, ?, ?)",
            (page_id, title, text, created, updated),
        )
        return page_id
    cur = tx.execute(
        "INSERT INTO pages(title, text, created, updated) VALUES (?, ?, ?, ?)",
        (title, text, created, updated),
    )
    return int(cur.lastrowid or 0)


def update(tx: Transaction, page_id: int, title: str, text: str, updated: str) -> None:
    require(tx, page_id)
    _check_title_free(tx, title, page_id)
    tx.execute(
        "UPDATE pages SET title = ?, text = ?, updated = ? WHERE id = ?", (title, text, updated, page_id)
    )


def delete(tx: Transaction, page_id: int) -> None:
    tx.execute("DELETE FROM pages WHERE id = ?", (page_id,))


def sources(tx: Transaction, article_ids: Sequence[int]) -> dict[int, QuoteSource]:
    """What a citation names of each article (title, author, outlet, date, URL, language), by id."""
    out: dict[int, QuoteSource] = {}
    for chunk in chunks(sorted(set(article_ids))):
        rows = tx.execute(
            "SELECT id, title, author, outlet, published, url, language FROM articles "
            f"WHERE id IN ({marks(chunk)})",
            tuple(chunk),
        )
        for r in rows:
            out[int(r[0])] = QuoteSource(int(r[0]), *(str(v) for v in tuple(r)[1:]))
    return out

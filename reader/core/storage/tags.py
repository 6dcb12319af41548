"""Tags of articles and of highlights (two WITHOUT ROWID tables, `article_tags` and `highlight_tags`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.storage.articles import chunks, marks
from reader.core.storage.database import Transaction


def of_highlights(tx: Transaction, highlight_ids: Sequence[int]) -> dict[int, list[str]]:
    """highlight id -> its tags in alphabetical order (every id present)."""
    out: dict[int, list[str]] = {i: [] for i in highlight_ids}
    for chunk in chunks(list(highlight_ids)):
        rows = tx.execute(
            f"SELECT highlight_id, tag FROM highlight_tags WHERE highlight_id IN ({marks(chunk)}) ORDER BY tag",
            tuple(chunk),
        )
        for highlight_id, tag in rows:
            out[highlight_id].append(tag)
    return out


def set_for_highlight(tx: Transaction, highlight_id: int, tags: Iterable[str]) -> None:
    """Replace a highlight's tags (already normalised by the caller)."""
    tx.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", (highlight_id,))
    tx.executemany(
        "INSERT INTO highlight_tags(highlight_id, tag) VALUES (?, ?)", [(highlight_id, t) for t in tags]
    )


def of_article(tx: Transaction, article_id: int) -> list[str]:
    rows = tx.execute("SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (article_id,))
    return [r[0] for r in rows]


def of_articles(tx: Transaction, article_ids: Sequence[int]) -> dict[int, list[str]]:
    """article id -> its own tags in alphabetical order (every id present)."""
    out: dict[int, list[str]] = {i: [] for i in article_ids}
    for chunk in chunks(sorted(set(article_ids))):
        rows = tx.execute(
            f"SELECT article_id, tag FROM article_tags WHERE article_id IN ({marks(chunk)}) ORDER BY tag",
            tuple(chunk),
        )
        for article_id, tag in rows:
            out[article_id].append(tag)
    return out


def set_for_article(tx: Transaction, article_id: int, tags: Iterable[str]) -> None:
    """Replace an article's tags (already normalised by the caller)."""
    tx.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
    tx.executemany("INSERT INTO article_tags(article_id, tag) VALUES (?, ?)", [(article_id, t) for t in tags])


def articles_tagged(tx: Transaction, tag: str) -> list[int]:
    """Ids of articles that carry `tag` themselves or through one of their highlights, by id."""
    rows = tx.execute(
        "SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_tags WHERE tag = ?) "
        "OR id IN (SELECT h.article_id FROM highlights h JOIN highlight_tags t ON t.highlight_id = h.id "
        "WHERE t.tag = ?) ORDER BY id",
        (tag, tag),
    )
    return [int(r[0]) for r in rows]


def in_use(tx: Transaction) -> list[str]:
    """Every tag on an article or a highlight, once each, in code-point order."""
    rows = tx.execute("SELECT tag FROM article_tags UNION SELECT tag FROM highlight_tags ORDER BY tag")
    return [str(r[0]) for r in rows]

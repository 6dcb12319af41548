"""Tags of articles and of highlights (two WITHOUT ROWID tables, `article_tags` and `highlight_tags`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.storage.articles import chunks, marks
from reader.core.storage.database import Transaction
from reader.core.storage.tag_match import within, within_any


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
    """Ids of articles that carry `tag` (or a child of it) themselves or through one of their highlights."""
    own, own_args = within(tag)
    through, through_args = within(tag, "t.tag")
    rows = tx.execute(
        f"SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_tags WHERE {own}) "
        "OR id IN (SELECT h.article_id FROM highlights h JOIN highlight_tags t ON t.highlight_id = h.id "
        f"WHERE {through}) ORDER BY id",
        (*own_args, *through_args),
    )
    return [int(r[0]) for r in rows]


def in_use(tx: Transaction) -> list[str]:
    """Every tag on an article or a highlight, once each, in code-point order."""
    rows = tx.execute("SELECT tag FROM article_tags UNION SELECT tag FROM highlight_tags ORDER BY tag")
    return [str(r[0]) for r in rows]


def highlight_pairs(tx: Transaction) -> list[tuple[int, int, str]]:
    """Every (highlight id, its article's id, tag) of highlights' tags (the tag list counts them)."""
    rows = tx.execute(
        "SELECT t.highlight_id, h.article_id, t.tag FROM highlight_tags t JOIN highlights h ON h.id = t.highlight_id"
    )
    return [(int(i), int(a), str(t)) for i, a, t in rows]


def article_pairs(tx: Transaction) -> list[tuple[int, str]]:
    """Every (article id, tag) pair of articles' own tags."""
    return [(int(i), str(t)) for i, t in tx.execute("SELECT article_id, tag FROM article_tags")]


def highlights_within(tx: Transaction, tags: Sequence[str]) -> dict[int, list[str]]:
    """highlight id -> all its tags, for the highlights carrying any of `tags` or a child of one."""
    match, args = within_any(tags)
    rows = tx.execute(f"SELECT DISTINCT highlight_id FROM highlight_tags WHERE {match}", args)
    return of_highlights(tx, sorted(int(r[0]) for r in rows))


def articles_within(tx: Transaction, tags: Sequence[str]) -> dict[int, list[str]]:
    """article id -> all its own tags, for the articles carrying any of `tags` or a child of one."""
    match, args = within_any(tags)
    rows = tx.execute(f"SELECT DISTINCT article_id FROM article_tags WHERE {match}", args)
    return of_articles(tx, sorted(int(r[0]) for r in rows))


def existing_highlights(tx: Transaction, highlight_ids: Sequence[int]) -> set[int]:
    """Those of `highlight_ids` that are still in the library."""
    found: set[int] = set()
    for chunk in chunks(sorted(set(highlight_ids))):
        rows = tx.execute(f"SELECT id FROM highlights WHERE id IN ({marks(chunk)})", tuple(chunk))
        found.update(int(r[0]) for r in rows)
    return found


def existing_articles(tx: Transaction, article_ids: Sequence[int]) -> set[int]:
    """Those of `article_ids` that are still in the library."""
    found: set[int] = set()
    for chunk in chunks(sorted(set(article_ids))):
        rows = tx.execute(f"SELECT id FROM articles WHERE id IN ({marks(chunk)})", tuple(chunk))
        found.update(int(r[0]) for r in rows)
    return found


def article_of_highlights(tx: Transaction, highlight_ids: Sequence[int]) -> dict[int, int]:
    """highlight id -> its article's id (ids without a highlight are left out)."""
    out: dict[int, int] = {}
    for chunk in chunks(sorted(set(highlight_ids))):
        rows = tx.execute(f"SELECT id, article_id FROM highlights WHERE id IN ({marks(chunk)})", tuple(chunk))
        out.update((int(i), int(a)) for i, a in rows)
    return out


#: The two tag tables and the column naming what each row tags.
TAG_TABLES = (("highlight_tags", "highlight_id"), ("article_tags", "article_id"))


def rename_everywhere(tx: Transaction, old: str, new: str) -> None:
    """Rename `old` and its children's prefix to `new` in both tables, in two statements each: a row whose
    new name its object already carries is dropped (a merge). `new` must not be inside `old` (`a` -> `a/b`:
    the renamed rows would match `old` again); callers rewrite object by object then."""
    match, args = within(old)
    for table, _column in TAG_TABLES:
        tx.execute(
            f"UPDATE OR IGNORE {table} SET tag = ? || substr(tag, ?) WHERE {match}",
            [new, len(old) + 1, *args],
        )
        tx.execute(f"DELETE FROM {table} WHERE {match}", args)


def delete_everywhere(tx: Transaction, tags: Sequence[str]) -> None:
    """Take `tags` and their children off every highlight and article."""
    match, args = within_any(tags)
    for table, _column in TAG_TABLES:
        tx.execute(f"DELETE FROM {table} WHERE {match}", args)


def put_back(tx: Transaction, highlights: dict[int, list[str]], articles: dict[int, list[str]]) -> None:
    """Give these highlights and articles exactly these tags (ids no longer in the library are skipped
    by the caller)."""
    for (table, column), tagged in zip(TAG_TABLES, (highlights, articles), strict=True):
        ids = sorted(tagged)
        for chunk in chunks(ids):
            tx.execute(f"DELETE FROM {table} WHERE {column} IN ({marks(chunk)})", tuple(chunk))
        tx.executemany(
            f"INSERT OR IGNORE INTO {table}({column}, tag) VALUES (?, ?)",
            [(object_id, tag) for object_id in ids for tag in tagged[object_id]],
        )

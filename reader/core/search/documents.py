"""The index's documents, read straight from SQLite (the source of truth), and their change stamps.

One document per article ("a:ID") and one per highlight ("h:ID"). A stamp is a hash of every column a
document is built from, so `sync` finds what changed without trusting any single `updated` column (tags
and article notes do not touch articles.updated_at).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from reader.core.search.analysis import normalize_for_find
from reader.core.search.schema import TITLE_WEIGHT

_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


def _stamp(*parts: object) -> str:
    h = hashlib.blake2b(digest_size=12)
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _in(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def article_doc_id(article_id: int) -> str:
    return f"a:{article_id}"


def highlight_doc_id(highlight_id: int) -> str:
    return f"h:{highlight_id}"


_ARTICLE_META = """
    SELECT a.id, a.title, a.author, a.outlet, a.published, a.language, a.content_hash, a.updated_at,
           COALESCE((SELECT group_concat(tag, ',') FROM
                      (SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY tag)), '') AS tags,
           COALESCE((SELECT note FROM article_notes n WHERE n.article_id = a.id), '') AS note
    FROM articles a
"""

_HIGHLIGHT_META = """
    SELECT h.id, h.article_id, h.start, h."end", h.exact, h.color, h.note, h.orphan, h.updated,
           COALESCE((SELECT group_concat(tag, ',') FROM
                      (SELECT tag FROM highlight_tags t WHERE t.highlight_id = h.id ORDER BY tag)), '') AS tags,
           a.title, a.outlet, a.published, a.language
    FROM highlights h JOIN articles a ON a.id = h.article_id
"""


def _article_stamp(r: sqlite3.Row) -> str:
    return _stamp(
        r["title"],
        r["author"],
        r["outlet"],
        r["published"],
        r["language"],
        r["content_hash"],
        r["updated_at"],
        r["tags"],
        r["note"],
    )


def _highlight_stamp(r: sqlite3.Row) -> str:
    return _stamp(
        r["start"],
        r["end"],
        r["exact"],
        r["color"],
        r["note"],
        r["orphan"],
        r["updated"],
        r["tags"],
        r["title"],
        r["outlet"],
        r["published"],
        r["language"],
    )


def _where_articles(column: str, article_ids: Sequence[int] | None) -> Iterator[tuple[str, Sequence[Any]]]:
    if article_ids is None:
        yield "", ()
        return
    for chunk in _chunks(sorted(set(article_ids))):
        yield f" WHERE {column} IN ({_in(chunk)})", tuple(chunk)


def stamps(db: sqlite3.Connection, article_ids: Sequence[int] | None = None) -> dict[str, str]:
    """doc_id → stamp for every document SQLite implies (or those of some articles)."""
    out: dict[str, str] = {}
    for where, params in _where_articles("a.id", article_ids):
        for r in db.execute(_ARTICLE_META + where, params):
            out[article_doc_id(r["id"])] = _article_stamp(r)
    for where, params in _where_articles("h.article_id", article_ids):
        for r in db.execute(_HIGHLIGHT_META + where, params):
            out[highlight_doc_id(r["id"])] = _highlight_stamp(r)
    return out


def _tags(value: str) -> str:
    return ",".join(normalize_for_find(t) for t in value.split(",") if t.strip())


def _article_texts(db: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    texts: dict[int, list[str]] = {i: [] for i in ids}
    rows = db.execute(
        f"SELECT article_id, text FROM blocks WHERE article_id IN ({_in(ids)}) ORDER BY article_id, position",
        tuple(ids),
    )
    for article_id, text in rows:
        texts[article_id].append(text)
    return {i: "\n".join(parts) for i, parts in texts.items()}


def article_text(db: sqlite3.Connection, article_id: int) -> str:
    """The canonical text of one article (blocks joined by newlines)."""
    return "\n".join(
        r[0]
        for r in db.execute("SELECT text FROM blocks WHERE article_id = ? ORDER BY position", (article_id,))
    )


def build_docs(db: sqlite3.Connection, doc_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
    """whoosh documents (field → value) for the given doc ids; ids SQLite no longer has are skipped."""
    article_ids = sorted(int(d[2:]) for d in doc_ids if d.startswith("a:"))
    highlight_ids = sorted(int(d[2:]) for d in doc_ids if d.startswith("h:"))
    for chunk in _chunks(article_ids):
        texts = _article_texts(db, chunk)
        for r in db.execute(_ARTICLE_META + f" WHERE a.id IN ({_in(chunk)})", tuple(chunk)):
            yield {
                "doc_id": article_doc_id(r["id"]),
                "kind": "article",
                "article_id": str(r["id"]),
                "stamp": _article_stamp(r),
                "heading": r["title"],
                "title": r["title"],
                "author": r["author"],
                "outlet": r["outlet"],
                "outlet_key": normalize_for_find(r["outlet"]),
                "text": ((r["title"], TITLE_WEIGHT), (texts.get(r["id"], ""), 1.0), (r["note"], 1.0)),
                "note": r["note"],
                "tag": _tags(r["tags"]),
                "lang": r["language"] or "",
                "date": r["published"] or "",
            }
    for chunk in _chunks(highlight_ids):
        for r in db.execute(_HIGHLIGHT_META + f" WHERE h.id IN ({_in(chunk)})", tuple(chunk)):
            yield {
                "doc_id": highlight_doc_id(r["id"]),
                "kind": "highlight note" if r["note"].strip() else "highlight",
                "article_id": str(r["article_id"]),
                "highlight_id": r["id"],
                "stamp": _highlight_stamp(r),
                "heading": r["title"],
                "outlet": r["outlet"],
                "outlet_key": normalize_for_find(r["outlet"]),
                "text": ((r["exact"], 1.0), (r["note"], 1.0)),
                "note": r["note"],
                "tag": _tags(r["tags"]),
                "color": r["color"],
                "lang": r["language"] or "",
                "date": r["published"] or "",
            }


def highlight_rows(db: sqlite3.Connection, highlight_ids: Sequence[int]) -> dict[int, sqlite3.Row]:
    """id → (start, end, exact, note, color, orphan) for building highlight hits."""
    out: dict[int, sqlite3.Row] = {}
    for chunk in _chunks(sorted(set(highlight_ids))):
        for r in db.execute(
            f'SELECT id, start, "end", exact, note, color, orphan FROM highlights WHERE id IN ({_in(chunk)})',
            tuple(chunk),
        ):
            out[r["id"]] = r
    return out

"""The index's documents, built from rows of SQLite (the source of truth), and their change stamps.

One document per article ("a:ID") and one per highlight ("h:ID"). A stamp is a hash of every column a
document is built from, so `sync` finds what changed without trusting any single `updated` column (tags
and article notes do not touch articles.updated_at).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from reader.core.search.analysis import normalize_for_find
from reader.core.search.schema import TITLE_WEIGHT

Row = Mapping[str, Any]


class IndexRows(Protocol):
    """One consistent snapshot of the library (reader.core.storage.index_rows implements it)."""

    def article_rows(self, article_ids: Sequence[int] | None = None) -> Iterable[Row]: ...

    def highlight_rows(
        self, *, article_ids: Sequence[int] | None = None, highlight_ids: Sequence[int] | None = None
    ) -> Iterable[Row]: ...

    def texts(self, article_ids: Sequence[int]) -> dict[int, str]: ...


class IndexSource(Protocol):
    """Where the index reads from: a snapshot at a time."""

    def snapshot(self) -> AbstractContextManager[IndexRows]: ...

    def roots_enabled(self) -> bool:
        """Whether documents carry the root field (a library setting: Library.set_root_search)."""
        ...

    def close(self) -> None:
        """Let go of what the calling thread holds open."""


def _stamp(*parts: object) -> str:
    h = hashlib.blake2b(digest_size=12)
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    """Documents are built a few hundred at a time (the texts of a chunk are read at once)."""
    for i in range(0, len(ids), 500):
        yield ids[i : i + 500]


def article_doc_id(article_id: int) -> str:
    return f"a:{article_id}"


def highlight_doc_id(highlight_id: int) -> str:
    return f"h:{highlight_id}"


def _article_stamp(r: Row) -> str:
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
        r["collections"],
    )


def _highlight_stamp(r: Row) -> str:
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
        r["collections"],
        r["made_by"],
    )


def stamps(rows: IndexRows, article_ids: Sequence[int] | None = None) -> dict[str, str]:
    """doc_id → stamp for every document SQLite implies (or those of some articles)."""
    out: dict[str, str] = {}
    for r in rows.article_rows(article_ids):
        out[article_doc_id(r["id"])] = _article_stamp(r)
    for r in rows.highlight_rows(article_ids=article_ids):
        out[highlight_doc_id(r["id"])] = _highlight_stamp(r)
    return out


def _tags(value: str) -> str:
    return ",".join(normalize_for_find(t) for t in value.split(",") if t.strip())


def collection_key(name: str) -> str:
    """A collection name as the index holds it: folded, with the commas that separate keywords as spaces."""
    return normalize_for_find(name.replace(",", " "))


def _collections(value: str) -> str:
    return ",".join(collection_key(c) for c in value.split("\x1f") if c.strip())


def build_docs(rows: IndexRows, doc_ids: Iterable[str], *, roots: bool = False) -> Iterator[dict[str, Any]]:
    """whoosh documents (field → value) for the given doc ids; ids SQLite no longer has are skipped. With
    `roots`, the root field too (root search on: it costs ~40 % of the indexing time)."""
    article_ids = sorted(int(d[2:]) for d in doc_ids if d.startswith("a:"))
    highlight_ids = sorted(int(d[2:]) for d in doc_ids if d.startswith("h:"))
    for chunk in _chunks(article_ids):
        texts = rows.texts(chunk)
        for r in rows.article_rows(chunk):
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
                "root": ((r["title"], TITLE_WEIGHT), (texts.get(r["id"], ""), 1.0), (r["note"], 1.0))
                if roots
                else (),
                "note": r["note"],
                "tag": _tags(r["tags"]),
                "collection": _collections(r["collections"]),
                "lang": r["language"] or "",
                "date": r["published"] or "",
            }
    for chunk in _chunks(highlight_ids):
        for r in rows.highlight_rows(highlight_ids=chunk):
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
                "root": ((r["exact"], 1.0), (r["note"], 1.0)) if roots else (),
                "by": r["made_by"],
                "note": r["note"],
                "tag": _tags(r["tags"]),
                "collection": _collections(r["collections"]),
                "color": r["color"],
                "lang": r["language"] or "",
                "date": r["published"] or "",
            }

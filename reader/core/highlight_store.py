"""Highlights and article-level annotations (note, tags) in the library database.

A highlight keeps both a position (`start`, `end` in code points of the canonical text) and a quote
(`exact` with 32 code points of `prefix` and `suffix`), as the W3C Web Annotation model and the Hypothesis
client do: the position is fast and exact while the text is unchanged, the quote lets reader.core.anchors place
the highlight again when the text changes. `text_hash` records which text the position refers to.

Every write is one `Library.write()` transaction, committed before the call returns (nothing a user made waits
for a "save"), followed by a `Change` for listeners (GUI refresh, search indexer).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Change, Library, utc_now
from reader.core.text import content_hash, fold_with_map

CONTEXT_CHARS = 32
STYLES = ("background", "underline")


@dataclass(slots=True)
class Highlight:
    id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_hash: str
    color: str
    style: str
    note: str
    tags: list[str] = field(default_factory=list)
    orphan: bool = False
    created: str = ""
    updated: str = ""

    def to_json(self) -> dict[str, object]:
        """The highlight in the field names of DESIGN §6."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "text_hash": self.text_hash,
            "color": self.color,
            "style": self.style,
            "note": self.note,
            "tags": list(self.tags),
            "orphan": self.orphan,
            "created": self.created,
            "updated": self.updated,
        }


def quote_at(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of the range [start, end) of `text`, with CONTEXT_CHARS of context."""
    return text[start:end], text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Tags as users type them: trimmed, a leading '#' dropped, empty ones and duplicates removed."""
    seen: dict[str, None] = {}
    for tag in tags:
        t = tag.strip().lstrip("#").strip()
        if t:
            seen.setdefault(t, None)
    return list(seen)


def find_quote(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """(start, end) of `quote` in `text`: the CLI's and scripts' way of naming a passage.

    The match is made on folded text (harakat, tatweel and letter variants such as hamza forms ignored), so a
    quote typed without vocalisation finds the vocalised words, and every occurrence counts whichever way it is
    vocalised; the range covers the marks of its last letter. `occurrence` (1-based) chooses among several.
    """
    quote = quote.strip()
    if not quote:
        raise HawamishError(ErrorCode.QUOTE_NOT_FOUND, detail="empty quote")
    folded = fold_with_map(text)
    needle = fold_with_map(quote).text
    spans = [folded.to_original(a, b) for a, b in _find_all(folded.text, needle)] if needle else []
    if not spans:
        raise HawamishError(ErrorCode.QUOTE_NOT_FOUND, detail=quote[:60])
    if occurrence is None:
        if len(spans) > 1:
            raise HawamishError(ErrorCode.QUOTE_AMBIGUOUS, detail=f"{len(spans)} occurrences")
        return spans[0]
    if not 1 <= occurrence <= len(spans):
        raise HawamishError(ErrorCode.QUOTE_NOT_FOUND, detail=f"occurrence {occurrence} of {len(spans)}")
    return spans[occurrence - 1]


def _find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = haystack.find(needle)
    while i != -1:
        spans.append((i, i + len(needle)))
        i = haystack.find(needle, i + 1)
    return spans


def require_article(db: sqlite3.Connection, article_id: int) -> None:
    if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        raise HawamishError(ErrorCode.NOT_FOUND, detail=f"article {article_id}")


def article_text(db: sqlite3.Connection, article_id: int) -> str:
    """The canonical text of an article, read on `db` (so it can run inside a write transaction)."""
    require_article(db, article_id)
    rows = db.execute("SELECT text FROM blocks WHERE article_id = ? ORDER BY position", (article_id,))
    return "\n".join(r[0] for r in rows)


_COLUMNS = 'id, article_id, start, "end", exact, prefix, suffix, text_hash, color, style, note, orphan, created, updated'


class HighlightStore:
    def __init__(self, library: Library) -> None:
        self.library = library

    # reading ---------------------------------------------------------------------------------------
    def _rows_to_highlights(self, db: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[Highlight]:
        ids = [r["id"] for r in rows]
        tags: dict[int, list[str]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for r in db.execute(
                f"SELECT highlight_id, tag FROM highlight_tags WHERE highlight_id IN ({marks}) ORDER BY tag",
                chunk,
            ):
                tags[r[0]].append(r[1])
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

    def get(self, highlight_id: int) -> Highlight:
        with self.library.read() as db:
            return self._get(db, highlight_id)

    def _get(self, db: sqlite3.Connection, highlight_id: int) -> Highlight:
        rows = db.execute(f"SELECT {_COLUMNS} FROM highlights WHERE id = ?", (highlight_id,)).fetchall()
        if not rows:
            raise HawamishError(ErrorCode.NOT_FOUND, detail=f"highlight {highlight_id}")
        return self._rows_to_highlights(db, rows)[0]

    def for_article(self, article_id: int) -> list[Highlight]:
        """Every highlight of an article by position, orphans included (they keep their last position)."""
        with self.library.read() as db:
            return self.load_for_article(db, article_id)

    def load_for_article(self, db: sqlite3.Connection, article_id: int) -> list[Highlight]:
        """`for_article` on a connection the caller holds (reader.core.anchors reads inside its write)."""
        rows = db.execute(
            f'SELECT {_COLUMNS} FROM highlights WHERE article_id = ? ORDER BY start, "end", id', (article_id,)
        ).fetchall()
        return self._rows_to_highlights(db, rows)

    def query(
        self,
        *,
        article_ids: Iterable[int] | None = None,
        tags: Iterable[str] | None = None,
        colors: Iterable[str] | None = None,
    ) -> list[Highlight]:
        """Highlights matching every given filter (any of the listed values), by article then position."""
        where: list[str] = []
        params: list[object] = []
        for column, values in (("article_id", article_ids), ("color", colors)):
            if values is not None:
                vals = list(values)
                where.append(f"{column} IN ({','.join('?' * len(vals))})" if vals else "0")
                params.extend(vals)
        if tags is not None:
            vals = normalize_tags(tags)
            marks = ",".join("?" * len(vals))
            where.append(
                f"id IN (SELECT highlight_id FROM highlight_tags WHERE tag IN ({marks}))" if vals else "0"
            )
            params.extend(vals)
        sql = f"SELECT {_COLUMNS} FROM highlights"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY article_id, start, "end", id'
        with self.library.read() as db:
            return self._rows_to_highlights(db, db.execute(sql, params).fetchall())

    def count(self) -> int:
        with self.library.read() as db:
            return int(db.execute("SELECT COUNT(*) FROM highlights").fetchone()[0])

    # writing ---------------------------------------------------------------------------------------
    def _check_color(self, db: sqlite3.Connection, color: str) -> None:
        if db.execute("SELECT 1 FROM color_labels WHERE key = ?", (color,)).fetchone() is None:
            known = ", ".join(r[0] for r in db.execute("SELECT key FROM color_labels ORDER BY position"))
            raise HawamishError(ErrorCode.UNKNOWN_LABEL, detail=f"{color!r}; known: {known}")

    @staticmethod
    def _check_style(style: str) -> None:
        if style not in STYLES:
            raise ValueError(f"style must be one of {STYLES}, not {style!r}")

    @staticmethod
    def _check_range(text: str, start: int, end: int) -> None:
        if not (0 <= start < end <= len(text)):
            raise HawamishError(ErrorCode.INVALID_RANGE, detail=f"[{start}, {end}) in a text of {len(text)}")

    @staticmethod
    def _write_tags(db: sqlite3.Connection, highlight_id: int, tags: Iterable[str]) -> None:
        db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", (highlight_id,))
        db.executemany(
            "INSERT INTO highlight_tags(highlight_id, tag) VALUES (?, ?)",
            [(highlight_id, t) for t in normalize_tags(tags)],
        )

    def create(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = "claim",
        style: str = "background",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        """Highlight [start, end) of the article's canonical text; the quote is taken from the stored text."""
        self._check_style(style)
        now = utc_now()
        with self.library.write() as db:
            text = article_text(db, article_id)
            self._check_range(text, start, end)
            self._check_color(db, color)
            exact, prefix, suffix = quote_at(text, start, end)
            cur = db.execute(
                f"INSERT INTO highlights({_COLUMNS.replace('id, ', '', 1)}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                (
                    article_id,
                    start,
                    end,
                    exact,
                    prefix,
                    suffix,
                    content_hash(text),
                    color,
                    style,
                    note,
                    now,
                    now,
                ),
            )
            highlight_id = int(cur.lastrowid or 0)
            self._write_tags(db, highlight_id, tags)
            highlight = self._get(db, highlight_id)
        self.library.notify(Change("highlight", "added", (highlight_id,), (article_id,)))
        return highlight

    def update(
        self,
        highlight_id: int,
        *,
        color: str | None = None,
        style: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        """Change what the user can change about a highlight; None leaves a field as it is."""
        if style is not None:
            self._check_style(style)
        with self.library.write() as db:
            current = self._get(db, highlight_id)
            if color is not None and color != current.color:
                self._check_color(db, color)
            db.execute(
                "UPDATE highlights SET color = ?, style = ?, note = ?, updated = ? WHERE id = ?",
                (
                    current.color if color is None else color,
                    current.style if style is None else style,
                    current.note if note is None else note,
                    utc_now(),
                    highlight_id,
                ),
            )
            if tags is not None:
                self._write_tags(db, highlight_id, tags)
            highlight = self._get(db, highlight_id)
        self.library.notify(Change("highlight", "updated", (highlight_id,), (highlight.article_id,)))
        return highlight

    def delete(self, highlight_id: int) -> Highlight:
        """Delete a highlight and return it as it was (what `restore` needs to undo the deletion)."""
        with self.library.write() as db:
            highlight = self._get(db, highlight_id)
            db.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
        self.library.notify(Change("highlight", "deleted", (highlight_id,), (highlight.article_id,)))
        return highlight

    def restore(self, highlight: Highlight) -> Highlight:
        """Put back a highlight exactly as it was, same id and times (undo of delete or create).

        Its colour is not checked: a label deleted since is no reason to lose the highlight.
        """
        with self.library.write() as db:
            require_article(db, highlight.article_id)  # NOT_FOUND if the article went away
            db.execute(
                f"INSERT OR REPLACE INTO highlights({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    highlight.id,
                    highlight.article_id,
                    highlight.start,
                    highlight.end,
                    highlight.exact,
                    highlight.prefix,
                    highlight.suffix,
                    highlight.text_hash,
                    highlight.color,
                    highlight.style,
                    highlight.note,
                    int(highlight.orphan),
                    highlight.created,
                    highlight.updated,
                ),
            )
            self._write_tags(db, highlight.id, highlight.tags)
            restored = self._get(db, highlight.id)
        self.library.notify(Change("highlight", "added", (highlight.id,), (highlight.article_id,)))
        return restored

    def reattach(self, highlight_id: int, start: int, end: int) -> Highlight:
        """Place a highlight (typically an orphan) on [start, end) of the current text; it is no longer an
        orphan, and its quote becomes the text it now covers."""
        with self.library.write() as db:
            current = self._get(db, highlight_id)
            text = article_text(db, current.article_id)
            self._check_range(text, start, end)
            exact, prefix, suffix = quote_at(text, start, end)
            db.execute(
                'UPDATE highlights SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, text_hash = ?, '
                "orphan = 0, updated = ? WHERE id = ?",
                (start, end, exact, prefix, suffix, content_hash(text), utc_now(), highlight_id),
            )
            highlight = self._get(db, highlight_id)
        self.library.notify(Change("highlight", "updated", (highlight_id,), (highlight.article_id,)))
        return highlight

    # article-level annotations ---------------------------------------------------------------------
    def article_note(self, article_id: int) -> str:
        with self.library.read() as db:
            row = db.execute("SELECT note FROM article_notes WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else ""

    def set_article_note(self, article_id: int, text: str) -> None:
        """The article's own note (Markdown); an empty text removes it."""
        with self.library.write() as db:
            require_article(db, article_id)
            if text.strip():
                db.execute(
                    "INSERT OR REPLACE INTO article_notes(article_id, note, updated) VALUES (?, ?, ?)",
                    (article_id, text, utc_now()),
                )
            else:
                db.execute("DELETE FROM article_notes WHERE article_id = ?", (article_id,))
        self.library.notify(Change("article_note", "updated", (article_id,), (article_id,)))

    def article_tags(self, article_id: int) -> list[str]:
        with self.library.read() as db:
            return [
                r[0]
                for r in db.execute(
                    "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (article_id,)
                )
            ]

    def set_article_tags(self, article_id: int, tags: Iterable[str]) -> list[str]:
        """Replace the article's tags. Notified as an 'article' update: tags are part of the article's
        search document and of its metadata in the library view."""
        clean = normalize_tags(tags)
        with self.library.write() as db:
            require_article(db, article_id)
            db.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
            db.executemany(
                "INSERT INTO article_tags(article_id, tag) VALUES (?, ?)", [(article_id, t) for t in clean]
            )
        self.library.notify(Change("article", "updated", (article_id,), (article_id,)))
        return sorted(clean)

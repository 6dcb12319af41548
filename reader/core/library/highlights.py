"""Highlights of a library: create, edit, delete, put back (undo), re-attach; queries across articles.

Every write is one transaction, committed before the call returns (nothing a user made waits for a "save"),
followed by a Change for listeners (GUI refresh, search index).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.events import Events, utc_now
from reader.core.models import Highlight
from reader.core.quotes import STYLES, normalize_tags, quote_at
from reader.core.storage import Database, Transaction
from reader.core.storage import articles as article_rows
from reader.core.storage import highlights as rows
from reader.core.storage import labels as label_rows
from reader.core.storage import tags as tag_rows
from reader.core.text import content_hash


def _check_color(tx: Transaction, color: str) -> None:
    if not label_rows.exists(tx, color):
        known = ", ".join(label_rows.keys(tx))
        raise HawamishError(ErrorCode.UNKNOWN_LABEL, detail=f"{color!r}; known: {known}")


def _check_style(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")


def _check_range(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise HawamishError(ErrorCode.INVALID_RANGE, detail=f"[{start}, {end}) in a text of {len(text)}")


class Highlights:
    def __init__(self, db: Database, events: Events) -> None:
        self._db = db
        self._events = events

    def _emit(self, op: ChangeOp, highlight_id: int, article_id: int) -> None:
        self._events.emit(Change(ChangeKind.HIGHLIGHT, op, (highlight_id,), (article_id,)))

    # reading ---------------------------------------------------------------------------------------
    def get(self, highlight_id: int) -> Highlight:
        with self._db.read() as tx:
            return rows.get(tx, highlight_id)

    def for_article(self, article_id: int) -> list[Highlight]:
        """Every highlight of an article by position, orphans included (they keep their last position)."""
        with self._db.read() as tx:
            return rows.for_article(tx, article_id)

    def query(
        self,
        *,
        article_ids: Iterable[int] | None = None,
        tags: Iterable[str] | None = None,
        colors: Iterable[str] | None = None,
    ) -> list[Highlight]:
        """Highlights matching every given filter (any of the listed values), by article then position."""
        wanted_tags = normalize_tags(tags) if tags is not None else None
        with self._db.read() as tx:
            return rows.query(tx, article_ids=article_ids, tags=wanted_tags, colors=colors)

    def count(self) -> int:
        with self._db.read() as tx:
            return rows.count(tx)

    def colors_in_use(self) -> set[str]:
        """Colour keys highlights carry, a deleted label's key included."""
        with self._db.read() as tx:
            return rows.colors_in_use(tx)

    # writing ---------------------------------------------------------------------------------------
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
        _check_style(style)
        now = utc_now()
        with self._db.write() as tx:
            text = article_rows.text(tx, article_id)
            _check_range(text, start, end)
            _check_color(tx, color)
            exact, prefix, suffix = quote_at(text, start, end)
            new = Highlight(
                0, article_id, start, end, exact, prefix, suffix, content_hash(text), color, style, note,
                normalize_tags(tags), False, now, now,
            )  # fmt: skip
            highlight_id = rows.insert(tx, new)
            highlight = rows.get(tx, highlight_id)
        self._emit(ChangeOp.ADDED, highlight_id, article_id)
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
            _check_style(style)
        with self._db.write() as tx:
            current = rows.get(tx, highlight_id)
            if color is not None and color != current.color:
                _check_color(tx, color)
            rows.update_fields(
                tx,
                highlight_id,
                color=current.color if color is None else color,
                style=current.style if style is None else style,
                note=current.note if note is None else note,
                now=utc_now(),
            )
            if tags is not None:
                tag_rows.set_for_highlight(tx, highlight_id, normalize_tags(tags))
            highlight = rows.get(tx, highlight_id)
        self._emit(ChangeOp.UPDATED, highlight_id, highlight.article_id)
        return highlight

    def delete(self, highlight_id: int) -> Highlight:
        """Delete a highlight and return it as it was (what `restore` needs to undo the deletion)."""
        with self._db.write() as tx:
            highlight = rows.get(tx, highlight_id)
            rows.delete(tx, highlight_id)
        self._emit(ChangeOp.DELETED, highlight_id, highlight.article_id)
        return highlight

    def restore(self, highlight: Highlight) -> Highlight:
        """Put back a highlight exactly as it was, same id and times (undo of delete or create).

        Its colour is not checked: a label deleted since is no reason to lose the highlight.
        """
        with self._db.write() as tx:
            article_rows.require(tx, highlight.article_id)  # NOT_FOUND if the article went away
            kept = dataclasses.replace(highlight, tags=normalize_tags(highlight.tags))
            rows.insert(tx, kept, keep_id=True)
            restored = rows.get(tx, highlight.id)
        self._emit(ChangeOp.ADDED, highlight.id, highlight.article_id)
        return restored

    def reattach(self, highlight_id: int, start: int, end: int) -> Highlight:
        """Place a highlight (typically an orphan) on [start, end) of the current text; it is no longer an
        orphan, and its quote becomes the text it now covers."""
        with self._db.write() as tx:
            current = rows.get(tx, highlight_id)
            text = article_rows.text(tx, current.article_id)
            _check_range(text, start, end)
            quote = quote_at(text, start, end)
            rows.set_place(
                tx, highlight_id, start, end, quote, content_hash(text), orphan=False, now=utc_now()
            )
            highlight = rows.get(tx, highlight_id)
        self._emit(ChangeOp.UPDATED, highlight_id, highlight.article_id)
        return highlight

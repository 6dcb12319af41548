"""Research pages of a library: free Markdown with quote blocks that read their highlight live.

A page stores its Markdown only; its quotes are marker lines (reader.core.pages, docs/pages.md). `render`
reads each quoted highlight and its article now, so a page always shows the current words of a passage
(after a re-anchor or a corrected quote) and says so when a highlight was deleted. Every write is one
transaction followed by a PAGE change.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.events import Events, utc_now
from reader.core.models import Page
from reader.core.pages import (
    QuotePiece,
    QuoteState,
    RenderedBlock,
    RenderedPage,
    RenderedQuote,
    append_quotes,
    split_pieces,
)
from reader.core.storage import Database, Transaction
from reader.core.storage import highlights as highlight_rows
from reader.core.storage import pages as rows


def clean_title(title: str) -> str:
    """A page title with its spaces tidied (INVALID_NAME when nothing is left)."""
    clean = " ".join(str(title).split())
    if not clean:
        raise HawamishError(ErrorCode.INVALID_NAME, value=title)
    return clean


def _resolve(tx: Transaction, ref: int | str) -> Page:
    """A page by id, or by title: a reference of digits is an id when such a page exists, else a title."""
    if isinstance(ref, int):
        return rows.require(tx, ref)
    text = str(ref).strip()
    if text.isdigit():
        page = rows.find(tx, int(text))
        if page is not None:
            return page
    page = rows.find_by_title(tx, " ".join(text.split()))
    if page is None:
        raise HawamishError(ErrorCode.NOT_FOUND, detail=f"page {ref}")
    return page


class Pages:
    def __init__(self, db: Database, events: Events) -> None:
        self._db = db
        self._events = events

    def _emit(self, op: ChangeOp, page_id: int) -> None:
        self._events.emit(Change(ChangeKind.PAGE, op, (page_id,)))

    # reading ---------------------------------------------------------------------------------------
    def list(self) -> builtins.list[Page]:
        """Every page, the last edited first."""
        with self._db.read() as tx:
            return rows.list_all(tx)

    def get(self, ref: int | str) -> Page:
        """A page by id or title (NOT_FOUND when there is none)."""
        with self._db.read() as tx:
            return _resolve(tx, ref)

    def render(self, page: Page) -> RenderedPage:
        """The page cut into Markdown and quote blocks, each quote read from the library now: LIVE with the
        highlight's current words and its article, ORPHAN when the passage was lost in a re-anchor, DELETED
        when the highlight is gone (kept in place, never dropped)."""
        pieces = split_pieces(page.text)
        wanted = [p.highlight_id for p in pieces if isinstance(p, QuotePiece)]
        with self._db.read() as tx:
            found = highlight_rows.by_ids(tx, wanted)
            sources = rows.sources(tx, [h.article_id for h in found.values()])
        blocks: builtins.list[RenderedBlock] = []
        for piece in pieces:
            if not isinstance(piece, QuotePiece):
                blocks.append(piece)
                continue
            highlight = found.get(piece.highlight_id)
            source = sources.get(highlight.article_id) if highlight is not None else None
            if highlight is None or source is None:
                blocks.append(RenderedQuote(piece.highlight_id, QuoteState.DELETED))
            else:
                state = QuoteState.ORPHAN if highlight.orphan else QuoteState.LIVE
                blocks.append(RenderedQuote(piece.highlight_id, state, highlight, source))
        return RenderedPage(page.id, page.title, page.text, tuple(blocks))

    def quotes(self, highlight_ids: Iterable[int]) -> tuple[RenderedQuote, ...]:
        """Highlights read as a page would quote them (for a citation of passages that are in no page)."""
        return self.render(Page(0, "", append_quotes("", highlight_ids))).quotes

    # writing ---------------------------------------------------------------------------------------
    def create(self, title: str, text: str = "") -> Page:
        """A new page (PAGE_EXISTS when the title is taken)."""
        title = clean_title(title)
        now = utc_now()
        with self._db.write() as tx:
            page_id = rows.insert(tx, title, text, now, now)
        self._emit(ChangeOp.ADDED, page_id)
        return Page(page_id, title, text, now, now)

    def update(self, page_id: int, *, title: str | None = None, text: str | None = None) -> Page:
        """Change a page's title or text (only what is given); the page as saved."""
        with self._db.write() as tx:
            page = rows.require(tx, page_id)
            new_title = page.title if title is None else clean_title(title)
            new_text = page.text if text is None else text
            if (new_title, new_text) == (page.title, page.text):
                return page
            now = utc_now()
            rows.update(tx, page_id, new_title, new_text, now)
        self._emit(ChangeOp.UPDATED, page_id)
        return Page(page_id, new_title, new_text, page.created, now)

    def add_quotes(self, page_id: int, highlight_ids: Iterable[int]) -> Page:
        """Append a quote block for each highlight (NOT_FOUND for a highlight that does not exist)."""
        ids = [int(i) for i in highlight_ids]
        with self._db.read() as tx:
            page = rows.require(tx, page_id)
            for highlight_id in ids:
                highlight_rows.get(tx, highlight_id)
        return self.update(page_id, text=append_quotes(page.text, ids))

    def add_quote(self, page_id: int, highlight_id: int) -> Page:
        return self.add_quotes(page_id, [highlight_id])

    def delete(self, page_id: int) -> Page:
        """Delete a page; what was deleted, for `restore` (undo)."""
        with self._db.write() as tx:
            page = rows.require(tx, page_id)
            rows.delete(tx, page_id)
        self._emit(ChangeOp.DELETED, page_id)
        return page

    def restore(self, page: Page) -> Page:
        """Put a deleted page back, under its old id when that is still free (PAGE_EXISTS when another page
        took its title meanwhile)."""
        with self._db.write() as tx:
            page_id = rows.insert(tx, page.title, page.text, page.created, page.updated, page_id=page.id)
        self._emit(ChangeOp.ADDED, page_id)
        return Page(page_id, page.title, page.text, page.created, page.updated)

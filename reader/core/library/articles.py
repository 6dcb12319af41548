"""Articles of a library: read, add, replace the text (re-anchoring highlights), delete; notes and tags."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.events import Events, utc_now
from reader.core.models import (
    Article,
    ArticleFilter,
    ArticleListRow,
    ArticleMeta,
    ArticleNote,
    DeletedArticles,
)
from reader.core.quotes import normalize_tags, quote_at
from reader.core.storage import Database
from reader.core.storage import articles as rows
from reader.core.storage import collections as collection_rows
from reader.core.storage import highlights as highlight_rows
from reader.core.storage import tags as tag_rows
from reader.core.text import Block, canonical_text, content_hash

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.anchors import ReanchorReport


class Articles:
    def __init__(self, db: Database, events: Events) -> None:
        self._db = db
        self._events = events

    # reading ---------------------------------------------------------------------------------------
    def get(self, article_id: int) -> Article:
        """An article with its blocks (NOT_FOUND when there is none)."""
        with self._db.read() as tx:
            return rows.get(tx, article_id)

    def text(self, article_id: int) -> str:
        with self._db.read() as tx:
            return rows.text(tx, article_id)

    def list(self, selection: ArticleFilter | None = None) -> list[Article]:
        """Every article (or those `selection` keeps) without its blocks, newest import first."""
        with self._db.read() as tx:
            return rows.list_all(tx, selection)

    def list_rows(
        self, selection: ArticleFilter | None = None, *, ids: Iterable[int] | None = None
    ) -> builtins.list[ArticleListRow]:
        """The list columns of every article (or those `selection` keeps: id, title, author, outlet, date,
        highlights), newest first: what a list view needs, several times faster than `list()`. With `ids`,
        only those articles (the ones a change named; missing ids are left out)."""
        with self._db.read() as tx:
            return rows.list_rows(tx, selection, ids)

    def urls(self) -> dict[str, int]:
        """url -> id of every article that has one (the newest, when several share it)."""
        with self._db.read() as tx:
            return rows.urls(tx)

    def collections_of(self, article_ids: Iterable[int]) -> dict[int, builtins.list[str]]:
        """article id -> names of the collections it is in."""
        with self._db.read() as tx:
            return collection_rows.of_articles(tx, builtins.list(article_ids))

    def tags_of(self, article_ids: Iterable[int]) -> dict[int, builtins.list[str]]:
        """article id -> its own tags."""
        with self._db.read() as tx:
            return tag_rows.of_articles(tx, builtins.list(article_ids))

    def count(self) -> int:
        with self._db.read() as tx:
            return rows.count(tx)

    def ids(self) -> builtins.list[int]:
        with self._db.read() as tx:
            return rows.ids(tx)

    def exists(self, article_id: int) -> bool:
        with self._db.read() as tx:
            return rows.exists(tx, article_id)

    def find_by_hash(self, text_hash: str) -> int | None:
        with self._db.read() as tx:
            return rows.find_by_hash(tx, text_hash)

    def hashes(self) -> dict[str, int]:
        """content_hash -> id of every article."""
        with self._db.read() as tx:
            return rows.hashes(tx)

    def highlight_counts(self, article_ids: Iterable[int]) -> dict[int, int]:
        with self._db.read() as tx:
            return rows.highlight_counts(tx, article_ids)

    def tagged(self, tag: str) -> builtins.list[int]:
        """Ids of articles that carry `tag` themselves or through a highlight, by id."""
        with self._db.read() as tx:
            return tag_rows.articles_tagged(tx, tag)

    # writing ---------------------------------------------------------------------------------------
    def add(self, meta: ArticleMeta, blocks: Sequence[Block]) -> int:
        """Insert a new article and return its id (duplicates are the importer's concern: find_by_hash)."""
        return self.add_many([(meta, blocks)])[0]

    def add_many(self, items: Sequence[tuple[ArticleMeta, Sequence[Block]]]) -> builtins.list[int]:
        """Insert several articles in one transaction (bulk import is dominated by commits otherwise)."""
        for meta, blocks in items:
            if not blocks:
                raise HawamishError(ErrorCode.EMPTY, meta.source_path or None, "no blocks")
        now = utc_now()
        with self._db.write() as tx:
            ids = [rows.insert(tx, meta, blocks, now) for meta, blocks in items]
        if ids:
            self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.ADDED, tuple(ids), tuple(ids)))
        return ids

    def replace_text(
        self, article_id: int, blocks: Sequence[Block], meta: ArticleMeta | None = None
    ) -> ReanchorReport:
        """Replace an article's text (and metadata, when given) and re-anchor every highlight, in ONE
        transaction: a crash leaves either the old text with the old positions or the new text with the new ones.

        Placed highlights get their new position and a quote refreshed from the new text. Orphans keep their
        original quote, prefix, suffix and text hash (so they can be re-attached or placed by a later update)
        and only have their position clamped into the new text.
        """
        from reader.core.anchors import ReanchorReport, reanchor  # rapidfuzz: only when a text changes

        if not blocks:
            raise HawamishError(ErrorCode.EMPTY, meta.source_path if meta else None, "no blocks")
        text = canonical_text(blocks)
        new_hash = content_hash(text)
        report = ReanchorReport()
        now = utc_now()
        with self._db.write() as tx:
            rows.require(tx, article_id)
            highlights = highlight_rows.for_article(tx, article_id)
            placements = reanchor(highlights, text)
            rows.write_text(tx, article_id, blocks, meta, now)
            for h, placement in zip(highlights, placements, strict=True):
                if placement.how == "orphan":
                    highlight_rows.set_place(
                        tx, h.id, placement.start, placement.end, None, None, orphan=True,
                        now=now if not h.orphan else h.updated,
                    )  # fmt: skip
                    report.orphaned += 1
                    continue
                quote = quote_at(text, placement.start, placement.end)
                unchanged = (h.start, h.end, h.exact, h.prefix, h.suffix, h.orphan) == (
                    placement.start, placement.end, *quote, False,
                )  # fmt: skip
                highlight_rows.set_place(
                    tx, h.id, placement.start, placement.end, quote, new_hash, orphan=False,
                    now=h.updated if unchanged else now,
                )  # fmt: skip
                setattr(report, placement.how, getattr(report, placement.how) + 1)
            report.placements = placements
        self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (article_id,), (article_id,)))
        if highlights:
            ids = tuple(h.id for h in highlights)
            self._events.emit(Change(ChangeKind.HIGHLIGHT, ChangeOp.UPDATED, ids, (article_id,)))
        return report

    def update_meta(self, article_id: int, **values: str) -> Article:
        """Change some of an article's title, author, outlet, url, published, language; the article after.

        Values are trimmed; `published` is normalised to YYYY[-MM[-DD]] (INVALID_METADATA when it is not a
        date), `language` to a lower-case code; a title may not be empty.
        """
        clean = validate_meta(values)
        with self._db.write() as tx:
            rows.require(tx, article_id)
            rows.update_meta(tx, article_id, clean, utc_now())
            article = rows.get(tx, article_id)
        self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (article_id,), (article_id,)))
        return article

    def delete(self, article_id: int) -> None:
        """Delete an article with its highlights, notes and tags."""
        self.delete_many([article_id])

    def delete_many(self, article_ids: Iterable[int]) -> DeletedArticles:
        """Delete articles with their highlights, notes, tags and memberships, in one transaction; what was
        deleted, so `restore_deleted` can undo it (NOT_FOUND, and nothing deleted, if one does not exist)."""
        wanted = builtins.list(dict.fromkeys(article_ids))
        with self._db.write() as tx:
            for article_id in wanted:
                rows.require(tx, article_id)
            deleted = rows.snapshot(tx, wanted)
            for article_id in wanted:
                rows.delete(tx, article_id)
        if wanted:
            ids = tuple(wanted)
            self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.DELETED, ids, ids))
        return deleted

    def restore_deleted(self, deleted: DeletedArticles) -> builtins.list[int]:
        """Put back what `delete_many` removed (same ids); the ids restored."""
        with self._db.write() as tx:
            restored = rows.restore(tx, deleted)
        if restored:
            ids = tuple(restored)
            self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.ADDED, ids, ids))
            highlight_ids = tuple(int(str(r[0])) for r in deleted.rows.get("highlights", []))
            if highlight_ids:
                self._events.emit(Change(ChangeKind.HIGHLIGHT, ChangeOp.ADDED, highlight_ids, ids))
        return restored

    # the article's own note and tags ---------------------------------------------------------------
    def note(self, article_id: int) -> str:
        return self.note_info(article_id).text

    def note_info(self, article_id: int) -> ArticleNote:
        with self._db.read() as tx:
            return highlight_rows.article_note(tx, article_id)

    def set_note(self, article_id: int, text: str) -> None:
        """The article's own note (Markdown); an empty text removes it."""
        with self._db.write() as tx:
            rows.require(tx, article_id)
            highlight_rows.set_article_note(tx, article_id, text, utc_now())
        self._events.emit(Change(ChangeKind.ARTICLE_NOTE, ChangeOp.UPDATED, (article_id,), (article_id,)))

    def tags(self, article_id: int) -> builtins.list[str]:
        with self._db.read() as tx:
            return tag_rows.of_article(tx, article_id)

    def change_tags(
        self, article_ids: Iterable[int], add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> dict[int, builtins.list[str]]:
        """Add and remove tags on several articles in one transaction; id -> the article's tags after."""
        wanted = builtins.list(dict.fromkeys(article_ids))
        adding, removing = normalize_tags(add), set(normalize_tags(remove))
        after: dict[int, builtins.list[str]] = {}
        with self._db.write() as tx:
            for article_id in wanted:
                rows.require(tx, article_id)
                tags = [t for t in tag_rows.of_article(tx, article_id) if t not in removing]
                tags = normalize_tags([*tags, *adding])
                tag_rows.set_for_article(tx, article_id, tags)
                after[article_id] = sorted(tags)
        if wanted:
            self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, tuple(wanted), tuple(wanted)))
        return after

    def set_tags(self, article_id: int, tags: Iterable[str]) -> builtins.list[str]:
        """Replace the article's tags. Emitted as an ARTICLE update: tags are part of the article's search
        document and of its metadata in the library view."""
        clean = normalize_tags(tags)
        with self._db.write() as tx:
            rows.require(tx, article_id)
            tag_rows.set_for_article(tx, article_id, clean)
        self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (article_id,), (article_id,)))
        return sorted(clean)


def validate_meta(values: dict[str, str]) -> dict[str, str]:
    """Metadata edits checked and normalised (INVALID_METADATA naming the field and value otherwise)."""
    from reader.core.importers.common import normalise_date

    clean: dict[str, str] = {}
    for field, raw in values.items():
        if field not in rows.META_COLUMNS:
            raise HawamishError(ErrorCode.INVALID_METADATA, field=field, value=raw)
        value = " ".join(str(raw).split())
        if field == "title" and not value:
            raise HawamishError(ErrorCode.INVALID_METADATA, field=field, value=raw)
        if field == "published" and value:
            date = normalise_date(value)
            if not date or len(date) < len(value.split("T")[0].split(" ")[0]):
                raise HawamishError(ErrorCode.INVALID_METADATA, field=field, value=raw)
            value = date
        if field == "language":
            value = value.lower()
            if value and not (value.isascii() and value.replace("-", "").isalpha() and len(value) <= 8):
                raise HawamishError(ErrorCode.INVALID_METADATA, field=field, value=raw)
        clean[field] = value
    return clean

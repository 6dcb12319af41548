"""Plain data objects shared by the core, the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from reader.core.text import Block, canonical_text


@dataclass(slots=True)
class ArticleMeta:
    """What an importer knows about an article besides its blocks."""

    title: str
    author: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""  # ISO 8601 date (YYYY-MM-DD, or YYYY-MM, YYYY), '' when unknown
    language: str = ""  # 'ar', 'en'; detected from the text when empty
    source_path: str = ""


@dataclass(slots=True)
class Article:
    id: int
    title: str
    author: str
    outlet: str
    url: str
    published: str
    language: str
    source_path: str
    content_hash: str
    imported_at: str
    updated_at: str
    highlight_count: int = 0
    blocks: list[Block] = field(default_factory=list)  # empty in list views (see ArticleStore.list)

    @property
    def text(self) -> str:
        return canonical_text(self.blocks)

    def to_json(self, *, with_text: bool = False) -> dict[str, object]:
        """The article in the field names of DESIGN §6 (docs/cli.md)."""
        data: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "source_path": self.source_path,
            "content_hash": self.content_hash,
            "imported_at": self.imported_at,
            "updated_at": self.updated_at,
            "highlights": self.highlight_count,
        }
        if with_text:
            data["text"] = self.text
            data["blocks"] = [
                {"kind": b.kind.value, "text": b.text, "level": b.level, "direction": b.direction.value}
                for b in self.blocks
            ]
        return data


class ArticleListRow(NamedTuple):
    """What a list of articles shows of one (a library of 10,000 lists in a few milliseconds)."""

    id: int
    title: str
    author: str
    outlet: str
    published: str
    highlight_count: int


@dataclass(slots=True)
class Highlight:
    """A highlighted passage: its position in the canonical text and its quote (DESIGN §3)."""

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


@dataclass(frozen=True, slots=True)
class ColorLabel:
    """The meaning a researcher gives to a highlight colour; highlights store its key."""

    key: str
    name: str
    color: str  # #rrggbb
    position: int

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "name": self.name, "color": self.color, "position": self.position}


@dataclass(frozen=True, slots=True)
class ArticleNote:
    """An article's own note (Markdown) and when it was last saved."""

    text: str = ""
    updated: str = ""


@dataclass(frozen=True, slots=True)
class CollectionInfo:
    """A collection of articles and how many it holds."""

    id: int
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a list shows (every field empty = no restriction; all given fields must hold).

    `text` matches title, author and outlet, `author` and `outlet` their own field, all three as search folds
    Arabic (hamza, ta marbuta, harakat, case: reader.core.text.normalize_arabic) and as substrings. A tag
    matches the article's own tags and those of its highlights; a parent tag (`security`) matches its
    children (`security/terrorism`). Dates compare as the stored ISO strings, periods included whole.
    """

    text: str = ""
    tag: str = ""
    collection: str = ""
    author: str = ""
    outlet: str = ""
    language: str = ""
    since: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    until: str = ""
    has_highlights: bool = False
    #: a saved search's name: the articles it matches now (its smart collection). The search index answers
    #: it, not SQL: storage ignores it, and the library list's filter controller and `list --saved` ask
    #: `Library.saved_searches` for its articles.
    saved_search: str = ""

    def is_empty(self) -> bool:
        return self == ArticleFilter()


@dataclass(frozen=True, slots=True)
class DeletedArticles:
    """What a delete removed, kept so the delete can be undone (Articles.restore_deleted): the rows of every
    table, as storage read them. Opaque to callers."""

    article_ids: tuple[int, ...]
    rows: dict[str, list[tuple[object, ...]]]


@dataclass(frozen=True, slots=True)
class Page:
    """A research page: Markdown of the user's own with quote markers (reader.core.pages)."""

    id: int
    title: str
    text: str = ""
    created: str = ""
    updated: str = ""

    @property
    def quotes(self) -> list[int]:
        """The highlight ids the page quotes, in order, read from its markers."""
        from reader.core.pages import quote_ids  # reader.core.pages reads Highlight from this module

        return quote_ids(self.text)

    def to_json(self) -> dict[str, object]:
        """The page in the field names of DESIGN §6."""
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "quotes": self.quotes,
            "created": self.created,
            "updated": self.updated,
        }

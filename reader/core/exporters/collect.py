"""Gather what an export shows into a plain view model, in a stable order.

Every format module renders the same `ExportDocument`, so they agree on which articles and highlights an
export holds, in which order, and with which paragraph numbers. The articles and highlights come from an
`ExportSource` (the Library hands itself in; exporters never touch storage); the renderers are pure functions
of the view model (which is what makes golden-file tests possible).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import phrases
from reader.core.models import Article, ArticleNote, ColorLabel, Highlight
from reader.core.text import Block, BlockKind, block_index_at, block_spans, canonical_text

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.exporters import ExportRequest

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: Colour shown for a highlight whose label was deleted (the key is kept on the highlight).
FALLBACK_COLOR = "#9e9e9e"


@dataclass(frozen=True, slots=True)
class LabelView:
    key: str
    name: str
    color: str  # #rrggbb


@dataclass(frozen=True, slots=True)
class HighlightView:
    id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_hash: str
    color: str  # the label key
    label: LabelView
    style: str
    note: str  # Markdown
    tags: tuple[str, ...]
    orphan: bool
    created: str
    updated: str
    paragraph: int | None  # 1-based index of the block holding `start`; None for an orphan


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: int
    title: str
    author: str
    outlet: str
    url: str
    published: str
    language: str
    content_hash: str
    note: str  # the article-level note (Markdown)
    note_updated: str  # when the note was last saved ('' without a note)
    tags: tuple[str, ...]
    blocks: tuple[Block, ...]
    highlights: tuple[HighlightView, ...]
    #: the heading of the notebook group this part of the document is in ('' outside a grouped export);
    #: renderers write it where it changes
    section: str = ""

    @property
    def text(self) -> str:
        return canonical_text(self.blocks)

    @property
    def source(self) -> str:
        """What identifies the article outside this library: its URL, else a URN of its content hash."""
        return self.url or f"urn:sha256:{self.content_hash}"


@dataclass(frozen=True, slots=True)
class ExportDocument:
    articles: tuple[ArticleView, ...]
    labels: tuple[LabelView, ...]
    exported_at: str  # ISO 8601 UTC timestamp
    include_article_text: bool = False
    page_size: str = "A4"
    language: str = "en"  # of the words the export writes itself (reader.core.exporters.phrases)

    @property
    def export_date(self) -> str:
        return self.exported_at[:10]

    @property
    def rtl(self) -> bool:
        return self.language == "ar"

    def phrase(self, key: str, **values: object) -> str:
        return phrases.phrase(self.language, key, **values)

    def label_name(self, label: LabelView) -> str:
        """A default label name in the export language; a name the user gave, as written."""
        return phrases.label_name(label.key, label.name, self.language)

    def where(self, h: HighlightView) -> str:
        """'¶ 3', or 'orphan' when the passage could not be placed in the current text."""
        if h.paragraph is None:
            return self.phrase("orphan")
        number = phrases.localized_digits(str(h.paragraph), self.language)  # one digit system a document
        return phrases.PHRASES[self.language]["paragraph"].format(n=number)

    def meta_parts(self, h: HighlightView, number: int | None = None) -> list[tuple[str, str]]:
        """The fragments of a highlight's meta line, each with the separator before it:
        [('', '1.'), (' ', 'Claim'), (' · ', '¶ 3'), (' · ', '#tag'), (' ', '#other')]."""
        parts = [("", phrases.localized_digits(f"{number}.", self.language))] if number is not None else []
        parts.append((" " if parts else "", self.label_name(h.label)))
        parts.append((" · ", self.where(h)))
        parts += [(" · " if i == 0 else " ", f"#{t}") for i, t in enumerate(h.tags)]
        return parts

    def meta_line(self, h: HighlightView, number: int | None = None) -> str:
        """'1. Claim · ¶ 3 · #tag' with each fragment isolated (it reads right in either direction)."""
        return "".join(sep + phrases.isolate(part) for sep, part in self.meta_parts(h, number))

    def exported_line(self) -> str:
        return self.phrase("exported", date=phrases.format_date(self.exported_at, self.language))

    @property
    def highlight_count(self) -> int:
        return sum(len(a.highlights) for a in self.articles)


# --- reading the library ------------------------------------------------------------------------------


class ExportSource(Protocol):
    """What an export reads (reader.core.library.Library provides it)."""

    def export_labels(self) -> list[ColorLabel]: ...

    def export_article_ids(self, tag: str | None) -> list[int]: ...

    def export_article(self, article_id: int) -> tuple[Article, ArticleNote, list[str], list[Highlight]]: ...

    def export_highlight_articles(self, highlight_ids: Sequence[int]) -> dict[int, int]:
        """highlight id -> its article's id, for the ids that still exist."""
        ...

    def export_made_by_others(self) -> set[int]:
        """Ids of the highlights another member of a shared folder made (none in a library of one)."""
        ...


def _scope_ids(source: ExportSource, request: ExportRequest) -> list[int]:
    """Article ids in scope, in a stable order: as named for explicit ids, else by id."""
    if request.article_ids:
        known = set(source.export_article_ids(None))
        seen: list[int] = []
        for aid in request.article_ids:
            if aid not in known:
                raise HawamishError(ErrorCode.NOT_FOUND, detail=f"article {aid}")
            if aid not in seen:
                seen.append(aid)
        return seen
    return source.export_article_ids(request.tag)


def _keep(h: Highlight, request: ExportRequest, others: AbstractSet[int] = frozenset()) -> bool:
    if h.id in others:  # request.others is False: another member's highlight
        return False
    if request.colors and h.color not in request.colors:
        return False
    return not (request.tags and not set(h.tags) & set(request.tags))


def collect(
    source: ExportSource,
    request: ExportRequest,
    exported_at: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportDocument:
    """Read the articles in scope with their highlights (filtered, sorted), notes and labels.

    Articles named by id are always kept; with `all` or a tag scope, an article with nothing left to show
    (no highlight after filtering and no article note) is dropped, so a filtered export lists only what matches.
    """
    labels = {lab.key: LabelView(lab.key, lab.name, lab.color) for lab in source.export_labels()}
    others = set() if request.others else source.export_made_by_others()
    if request.sections:
        return _collect_sections(source, request, labels, exported_at, progress, cancelled, others)
    ids = _scope_ids(source, request)
    articles: list[ArticleView] = []
    for n, aid in enumerate(ids):
        if cancelled is not None and cancelled():
            raise HawamishError(ErrorCode.CANCELLED)
        article, article_note, article_tags, highlights = source.export_article(aid)
        note, note_updated, tags = article_note.text, article_note.updated, tuple(sorted(article_tags))
        for h in highlights:
            h.tags = sorted(h.tags)  # stable output order in every format
        raw = [h for h in highlights if _keep(h, request, others)]
        if request.sort == "date":
            raw.sort(key=lambda h: (h.created, h.start, h.id))
        else:
            raw.sort(key=lambda h: (h.orphan, h.start, h.end, h.id))
        blocks = tuple(article.blocks)
        views = tuple(_view(h, aid, blocks, labels) for h in raw)
        if request.article_ids or views or (note and not (request.colors or request.tags)):
            articles.append(_article_view(article, ArticleNote(note, note_updated), tags, views))
        if progress is not None:
            progress(n + 1, len(ids))
    language = request.language or phrases.majority_language([a.language for a in articles])
    return ExportDocument(
        tuple(articles),
        tuple(labels.values()),
        exported_at,
        include_article_text=request.include_article_text,
        page_size=request.page_size,
        language=language,
    )


def _article_view(
    article: Article,
    note: ArticleNote,
    tags: tuple[str, ...],
    highlights: tuple[HighlightView, ...],
    section: str = "",
) -> ArticleView:
    return ArticleView(
        article.id,
        article.title,
        article.author,
        article.outlet,
        article.url,
        article.published,
        article.language,
        article.content_hash,
        note.text,
        note.updated,
        tags,
        tuple(article.blocks),
        highlights,
        section,
    )


def _collect_sections(
    source: ExportSource,
    request: ExportRequest,
    labels: dict[str, LabelView],
    exported_at: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    others: set[int],
) -> ExportDocument:
    """The document of a grouped selection (`request.sections`): per section, one ArticleView per article
    holding the section's highlights of it, articles and highlights in the order given."""
    where = source.export_highlight_articles([hid for s in request.sections for hid in s.highlight_ids])
    read: dict[int, tuple[Article, ArticleNote, list[str], dict[int, Highlight]]] = {}
    article_ids = list(dict.fromkeys(where.values()))
    for n, aid in enumerate(article_ids):
        if cancelled is not None and cancelled():
            raise HawamishError(ErrorCode.CANCELLED)
        article, note, tags, highlights = source.export_article(aid)
        for h in highlights:
            h.tags = sorted(h.tags)
        read[aid] = (article, note, tags, {h.id: h for h in highlights})
        if progress is not None:
            progress(n + 1, len(article_ids))
    articles: list[ArticleView] = []
    for section in request.sections:
        by_article: dict[int, list[Highlight]] = {}
        for hid in section.highlight_ids:
            owner = where.get(hid)
            if owner is None or hid not in read[owner][3]:  # deleted since it was chosen
                continue
            h = read[owner][3][hid]
            if _keep(h, request, others):
                by_article.setdefault(owner, []).append(h)
        for aid, chosen in by_article.items():
            article, note, tags, _ = read[aid]
            blocks = tuple(article.blocks)
            views = tuple(_view(h, aid, blocks, labels) for h in chosen)
            articles.append(_article_view(article, note, tuple(sorted(tags)), views, section.heading))
    language = request.language or phrases.majority_language([a.language for a in articles])
    return ExportDocument(
        tuple(articles),
        tuple(labels.values()),
        exported_at,
        include_article_text=request.include_article_text,
        page_size=request.page_size,
        language=language,
    )


def _view(
    h: Highlight, article_id: int, blocks: Sequence[Block], labels: dict[str, LabelView]
) -> HighlightView:
    label = labels.get(h.color) or LabelView(h.color, h.color, FALLBACK_COLOR)
    paragraph = None if h.orphan or not blocks else block_index_at(blocks, h.start) + 1
    return HighlightView(
        h.id,
        article_id,
        h.start,
        h.end,
        h.exact,
        h.prefix,
        h.suffix,
        h.text_hash,
        h.color,
        label,
        h.style,
        h.note,
        tuple(h.tags),
        h.orphan,
        h.created,
        h.updated,
        paragraph,
    )


# --- helpers shared by the renderers -------------------------------------------------------------------


def citation(article: ArticleView) -> str:
    """The article's citation line in its own language's conventions (reader.core.citations: a Chicago-style
    note in English; guillemets and the Arabic comma in Arabic) — the parts that are known."""
    from reader.core.citations import CitedPassage, plain_citation  # citations reads the export phrasebook

    language = "ar" if article.language == "ar" else "en"
    source = CitedPassage("", article.title, article.author, article.outlet, article.published, article.url)
    return plain_citation(source, language, with_quote=False)


def byline(article: ArticleView) -> str:
    return " · ".join(p for p in (article.author, article.outlet, article.published) if p)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of one block's text covered by the same set of highlights (innermost last)."""

    text: str
    highlights: tuple[HighlightView, ...]


def block_segments(article: ArticleView) -> list[tuple[Block, list[Segment]]]:
    """Each block cut where a highlight starts or ends, for formats that mark highlights in the full text.

    Overlapping highlights are allowed; a segment lists every highlight covering it, and renderers show the
    one that started last (the innermost) on top.
    """
    placed = [h for h in article.highlights if not h.orphan and h.end > h.start]
    out: list[tuple[Block, list[Segment]]] = []
    for block, (b_start, b_end) in zip(article.blocks, block_spans(article.blocks), strict=True):
        inside = [h for h in placed if h.start < b_end and h.end > b_start]
        cuts = {0, len(block.text)}
        for h in inside:
            cuts.add(max(0, h.start - b_start))
            cuts.add(min(len(block.text), h.end - b_start))
        points = sorted(cuts)
        segments: list[Segment] = []
        for a, b in itertools.pairwise(points):
            if a == b:
                continue
            covering = tuple(
                sorted(
                    (h for h in inside if h.start - b_start <= a and h.end - b_start >= b),
                    key=lambda h: (h.start, -h.end, h.id),
                )
            )
            segments.append(Segment(block.text[a:b], covering))
        if not segments:
            segments.append(Segment(block.text, ()))
        out.append((block, segments))
    return out


def is_heading(block: Block) -> bool:
    return block.kind == BlockKind.HEADING


def walk(
    document: ExportDocument,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[ArticleView]:
    """The document's articles, checking `cancel` before and reporting `progress` after each one."""
    total = len(document.articles)
    for i, article in enumerate(document.articles):
        if cancel is not None and cancel():
            raise HawamishError(ErrorCode.CANCELLED)
        yield article
        if progress is not None:
            progress(i + 1, total)


def where(h: HighlightView) -> str:
    """'¶ 3', or 'orphan' (English; the renderers use ExportDocument.where, in the export language)."""
    return f"¶ {h.paragraph}" if h.paragraph is not None else "orphan"

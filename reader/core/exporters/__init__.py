"""Export notes (highlights, their notes and tags, article notes) to PDF, Markdown, HTML, CSV and JSON.

One entry point, called by `Library.export(request, path, progress=..., cancel=...)`: `export(source, ...)`
reads the articles the Library hands in into a view model (collect.py), renders it with the format's module, and writes the
file atomically (atomic.py), so a failed or cancelled export never replaces an older good file. The call is
slow for big PDFs and is meant to run in a worker thread: `progress(done, total)` reports steps and
`cancel()` is polled between steps.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters.atomic import atomic_write_bytes
from reader.core.exporters.collect import Cancel, ExportDocument, ExportSource, Progress, collect
from reader.core.exporters.phrases import LANGUAGES

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.pages import RenderedPage

FORMATS = ("pdf", "md", "html", "csv", "json")
SORTS = ("position", "date")
PAGE_SIZES = ("A4", "Letter")
#: File extension of each format (the GUI's save dialog and the CLI's default name use it).
EXTENSIONS = {"pdf": ".pdf", "md": ".md", "html": ".html", "csv": ".csv", "json": ".json"}
#: Formats a research page exports to, and their modules.
PAGE_FORMATS = ("pdf", "md")
_PAGE_MODULES = {"pdf": "reader.core.exporters.page_pdf", "md": "reader.core.exporters.page_markdown"}
_MODULES = {
    "pdf": "reader.core.exporters.pdf",
    "md": "reader.core.exporters.markdown",
    "html": "reader.core.exporters.html",
    "csv": "reader.core.exporters.csv_export",
    "json": "reader.core.exporters.web_annotation",
}


@dataclass(frozen=True, slots=True)
class ExportSection:
    """A heading and the highlights under it, in the order shown (the notebook's groups: an author, a tag,
    a month ...). A highlight may be in several sections (a passage with two tags, grouped by tag)."""

    heading: str
    highlight_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export. Scope is exactly one of: `article_ids`, `all_articles`, `tag`, `page` (a research
    page's id or title; PDF and Markdown only, reader.core.exporters.page_document), `sections`.

    `sections` exports chosen highlights across articles as one document grouped as the notebook showed them:
    each section's heading, then its highlights article by article, in the given order (`sort` does not
    reorder them); a highlight deleted since it was chosen is left out.

    `colors` and `tags` filter highlights (a highlight is kept when its colour is one of `colors` and it
    carries at least one of `tags`; an empty filter keeps everything). `language` ('ar' or 'en') is the
    language of the words the export writes itself (section headings, default label names, the export date);
    None picks 'ar' when most exported articles are Arabic, else 'en' (the GUI passes its UI language).
    """

    format: str = "pdf"
    article_ids: tuple[int, ...] = ()
    all_articles: bool = False
    tag: str | None = None
    colors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sort: str = "position"
    include_article_text: bool = False
    page_size: str = "A4"
    language: str | None = None
    page: str | None = None
    sections: tuple[ExportSection, ...] = ()
    #: In a shared library: False leaves out the highlights and notes other members made.
    others: bool = True

    def __post_init__(self) -> None:
        scopes = sum(
            (
                bool(self.article_ids),
                self.all_articles,
                self.tag is not None,
                self.page is not None,
                bool(self.sections),
            )
        )
        if scopes != 1:
            raise ValueError("choose exactly one scope: article_ids, all_articles, tag, page or sections")
        if self.format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}")
        if self.page is not None and self.format not in PAGE_FORMATS:
            raise ValueError(f"a page exports to one of {PAGE_FORMATS}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"page_size must be one of {PAGE_SIZES}")
        if self.language is not None and self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}")

    @classmethod
    def for_articles(cls, ids: Sequence[int], **kwargs: object) -> ExportRequest:
        return cls(article_ids=tuple(int(i) for i in ids), **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: str
    format: str
    articles: int
    highlights: int
    bytes: int
    pages: int | None = None  # PDF only

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "articles": self.articles,
            "highlights": self.highlights,
            "bytes": self.bytes,
            "pages": self.pages,
        }


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def render(
    document: ExportDocument, fmt: str, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, int | None]:
    """The bytes of one format (and the page count for PDF). Pure: no library access, no file written."""
    module = importlib.import_module(_MODULES[fmt])
    rendered: tuple[bytes, int | None] = module.render(document, progress=progress, cancel=cancel)
    return rendered


class PageSource(Protocol):
    """What a page export reads (reader.core.library.Library provides it)."""

    def export_page(self, ref: str) -> RenderedPage: ...


def export_page(
    source: PageSource,
    request: ExportRequest,
    path: Path,
    exported_at: str,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportSummary:
    """A research page to PDF or Markdown (NOT_FOUND for an unknown page). Progress: one step a block."""
    from reader.core.exporters.page_document import page_document

    assert request.page is not None
    document = page_document(
        source.export_page(request.page), exported_at, language=request.language, page_size=request.page_size
    )

    def check() -> bool:
        return bool(cancel is not None and cancel())

    module = importlib.import_module(_PAGE_MODULES[request.format])
    data, pages = module.render(document, progress=progress, cancel=check)
    if check():
        raise HawamishError(ErrorCode.CANCELLED, str(path))
    atomic_write_bytes(path, data, cancelled=check)
    return ExportSummary(
        str(path), request.format, document.article_count, len(document.notes), len(data), pages
    )


def export(
    source: ExportSource,
    request: ExportRequest,
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    now: Callable[[], datetime] | None = None,
) -> ExportSummary:
    """Export what `request` selects to `path`; raise HawamishError (NOT_FOUND, UNWRITABLE, DISK_FULL,
    CANCELLED). Progress steps: one per article read, one per article rendered, one for the write.
    `now` is injectable so golden files carry a fixed export date."""
    path = Path(path)
    exported_at = _timestamp((now or (lambda: datetime.now(UTC)))())
    if request.page is not None:
        return export_page(source, request, path, exported_at, progress=progress, cancel=cancel)  # type: ignore[arg-type]
    scope = {"articles": 1}

    def emit(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    def collect_progress(done: int, total: int) -> None:
        scope["articles"] = max(1, total)
        emit(done, 2 * scope["articles"] + 1)

    def render_progress(done: int, total: int) -> None:
        n = scope["articles"]
        emit(n + round(done * n / max(1, total)), 2 * n + 1)

    def check() -> bool:
        return bool(cancel is not None and cancel())

    document = collect(source, request, exported_at, progress=collect_progress, cancelled=check)
    if check():
        raise HawamishError(ErrorCode.CANCELLED, str(path))
    data, pages = render(document, request.format, progress=render_progress, cancel=check)
    if check():
        raise HawamishError(ErrorCode.CANCELLED, str(path))
    atomic_write_bytes(path, data, cancelled=check)
    emit(2 * scope["articles"] + 1, 2 * scope["articles"] + 1)
    return ExportSummary(
        str(path), request.format, len(document.articles), document.highlight_count, len(data), pages
    )

"""What the search asks the Library, run in workers: queries with filters, the filter choices, an article's hits.

Nothing here touches a widget, so every function can run on a worker thread (reader/gui/common/workers.py);
the panel only shows the rows.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.library import Library
from reader.core.models import ColorLabel
from reader.gui.common.label_display import label_display_name
from reader.gui.search.search_model import ResultRow

if TYPE_CHECKING:  # whoosh comes with reader.core.search: imported on a worker, on first use
    from reader.core.search import SearchFilters, SearchHit


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """The typed query, the earlier queries of "search within results", and the filter controls."""

    text: str
    within: tuple[str, ...] = ()
    kind: str | None = None
    color: str | None = None
    tag: str | None = None
    outlet: str | None = None
    date: str | None = None  # a year, '2024'
    limit: int = 100
    roots: bool = False  # "search by root": the typed words are looked for by their roots (root_query)

    @property
    def empty(self) -> bool:
        return not self.text and not self.within

    @property
    def query(self) -> str:
        """The query the core parses: the typed text, or the last within-query when nothing is typed."""
        return root_query(self.text) if self.text and self.roots else self.text or self.within[-1]

    def filters(self) -> SearchFilters:
        from reader.core.search import SearchFilters

        within = list(self.within if self.text else self.within[:-1])
        return SearchFilters(
            kinds=[self.kind] if self.kind else None,
            colors=[self.color] if self.color else None,
            tags=[self.tag] if self.tag else None,
            outlets=[self.outlet] if self.outlet else None,
            date_from=self.date,
            date_to=self.date,
            within=" ".join(f"({q})" for q in within) or None,
        )


_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})


def root_query(text: str) -> str:
    """`text` with each plain word asked for by its root (كتاب مكتبة → root:كتاب root:مكتبة: the core takes
    a word's root); operators, field:value, "phrases", patterns*, -words and brackets are left as typed."""
    out = []
    for part in re.findall(r'"[^"]*"|\S+', text):
        plain = (
            part not in _OPERATORS and not part.startswith(("-", "+")) and not re.search(r'[:"*?()]', part)
        )
        out.append(f"root:{part}" if plain else part)
    return " ".join(out)


@dataclass(slots=True)
class FilterChoices:
    """What the filter combo boxes offer: colour labels (key, name, colour), tags, outlets, years."""

    colors: list[tuple[str, str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)


def load_filter_choices(library: Library) -> FilterChoices:
    articles = library.articles.list()
    outlets = sorted({a.outlet.strip() for a in articles if a.outlet.strip()})
    years = sorted({a.published[:4] for a in articles if a.published[:4].isdigit()}, reverse=True)
    # a default label's name in the UI language, as everywhere else (the search filters showed "Claim")
    labels = [(label.key, label_display_name(label), label.color) for label in library.labels.list()]
    return FilterChoices(labels, library.tags_in_use(), outlets, years)


def run_search(
    library: Library,
    request: SearchRequest,
    cancelled: Callable[[], bool],
    ready: threading.Event | None = None,
) -> tuple[list[ResultRow], int] | None:
    """The request's hits as list rows, and how many documents matched in all (None when cancelled).

    A query typed while the start-up sync still runs waits for it here, on the worker thread.
    """
    while ready is not None and not ready.wait(0.05):
        if cancelled():
            return None
    if cancelled():
        return None
    results = library.search(request.query, limit=request.limit, filters=request.filters())
    if cancelled():
        return None
    labels = {label.key: label for label in library.labels.list()}
    rows: list[ResultRow] = []
    for hit in results.hits:  # one per article, its matching highlights and notes under it
        rows.append(hit_row(hit, labels))
        rows += [hit_row(under, labels, nested=True) for under in hit.highlights]
    # `total` counts results (articles, or highlights when only those were asked for): the nested rows are
    # added so that "more results" (total > rows) still means more results than shown
    return rows, int(results.total) + len(rows) - len(results.hits)


def hit_row(hit: SearchHit, labels: dict[str, ColorLabel], *, nested: bool = False) -> ResultRow:
    """A core hit as the results list shows it (its colour label by key, from `labels`); `nested`: a
    highlight or note shown under its article's result."""
    label = labels.get(hit.color) if hit.color else None
    return ResultRow(
        kind=hit.kind,
        article_id=hit.article_id,
        highlight_id=hit.highlight_id,
        title=hit.title,
        snippet=hit.snippet,
        snippet_marks=list(hit.snippet_marks),
        hits=list(hit.hits),
        outlet=hit.outlet,
        published=hit.published,
        color_key=hit.color or "",
        color=label.color if label else ("#9e9e9e" if hit.color else ""),
        color_name=label_display_name(label) if label else (hit.color or ""),
        score=hit.score,
        nested=nested,
    )


def article_hits(library: Library, request: SearchRequest, row: ResultRow) -> list[tuple[int, int]]:
    """Every hit of the request's query in the row's article (code points in its canonical text).

    An article result carries them already; a highlight or note result carries only its passage, so the
    query is run once more on that article alone, and the passage is kept when the body has no match
    (the note matched, not the text).
    """
    if row.kind == "article":
        return sorted(row.hits)
    from reader.core.search import SearchFilters

    base = request.filters()
    filters = SearchFilters(article_ids=[row.article_id], within=base.within)
    try:
        results = library.search(request.query, limit=1, kinds=["article"], filters=filters)
    except Exception:
        results = None
    spans = set(row.hits)
    if results is not None:
        for hit in results.hits:
            spans.update(hit.hits)
    return sorted(spans)

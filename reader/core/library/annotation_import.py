"""Import W3C Web Annotation JSON (what reader.core.exporters.web_annotation writes) back into a library.

Annotations are not articles: each one is re-anchored onto an article already in the library, found by the
target's source (the article URL, or `urn:sha256:<content hash>`), else by the content hash or title carried
in the `hawamish` extension. A highlight is placed by its TextPositionSelector when the TextQuoteSelector's
exact text is still there, else by reader.core.anchors.reanchor (quote search with prefix/suffix, folded and
fuzzy matching); one that cannot be placed is kept as an orphan with its quote, never dropped. Importing the
same file twice creates nothing the second time.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.anchors import reanchor
from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import ImportResult
from reader.core.library.articles import Articles
from reader.core.library.highlights import Highlights
from reader.core.library.labels import Labels
from reader.core.models import Highlight

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.library.library import Library


@dataclass(slots=True)
class AnnotationImportResult:
    path: str
    imported: int = 0  # highlights created
    placed_by_quote: int = 0  # of those, placed by quote because the position no longer matched
    orphaned: int = 0  # of those, kept as orphans
    duplicates: int = 0  # already in the library
    article_notes: int = 0  # article notes set or extended
    unmatched: int = 0  # no article in the library for the annotation's source
    skipped: int = 0  # not an annotation Hawamish can use (no quote, no note)
    article_ids: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """What reanchor() needs (reader.core.anchors.Anchorable)."""

    id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def _load(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise HawamishError(ErrorCode.MISSING, str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeError) as exc:
        raise HawamishError(ErrorCode.UNREADABLE, str(path), str(exc)) from exc
    except json.JSONDecodeError as exc:
        raise HawamishError(ErrorCode.MALFORMED, str(path), f"JSON: {exc}") from exc
    items = annotations_in(data)
    if items is None:
        raise HawamishError(ErrorCode.MALFORMED, str(path), "no Web Annotation or AnnotationCollection")
    return items


def annotations_in(data: Any) -> list[dict[str, Any]] | None:
    """The annotations of a collection, a page, a list or a single annotation (None if none of these)."""
    if isinstance(data, list):
        return [a for a in data if isinstance(a, dict) and _is_annotation(a)]
    if not isinstance(data, dict):
        return None
    kind = data.get("type")
    if _is_annotation(data):
        return [data]
    if kind == "AnnotationPage" or "items" in data:
        return annotations_in(data.get("items", []))
    if kind == "AnnotationCollection":
        first = data.get("first")
        return annotations_in(first) if first is not None else []
    return None


def _is_annotation(a: dict[str, Any]) -> bool:
    kind = a.get("type")
    return kind == "Annotation" or (isinstance(kind, list) and "Annotation" in kind)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class _Articles:
    """Finds the library's article for an annotation's source, and caches texts and highlights."""

    def __init__(self, articles: Articles) -> None:
        self.store = articles
        self.by_url: dict[str, int] = {}
        self.by_hash: dict[str, int] = {}
        self.by_title: dict[str, int] = {}
        for a in sorted(self.store.list(), key=lambda a: a.id):
            if a.url:
                self.by_url.setdefault(a.url, a.id)
            self.by_hash.setdefault(a.content_hash, a.id)
            self.by_title.setdefault(a.title, a.id)
        self._texts: dict[int, str] = {}

    def match(self, annotation: dict[str, Any]) -> int | None:
        ext = annotation.get("hawamish")
        article = (ext.get("article") or {}) if isinstance(ext, dict) else {}
        for target in _as_list(annotation.get("target")):
            source = target if isinstance(target, str) else (target or {}).get("source", "")
            if isinstance(source, dict):
                source = source.get("id", "")
            if isinstance(source, str) and source.startswith("urn:sha256:"):
                found = self.by_hash.get(source.removeprefix("urn:sha256:"))
            else:
                found = self.by_url.get(source)
            if found is not None:
                return found
        for key, index in (("content_hash", self.by_hash), ("url", self.by_url), ("title", self.by_title)):
            value = article.get(key) if isinstance(article, dict) else None
            if value and value in index:
                return index[value]
        return None

    def text(self, article_id: int) -> str:
        if article_id not in self._texts:
            self._texts[article_id] = self.store.get(article_id).text
        return self._texts[article_id]


def _selectors(annotation: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    quote = position = None
    for target in _as_list(annotation.get("target")):
        if not isinstance(target, dict):
            continue
        for sel in _as_list(target.get("selector")):
            if isinstance(sel, dict) and sel.get("type") == "TextQuoteSelector" and quote is None:
                quote = sel
            elif isinstance(sel, dict) and sel.get("type") == "TextPositionSelector" and position is None:
                position = sel
    return quote, position


def _bodies(annotation: dict[str, Any]) -> tuple[str, list[str], str | None]:
    """(note, tags, colour key) from the annotation's bodies."""
    note, tags, color = "", [], None
    for body in _as_list(annotation.get("body")):
        if isinstance(body, str):
            note = note or body
            continue
        if not isinstance(body, dict):
            continue
        purposes = _as_list(body.get("purpose"))
        value = body.get("value", "")
        if not isinstance(value, str):
            continue
        if "tagging" in purposes:
            tags.append(value)
        elif "classifying" in purposes:
            color = value
        elif not note:
            note = value
    return note, tags, color


def import_annotations(
    articles_service: Articles, highlights: Highlights, labels: Labels, path: Path | str
) -> AnnotationImportResult:
    """Re-anchor every annotation in `path` onto the library's articles (MISSING / MALFORMED on bad input)."""
    path = Path(path)
    items = _load(path)
    result = AnnotationImportResult(str(path))
    articles = _Articles(articles_service)
    known_labels = set(labels.keys())
    existing: dict[int, list[Highlight]] = {}
    for annotation in items:
        article_id = articles.match(annotation)
        if article_id is None:
            result.unmatched += 1
            continue
        if article_id not in result.article_ids:
            result.article_ids.append(article_id)
        if article_id not in existing:
            existing[article_id] = highlights.for_article(article_id)
        note, tags, color = _bodies(annotation)
        quote, position = _selectors(annotation)
        found = annotation.get("hawamish")
        ext: dict[str, Any] = found if isinstance(found, dict) else {}
        if quote is None and position is None:
            if ext.get("kind", "article_note") == "article_note" and (note or tags):
                _article_note(articles_service, article_id, note, tags, result)
            else:
                result.skipped += 1
            continue
        _highlight(
            highlights,
            known_labels,
            articles,
            article_id,
            annotation,
            ext,
            note,
            tags,
            color,
            quote,
            position,
            existing[article_id],
            result,
        )
    return result


def _article_note(
    store: Articles, article_id: int, note: str, tags: list[str], result: AnnotationImportResult
) -> None:
    current = store.note(article_id)
    changed = False
    if note.strip() and note.strip() not in current:
        store.set_note(article_id, f"{current.rstrip()}\n\n{note}" if current.strip() else note)
        changed = True
    current_tags = store.tags(article_id)
    if set(tags) - set(current_tags):
        store.set_tags(article_id, [*current_tags, *tags])
        changed = True
    if changed:
        result.article_notes += 1
    else:
        result.duplicates += 1


def place_quote(
    text: str, quote: dict[str, Any] | None, position: dict[str, Any] | None, ext: dict[str, Any]
) -> tuple[int, int, str, bool]:
    """(start, end, how, orphan): the position when the quote is still there, else reanchor()."""
    exact = str((quote or {}).get("exact", ""))
    start = end = None
    if position is not None:
        try:
            start, end = int(position["start"]), int(position["end"])
        except (KeyError, TypeError, ValueError):
            start = end = None
    if start is None and isinstance(ext.get("start"), int) and isinstance(ext.get("end"), int):
        start, end = ext["start"], ext["end"]
    if (
        start is not None
        and end is not None
        and 0 <= start < end <= len(text)
        and (not exact or text[start:end] == exact)
    ):
        return start, end, "exact", False
    if not exact:
        return 0, 0, "orphan", True
    context = quote or {}
    anchor = _Anchor(
        0,
        start or 0,
        end or (start or 0) + len(exact),
        exact,
        str(context.get("prefix", "")),
        str(context.get("suffix", "")),
    )
    placement = reanchor([anchor], text)[0]
    if placement.how == "orphan":
        return anchor.start, anchor.end, "orphan", True
    return placement.start, placement.end, placement.how, False


def _highlight(
    store: Highlights,
    known_labels: set[str],
    articles: _Articles,
    article_id: int,
    annotation: dict[str, Any],
    ext: dict[str, Any],
    note: str,
    tags: list[str],
    color: str | None,
    quote: dict[str, Any] | None,
    position: dict[str, Any] | None,
    existing: list[Highlight],
    result: AnnotationImportResult,
) -> None:
    text = articles.text(article_id)
    start, end, how, orphan = place_quote(text, quote, position, ext)
    exact = str((quote or {}).get("exact", "")) or text[start:end]
    for h in existing:
        same_place = not orphan and not h.orphan and (h.start, h.end) == (start, end)
        same_orphan = orphan and h.orphan and h.exact == exact
        if same_place or same_orphan:
            result.duplicates += 1
            return
    if orphan and not exact:
        result.skipped += 1
        return
    color = color or str(ext.get("color") or "claim")
    style = str(ext["style"]) if ext.get("style") in ("background", "underline") else "background"
    # create() computes the quote and checks the label; restore() then puts back what the file says
    # (times, colour key even if this library lacks the label, orphan state), under the new id.
    made = store.create(
        article_id,
        start if not orphan else 0,
        end if not orphan else min(1, len(text)),
        color=color if color in known_labels else "claim",
        style=style,
        note=note,
        tags=tags,
    )
    created = str(annotation.get("created") or made.created)
    restored = dataclasses.replace(
        made,
        color=color,
        created=created,
        updated=str(annotation.get("modified") or created),
        orphan=orphan,
    )
    if orphan:
        prefix = str((quote or {}).get("prefix", ""))
        suffix = str((quote or {}).get("suffix", ""))
        restored = dataclasses.replace(
            restored,
            start=start,
            end=end,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            text_hash=str(ext.get("text_hash") or made.text_hash),
        )
    final = store.restore(restored)
    existing.append(final)
    result.imported += 1
    if orphan:
        result.orphaned += 1
    elif how != "exact":
        result.placed_by_quote += 1


def fill_import_result(library: Library, path: Path, result: ImportResult) -> None:
    """Run import_annotations for `hawamish import FILE.json` and report it as an ImportResult:
    'updated' (annotations added to existing articles), 'duplicate' (everything was already there) or
    'failed' (bad file, or no article of the library matches)."""
    try:
        counts = library.import_annotations(path)
    except HawamishError as exc:
        result.status, result.error = "failed", exc
        return
    if not counts.article_ids:
        result.status = "failed"
        result.error = HawamishError(ErrorCode.NOT_FOUND, str(path), "no article of the library matches")
        return
    result.article_id = counts.article_ids[0]
    result.title = library.articles.get(counts.article_ids[0]).title
    added = counts.imported + counts.article_notes
    result.status = "updated" if added else "duplicate"

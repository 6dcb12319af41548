"""JSON export in the W3C Web Annotation data model (https://www.w3.org/TR/annotation-model/).

The file is one `AnnotationCollection` whose first page holds every annotation, so other tools (Hypothesis
style clients, Recogito, scripts) can read it and `hawamish import` can take it back
(reader/core/importers/web_annotation.py). Each highlight becomes an `Annotation`:

- `body`: the note as a `TextualBody` (format text/markdown, purpose commenting), one `TextualBody` per tag
  (purpose tagging), and the colour label as a `TextualBody` with purpose classifying;
- `target`: `source` is the article's URL, or `urn:sha256:<content hash>` when it has none, with both a
  `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` (start, end in code points of the
  canonical text: blocks joined by a newline);
- `hawamish`: an extension object with what the model has no word for (style, orphan flag, paragraph,
  label name and colour, the article's title and content hash) so the round trip is lossless.

An article-level note becomes an `Annotation` whose target is the whole article (no selector).
"""

from __future__ import annotations

import json
import uuid

from reader.core.exporters.collect import ArticleView, Cancel, ExportDocument, HighlightView, Progress, walk

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GENERATOR = {"id": "urn:hawamish:app", "type": "Software", "name": "Hawamish"}
#: Namespace of the deterministic annotation ids (same highlight, same id across exports).
_NAMESPACE = uuid.UUID("6c1e7a52-3f0a-4d8e-9a53-8f0e6e2b7d11")


def annotation_id(article: ArticleView, kind: str, key: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(_NAMESPACE, f"{article.content_hash}:{kind}:{key}"))


def _article_ext(article: ArticleView) -> dict[str, object]:
    return {
        "article_id": article.id,
        "title": article.title,
        "author": article.author,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "content_hash": article.content_hash,
    }


def highlight_annotation(article: ArticleView, h: HighlightView) -> dict[str, object]:
    body: list[dict[str, object]] = []
    if h.note:
        body.append(
            {"type": "TextualBody", "value": h.note, "format": "text/markdown", "purpose": "commenting"}
        )
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in h.tags]
    body.append({"type": "TextualBody", "value": h.color, "purpose": "classifying"})
    selectors: list[dict[str, object]] = [
        {"type": "TextQuoteSelector", "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix},
    ]
    if not h.orphan:
        selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
    return {
        "@context": CONTEXT,
        "id": annotation_id(article, "highlight", f"{h.id}:{h.created}"),
        "type": "Annotation",
        "motivation": "commenting" if h.note else "highlighting",
        "created": h.created,
        "modified": h.updated,
        "body": body,
        "target": {"source": article.source, "selector": selectors},
        "hawamish": {
            "kind": "highlight",
            "highlight_id": h.id,
            "start": h.start,
            "end": h.end,
            "color": h.color,
            "label": h.label.name,
            "label_color": h.label.color,
            "style": h.style,
            "orphan": h.orphan,
            "paragraph": h.paragraph,
            "text_hash": h.text_hash,
            "article": _article_ext(article),
        },
    }


def article_note_annotation(article: ArticleView) -> dict[str, object]:
    body: list[dict[str, object]] = [
        {"type": "TextualBody", "value": article.note, "format": "text/markdown", "purpose": "commenting"}
    ]
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in article.tags]
    return {
        "@context": CONTEXT,
        "id": annotation_id(article, "article_note", ""),
        "type": "Annotation",
        "motivation": "commenting",
        "modified": article.note_updated,
        "body": body,
        "target": {"source": article.source},
        "hawamish": {"kind": "article_note", "article": _article_ext(article)},
    }


def annotation_items(
    document: ExportDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> list[dict[str, object]]:
    items: dict[object, dict[str, object]] = {}  # by annotation id: each once, however often it was grouped
    for article in walk(document, progress, cancel):
        if (article.note or article.tags) and (note := article_note_annotation(article))["id"] not in items:
            items[note["id"]] = note
        for h in article.highlights:
            annotation = highlight_annotation(article, h)
            kept = items.setdefault(annotation["id"], annotation)
            if article.section:  # the notebook groups it was exported under
                extension = kept["hawamish"]
                assert isinstance(extension, dict)
                extension.setdefault("groups", []).append(article.section)
    return list(items.values())


def render(
    document: ExportDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, None]:
    items = annotation_items(document, progress=progress, cancel=cancel)
    collection = {
        "@context": CONTEXT,
        "id": "urn:uuid:"
        + str(
            uuid.uuid5(
                _NAMESPACE,
                "collection:" + document.exported_at + ":" + ",".join(str(a.id) for a in document.articles),
            )
        ),
        "type": "AnnotationCollection",
        "label": "Hawamish notes",
        "generator": GENERATOR,
        "generated": document.exported_at,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    text = json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8"), None

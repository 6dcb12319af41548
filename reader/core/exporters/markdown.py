"""Markdown export, shaped for Obsidian and similar note vaults.

YAML front matter carries the article's metadata (Obsidian shows it as properties); each article gets a
heading, its note, then each highlight as a blockquote followed by its label, paragraph and tags (as #tags)
and the note below it. Notes are already Markdown and are written as they are. With the article text,
highlights are marked in place with Obsidian's `==highlight==` syntax.
"""

from __future__ import annotations

import json
import re

from reader.core.exporters.collect import (
    ArticleView,
    Cancel,
    ExportDocument,
    HighlightView,
    Progress,
    block_segments,
    byline,
    citation,
    walk,
)
from reader.core.exporters.phrases import isolate
from reader.core.text import BlockKind

_ESCAPE = re.compile(r"([\\`*_\[\]<>|=#~])")


def escape(text: str) -> str:
    """Quoted article text is literal: Markdown punctuation in it must not become formatting."""
    return _ESCAPE.sub(r"\\\1", text)


def tag_ref(tag: str) -> str:
    """An Obsidian tag: no spaces allowed, so they become underscores (Arabic letters are fine)."""
    return "#" + re.sub(r"\s+", "_", tag.strip())


def _yaml(value: object) -> str:
    """A YAML scalar or flow list; JSON strings are valid YAML double-quoted scalars."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _meta(article: ArticleView) -> list[tuple[str, object]]:
    return [
        ("title", article.title),
        ("author", article.author),
        ("outlet", article.outlet),
        ("published", article.published),
        ("url", article.url),
        ("language", article.language),
        ("tags", list(article.tags)),
    ]


def front_matter(document: ExportDocument) -> list[str]:
    lines = ["---"]
    if len(document.articles) == 1:
        lines += [f"{k}: {_yaml(v)}" for k, v in _meta(document.articles[0])]
    else:
        lines.append(f"title: {_yaml(document.phrase('notes_title'))}")
        lines.append("articles:")
        for article in document.articles:
            meta = _meta(article)
            lines.append(f"  - {meta[0][0]}: {_yaml(meta[0][1])}")
            lines += [f"    {k}: {_yaml(v)}" for k, v in meta[1:]]
    lines += [
        f"exported: {_yaml(document.exported_at)}",
        f"highlights: {document.highlight_count}",
        "---",
        "",
    ]
    return lines


def _quote(h: HighlightView, document: ExportDocument) -> list[str]:
    """The quote as a blockquote, then its meta line: label and paragraph isolated (FSI … PDI) so a Latin
    label or '¶ 3' keeps its place in an Arabic line; tags stay bare (Obsidian reads a #tag up to a space)."""
    lines = [f"> {escape(part)}" if part else ">" for part in h.exact.split("\n")]
    tags = " ".join(tag_ref(t) for t in h.tags)
    meta = f"**{isolate(escape(document.label_name(h.label)))}** · {isolate(document.where(h))}"
    lines += [">", f"> — {meta}" + (f" · {tags}" if tags else "")]
    return lines


def _article(article: ArticleView, document: ExportDocument) -> list[str]:
    # one level down under a notebook group's heading
    h1, h2, h3 = ("##", "###", "####") if article.section else ("#", "##", "###")
    lines = [f"{h1} {escape(article.title)}", ""]
    if byline(article):
        lines += [escape(byline(article)), ""]
    if article.url:
        lines += [f"<{article.url}>", ""]
    lines += [f"*{escape(citation(article))}*", ""]
    if article.tags:
        lines += [" ".join(tag_ref(t) for t in article.tags), ""]
    if article.note.strip():
        lines += [f"{h2} {document.phrase('note')}", "", article.note.strip(), ""]
    if article.highlights:
        lines += [f"{h2} {document.phrase('highlights')}", ""]
        for h in article.highlights:
            lines += _quote(h, document)
            lines.append("")
            if h.note.strip():
                lines += [h.note.strip(), ""]
    if document.include_article_text:
        lines += [f"{h2} {document.phrase('text')}", ""]
        for block, segments in block_segments(article):
            body = "".join(f"=={escape(s.text)}==" if s.highlights else escape(s.text) for s in segments)
            if block.kind == BlockKind.HEADING:
                lines += [f"{h3} {body}", ""]
            elif block.kind == BlockKind.QUOTE:
                lines += [f"> {body}", ""]
            elif block.kind == BlockKind.LIST_ITEM:
                lines += [f"{'  ' * max(0, block.level - 1)}- {body}", ""]
            else:
                lines += [body, ""]
    return lines


def render(
    document: ExportDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, None]:
    lines = front_matter(document)
    section = ""
    for i, article in enumerate(walk(document, progress, cancel)):
        if i:
            lines += ["---", ""]
        if article.section and article.section != section:  # a notebook group begins
            lines += [f"# {escape(article.section)}", ""]
        section = article.section
        lines += _article(article, document)
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text.encode("utf-8"), None

"""HTML export: one self-contained file (embedded CSS, no scripts, no external resources).

Every paragraph carries an explicit `dir`: a paragraph of the article or of a note takes it from its own first
strong character (reader.core.text.block_direction, as the app and the PDF decide it); the lines the export
writes itself (label lines, headings, the header) take the export language's, with each interpolated
fragment in a <bdi> or between FSI and PDI. (`dir="auto"` would lay "Claim · ¶ 3" out right to left in an
English export of an Arabic article whose label line starts with an Arabic label name.) Label colours appear as a bar beside each quote and as <mark> backgrounds in the article
text. Notes are rendered from Markdown with raw HTML disabled (a note cannot inject markup).
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

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
from reader.core.exporters.phrases import format_date
from reader.core.text import BlockKind, block_direction

#: A notebook group's heading (inline: exports without groups keep their style sheet as it was).
GROUP_STYLE = "font-size: 1.7em; border-bottom: 2px solid #7a5c2e; margin-top: 2em"

_BLOCK_OPEN = {
    "paragraph_open",
    "heading_open",
    "list_item_open",
    "blockquote_open",
    "bullet_list_open",
    "ordered_list_open",
}

CSS = """
body { font-family: "Amiri", "Noto Naskh Arabic", "Noto Sans", "DejaVu Sans", serif; max-width: 46em;
       margin: 2em auto; padding: 0 1em; line-height: 1.6; color: #1b1b1b; background: #fff; }
header.export { color: #555; font-size: .9em; border-bottom: 1px solid #ddd; margin-bottom: 2em; }
article { margin-bottom: 3em; }
.meta, .citation { color: #555; font-size: .95em; margin: .2em 0; }
.citation { font-style: italic; }
.tags span { display: inline-block; background: #eee; border-radius: .8em; padding: 0 .6em; margin: 0 .2em;
             font-size: .85em; }
.highlight { margin: 1.2em 0; }
.highlight blockquote { margin: 0; padding: .4em .8em; border-inline-start: .35em solid var(--c);
                        background: color-mix(in srgb, var(--c) 18%, transparent); }
.highlight .label { font-size: .85em; color: #444; margin: .3em 0; }
.highlight .label b { color: var(--c); filter: brightness(.7); }
.note { margin: .3em 0 0; }
.article-note { border: 1px solid #ddd; padding: .4em .8em; border-radius: .3em; }
mark { background: color-mix(in srgb, var(--c) 35%, transparent); color: inherit; }
mark.underline { background: none; text-decoration: underline 2px var(--c); }
""".strip()


def _dir(text: str) -> str:
    """The base direction of a paragraph of content: its first strong character's (right to left without one)."""
    return block_direction(text).value


def _add_dir(state: StateCore) -> None:
    """Each block of a note gets the direction of the first text inside it (a list: of its first item)."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type in _BLOCK_OPEN:
            inline = next((t.content for t in tokens[i:] if t.type == "inline"), "")
            token.attrSet("dir", _dir(inline))


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.core.ruler.push("dir", _add_dir)
    return md


def _tags(tags: tuple[str, ...]) -> str:
    if not tags:
        return ""
    spans = "".join(f"<span><bdi>#{escape(t)}</bdi></span>" for t in tags)
    return f'<p class="tags" dir="{_dir(" ".join(tags))}">{spans}</p>'


def _export_dir(document: ExportDocument) -> str:
    """The direction of the lines the export writes itself: its language's."""
    return "rtl" if document.rtl else "ltr"


def _meta(h: HighlightView, document: ExportDocument) -> str:
    """Label name, paragraph and tags, each in a <bdi> so it keeps its own direction inside the line."""
    name, where = document.label_name(h.label), document.where(h)
    return f"<b><bdi>{escape(name)}</bdi></b> · <bdi>{escape(where)}</bdi>"


def _highlight(h: HighlightView, document: ExportDocument, md: MarkdownIt) -> list[str]:
    out = [
        f'<section class="highlight" id="h{h.id}" style="--c: {escape(h.label.color)}">',
        f'<blockquote dir="{_dir(h.exact)}">',
    ]
    out += [f'<p dir="{_dir(line)}">{escape(line)}</p>' for line in h.exact.split("\n")]
    out.append("</blockquote>")
    out.append(f'<p class="label" dir="{_export_dir(document)}">{_meta(h, document)}</p>')
    if h.tags:
        out.append(_tags(h.tags))
    if h.note.strip():
        out.append(f'<div class="note">{md.render(h.note).strip()}</div>')
    out.append("</section>")
    return out


def _text(article: ArticleView, document: ExportDocument) -> list[str]:
    heading = escape(document.phrase("text"))
    out = ['<section class="text">', f'<h2 dir="{_export_dir(document)}">{heading}</h2>']
    for block, segments in block_segments(article):
        parts = []
        for seg in segments:
            if seg.highlights:
                top = seg.highlights[-1]
                css = ' class="underline"' if top.style == "underline" else ""
                parts.append(
                    f'<mark{css} style="--c: {escape(top.label.color)}" data-highlight="{top.id}">'
                    f"{escape(seg.text)}</mark>"
                )
            else:
                parts.append(escape(seg.text))
        tag = {BlockKind.HEADING: "h3", BlockKind.QUOTE: "blockquote"}.get(block.kind, "p")
        bullet = "• " if block.kind == BlockKind.LIST_ITEM else ""
        out.append(f'<{tag} dir="{block.direction.value}">{bullet}{"".join(parts)}</{tag}>')
    out.append("</section>")
    return out


def _article(article: ArticleView, document: ExportDocument, md: MarkdownIt) -> list[str]:
    lang = f' lang="{escape(article.language)}"' if article.language else ""
    direction = "rtl" if article.language == "ar" else "ltr"
    out = [
        f'<article id="article-{article.id}"{lang} dir="{direction}">',
        f'<h1 dir="{_dir(article.title)}">{escape(article.title)}</h1>',
    ]
    # the byline and the citation are the article's own data: they read with its title, as in the PDF
    if byline(article):
        out.append(f'<p class="meta" dir="{_dir(article.title)}">{escape(byline(article))}</p>')
    if article.url:
        out.append(f'<p class="meta" dir="ltr"><a href="{escape(article.url)}">{escape(article.url)}</a></p>')
    out.append(f'<p class="citation" dir="{_dir(article.title)}">{escape(citation(article))}</p>')
    if article.tags:
        out.append(_tags(article.tags))
    if article.note.strip():
        out.append(f'<div class="article-note note">{md.render(article.note).strip()}</div>')
    for h in article.highlights:
        out += _highlight(h, document, md)
    if document.include_article_text:
        out += _text(article, document)
    out.append("</article>")
    return out


def render(
    document: ExportDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, None]:
    md = _markdown()
    title = document.articles[0].title if len(document.articles) == 1 else document.phrase("notes_title")
    lang = document.language
    page_dir = "rtl" if document.rtl else "ltr"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}" dir="{page_dir}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="generator" content="Hawamish">',
        f'<meta name="date" content="{escape(document.exported_at)}">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        f'<header class="export" dir="{page_dir}">'
        + escape(
            document.phrase(
                "header",
                date=format_date(document.exported_at, lang),
                articles=len(document.articles),
                highlights=document.highlight_count,
            )
        )
        + "</header>",
    ]
    section = ""
    for article in walk(document, progress, cancel):
        if article.section and article.section != section:  # a notebook group begins
            out.append(
                f'<h1 class="group" dir="{_dir(article.section)}" style="{GROUP_STYLE}">'
                f"{escape(article.section)}</h1>"
            )
        section = article.section
        out += _article(article, document, md)
    out += ["</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8"), None

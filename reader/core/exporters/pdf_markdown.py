"""Notes are Markdown; fpdf2 draws paragraphs. This turns one into a list of the other.

markdown-it-py parses the note (CommonMark, raw HTML off); each block becomes a `PdfParagraph` whose text is
in fpdf2's own inline markup (`**bold**`, `__italic__`, `--underline--`), which `multi_cell(markdown=True)`
renders with Amiri-Bold and Amiri-Slanted. Lists become indented paragraphs with a bullet or number. Each
paragraph keeps its plain text too, so its direction can be decided from its own first strong character.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MARKERS = ("**", "__", "~~", "--")


@dataclass(frozen=True, slots=True)
class PdfParagraph:
    markup: str  # fpdf2 markdown
    plain: str  # the text a reader sees (direction, and tests' expectations)
    indent: int = 0  # list depth
    bullet: str = ""  # "•", "1." ...
    quote: bool = False


def escape(text: str) -> str:
    """Literal text for fpdf2's markdown: a backslash before each of its two-character markers."""
    for marker in _MARKERS:
        text = text.replace(marker, "\\" + marker)
    return text


def _inline(children: list[Token]) -> tuple[str, str]:
    markup: list[str] = []
    plain: list[str] = []
    link_stack: list[str] = []
    for tok in children:
        if tok.type in ("text", "code_inline", "html_inline"):
            markup.append(escape(tok.content))
            plain.append(tok.content)
        elif tok.type == "softbreak":
            markup.append(" ")
            plain.append(" ")
        elif tok.type == "hardbreak":
            markup.append("\n")
            plain.append("\n")
        elif tok.type in ("strong_open", "strong_close"):
            markup.append("**")
        elif tok.type in ("em_open", "em_close"):
            markup.append("__")
        elif tok.type in ("s_open", "s_close"):
            markup.append("~~")
        elif tok.type == "link_open":
            link_stack.append(str(tok.attrs.get("href", "")))
            markup.append("--")
        elif tok.type == "link_close":
            markup.append("--")
            href = link_stack.pop() if link_stack else ""
            if href and href not in "".join(plain[-1:]):
                markup.append(f" ({escape(href)})")
                plain.append(f" ({href})")
        elif tok.type == "image":
            markup.append(escape(tok.content))
            plain.append(tok.content)
    return "".join(markup), "".join(plain)


def note_paragraphs(note: str, md: MarkdownIt | None = None) -> list[PdfParagraph]:
    md = md or MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(note)
    out: list[PdfParagraph] = []
    lists: list[list[int | None]] = []  # per open list: [next number] or [None] for bullets
    quote_depth = 0
    pending_bullet = ""
    for tok in tokens:
        if tok.type == "bullet_list_open":
            lists.append([None])
        elif tok.type == "ordered_list_open":
            lists.append([int(tok.attrs.get("start", 1) or 1)])
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "list_item_open":
            counter = lists[-1] if lists else [None]
            if counter[0] is None:
                pending_bullet = "•"
            else:
                pending_bullet = f"{counter[0]}{tok.markup or '.'}"  # "1." or "1)", as the note wrote it
                counter[0] += 1
        elif tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type == "inline":
            markup, plain = _inline(tok.children or [])
            out.append(PdfParagraph(markup, plain, len(lists), pending_bullet, quote_depth > 0))
            pending_bullet = ""
        elif tok.type in ("fence", "code_block"):
            for line in tok.content.rstrip("\n").split("\n"):
                out.append(PdfParagraph(escape(line), line, len(lists)))
        elif tok.type == "heading_open":
            pass  # the inline that follows is rendered bold by the heading_close handling below
        elif tok.type == "heading_close" and out:
            last = out[-1]
            out[-1] = PdfParagraph(f"**{last.markup}**", last.plain, last.indent, last.bullet, last.quote)
    return out

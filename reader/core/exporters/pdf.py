"""PDF export with fpdf2, HarfBuzz shaping (uharfbuzz) and the bundled Amiri fonts, embedded.

Why this engine (docs/export.md): Qt's QPdfWriter lays Arabic out well but its text layer splits every
word that carries a haraka or tanween, so quotes copied out of the PDF are broken; fpdf2 shaping with Amiri
gives every letter back in logical order. Each paragraph of content is shaped with its own base direction
(reader.core.text.block_direction) and aligned by it: Arabic right-aligned, English left-aligned; the lines
the export writes itself (label lines, headings) take the export language's. Lines are broken by
pdf_layout.py and drawn from cached, shaped words by pdf_text.py in the Unicode bidi algorithm's visual order.
"""

from __future__ import annotations

import re
from datetime import datetime

from fpdf import FPDF
from fpdf.enums import Align
from markdown_it import MarkdownIt

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters.collect import (
    ArticleView,
    Cancel,
    ExportDocument,
    HighlightView,
    Progress,
    Segment,
    block_segments,
    byline,
    citation,
)
from reader.core.exporters.pdf_layout import LineBreaker, Run, parse_markup
from reader.core.exporters.pdf_markdown import PdfParagraph, escape, note_paragraphs
from reader.core.exporters.pdf_text import GlyphWriter
from reader.core.exporters.phrases import isolate, localized_digits, strip_isolates
from reader.core.paths import fonts_dir
from reader.core.text import BlockKind, Direction, block_direction, first_strong_direction

FONT = "Amiri"
FONT_FILES = {
    "": "Amiri-Regular.ttf",
    "B": "Amiri-Bold.ttf",
    "I": "Amiri-Slanted.ttf",
    "BI": "Amiri-BoldSlanted.ttf",
}
PAGE_FORMATS = {"A4": "A4", "Letter": "Letter"}
MARGIN = 18.0  # mm
BAR = 1.6  # width of the colour bar beside a quote, mm
GREY = (90, 90, 90)
TEXT = (26, 26, 26)
_WORD = re.compile(r"\w", re.UNICODE)


def _isolated(fragment: str) -> str:
    """A fragment with letters between FSI and PDI; a number or a sign stays bare and takes the line's order."""
    return isolate(fragment) if first_strong_direction(fragment) else fragment


def _rgb(color: str) -> tuple[int, int, int]:
    try:
        return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)
    except (ValueError, IndexError):
        return 158, 158, 158


def _tint(color: str, alpha: float = 0.28) -> tuple[int, int, int]:
    """The label colour as a light background, blended over white (printable, text stays readable)."""
    r, g, b = _rgb(color)
    return tuple(round(alpha * c + (1 - alpha) * 255) for c in (r, g, b))  # type: ignore[return-value]


def _line_height(size: float) -> float:
    """Amiri's marks reach far above and below the line: 1.75 × the size, in mm."""
    return size * 0.3528 * 1.75


class NotesPDF(FPDF):
    """FPDF with the running header (document title, current article) and page numbers."""

    def __init__(self, page_size: str, doc_title: str, language: str = "en") -> None:
        super().__init__(orientation="P", unit="mm", format=PAGE_FORMATS[page_size])
        self.doc_title = doc_title
        self.language = language  # of the export's own words: Arabic writes its page numbers ١, ٢, ٣
        self.running_title = ""
        self.set_margins(MARGIN, MARGIN + 6, MARGIN)
        self.set_auto_page_break(True, MARGIN)
        folder = fonts_dir()
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(folder / name))
        self.set_font(FONT, size=11)
        self.glyphs = GlyphWriter(self, FONT)
        self.breaker = LineBreaker(self.glyphs.width)

    # paragraphs ------------------------------------------------------------------------------------
    def paragraph(
        self,
        markup: str,
        plain: str | None = None,
        *,
        size: float = 11,
        style: str = "",
        color: tuple[int, int, int] = TEXT,
        fill: tuple[int, int, int] | None = None,
        indent: float = 0.0,
        direction: Direction | None = None,
        markdown: bool = True,
        bar: tuple[int, int, int] | None = None,
    ) -> int:
        """One paragraph, shaped and aligned by its own direction (or the one given); returns its line count.

        `bar` draws a colour bar on the paragraph's starting side, line by line (so it follows page breaks).
        """
        direction = direction or block_direction(plain if plain is not None else markup)
        rtl = direction == Direction.RTL
        runs = parse_markup(markup) if markdown else [Run(markup)]
        width = self.epw - indent
        height = _line_height(size)
        lines = self.breaker.lines(runs, size, width - 2 * self.c_margin - 0.3, style)
        x = self.l_margin + (0 if rtl else indent)
        for line in lines:
            self.glyphs.line(
                line,
                rtl=rtl,
                left=x + self.c_margin,
                right=x + width - self.c_margin,
                height=height,
                size=size,
                base_style=style,
                color=color,
                fill=fill,
                box=(x, x + width),
            )
            if bar is not None:
                bar_x = self.w - self.r_margin - BAR if rtl else self.l_margin
                self.set_fill_color(*bar)
                self.rect(bar_x, self.get_y() - height, BAR, height, style="F")
        self.set_x(self.l_margin)
        return len(lines)

    def line_count(self, markup: str, *, size: float, style: str = "", indent: float = 0.0) -> int:
        width = self.epw - indent - 2 * self.c_margin - 0.3
        return len(self.breaker.lines(parse_markup(markup), size, width, style))

    def space(self, mm: float) -> None:
        self.set_y(self.get_y() + mm)

    # running header and page numbers -------------------------------------------------------------
    def header(self) -> None:
        if self.page_no() == 1 and not self.running_title:
            return
        y = self.get_y()
        self.set_y(MARGIN - 8)
        title = self.running_title or self.doc_title
        self.paragraph(escape(title), title, size=8.5, color=GREY)
        self.set_draw_color(200, 200, 200)
        self.line(self.l_margin, MARGIN - 1.5, self.w - self.r_margin, MARGIN - 1.5)
        self.set_y(max(y, self.t_margin))

    def footer(self) -> None:
        self.set_y(-MARGIN + 4)
        self.set_text_shaping(True, direction="ltr")
        self.set_font(FONT, size=8.5)
        self.set_text_color(*GREY)
        if self.language == "ar":
            # one digit system a document: fpdf fills {nb} in with Western digits at the very end, so an Arabic
            # export writes the page's own number alone, in the digits of its dates and paragraph numbers
            self.cell(0, 5, localized_digits(str(self.page_no()), "ar"), align=Align.C)
        else:
            self.cell(0, 5, f"{self.page_no()} / {{nb}}", align=Align.C)


class _Renderer:
    def __init__(self, document: ExportDocument) -> None:
        self.document = document
        doc_title = (
            document.articles[0].title if len(document.articles) == 1 else document.phrase("notes_title")
        )
        self.direction = Direction.RTL if document.rtl else Direction.LTR  # of the export's own words
        self.pdf = NotesPDF(document.page_size, doc_title, document.language)
        self.md = MarkdownIt("commonmark", {"html": False})
        self._metadata(doc_title)

    def _metadata(self, title: str) -> None:
        pdf, doc = self.pdf, self.document
        pdf.set_title(title)
        authors = sorted({a.author for a in doc.articles if a.author})
        pdf.set_author("; ".join(authors) if authors else "Hawamish")
        pdf.set_subject(
            strip_isolates(doc.phrase("subject", articles=len(doc.articles), highlights=doc.highlight_count))
        )
        pdf.set_creator("Hawamish")
        tags = sorted(
            {t for a in doc.articles for t in a.tags}
            | {t for a in doc.articles for h in a.highlights for t in h.tags}
        )
        if tags:
            pdf.set_keywords(tags)
        stamp = datetime.fromisoformat(doc.exported_at.replace("Z", "+00:00"))
        pdf.set_creation_date(stamp)
        if doc.articles and doc.articles[0].language:
            pdf.set_lang(doc.articles[0].language)

    # pieces ----------------------------------------------------------------------------------------
    def _note(self, note: str, *, size: float = 10.5) -> None:
        for para in note_paragraphs(note, self.md):
            self._note_paragraph(para, size)

    def _note_paragraph(self, para: PdfParagraph, size: float) -> None:
        markup = f"{para.bullet} {para.markup}" if para.bullet else para.markup
        plain = f"{para.bullet} {para.plain}" if para.bullet else para.plain
        style = "I" if para.quote else ""
        # direction from the paragraph's own words, not from its bullet or number
        self.pdf.paragraph(
            markup,
            plain,
            size=size,
            style=style,
            indent=5.0 * para.indent,
            direction=block_direction(para.plain),
        )
        self.pdf.space(0.6)

    def _title_block(self, article: ArticleView, number: int, *, new_page: bool = True) -> None:
        pdf = self.pdf
        pdf.running_title = article.title
        if (new_page and number > 1) or pdf.page_no() == 0:
            pdf.add_page()
        # under a notebook group's heading, one level down in the outline
        pdf.start_section(article.title or f"#{article.id}", level=1 if article.section else 0)
        pdf.paragraph(escape(article.title), article.title, size=18, style="B")
        pdf.space(1)
        if byline(article):
            pdf.paragraph(
                escape(byline(article)),
                byline(article),
                size=10.5,
                color=GREY,
                direction=block_direction(article.title),
            )
        if article.url:
            pdf.paragraph(
                escape(article.url),
                article.url,
                size=9.5,
                color=GREY,
                direction=Direction.LTR,
                markdown=False,
            )
        exported = strip_isolates(self.document.exported_line())  # one language: nothing to isolate
        pdf.paragraph(escape(exported), exported, size=9.5, color=GREY, direction=self.direction)
        pdf.space(1.5)
        cite = citation(article)
        pdf.paragraph(
            escape(cite),
            cite,
            size=10,
            style="I",
            direction=block_direction(article.title),
            fill=(244, 244, 244),
        )
        if article.tags:
            tags = " ".join(f"#{t}" for t in article.tags)
            pdf.paragraph(escape(tags), tags, size=9.5, color=GREY)
        pdf.set_draw_color(180, 180, 180)
        pdf.space(2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.space(3)
        if article.note.strip():
            heading = self.document.phrase("note")
            pdf.paragraph(f"**{escape(heading)}**", heading, size=12, direction=self.direction)
            self._note(article.note, size=11)
            pdf.space(3)

    def _highlight(self, article: ArticleView, h: HighlightView, number: int) -> None:
        pdf = self.pdf
        direction = block_direction(h.exact, Direction.RTL if article.language == "ar" else Direction.LTR)
        rtl = direction == Direction.RTL
        # the meta line is the export's own words: it reads in the export language; a fragment with letters
        # (label, tags) is isolated, a number ('1.', '¶ 3') takes the line's direction (Arabic reads '.1')
        meta = "".join(
            sep + (f"**{escape(_isolated(text))}**" if i == 1 else escape(_isolated(text)))
            for i, (sep, text) in enumerate(self.document.meta_parts(h, number))
        )
        meta_rtl = self.direction == Direction.RTL
        quote_markup = escape(h.exact.replace("\n", " "))
        quote_lines = pdf.line_count(quote_markup, size=12, indent=BAR + 1.2)
        quote_height = quote_lines * _line_height(12)
        # keep the label with (the start of) its quote
        if pdf.get_y() + _line_height(10) + min(quote_height, 3 * _line_height(12)) > pdf.page_break_trigger:
            pdf.add_page()
        color = _rgb(h.label.color)
        swatch_x = pdf.w - pdf.r_margin - 3 if meta_rtl else pdf.l_margin
        pdf.set_fill_color(*color)
        pdf.rect(swatch_x, pdf.get_y() + 1.6, 3, 3, style="F")
        pdf.paragraph(meta, strip_isolates(meta), size=10, color=GREY, indent=5, direction=self.direction)
        pdf.paragraph(
            quote_markup,
            h.exact,
            size=12,
            fill=_tint(h.label.color),
            indent=BAR + 1.2,
            direction=direction,
            bar=color,
        )
        if h.style == "underline":
            y1 = pdf.get_y()
            pdf.set_draw_color(*color)
            pdf.set_line_width(0.4)
            pdf.line(
                pdf.l_margin + (0 if rtl else BAR + 1.2),
                y1,
                pdf.w - pdf.r_margin - (BAR + 1.2 if rtl else 0),
                y1,
            )
            pdf.set_line_width(0.2)
        pdf.space(1)
        if h.note.strip():
            self._note(h.note)
        pdf.space(3.5)

    def _article_text(self, article: ArticleView) -> None:
        """The annotated copy: each block in its own direction; highlighted words underlined and numbered,
        with a bar in the label's colour beside each paragraph that holds highlights."""
        pdf = self.pdf
        pdf.add_page()
        heading = self.document.phrase("text")
        pdf.start_section(heading, level=1)
        pdf.paragraph(f"**{escape(heading)}**", heading, size=13, direction=self.direction)
        pdf.space(2)
        numbers = {h.id: i + 1 for i, h in enumerate(article.highlights)}
        for block, segments in block_segments(article):
            markup, plain, colors = _annotated(segments, numbers)
            size = 13 if block.kind == BlockKind.HEADING else 11.5
            style = "B" if block.kind == BlockKind.HEADING else ""
            direction = block.direction
            bullet = "• " if block.kind == BlockKind.LIST_ITEM else ""
            pdf.paragraph(
                bullet + markup,
                plain,
                size=size,
                style=style,
                direction=direction,
                indent=3 if colors else 0,
                bar=_rgb(colors[0]) if colors else None,
            )
            pdf.space(1.5)

    def render(self, progress: Progress | None, cancel: Cancel | None) -> tuple[bytes, int]:
        """Progress counts articles and highlights (one big article still moves the bar); cancel is polled
        before each of them."""
        pdf = self.pdf
        if not self.document.articles:
            pdf.add_page()
            nothing = self.document.phrase("nothing")
            pdf.paragraph(escape(nothing), nothing, direction=self.direction)
        total = len(self.document.articles) + self.document.highlight_count
        done = 0

        def step() -> None:
            nonlocal done
            if cancel is not None and cancel():
                raise HawamishError(ErrorCode.CANCELLED)
            done += 1
            if progress is not None:
                progress(done, total)

        section = ""
        for number, article in enumerate(self.document.articles, start=1):
            step()
            starts_section = bool(article.section) and article.section != section
            section = article.section
            if starts_section:  # a notebook group begins: its heading, on a new page, in the outline
                pdf.add_page()
                pdf.start_section(article.section, level=0)
                pdf.paragraph(
                    escape(article.section),
                    article.section,
                    size=22,
                    style="B",
                    direction=block_direction(article.section),
                )
                pdf.space(2)
            self._title_block(article, number, new_page=not starts_section)
            if article.highlights:
                heading = self.document.phrase("highlights")
                pdf.paragraph(f"**{escape(heading)}**", heading, size=12, direction=self.direction)
                pdf.space(1)
            for i, h in enumerate(article.highlights, start=1):
                step()
                self._highlight(article, h, i)
            if self.document.include_article_text:
                self._article_text(article)
        data = bytes(pdf.output())
        return data, pdf.page_no()


def _annotated(segments: list[Segment], numbers: dict[int, int]) -> tuple[str, str, list[str]]:
    """fpdf2 markup of one block with its highlighted runs underlined and numbered.

    A highlight may start or end inside a word; fpdf2 shapes each styled run on its own, which would break
    the joining of an Arabic word cut in two, so the underline is widened to whole words (the highlight
    itself is not changed).
    """
    text = "".join(s.text for s in segments)
    marked = [False] * len(text)
    last_end: dict[int, int] = {}
    colors: list[str] = []
    pos = 0
    for seg in segments:
        for h in seg.highlights:
            marked[pos : pos + len(seg.text)] = [True] * len(seg.text)
            last_end[h.id] = pos + len(seg.text)
            if h.label.color not in colors:
                colors.append(h.label.color)
        pos += len(seg.text)
    for i in range(1, len(text)):  # widen forwards, then backwards, across word characters
        if not marked[i] and marked[i - 1] and _WORD.match(text[i]) and _WORD.match(text[i - 1]):
            marked[i] = True
    for i in range(len(text) - 2, -1, -1):
        if not marked[i] and marked[i + 1] and _WORD.match(text[i]) and _WORD.match(text[i + 1]):
            marked[i] = True
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marked[j] == marked[i]:
            j += 1
        runs.append((i, j))
        i = j
    notes: dict[int, list[int]] = {}
    for hid, end in last_end.items():
        for r, (a, b) in enumerate(runs):
            if a < end <= b and hid in numbers:
                notes.setdefault(r, []).append(numbers[hid])
    out: list[str] = []
    for r, (a, b) in enumerate(runs):
        run = escape(text[a:b])
        out.append(f"--{run}--" if marked[a] else run)
        if r in notes:
            out.append(" [" + ", ".join(str(n) for n in sorted(notes[r])) + "]")
    return "".join(out), text, colors


def render(
    document: ExportDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, int]:
    return _Renderer(document).render(progress, cancel)

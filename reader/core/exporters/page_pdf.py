"""A research page as PDF, with the notes export's machinery (reader.core.exporters.pdf: fpdf2, HarfBuzz,
Amiri, each paragraph in its own direction): the page's Markdown as paragraphs, each quote a block quote
with a bar beside it and a note number, a deleted highlight's quote a grey line saying so, and the reference
list (citations in the page's language, reader.core.citations) at the end."""

from __future__ import annotations

from datetime import datetime

from markdown_it import MarkdownIt

from reader.core.citations import isolated_citation
from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters.collect import Cancel, Progress
from reader.core.exporters.page_document import NumberedQuote, PageDocument
from reader.core.exporters.pdf import BAR, GREY, NotesPDF, _line_height
from reader.core.exporters.pdf_markdown import escape, note_paragraphs
from reader.core.exporters.phrases import format_date, strip_isolates
from reader.core.pages import QuoteState
from reader.core.text import Direction, block_direction

QUOTE_BAR = (150, 150, 150)
QUOTE_FILL = (246, 246, 246)


class _PageRenderer:
    def __init__(self, document: PageDocument) -> None:
        self.document = document
        self.direction = Direction.RTL if document.rtl else Direction.LTR
        self.pdf = NotesPDF(document.page_size, document.title, document.language)
        self.md = MarkdownIt("commonmark", {"html": False})
        pdf = self.pdf
        pdf.set_title(document.title)
        authors = sorted({n.passage.author for n in document.notes if n.passage and n.passage.author})
        pdf.set_author("; ".join(authors) if authors else "Hawamish")
        pdf.set_subject(strip_isolates(document.phrase("page_subject", quotes=len(document.notes))))
        pdf.set_creator("Hawamish")
        pdf.set_creation_date(datetime.fromisoformat(document.exported_at.replace("Z", "+00:00")))
        pdf.set_lang(document.language)

    def _markdown(self, markdown: str) -> None:
        for para in note_paragraphs(markdown, self.md):
            markup = f"{para.bullet} {para.markup}" if para.bullet else para.markup
            plain = f"{para.bullet} {para.plain}" if para.bullet else para.plain
            self.pdf.paragraph(
                markup,
                plain,
                size=11.5,
                style="I" if para.quote else "",
                indent=5.0 * para.indent,
                direction=block_direction(para.plain, self.direction),
            )
            self.pdf.space(1.2)

    def _quote(self, block: NumberedQuote) -> None:
        pdf, doc = self.pdf, self.document
        if block.number is None:
            line = doc.phrase("quote_deleted", id=doc.digits(block.quote.highlight_id))
            plain = strip_isolates(line)
            pdf.paragraph(
                escape(plain),
                plain,
                size=10.5,
                style="I",
                color=GREY,
                indent=BAR + 1.2,
                direction=self.direction,
                bar=QUOTE_BAR,
            )
            pdf.space(3)
            return
        source_language = block.quote.source.language if block.quote.source else ""
        fallback = Direction.RTL if source_language == "ar" else self.direction
        direction = block_direction(block.quote.exact, fallback)
        mark = f"[{doc.digits(block.number)}]"
        # the quote keeps its own direction; the note number follows its last word
        paragraphs = [p for p in block.quote.exact.splitlines() if p.strip()] or [""]
        if pdf.get_y() + 2 * _line_height(12) > pdf.page_break_trigger:
            pdf.add_page()
        for i, text in enumerate(paragraphs):
            last = i == len(paragraphs) - 1
            markup = text + (f" {mark}" if last else "")  # drawn as written (markdown off)
            pdf.paragraph(
                markup,
                text,
                size=12,
                fill=QUOTE_FILL,
                indent=BAR + 1.2,
                direction=direction,
                bar=QUOTE_BAR,
                markdown=False,
            )
        if block.quote.state == QuoteState.ORPHAN:
            note = doc.phrase("quote_orphan")
            pdf.paragraph(
                escape(note),
                note,
                size=9.5,
                style="I",
                color=GREY,
                indent=BAR + 1.2,
                direction=self.direction,
            )
        pdf.space(3)

    def _references(self) -> None:
        pdf, doc = self.pdf, self.document
        if not doc.notes:
            return
        pdf.space(4)
        pdf.set_draw_color(180, 180, 180)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.space(3)
        heading = doc.phrase("references")
        pdf.start_section(heading, level=0)
        pdf.paragraph(f"**{escape(heading)}**", heading, size=13, direction=self.direction)
        pdf.space(1.5)
        for note in doc.notes:
            assert note.passage is not None and note.number is not None
            body = isolated_citation(note.passage, doc.language, accessed=doc.accessed, with_quote=False)
            line = f"{doc.digits(note.number)}. {body}"
            pdf.paragraph(line, strip_isolates(line), size=10.5, direction=self.direction, markdown=False)
            pdf.space(1)

    def render(self, progress: Progress | None, cancel: Cancel | None) -> tuple[bytes, int]:
        pdf, doc = self.pdf, self.document
        pdf.add_page()
        pdf.start_section(doc.title or "#", level=0)
        pdf.paragraph(
            escape(doc.title),
            doc.title,
            size=18,
            style="B",
            direction=block_direction(doc.title, self.direction),
        )
        exported = strip_isolates(doc.phrase("exported", date=_date(doc)))
        pdf.paragraph(escape(exported), exported, size=9.5, color=GREY, direction=self.direction)
        pdf.space(4)
        total = len(doc.blocks)
        for done, block in enumerate(doc.blocks, start=1):
            if cancel is not None and cancel():
                raise HawamishError(ErrorCode.CANCELLED)
            if isinstance(block, NumberedQuote):
                self._quote(block)
            else:
                self._markdown(block.markdown)
            if progress is not None:
                progress(done, total)
        self._references()
        return bytes(pdf.output()), pdf.page_no()


def _date(document: PageDocument) -> str:
    return format_date(document.exported_at, document.language)


def render(
    document: PageDocument, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[bytes, int]:
    return _PageRenderer(document).render(progress, cancel)

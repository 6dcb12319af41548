"""The cards of the annotation panel: one highlight each, painted by a delegate.

A card shows the colour label (name and a stripe on the leading edge), the paragraph, the quote on a tint
of the label colour, the note and the tags. Quote and note paragraphs each take their direction from their
own text, so an English quote in an Arabic UI reads left-to-right, while the card's frame mirrors with the
UI. Painting (rather than one widget a card) keeps a panel of hundreds of highlights cheap to build.

The note is Markdown and is shown as it reads (bold, italics, lists, links), not as its source: Qt's own
Markdown reader (QTextDocument.setMarkdown, raw HTML off, as in the HTML export) builds a small document
whose blocks then get their direction and alignment from their own text. Each laid-out note is cached by
its text, font, width and the UI's direction, and each card's height with it, so painting and sizing a
panel of hundreds of cards does no parsing or layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.text import Direction, first_strong_direction
from reader.gui.common.offline_document import OfflineDocument
from reader.gui.reading.highlight_layer import fill_color, underline_color

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole

QUOTE_LINES = 4
NOTE_LINES = 4
#: A version a merge kept ("edited at the same time by …: its note"), at most this many lines.
HISTORY_LINES = 3
PAD = 8
STRIPE = 4
GAP = 4


@dataclass(frozen=True, slots=True)
class CardData:
    highlight_id: int
    label: str  # the label's display name
    color: str  # #rrggbb
    quote: str
    note: str
    tags: tuple[str, ...]
    where: str  # "¶ 3", or the orphan's old position
    date: str
    style: str
    orphan: bool
    # in a shared library: who made it (and their colour), and the concurrent versions a merge kept
    by: str = ""
    by_color: str = ""
    history: tuple[str, ...] = ()


def text_direction(text: str, fallback: Qt.LayoutDirection) -> Qt.LayoutDirection:
    strong = first_strong_direction(text)
    if strong is None:
        return fallback
    return Qt.LayoutDirection.RightToLeft if strong is Direction.RTL else Qt.LayoutDirection.LeftToRight


class WrappedText:
    """Text wrapped to a width in at most `max_lines` lines, each paragraph in its own direction; the
    last line is elided when text remains."""

    def __init__(
        self, text: str, font: QFont, width: float, max_lines: int, fallback: Qt.LayoutDirection
    ) -> None:
        self.layouts: list[tuple[QTextLayout, float]] = []  # (layout, y offset)
        self.height = 0.0
        metrics = QFontMetricsF(font)
        spacing = metrics.lineSpacing()
        lines_left = max_lines
        paragraphs = [p for p in text.split("\n") if p.strip()]
        for n, paragraph in enumerate(paragraphs):
            if lines_left <= 0:
                break
            direction = text_direction(paragraph, fallback)
            layout = _make_layout(paragraph, font, direction)
            starts = _lay_out(layout, width, spacing, None)
            more_after = n < len(paragraphs) - 1
            if len(starts) > lines_left or (len(starts) == lines_left and more_after):
                keep = min(len(starts), lines_left)
                cut = starts[keep - 1]
                tail = metrics.elidedText(paragraph[cut:] + " …", Qt.TextElideMode.ElideRight, width)
                layout = _make_layout(paragraph[:cut] + tail, font, direction)
                _lay_out(layout, width, spacing, keep)
                self.layouts.append((layout, self.height))
                self.height += keep * spacing
                break
            self.layouts.append((layout, self.height))
            self.height += len(starts) * spacing
            lines_left -= len(starts)

    def draw(self, painter: QPainter, x: float, y: float, width: float) -> None:
        painter.save()
        painter.setClipRect(QRectF(x - 2, y, width + 4, self.height + 2), Qt.ClipOperation.IntersectClip)
        for layout, dy in self.layouts:
            layout.draw(painter, QPointF(x, y + dy))
        painter.restore()


#: Qt's Markdown reader as the note will read elsewhere: GitHub's dialect (lists, links, strikethrough),
#: raw HTML shown as text, never as markup.
MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
ELLIPSIS = "…"


class MarkdownText:
    """A Markdown note rendered to at most `max_lines` lines of `width`, each paragraph (and list item) in
    the direction of its own text; when lines remain, the last one shown ends with an ellipsis."""

    def __init__(
        self, text: str, font: QFont, width: float, max_lines: int, fallback: Qt.LayoutDirection
    ) -> None:
        doc = OfflineDocument()
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setMarkdown(lines_as_paragraphs(text), MARKDOWN_FEATURES)
        _apply_directions(doc, fallback)
        doc.setTextWidth(width)
        self.document = doc
        self.height, self.truncated, self._last_line = _first_lines(doc, max_lines)
        self._font = font

    def draw(
        self, painter: QPainter, x: float, y: float, width: float, palette: QPalette | None = None
    ) -> None:
        painter.save()
        painter.translate(x, y)
        clip = QRectF(-2, 0, width + 4, self.height + 2)
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        if palette is not None:
            context.palette = palette
        self.document.documentLayout().draw(painter, context)
        if self.truncated and self._last_line is not None:
            self._draw_ellipsis(painter, palette)
        painter.restore()

    def _draw_ellipsis(self, painter: QPainter, palette: QPalette | None) -> None:
        """An ellipsis just past the end of the last line shown (its left for a right-to-left line)."""
        if self._last_line is None:
            return
        rect, rtl = self._last_line
        metrics = QFontMetricsF(self._font)
        w = metrics.horizontalAdvance(ELLIPSIS)
        x = rect.left() - w - 2 if rtl else rect.right() + 2
        x = max(0.0, min(x, self.document.textWidth() - w))
        painter.setFont(self._font)
        if palette is not None:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(x, rect.top(), w + 2, rect.height()), int(Qt.AlignmentFlag.AlignVCenter), ELLIPSIS
        )


_BLOCK_START = re.compile(r"\s*([-+*]\s|\d{1,9}[.)]\s|#{1,6}\s|>|\||```|~~~)")


def lines_as_paragraphs(text: str) -> str:
    """The note's Markdown with each line of prose a paragraph of its own.

    The note editor shows every line as its own paragraph, in its own direction; in Markdown a single
    newline only continues the paragraph, so an English line typed under an Arabic one would read inside a
    right-to-left paragraph. A blank line is put between two lines of prose; lists, quotes, headings,
    tables, indented lines and fenced code keep their Markdown meaning.
    """
    lines = text.split("\n")
    out: list[str] = []
    fenced = False
    for line, following in zip(lines, [*lines[1:], None], strict=True):
        out.append(line)
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or following is None or not line.strip() or not following.strip():
            continue
        if _BLOCK_START.match(line) or _BLOCK_START.match(following) or following[:1] in (" ", "\t"):
            continue
        if line.endswith(("  ", "\\")):
            continue  # a hard line break the writer asked for
        out.append("")
    return "\n".join(out)


def _apply_directions(doc: QTextDocument, fallback: Qt.LayoutDirection) -> None:
    """Each block's direction and alignment from its own first strong character (a block with none follows
    the block before it, the first one the UI), as in the note editor and the article view."""
    cursor = QTextCursor(doc)
    block = doc.begin()
    previous = fallback
    while block.isValid():
        direction = text_direction(block.text(), previous)
        previous = direction
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setLayoutDirection(direction)
        side = (
            Qt.AlignmentFlag.AlignRight
            if direction == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        fmt.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        block = block.next()


def _first_lines(doc: QTextDocument, max_lines: int) -> tuple[float, bool, tuple[QRectF, bool] | None]:
    """(height of the first `max_lines` lines, whether more follow, (rect, rtl) of the last line shown)."""
    doc.documentLayout().blockBoundingRect(doc.lastBlock())  # lays the whole (small) note out now
    shown = 0
    height = 0.0
    last: tuple[QRectF, bool] | None = None
    block = doc.begin()
    while block.isValid():
        lines = block.layout()  # positioned in the document by its layout
        rtl = block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        for i in range(lines.lineCount()):
            if shown == max_lines:
                return height, True, last
            line = lines.lineAt(i)
            rect = line.naturalTextRect().translated(lines.position())
            last = (rect, rtl)
            height = rect.top() + line.height()
            shown += 1
        block = block.next()
    return height, False, last


def _make_layout(text: str, font: QFont, direction: Qt.LayoutDirection) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    rtl = direction == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    return layout


def _lay_out(layout: QTextLayout, width: float, spacing: float, max_lines: int | None) -> list[int]:
    """Lay out at most `max_lines` lines of `width`; returns each line's start in the text."""
    starts: list[int] = []
    layout.beginLayout()
    while max_lines is None or len(starts) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, len(starts) * spacing))
        starts.append(line.textStart())
    layout.endLayout()
    return starts


class CardDelegate(QStyledItemDelegate):
    """Paints highlight cards and sizes them for the list's current width."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._cache: dict[
            tuple[CardData, int, bool, str], tuple[int, WrappedText, MarkdownText | None, list[WrappedText]]
        ] = {}
        self._notes: dict[tuple[str, str, float, bool], MarkdownText] = {}
        self._font_cache: dict[str, tuple[QFont, QFont, QFont]] = {}

    def clear_cache(self) -> None:
        self._cache.clear()
        self._notes.clear()

    def _note(self, text: str, font: QFont, width: float, fallback: Qt.LayoutDirection) -> MarkdownText:
        """The rendered note, shared by every card showing the same text at the same width."""
        key = (text, font.key(), width, fallback == Qt.LayoutDirection.RightToLeft)
        note = self._notes.get(key)
        if note is None:
            if len(self._notes) > 2000:
                self._notes.clear()
            note = self._notes[key] = MarkdownText(text, font, width, NOTE_LINES, fallback)
        return note

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        key = option.font.key()
        cached = self._font_cache.get(key)
        if cached is None:
            cached = self._font_cache[key] = self._make_fonts(option.font)
        return cached

    @staticmethod
    def _make_fonts(font: QFont) -> tuple[QFont, QFont, QFont]:
        base = QFont(font)
        quote = QFont(base)
        quote.setPointSizeF(base.pointSizeF() * 1.08)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.88)
        header = QFont(small)
        header.setBold(True)
        return quote, base, header

    def _content(
        self, card: CardData, option: QStyleOptionViewItem, width: int
    ) -> tuple[int, WrappedText, MarkdownText | None, list[WrappedText]]:
        """(card height, quote, note, kept versions) for a card at `width`, laid out once (sizeHint runs
        for every card each time the list is filled)."""
        key = (card, width, option.direction == Qt.LayoutDirection.RightToLeft, option.font.key())
        cached = self._cache.get(key)
        if cached is None:
            quote_font, note_font, header_font = self._fonts(option)
            inner = max(40, width - 2 * PAD - STRIPE - 2 * GAP)
            quote = WrappedText(card.quote, quote_font, inner - 2 * GAP, QUOTE_LINES, option.direction)
            note = self._note(card.note, note_font, inner, option.direction) if card.note.strip() else None
            small = QFontMetricsF(header_font)
            height = PAD + small.lineSpacing() + GAP + quote.height + 2 * GAP
            if note is not None:
                height += GAP + note.height
            if card.tags:
                height += GAP + small.lineSpacing()
            kept = [
                WrappedText(text, header_font, inner, HISTORY_LINES, option.direction)
                for text in card.history
            ]
            if card.by:
                height += GAP + small.lineSpacing() + sum(k.height for k in kept)
            if len(self._cache) > 4000:
                self._cache.clear()
            cached = (int(height + PAD + 2 * GAP), quote, note, kept)
            self._cache[key] = cached
        return cached

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        card: CardData | None = index.data(CARD_ROLE)
        if card is None:
            return super().sizeHint(option, index)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        height, _quote, _note, _kept = self._content(card, option, width)
        return QSize(width, height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: CardData | None = index.data(CARD_ROLE)
        if card is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        outer = QRectF(option.rect).adjusted(GAP, GAP, -GAP, -GAP)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        accent = underline_color(card.color)
        painter.setPen(
            QPen(accent if selected else palette.color(QPalette.ColorRole.Mid), 2 if selected else 1)
        )
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(outer, 6, 6)
        stripe = (
            QRectF(outer.right() - STRIPE - 1, outer.top() + 1, STRIPE, outer.height() - 2)
            if rtl
            else QRectF(outer.left() + 1, outer.top() + 1, STRIPE, outer.height() - 2)
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(card.color) if not card.orphan else palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(stripe, 2, 2)

        _h, quote, note, kept = self._content(card, option, option.rect.width())
        quote_font, _note_font, header_font = self._fonts(option)
        x = outer.left() + STRIPE + PAD if not rtl else outer.left() + PAD
        width = outer.width() - STRIPE - 2 * PAD
        y = outer.top() + PAD
        # header: label · paragraph (leading), date (trailing)
        small = QFontMetricsF(header_font)
        header_rect = QRectF(x, y, width, small.lineSpacing())
        painter.setFont(header_font)
        painter.setLayoutDirection(option.direction)
        painter.setPen(accent)
        lead = card.label + ("  ·  " + card.where if card.where else "")
        if card.style == "underline":  # a word in the UI language (a Latin "U̲" read as English in Arabic)
            lead += "  ·  " + QCoreApplication.translate("CardDelegate", "underlined")
        painter.drawText(header_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), lead)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        painter.setFont(QFont(header_font.family(), int(header_font.pointSizeF()), QFont.Weight.Normal))
        painter.drawText(
            header_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), card.date
        )
        y += small.lineSpacing() + GAP
        # quote on a tint of the label colour (what it looks like in the article)
        tint = QRectF(x, y, width, quote.height + 2 * GAP)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            fill_color(card.color, dark=palette.color(QPalette.ColorRole.Base).lightness() < 128)
            if not card.orphan
            else palette.color(QPalette.ColorRole.AlternateBase)
        )
        painter.drawRoundedRect(tint, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(quote_font)
        quote.draw(painter, x + GAP, y + GAP, width - 2 * GAP)
        y += quote.height + 2 * GAP
        if note is not None:
            y += GAP
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            note.draw(painter, x, y, width, palette)
            y += note.height
        if card.tags:
            y += GAP
            painter.setFont(header_font)
            painter.setPen(muted)
            painter.drawText(
                QRectF(x, y, width, small.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                "  ".join("\u2068#" + t + "\u2069" for t in card.tags),  # isolated: '#' stays with its tag
            )
            y += small.lineSpacing()
        if card.by:
            y += GAP
            painter.setFont(header_font)
            painter.setPen(QColor(card.by_color) if card.by_color else muted)
            line = QRectF(x, y, width, small.lineSpacing())
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(line, flags, "\u25cf \u2068" + card.by + "\u2069")
            painter.setPen(muted)
            y += small.lineSpacing()
            for version in kept:
                version.draw(painter, x, y, width)
                y += version.height
        painter.restore()


def short_date(iso: str) -> str:
    """A stored UTC timestamp as a short local date in the UI locale."""
    return _short_date_in(iso, QLocale().name())


@lru_cache(maxsize=4096)
def _short_date_in(iso: str, _locale_name: str) -> str:
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not when.isValid():
        return ""
    return QLocale().toString(when.toLocalTime().date(), QLocale.FormatType.ShortFormat)

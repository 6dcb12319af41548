"""How the notebook paints a group header and a highlight card (a delegate: no widget a card).

A card: the colour label as a chip and the tags on its first line, the passage (up to three lines, in its
own direction: an Arabic quote is shaped and right-aligned in an English UI, and the other way round), the
note's first lines, and the article's title, author and date. The frame mirrors with the UI.

Sizing runs for every row each time the list is filled, so it must not lay text out: a card's height comes
from counts (the quote's length against the width, the note's lines), and painting, which runs only for
visible cards, wraps the quote into exactly that many lines (eliding the last when the estimate was short).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.notes import NoteItem
from reader.gui.annotations.annotation_cards import WrappedText, text_direction
from reader.gui.common.color_chips import ink_for
from reader.gui.common.numbers import local_digits, local_number
from reader.gui.notebook.notebook_model import ROW_ROLE, Row
from reader.gui.reading.highlight_layer import fill_color, underline_color

QUOTE_LINES = 3
NOTE_LINES = 2
PAD = 8
GAP = 4
STRIPE = 4
#: Shown for a label key no label has any more (its highlights keep it).
FALLBACK_COLOR = "#9e9e9e"


def _isolate(text: str) -> str:
    """FSI … PDI: a title or a name keeps its own direction inside a line of the other."""
    return f"\u2068{text}\u2069"


def note_lines(note: str) -> list[str]:
    return [line.strip() for line in note.split("\n") if line.strip()][:NOTE_LINES]


class NotebookDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.labels: dict[str, tuple[str, str]] = {}  # key -> (display name, #rrggbb)
        #: the name of the group of highlights without a value, by grouping ("no author", ...)
        self.no_value = ""
        self._fonts: tuple[QFont, QFont, QFont, QFont] | None = None
        self._spacings = (0.0, 0.0, 0.0, 0.0)
        self._average_width = 0.0
        self._quotes: dict[tuple[int, str, float, int], WrappedText] = {}  # (id, text, width, lines)

    def clear_cache(self) -> None:
        self._quotes.clear()

    def reset_fonts(self) -> None:
        """The view's font changed (zoom, preferences): fonts and measures are taken again."""
        self._fonts = None
        self._quotes.clear()

    def fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont, QFont]:
        """quote, note, small, header fonts from the view's font (made once: sizing runs for every row shown)."""
        if self._fonts is None:
            base = QFont(option.font)
            quote = QFont(base)
            quote.setPointSizeF(base.pointSizeF() * 1.08)
            note = QFont(base)
            note.setItalic(True)
            small = QFont(base)
            small.setPointSizeF(base.pointSizeF() * 0.88)
            header = QFont(base)
            header.setBold(True)
            header.setPointSizeF(base.pointSizeF() * 1.05)
            self._fonts = (quote, note, small, header)
            spacings = tuple(QFontMetricsF(f).lineSpacing() for f in self._fonts)
            self._spacings = (spacings[0], spacings[1], spacings[2], spacings[3])
            self._average_width = QFontMetricsF(quote).averageCharWidth()
        return self._fonts

    def _text_width(self) -> float:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 400
        return max(60.0, width - 2 * GAP - STRIPE - 2 * PAD - 2 * GAP)

    def quote_lines(self, item: NoteItem, width: float) -> int:
        """How many lines the quote gets: its length in average characters against the width (no layout)."""
        advance = self._average_width * len(item.highlight.exact)
        return max(1, min(QUOTE_LINES, math.ceil(advance / width)))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        row: Row | None = index.data(ROW_ROLE)
        self.fonts(option)
        quote, note, small, header = self._spacings
        if row is None or row.item is None:
            return QSize(0, int(header + 3 * GAP + PAD))
        lines = self.quote_lines(row.item, self._text_width())
        height = 2 * GAP + 2 * PAD + small * 2 + 2 * GAP + quote * lines + 2 * GAP
        notes = len(note_lines(row.item.highlight.note))
        if notes:
            height += note * notes + GAP
        return QSize(0, math.ceil(height))

    # painting ------------------------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row: Row | None = index.data(ROW_ROLE)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(option.direction)
        if row.item is None:
            self._paint_header(painter, option, row)
        else:
            self._paint_card(painter, option, row.item)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, row: Row) -> None:
        header = self.fonts(option)[3]
        palette = option.palette
        rect = QRectF(option.rect).adjusted(PAD, GAP * 2, -PAD, -GAP)
        label = row.group.label or self.no_value
        count = local_number(len(row.group.items))
        painter.setFont(header)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        metrics = QFontMetricsF(header)
        count_text = f"({count})"
        room = rect.width() - metrics.horizontalAdvance(count_text) - 2 * GAP
        name = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
        painter.drawText(rect, int(align), f"{_isolate(name)}  {count_text}")
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, item: NoteItem) -> None:
        quote_font, note_font, small, _header = self.fonts(option)
        palette = option.palette
        h = item.highlight
        name, color = self.labels.get(h.color, (h.color, FALLBACK_COLOR))
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        outer = QRectF(option.rect).adjusted(GAP, GAP, -GAP, -GAP)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        current = bool(option.state & QStyle.StateFlag.State_HasFocus)
        accent = underline_color(color, dark)
        painter.setPen(
            QPen(accent if selected else palette.color(QPalette.ColorRole.Mid), 2 if selected else 1)
        )
        painter.setBrush(
            palette.color(QPalette.ColorRole.AlternateBase)
            if current
            else palette.color(QPalette.ColorRole.Base)
        )
        painter.drawRoundedRect(outer, 6, 6)
        stripe_x = outer.right() - STRIPE - 1 if rtl else outer.left() + 1
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(QRectF(stripe_x, outer.top() + 1, STRIPE, outer.height() - 2), 2, 2)

        x = outer.left() + PAD + (0 if rtl else STRIPE)
        width = outer.width() - STRIPE - 2 * PAD
        y = outer.top() + PAD
        small_metrics = QFontMetricsF(small)
        line = small_metrics.lineSpacing()
        # the chip (label name on its colour) at the leading edge, the tags after it
        painter.setFont(small)
        chip_width = small_metrics.horizontalAdvance(name) + 2 * PAD
        chip = QRectF(outer.right() - PAD - STRIPE - chip_width if rtl else x, y, chip_width, line)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(chip, line / 2, line / 2)
        painter.setPen(QColor(ink_for(color)))
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), name)
        tags = "  ".join(_isolate("#" + t) for t in h.tags)
        if h.orphan:
            tags = "⚠ " + tags
        if tags:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            rest = QRectF(x, y, width - chip_width - PAD, line)
            if not rtl:
                rest.moveLeft(x + chip_width + PAD)
            painter.drawText(
                rest,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                small_metrics.elidedText(tags, Qt.TextElideMode.ElideRight, rest.width()),
            )
        y += line + GAP
        # the quote on a tint of its label colour, in its own direction
        text_width = self._text_width()
        lines = self.quote_lines(item, text_width)
        quote = self._quote(item, quote_font, text_width, lines, option.direction)
        tint = QRectF(x, y, width, quote.height + 2 * GAP)
        painter.setBrush(fill_color(color, dark=dark))
        painter.drawRoundedRect(tint, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(quote_font)
        quote.draw(painter, x + GAP, y + GAP, width - 2 * GAP)
        y += quote.height + 2 * GAP
        # the note's first lines
        notes = note_lines(h.note)
        if notes:
            y += GAP
            note_metrics = QFontMetricsF(note_font)
            painter.setFont(note_font)
            for text in notes:
                direction = text_direction(text, option.direction)
                align = (
                    Qt.AlignmentFlag.AlignRight
                    if direction == Qt.LayoutDirection.RightToLeft
                    else Qt.AlignmentFlag.AlignLeft
                )
                painter.setLayoutDirection(direction)
                painter.drawText(
                    QRectF(x, y, width, note_metrics.lineSpacing()),
                    int(align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter),
                    note_metrics.elidedText(text, Qt.TextElideMode.ElideRight, width),
                )
                y += note_metrics.lineSpacing()
            painter.setLayoutDirection(option.direction)
        # the article: title · author · date (· who made the highlight, in a shared library)
        y += GAP
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        parts = [p for p in (item.article_title, item.article_author) if p]
        if item.article_published:
            parts.append(local_digits(item.article_published))
        if item.made_by:  # a shared library: who made the highlight
            parts.append("\u25cf " + item.made_by)
        meta = "  ·  ".join(_isolate(p) for p in parts)
        painter.drawText(
            QRectF(x, y, width, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            small_metrics.elidedText(meta, Qt.TextElideMode.ElideMiddle, width),
        )

    def _quote(
        self, item: NoteItem, font: QFont, width: float, lines: int, fallback: Qt.LayoutDirection
    ) -> WrappedText:
        """The quote wrapped into `lines` lines, laid out once per text, width and font."""
        h = item.highlight
        key = (h.id, h.exact, width, lines)
        quote = self._quotes.get(key)
        if quote is None:
            if len(self._quotes) > 1000:
                self._quotes.clear()
            quote = self._quotes[key] = WrappedText(h.exact, font, width - 2 * GAP, lines, fallback)
        return quote

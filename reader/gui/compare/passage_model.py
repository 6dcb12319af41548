"""One column of the compare view: a list model of `PassageRow`s and the delegate that paints them.

Rows are plain data built in the worker from the core's comparison, so painting never touches the library.
Each passage is laid out in its own text's direction (an Arabic quote reads right-to-left in the English UI
too). Rows have one height (title, byline, up to QUOTE_LINES lines of the quote, elided): the list never
measures text to scroll. Passages can be dragged out as highlight ids (HIGHLIGHTS_MIME, what research pages
accept) with their quotes as plain text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.text import Direction, first_strong_direction
from reader.gui.common.numbers import local_digits
from reader.gui.common.row_model import IndexLike, RowListModel

#: The drag payload research pages accept: UTF-8 JSON, a list of highlight ids in order.
HIGHLIGHTS_MIME = "application/x-hawamish-highlights"
QUOTE_LINES = 4
_PAD = 8
_BAR = 4


@dataclass(slots=True)
class PassageRow:
    highlight_id: int
    article_id: int
    start: int
    quote: str
    note: str
    title: str
    byline: str  # the other facts than the column's (outlet or author) and the date
    color: str  # the label's colour, '#rrggbb' ('' for a deleted label)
    color_name: str

    @property
    def rtl(self) -> bool:
        return (first_strong_direction(self.quote) or first_strong_direction(self.title)) == Direction.RTL


def highlights_mime(rows: Sequence[PassageRow]) -> QMimeData:
    """Drag data of passages: their highlight ids (HIGHLIGHTS_MIME) and their quotes as plain text."""
    data = QMimeData()
    data.setData(HIGHLIGHTS_MIME, json.dumps([r.highlight_id for r in rows]).encode("utf-8"))
    data.setText("\n\n".join(r.quote for r in rows))
    return data


class PassageModel(RowListModel[PassageRow]):
    def __init__(self, rows: Sequence[PassageRow] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.quote
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            lines = [
                row.title,
                " · ".join(x for x in (row.color_name, local_digits(row.byline)) if x),
                row.quote,
            ]
            if row.note:
                lines.append(row.note)
            return "\n".join(lines)
        if role == self.RowRole:
            return row
        return None

    def flags(self, index: IndexLike) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [HIGHLIGHTS_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [r for r in (self.row_at(i) for i in sorted(indexes, key=lambda i: i.row())) if r is not None]
        return highlights_mime(rows)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _lines(text: str, font: QFont, width: int, direction: Qt.LayoutDirection, limit: int) -> list[str]:
    """`text` broken into at most `limit` lines of `width` pixels, the last one elided when it goes on."""
    flat = " ".join(text.split())
    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setTextDirection(direction)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while len(lines) < limit:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(flat[line.textStart() : line.textStart() + line.textLength()].strip())
        if len(lines) == limit and line.textStart() + line.textLength() < len(flat):
            rest = flat[line.textStart() :]
            lines[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    layout.endLayout()
    return lines


class PassageDelegate(QStyledItemDelegate):
    """Paints a passage: the label's colour bar on its leading edge, article title, byline, the quote."""

    @staticmethod
    def _title_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setBold(True)
        return font

    @staticmethod
    def _meta_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: IndexLike) -> QSize:
        title = QFontMetrics(self._title_font(option)).height()
        meta = QFontMetrics(self._meta_font(option)).height()
        quote = QFontMetrics(option.font).lineSpacing() * QUOTE_LINES
        return QSize(1, _PAD * 2 + title + meta + 6 + quote)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: IndexLike) -> None:
        row = index.data(PassageModel.RowRole)
        if not isinstance(row, PassageRow):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = opt.palette.color(role)
        meta_color = text_color if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText)
        direction = Qt.LayoutDirection.RightToLeft if row.rtl else Qt.LayoutDirection.LeftToRight
        rtl = direction == Qt.LayoutDirection.RightToLeft
        align = (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        ) | Qt.AlignmentFlag.AlignAbsolute

        painter.save()
        painter.setClipRect(opt.rect)
        painter.setLayoutDirection(direction)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        if row.color:  # the label's colour on the passage's leading edge
            bar_x = opt.rect.right() - _BAR - 1 if rtl else opt.rect.left() + 1
            painter.fillRect(QRect(bar_x, opt.rect.top() + 2, _BAR, opt.rect.height() - 4), QColor(row.color))
            rect = rect.adjusted(0, 0, -_BAR, 0) if rtl else rect.adjusted(_BAR, 0, 0, 0)
        width = max(10, rect.width())

        title_font, meta_font = self._title_font(opt), self._meta_font(opt)
        title_height = QFontMetrics(title_font).height()
        meta_height = QFontMetrics(meta_font).height()
        painter.setPen(text_color)
        painter.setFont(title_font)
        title = QFontMetrics(title_font).elidedText(row.title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(
            QRect(rect.left(), rect.top(), width, title_height), align | Qt.AlignmentFlag.AlignVCenter, title
        )
        painter.setPen(meta_color)
        painter.setFont(meta_font)
        byline = QFontMetrics(meta_font).elidedText(
            local_digits(row.byline), Qt.TextElideMode.ElideRight, width
        )
        top = rect.top() + title_height
        painter.drawText(
            QRect(rect.left(), top, width, meta_height), align | Qt.AlignmentFlag.AlignVCenter, byline
        )
        top += meta_height + 6
        painter.setPen(text_color)
        painter.setFont(opt.font)
        spacing = QFontMetrics(opt.font).lineSpacing()
        for line in _lines(row.quote, opt.font, width, direction, QUOTE_LINES):
            painter.drawText(
                QRect(rect.left(), top, width, spacing), align | Qt.AlignmentFlag.AlignVCenter, line
            )
            top += spacing
        painter.restore()

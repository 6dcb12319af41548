"""The article view: one article's blocks laid out for reading, with overlay layers for marks.

Document positions are the UTF-16 offsets of the canonical text: one QTextBlock per article block, and
Qt's block separator stands for the "\\n" that joins blocks (DESIGN §2). `OffsetMap` converts to and from
code points. Marks (highlights, search hits, a flash on a jump) are drawn as ExtraSelections in named
layers and never written into the document (DESIGN §3), so the text and its shaping never change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.core.models import Article
from reader.core.paths import fonts_dir
from reader.core.text import Block, BlockKind, Direction, block_direction
from reader.gui.offsets import OffsetMap

#: Overlay layers, drawn in this order (a later layer paints over an earlier one).
LAYER_HIGHLIGHTS = "highlights"
LAYER_SEARCH = "search"
LAYER_FLASH = "flash"
LAYER_ORDER = (LAYER_HIGHLIGHTS, LAYER_SEARCH, LAYER_FLASH)

READING_FAMILY = "Amiri"
READING_POINT_SIZE = 15.0
LINE_HEIGHT_PERCENT = 160
#: A comfortable column: about this many average characters a line, centred in wide windows.
COLUMN_CHARS = 72
MIN_SIDE_MARGIN = 28

PAPER = QColor("#fcfaf5")
INK = QColor("#1d1d1b")
MUTED_INK = QColor("#5b5750")
QUOTE_TINT = QColor("#f1ece1")

_fonts_loaded: bool = False


def load_fonts() -> str:
    """Register the bundled fonts once per process and return the reading font family."""
    global _fonts_loaded
    if not _fonts_loaded:
        for path in sorted(fonts_dir().glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))
        _fonts_loaded = True
    return READING_FAMILY if READING_FAMILY in QFontDatabase.families() else QFont().family()


def _safe_text(text: str) -> str:
    """Characters QTextCursor.insertText would turn into a block break become a line separator of the
    same length, so document positions keep matching the canonical text."""
    return text.replace("\u2029", "\u2028").replace("\r", "\u2028")


class ArticleView(QTextEdit):
    """Read-only QTextEdit showing one Article; positions convert through `offset_map`."""

    article_loaded = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self._article: Article | None = None
        self._offsets = OffsetMap("")
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._empty_title = ""
        self._empty_message = ""
        family = load_fonts()
        self._font = QFont(family)
        self._font.setPointSizeF(READING_POINT_SIZE)
        self._font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.document().setDefaultFont(self._font)
        self.setFont(self._font)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, PAPER)
        palette.setColor(QPalette.ColorRole.Text, INK)
        palette.setColor(QPalette.ColorRole.PlaceholderText, MUTED_INK)
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    # content -------------------------------------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def offset_map(self) -> OffsetMap:
        return self._offsets

    def set_article(self, article: Article | None) -> None:
        """Show `article` (or the empty state for None); clears every overlay layer."""
        self._article = article
        self._layers.clear()
        self.setExtraSelections([])
        doc = self.document()
        doc.clear()
        doc.setDefaultFont(self._font)
        if article is not None:
            self._offsets = OffsetMap(article.text)
            self._render(doc, article.blocks)
        else:
            self._offsets = OffsetMap("")
        self._update_column(force=True)
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        if article is not None:
            self.article_loaded.emit(article.id)

    def set_empty_message(self, title: str, message: str) -> None:
        """What the view says when no article is open (e.g. how to import the first one)."""
        self._empty_title = title
        self._empty_message = message
        self.viewport().update()

    def _render(self, doc: QTextDocument, blocks: Sequence[Block]) -> None:
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        current_list: QTextList | None = None
        current_list_key: tuple[int, Direction] | None = None
        for i, block in enumerate(blocks):
            block_format, char_format = self._formats(block)
            if i == 0:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(char_format)
            else:
                cursor.insertBlock(block_format, char_format)
            if block.kind is BlockKind.LIST_ITEM:
                key = (block.level, block.direction)
                if current_list is None or current_list_key != key:
                    list_format = QTextListFormat()
                    list_format.setStyle(QTextListFormat.Style.ListDisc)
                    list_format.setIndent(max(1, block.level + 1))
                    current_list = cursor.createList(list_format)
                    current_list_key = key
                else:
                    current_list.add(cursor.block())
            else:
                current_list, current_list_key = None, None
            cursor.insertText(_safe_text(block.text), char_format)
        cursor.endEditBlock()

    def _formats(self, block: Block) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """Block and character formats for one block: direction and alignment from its own text."""
        rtl = block_direction(block.text) is Direction.RTL
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        fmt.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        em = self._font.pointSizeF()
        fmt.setBottomMargin(em * 0.9)
        chars = QTextCharFormat()
        chars.setForeground(INK)
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            chars.setFontWeight(QFont.Weight.Bold)
            chars.setFontPointSize(em * {1: 1.6, 2: 1.35, 3: 1.2}.get(level, 1.1))
            fmt.setHeadingLevel(level)
            fmt.setTopMargin(em * 0.8)
            fmt.setBottomMargin(em * 0.5)
            fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        elif block.kind is BlockKind.QUOTE:
            fmt.setBackground(QUOTE_TINT)
            fmt.setLeftMargin(em * 2)
            fmt.setRightMargin(em * 2)
            fmt.setTopMargin(em * 0.3)
            chars.setForeground(MUTED_INK)
            if not rtl:
                chars.setFontItalic(True)
        return fmt, chars

    # overlays ------------------------------------------------------------------------------------
    def set_overlay(self, layer: str, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Replace one named layer of marks; layers are merged highlights, search, flash, then others."""
        if selections:
            self._layers[layer] = list(selections)
        else:
            self._layers.pop(layer, None)
        ordered = [name for name in LAYER_ORDER if name in self._layers]
        ordered += [name for name in self._layers if name not in LAYER_ORDER]
        self.setExtraSelections([sel for name in ordered for sel in self._layers[name]])

    def overlay(self, layer: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(layer, ()))

    def cursor_for_range(self, start: int, end: int) -> QTextCursor:
        """A QTextCursor selecting code points [start, end) of the canonical text."""
        qs, qe = self._offsets.range_to_qt(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def make_selection(self, start: int, end: int, char_format: QTextCharFormat) -> QTextEdit.ExtraSelection:
        """An ExtraSelection over code points [start, end) with `char_format` (for overlay layers)."""
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self.cursor_for_range(start, end)
        selection.format = char_format
        return selection

    # positions -----------------------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        """The user's selection in code points of the canonical text, or None when nothing is selected."""
        cursor = self.textCursor()
        if self._article is None or not cursor.hasSelection():
            return None
        start, end = self._offsets.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def offset_at(self, point: QPoint) -> int:
        """The code-point offset under a viewport point (for context menus and clicks)."""
        return self._offsets.from_qt(self.cursorForPosition(point).position())

    def top_offset(self) -> int:
        """The code-point offset at the top of the visible text (a reading position)."""
        return self.offset_at(QPoint(self.viewport().width() // 2, 4))

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so code-point `offset` is about a third of the way down the viewport."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._offsets.to_qt(offset), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    # layout --------------------------------------------------------------------------------------
    def column_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * COLUMN_CHARS

    def _update_column(self, force: bool = False) -> None:
        """Centre a text column of comfortable width: the root frame's side margins follow the width."""
        width = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (width - self.column_width()) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if not force and int(fmt.leftMargin()) == side and int(fmt.topMargin()) == MIN_SIDE_MARGIN:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(MIN_SIDE_MARGIN)
        fmt.setBottomMargin(MIN_SIDE_MARGIN * 2)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_column()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self._article is None and (self._empty_title or self._empty_message):
            self._paint_empty_state()

    def _paint_empty_state(self) -> None:
        painter = QPainter(self.viewport())
        rect = self.viewport().rect()
        box = QRect(0, 0, min(rect.width() - 40, 520), rect.height() // 2)
        box.moveCenter(rect.center())
        title_font = QFont(self._font)
        title_font.setPointSizeF(self._font.pointSizeF() * 1.3)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(INK)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        title_rect = painter.boundingRect(box, flags | Qt.AlignmentFlag.AlignTop, self._empty_title)
        painter.drawText(box, flags | Qt.AlignmentFlag.AlignTop, self._empty_title)
        body = QRect(box)
        body.setTop(title_rect.bottom() + 16)
        painter.setFont(self._font)
        painter.setPen(MUTED_INK)
        painter.drawText(body, flags | Qt.AlignmentFlag.AlignTop, self._empty_message)
        painter.end()


def block_format_at(view: ArticleView, index: int) -> QTextBlockFormat:
    """The QTextBlockFormat of article block `index` (tests and accessibility checks use it)."""
    return view.document().findBlockByNumber(index).blockFormat()


__all__ = [
    "LAYER_FLASH",
    "LAYER_HIGHLIGHTS",
    "LAYER_ORDER",
    "LAYER_SEARCH",
    "ArticleView",
    "block_format_at",
    "load_fonts",
]

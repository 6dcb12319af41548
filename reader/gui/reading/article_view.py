"""The article view: one article's blocks laid out for reading, with overlay layers for marks.

Document positions are the UTF-16 offsets of the canonical text: one QTextBlock per article block, and
Qt's block separator stands for the "\\n" that joins blocks (DESIGN §2). `OffsetMap` converts to and from
code points. Marks (highlights, search hits, a flash on a jump) are drawn as ExtraSelections in named
layers and never written into the document (DESIGN §3), so the text and its shaping never change.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetrics,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
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
from reader.gui.common.appearance.digits import DigitStyle
from reader.gui.common.appearance.themes import LIGHT, THEMES, Theme
from reader.gui.common.appearance.typography import Typography
from reader.gui.common.offline_document import OfflineDocument
from reader.gui.common.offsets import OffsetMap

#: Overlay layers, drawn in this order (a later layer paints over an earlier one).
LAYER_HIGHLIGHTS = "highlights"
LAYER_SEARCH = "search"
LAYER_FLASH = "flash"
LAYER_ORDER = (LAYER_HIGHLIGHTS, LAYER_SEARCH, LAYER_FLASH)

READING_FAMILY = "Amiri"
READING_POINT_SIZE = 15.0
MIN_SIDE_MARGIN = 28
#: Running text (Arabic and Latin, with spaces) whose average advance is a "character" of the column width.
COLUMN_SAMPLE = "في هذا المقال نقرأ ما كتبه الكاتب عن the reading of opinion pieces"

#: The light theme's article colours (the view takes its colours from its `Theme`, see set_theme()).
PAPER = QColor(THEMES[LIGHT].paper)
INK = QColor(THEMES[LIGHT].ink)
MUTED_INK = QColor(THEMES[LIGHT].muted_ink)


@functools.cache
def _register_fonts() -> None:
    """Register the bundled fonts with Qt, once per process."""
    for path in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def load_fonts() -> str:
    """Register the bundled fonts once per process and return the reading font family."""
    _register_fonts()
    return READING_FAMILY if READING_FAMILY in QFontDatabase.families() else QFont().family()


def _safe_text(text: str) -> str:
    """Characters QTextCursor.insertText would turn into a block break become a line separator of the
    same length, so document positions keep matching the canonical text."""
    return text.replace("\u2029", "\u2028").replace("\r", "\u2028")


class ArticleView(QTextEdit):
    """Read-only QTextEdit showing one Article; positions convert through `offset_map`."""

    article_loaded = Signal(int)
    #: The colours changed (set_theme): overlays drawn in theme colours are drawn again.
    theme_changed = Signal()
    #: The new article's QTextDocument, filled but not yet shown. Overlays set now (their cursors on this
    #: document) are in the first paint without Qt laying the whole article out to place them.
    document_ready = Signal(object)
    #: The title or byline was double-clicked (the article's id): the library edits its metadata.
    header_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        # selectable with the mouse; without keyboard selection there is no caret and the arrow keys
        # scroll, as in a browser (Ctrl+A and Ctrl+C still work through the Edit menu)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self._article: Article | None = None
        self._offsets = OffsetMap("")
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        #: what Qt was last given, to skip handing it the same marks again
        self._installed: list[QTextEdit.ExtraSelection] = []
        self._empty_title = ""
        self._empty_message = ""
        self._zoom = 0
        self._quote_blocks: list[int] = []
        self._pending_scroll: tuple[int, float] | None = None
        self._side = MIN_SIDE_MARGIN
        self._header_height = 0
        self._theme = THEMES[LIGHT]
        self._typography = Typography()
        self._digits: DigitStyle | None = None
        family = load_fonts()
        self._font = QFont(family)
        self._font.setPointSizeF(READING_POINT_SIZE)
        self._font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.document().setDefaultFont(self._font)
        self.setFont(self._font)
        self._apply_palette()
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
        self._pending_scroll = None
        self.setExtraSelections([])
        self._installed = []
        old = self.document()
        old.clear()
        # An article longer than the view shows the scroll bar: laid out at the full width first, the view
        # would narrow when the bar appears and lay the text out again (twice the work before the first
        # paint). The bar is shown beforehand when the text clearly needs it, before the margins are set.
        scroll_bar_ahead = (
            article is not None
            and self.isVisible()
            and not self.verticalScrollBar().isVisible()
            and self._clearly_scrolls(article.text)
        )
        if scroll_bar_ahead:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._update_column(force=True)  # margins for this width and header, set while the document is empty
        # Build the article in a detached document and swap it in: inserting into the shown document (or
        # changing its margins afterwards) lays the whole article out at once, about 2.5x slower for a
        # 10,000-word article (benchmarks/bench_highlights_gui.py).
        doc = OfflineDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self._font)
        doc.setDefaultTextOption(old.defaultTextOption())
        doc.rootFrame().setFrameFormat(old.rootFrame().frameFormat())
        # The view's width before its layout exists: without it the document lays its first chunk out on
        # one unbounded line per paragraph (dozens of paragraphs shaped for nothing, ~20 ms) and again at
        # this width when the view takes it.
        doc.setTextWidth(self.viewport().width())
        if article is not None:
            self._offsets = OffsetMap(article.text)
            self._render(doc, article.blocks)
        else:
            self._offsets = OffsetMap("")
        if article is not None:
            self.document_ready.emit(doc)
        self.setDocument(doc)  # QTextEdit deletes the previous document when it is a child of this view
        if scroll_bar_ahead:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # stays: the text needs it
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        if article is not None:
            self.article_loaded.emit(article.id)

    def _clearly_scrolls(self, text: str) -> bool:
        """True when `text` fills more than two views' height even at full line length (an estimate that
        errs towards False: a wrong True only costs the relayout it was meant to save)."""
        per_line = max(1, self.viewport().width() // max(1, self.fontMetrics().averageCharWidth()))
        lines = len(text) // per_line + text.count("\n")
        return lines * self.line_pitch() > 2 * max(1, self.viewport().height())

    def set_zoom(self, steps: int) -> None:
        """Reading size in points above (or below) the chosen size; keeps the reading position and overlays."""
        if steps == self._zoom:
            return
        self._zoom = steps
        self._apply_font()

    # appearance ----------------------------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Paper, ink and rules in `theme`'s colours; overlays are drawn again (theme_changed)."""
        if theme == self._theme:
            return
        self._theme = theme
        self._apply_palette()
        self._rerender()
        self.theme_changed.emit()

    def _apply_palette(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(self._theme.paper))
        palette.setColor(QPalette.ColorRole.Window, QColor(self._theme.paper))
        palette.setColor(QPalette.ColorRole.Text, QColor(self._theme.ink))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(self._theme.muted_ink))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(self._theme.selection))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(self._theme.selected_text))
        self.setPalette(palette)
        self.viewport().update()

    @property
    def typography(self) -> Typography:
        return self._typography

    def set_typography(self, typography: Typography) -> None:
        """Face, size, line spacing, column width and justification; keeps the reading position."""
        typography = typography.clamped()
        if typography == self._typography:
            return
        self._typography = typography
        self._apply_font()

    def set_digits(self, digits: DigitStyle) -> None:
        """The digits the byline's date is written in."""
        self._digits = digits
        digits.changed.connect(self._on_digits_changed)

    def _on_digits_changed(self) -> None:
        self._update_column(force=True)
        self.viewport().update()

    def _apply_font(self) -> None:
        load_fonts()
        family = self._typography.family
        self._font = QFont(family if family in QFontDatabase.families() else load_fonts())
        self._font.setPointSizeF(max(6.0, self._typography.point_size + self._zoom))
        self._font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.setFont(self._font)
        self.document().setDefaultFont(self._font)
        self._rerender()

    def _rerender(self) -> None:
        """Lay the open article out again in the current formats, keeping the position and overlays."""
        if self._article is None:
            self._update_column(force=True)
            self.viewport().update()
            return
        top = self.top_offset()
        saved = {
            name: [(sel.cursor.anchor(), sel.cursor.position(), sel.format) for sel in sels]
            for name, sels in self._layers.items()
        }
        doc = self.document()
        doc.clear()
        self._installed = []  # the marks are placed again on the re-rendered text below
        self._render(doc, self._article.blocks)
        self._update_column(force=True)
        for name, items in saved.items():
            rebuilt = []
            for anchor, position, fmt in items:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(doc)
                cursor.setPosition(anchor)
                cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor, selection.format = cursor, fmt
                rebuilt.append(selection)
            self._layers[name] = rebuilt
        self.set_overlay("", [])  # re-merge the layers
        self.scroll_to_offset(top, fraction=0.0)

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_empty_message(self, title: str, message: str) -> None:
        """What the view says when no article is open (e.g. how to import the first one)."""
        self._empty_title = title
        self._empty_message = message
        self.viewport().update()

    def _render(self, doc: QTextDocument, blocks: Sequence[Block]) -> None:
        self._quote_blocks = [i for i, b in enumerate(blocks) if b.kind is BlockKind.QUOTE]
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
        justify = rtl and self._typography.justify and block.kind is BlockKind.PARAGRAPH
        fmt.setAlignment(
            (Qt.AlignmentFlag.AlignJustify if justify else side) | Qt.AlignmentFlag.AlignAbsolute
        )
        # each paragraph's own pitch: Arabic lines need room for harakat, Latin ones would look double-spaced
        fmt.setLineHeight(self.line_pitch(rtl), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        em = self._font.pointSizeF()
        fmt.setBottomMargin(em * 0.9)
        chars = QTextCharFormat()
        chars.setForeground(QColor(self._theme.ink))
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            chars.setFontWeight(QFont.Weight.Bold)
            chars.setFontPointSize(em * {1: 1.6, 2: 1.35, 3: 1.2}.get(level, 1.1))
            fmt.setHeadingLevel(level)
            fmt.setTopMargin(em * 0.8)
            fmt.setBottomMargin(em * 0.5)
            fmt.setLineHeight(0, QTextBlockFormat.LineHeightTypes.SingleHeight.value)
        elif block.kind is BlockKind.QUOTE:
            fmt.setBackground(QColor(self._theme.quote_tint))
            fmt.setLeftMargin(em * 2)
            fmt.setRightMargin(em * 2)
            fmt.setTopMargin(em * 0.3)
            chars.setForeground(QColor(self._theme.muted_ink))
            if not rtl:
                chars.setFontItalic(True)
        return fmt, chars

    def line_pitch(self, rtl: bool = True) -> float:
        """Distance between two lines of body text (Arabic, or Latin with rtl=False), in whole pixels."""
        em = QFontInfo(self._font).pixelSize()
        return float(round(self._typography.line_em(rtl) * em))

    # overlays ------------------------------------------------------------------------------------
    def set_overlay(self, layer: str, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Replace one named layer of marks; layers are merged highlights, search, flash, then others."""
        if selections:
            self._layers[layer] = list(selections)
        else:
            self._layers.pop(layer, None)
        ordered = [name for name in LAYER_ORDER if name in self._layers]
        ordered += [name for name in self._layers if name not in LAYER_ORDER]
        merged = [sel for name in ordered for sel in self._layers[name]]
        # Qt measures every selection it is given, old and new, and that lays the article out down to each
        # of them (all of it when the lazy layout has not finished yet, ~50 ms for 10,000 words): marks
        # that did not change (a note edited, the same highlights drawn again) are not handed over again.
        if _same_marks(merged, self._installed):
            return
        self._installed = merged  # kept as given: the compare next time costs nothing when the count differs
        self.setExtraSelections(merged)

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

    def scroll_to_offset(self, offset: int, fraction: float = 1 / 3) -> None:
        """Scroll so code-point `offset` is `fraction` of the way down the viewport (a third by default).

        Before the view is shown its size (and so the layout) is not final: the scroll is then done once the
        window appears (e.g. `hawamish gui --open ID` restoring a reading position).
        """
        if not self.isVisible():
            self._pending_scroll = (offset, fraction)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._offsets.to_qt(offset), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - int(self.viewport().height() * fraction))

    # layout --------------------------------------------------------------------------------------
    def column_width(self) -> int:
        """The text column: the chosen number of characters of running text."""
        per_char = QFontMetricsF(self._font).horizontalAdvance(COLUMN_SAMPLE) / len(COLUMN_SAMPLE)
        return round(per_char * self._typography.column_chars)

    def _update_column(self, force: bool = False) -> None:
        """Centre a text column of comfortable width: the root frame's side margins follow the width.

        The title and byline are painted in the top margin (they are not part of the canonical text, so
        they stay out of the document and its positions) and scroll with the text.
        """
        width = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (width - self.column_width()) // 2)
        self._side = side
        self._header_height = self._measure_header(max(100, width - 2 * side))
        top = MIN_SIDE_MARGIN + self._header_height
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if not force and int(fmt.leftMargin()) == side and int(fmt.topMargin()) == top:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(MIN_SIDE_MARGIN * 2)
        frame.setFrameFormat(fmt)

    # title and byline ------------------------------------------------------------------------------
    def _title_font(self) -> QFont:
        font = QFont(self._font)
        font.setPointSizeF(self._font.pointSizeF() * 1.55)
        font.setBold(True)
        return font

    def _byline_font(self) -> QFont:
        font = QFont(self._font)
        font.setPointSizeF(self._font.pointSizeF() * 0.92)
        return font

    def byline(self) -> str:
        """Author · outlet · date of the open article ('' when none is known)."""
        article = self._article
        if article is None:
            return ""
        date = article.published
        parsed = QDate.fromString(date, Qt.DateFormat.ISODate) if len(date) == 10 else QDate()
        if parsed.isValid():
            date = QLocale().toString(parsed, "d MMMM yyyy")
            if self._digits is not None:
                date = self._digits.text(date)
        # each part isolated (U+2068..U+2069) so a Latin date or outlet keeps its order in an Arabic line
        return "  ·  ".join(f"\u2068{part}\u2069" for part in (article.author, article.outlet, date) if part)

    def _header_flags(self) -> Qt.AlignmentFlag:
        rtl = self._article is not None and block_direction(self._article.title) is Direction.RTL
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap

    def _measure_header(self, column: int) -> int:
        if self._article is None:
            return 0
        flags = self._header_flags()
        title = QFontMetrics(self._title_font()).boundingRect(
            QRect(0, 0, column, 100000), flags, self._article.title
        )
        height = title.height() + 8
        if self.byline():
            byline = QFontMetrics(self._byline_font()).boundingRect(
                QRect(0, 0, column, 100000), flags, self.byline()
            )
            height += byline.height()
        return height + 28  # room for the rule under the header

    def _paint_header(self) -> None:
        article = self._article
        if article is None:
            return
        painter = QPainter(self.viewport())
        painter.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        rtl = block_direction(article.title) is Direction.RTL
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        column = max(100, self.viewport().width() - 2 * self._side)
        flags = self._header_flags()
        rect = QRect(self._side, MIN_SIDE_MARGIN, column, 100000)
        painter.setFont(self._title_font())
        painter.setPen(QColor(self._theme.ink))
        used = painter.boundingRect(rect, flags, article.title)
        painter.drawText(rect, flags, article.title)
        y = used.bottom() + 8
        byline = self.byline()
        if byline:
            painter.setFont(self._byline_font())
            painter.setPen(QColor(self._theme.muted_ink))
            used = painter.boundingRect(QRect(self._side, y, column, 100000), flags, byline)
            painter.drawText(QRect(self._side, y, column, 100000), flags, byline)
            y = used.bottom()
        painter.setPen(QColor(self._theme.rule))
        rule_y = MIN_SIDE_MARGIN + self._header_height - 14
        painter.drawLine(self._side, rule_y, self._side + column, rule_y)
        painter.end()

    def in_header(self, point: QPoint) -> bool:
        """Whether a viewport point falls on the painted title and byline (above the text)."""
        y = point.y() + self.verticalScrollBar().value()
        return self._article is not None and MIN_SIDE_MARGIN <= y < MIN_SIDE_MARGIN + self._header_height - 14

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._article is not None and self.in_header(event.position().toPoint()):
            self.header_activated.emit(self._article.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_scroll is not None:
            QTimer.singleShot(0, self._apply_pending_scroll)

    def _apply_pending_scroll(self) -> None:
        pending, self._pending_scroll = self._pending_scroll, None
        if pending is not None and self.isVisible():
            self.scroll_to_offset(*pending)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_column()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._article is not None:
            self._paint_header()
            self._paint_quote_rules()
        elif self._empty_title or self._empty_message:
            self._paint_empty_state()

    def _paint_quote_rules(self) -> None:
        """A rule on the reading-start side of each quote (right for Arabic, left for English)."""
        if not self._quote_blocks:
            return
        doc = self.document()
        layout = doc.documentLayout()
        painter = QPainter(self.viewport())
        painter.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        top, bottom = (
            self.verticalScrollBar().value(),
            self.verticalScrollBar().value() + self.viewport().height(),
        )
        for number in self._quote_blocks:
            block = doc.findBlockByNumber(number)
            rect = layout.blockBoundingRect(block)
            if rect.bottom() < top or rect.top() > bottom:
                continue
            fmt = block.blockFormat()
            rtl = fmt.layoutDirection() == Qt.LayoutDirection.RightToLeft
            frame = doc.rootFrame().frameFormat()
            width = doc.textWidth() if doc.textWidth() > 0 else self.viewport().width()
            right = width - frame.rightMargin() - fmt.rightMargin()
            x = right if rtl else frame.leftMargin() + fmt.leftMargin() - 3
            lines = block.layout().boundingRect()
            painter.fillRect(
                int(x), int(rect.top() + lines.top()), 3, int(lines.height()), QColor(self._theme.quote_rule)
            )
        painter.end()

    def _paint_empty_state(self) -> None:
        painter = QPainter(self.viewport())
        rect = self.viewport().rect()
        box = QRect(0, 0, min(rect.width() - 40, 520), rect.height() // 2)
        box.moveCenter(rect.center())
        title_font = QFont(self._font)
        title_font.setPointSizeF(self._font.pointSizeF() * 1.3)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor(self._theme.ink))
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        title_rect = painter.boundingRect(box, flags | Qt.AlignmentFlag.AlignTop, self._empty_title)
        painter.drawText(box, flags | Qt.AlignmentFlag.AlignTop, self._empty_title)
        body = QRect(box)
        body.setTop(title_rect.bottom() + 16)
        painter.setFont(self._font)
        painter.setPen(QColor(self._theme.muted_ink))
        painter.drawText(body, flags | Qt.AlignmentFlag.AlignTop, self._empty_message)
        painter.end()


def _same_marks(new: Sequence[QTextEdit.ExtraSelection], old: Sequence[QTextEdit.ExtraSelection]) -> bool:
    """True when `new` marks the same ranges with the same formats as `old`, in the same order."""
    if len(new) != len(old):
        return False
    for a, b in zip(new, old, strict=True):
        if a is b:
            continue
        ca, cb = a.cursor, b.cursor
        if ca.anchor() != cb.anchor() or ca.position() != cb.position() or a.format != b.format:
            return False
    return True


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

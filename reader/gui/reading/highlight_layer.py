"""Draws the open article's highlights into the ArticleView, without touching the document.

Highlights become ExtraSelections in the view's 'highlights' overlay layer (DESIGN §3): the document's
characters and formats never change, so shaping never changes and a highlight starting inside an Arabic
word leaves the letters joined. Offsets go through the view's OffsetMap only (reader/gui/common/offsets.py).

- background style: the label colour, translucent (reader.core.labels.label_background), so two
  overlapping highlights blend and both stay visible; a highlight that overlaps an earlier one also gets
  an underline in its own colour, so even two overlapping highlights of the same colour can be told apart;
- underline style: a solid underline in the label's underline colour (reader.core.labels.label_underline);
- a highlight with a note gets a small note marker in the side margin beside its first line, painted by
  a transparent overlay on the viewport (never a character in the text);
- a click inside a highlight (without selecting) emits `highlight_clicked(id)`: the panel selects it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.core.labels import label_background, label_underline
from reader.core.models import Highlight
from reader.gui.common.appearance.themes import Theme
from reader.gui.common.appearance.themes import label_fill as themed_label_fill
from reader.gui.common.appearance.themes import label_underline as themed_label_underline
from reader.gui.reading.article_view import LAYER_FLASH, LAYER_HIGHLIGHTS, ArticleView

#: The colour a highlight is drawn in when its label no longer exists (it keeps its key).
NEUTRAL_COLOR = "#9e9e9e"
FLASH_COLOR = QColor("#ff9800")
FLASH_STEPS = 12
FLASH_INTERVAL_MS = 60
MARKER_SIZE = 14


@lru_cache(maxsize=256)
def _fill_rgba(color: str, dark: bool) -> tuple[int, int, int, float]:
    try:
        return label_background(color, dark)
    except Exception:  # a broken colour in the database must not break drawing
        return label_background(NEUTRAL_COLOR, dark)


@lru_cache(maxsize=256)
def _underline_rgb(color: str, dark: bool) -> tuple[int, int, int]:
    try:
        return label_underline(color, dark)
    except Exception:
        return label_underline(NEUTRAL_COLOR, dark)


def fill_color(color: str, dark: bool = False) -> QColor:
    """The translucent fill of a label colour (opacity from the core, shared with the PDF export)."""
    r, g, b, alpha = _fill_rgba(color, dark)
    return QColor(r, g, b, round(alpha * 255))


def underline_color(color: str, dark: bool = False) -> QColor:
    return QColor(*_underline_rgb(color, dark))


@lru_cache(maxsize=512)
def theme_fill_color(color: str, theme: Theme) -> QColor:
    """The translucent fill of a label colour on a theme's paper: the theme's ink over it keeps 4.5:1."""
    try:
        r, g, b, alpha = themed_label_fill(color, theme)
    except Exception:  # a broken colour in the database must not break drawing
        r, g, b, alpha = themed_label_fill(NEUTRAL_COLOR, theme)
    return QColor(r, g, b, round(alpha * 255))


@lru_cache(maxsize=512)
def theme_underline_color(color: str, theme: Theme) -> QColor:
    try:
        return QColor(*themed_label_underline(color, theme))
    except Exception:
        return QColor(*themed_label_underline(NEUTRAL_COLOR, theme))


class HighlightLayer(QObject):
    """Keeps the 'highlights' overlay of one ArticleView in step with a list of highlights."""

    highlight_clicked = Signal(int)
    note_marker_clicked = Signal(int)

    def __init__(self, view: ArticleView, label_colors: Callable[[], dict[str, str]]) -> None:
        super().__init__(view)
        self.view = view
        self._label_colors = label_colors
        self._highlights: list[Highlight] = []
        self._flash_step = 0
        self._flash_range: tuple[int, int] | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_INTERVAL_MS)
        self._flash_timer.timeout.connect(self._flash_tick)
        self._press: QPoint | None = None
        self._noted: tuple[tuple[int, int, str], ...] = ()
        self.markers = NoteMarkers(view, self)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.theme_changed.connect(self.redraw)

    # drawing -------------------------------------------------------------------------------------
    @property
    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def set_highlights(self, highlights: Sequence[Highlight], document: QTextDocument | None = None) -> None:
        """Draw `highlights` (orphans are skipped: they have no place in the text).

        `document` is the article's new document before the view shows it (ArticleView.document_ready):
        selections installed then are placed without a full layout of the article, and installing the
        same ones again once it is shown costs nothing (Qt skips selections that did not change).
        """
        self._highlights = sorted(
            (h for h in highlights if not h.orphan), key=lambda h: (h.start, -h.end, h.id)
        )
        self.redraw(document)

    def redraw(self, document: QTextDocument | None = None) -> None:
        # Qt lays the whole document out when the first ExtraSelection of a new document is installed
        # (QWidgetTextControl computes each selection's update rectangle from the frame's bounding rect);
        # later changes only re-measure the selections that changed.
        self.view.set_overlay(LAYER_HIGHLIGHTS, self.selections(document))
        noted = tuple((h.id, h.start, h.color) for h in self._highlights if h.note.strip())
        if noted != self._noted:  # repainting the overlay repaints the whole viewport under it
            self._noted = noted
            self.markers.update()

    def selections(self, document: QTextDocument | None = None) -> list[QTextEdit.ExtraSelection]:
        # Inside an edit block QTextCursor.setPosition skips computing the cursor's x, which would lay out
        # the document up to each highlight: building 300 cursors then costs ~2 ms instead of a full layout.
        doc = document if document is not None else self.view.document()
        guard = QTextCursor(doc)
        guard.beginEditBlock()
        try:
            return self._selections(doc)
        finally:
            guard.endEditBlock()

    def _selections(self, doc: QTextDocument) -> list[QTextEdit.ExtraSelection]:
        colors = self._label_colors()
        theme = self.view.theme
        offsets = self.view.offset_map
        selections: list[QTextEdit.ExtraSelection] = []
        reach = -1  # the furthest end of the highlights drawn so far (they are sorted by start)
        for h in self._highlights:
            if h.end <= h.start:
                continue
            color = colors.get(h.color, NEUTRAL_COLOR)
            fmt = QTextCharFormat()
            if h.style == "underline":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(theme_underline_color(color, theme))
            else:
                fmt.setBackground(theme_fill_color(color, theme))
                if h.start < reach:  # overlaps an earlier highlight: mark its own extent too
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(theme_underline_color(color, theme))
            fmt.setProperty(QTextCharFormat.Property.UserProperty, h.id)
            selection = QTextEdit.ExtraSelection()
            start, end = offsets.range_to_qt(h.start, h.end)
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
            reach = max(reach, h.end)
        return selections

    def highlights_at(self, offset: int) -> list[Highlight]:
        """Highlights covering code-point `offset`, innermost (shortest) first."""
        found = [h for h in self._highlights if h.start <= offset < h.end]
        return sorted(found, key=lambda h: (h.end - h.start, h.id))

    # flash ---------------------------------------------------------------------------------------
    def flash(self, start: int, end: int) -> None:
        """Mark [start, end) in the 'flash' layer and fade it out, so the eye finds the passage."""
        self._flash_range = (start, end)
        self._flash_step = 0
        self._paint_flash()
        self._flash_timer.start()

    def is_flashing(self) -> bool:
        return self._flash_timer.isActive()

    def _flash_tick(self) -> None:
        self._flash_step += 1
        if self._flash_step >= FLASH_STEPS:
            self._flash_timer.stop()
            self._flash_range = None
            self.view.set_overlay(LAYER_FLASH, [])
            return
        self._paint_flash()

    def _paint_flash(self) -> None:
        if self._flash_range is None:
            return
        color = QColor(FLASH_COLOR)
        color.setAlphaF(0.55 * (1 - self._flash_step / FLASH_STEPS))
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        self.view.set_overlay(LAYER_FLASH, [self.view.make_selection(*self._flash_range, fmt)])

    # clicks --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport:
            kind = event.type()
            if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._press = event.position().toPoint()
            elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
                self._on_release(event)
            elif kind == QEvent.Type.Resize:
                self.markers.setGeometry(self._viewport.rect())
            elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                return self._show_note_tip(event)
        return False

    def _on_release(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        moved = self._press is not None and (point - self._press).manhattanLength() > 4
        self._press = None
        if event.button() != Qt.MouseButton.LeftButton or moved or self.view.textCursor().hasSelection():
            return
        marker = self.marker_at(point)
        if marker is not None:
            self.note_marker_clicked.emit(marker)
            return
        found = self.highlights_at_point(point)
        if found:
            self.highlight_clicked.emit(found[0].id)

    def highlights_at_point(self, point: QPoint) -> list[Highlight]:
        """Highlights under a viewport point (only on the text itself, not beside it)."""
        hit = (
            self.view.document()
            .documentLayout()
            .hitTest(
                QPointF(point)
                + QPointF(self.view.horizontalScrollBar().value(), self.view.verticalScrollBar().value()),
                Qt.HitTestAccuracy.ExactHit,
            )
        )
        return self.highlights_at(self.view.offset_map.from_qt(hit)) if hit >= 0 else []

    def marker_at(self, point: QPoint) -> int | None:
        """The highlight whose note marker is under a viewport point."""
        return next(
            (hid for hid, rect in self.markers.marker_rects() if rect.adjusted(-3, -3, 3, 3).contains(point)),
            None,
        )

    def _show_note_tip(self, event: QHelpEvent) -> bool:
        """Hovering a marker or a highlight with a note shows the note."""
        marker = self.marker_at(event.pos())
        by_id = {h.id: h for h in self._highlights}
        found = [by_id[marker]] if marker in by_id else self.highlights_at_point(event.pos())
        notes = [h.note.strip() for h in found if h.note.strip()]
        if not notes:
            QToolTip.hideText()
            return False
        text = "\n\n".join(n if len(n) <= 400 else n[:400] + "…" for n in notes)
        QToolTip.showText(event.globalPos(), text, self._viewport)
        return True

    # geometry (markers, tests) ---------------------------------------------------------------------
    def line_rect(self, offset: int) -> QRect:
        """The viewport rectangle of the line holding code-point `offset`."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.offset_map.to_qt(offset))
        return self.view.cursorRect(cursor)


class NoteMarkers(QWidget):
    """A transparent overlay on the viewport that paints a note marker beside highlights with a note.

    The marker sits in the column's side margin at the side where the line starts (right for an Arabic
    paragraph, left for an English one), on the highlight's first line; nothing is drawn into the text.
    """

    def __init__(self, view: ArticleView, layer: HighlightLayer) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.layer = layer
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(view.viewport().rect())
        view.verticalScrollBar().valueChanged.connect(self.update)
        self.show()

    def marker_rects(self) -> list[tuple[int, QRect]]:
        """(highlight id, viewport rect) of each note marker that is in view."""
        doc = self.view.document()
        frame = doc.rootFrame().frameFormat()
        height = self.height()
        out: list[tuple[int, QRect]] = []
        used: set[tuple[int, int]] = set()
        first, last = self.visible_range()
        offsets = self.view.offset_map
        for h in self.layer.highlights:
            if not h.note.strip() or not first <= offsets.to_qt(h.start) <= last:
                continue  # measuring a line out of view would lay the article out down to it
            line = self.layer.line_rect(h.start)
            if line.bottom() < 0 or line.top() > height:
                continue
            qpos = self.view.offset_map.to_qt(h.start)
            rtl = doc.findBlock(qpos).blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
            margin = int(frame.rightMargin() if rtl else frame.leftMargin())
            gap = max(4, min(12, margin // 3))
            x = self.width() - margin + gap if rtl else margin - gap - MARKER_SIZE
            y = line.center().y() - MARKER_SIZE // 2
            key = (x, y)
            while key in used:  # two noted highlights starting on one line: stack outwards
                x += MARKER_SIZE + 2 if rtl else -(MARKER_SIZE + 2)
                key = (x, y)
            used.add(key)
            out.append((h.id, QRect(x, y, MARKER_SIZE, MARKER_SIZE)))
        return out

    def visible_range(self) -> tuple[int, int]:
        """Qt positions from the start of the block before the first one in view to the end of the last one
        in view; only the blocks down to the viewport's bottom get laid out.

        The blocks are walked from the top (a few microseconds each): a hit test at the viewport's top edge
        lands in the header margin at the start of the article and returned a position far down, which
        laid the article out down to there on the first paint (and missed the markers in view).
        """
        doc = self.view.document()
        layout = doc.documentLayout()
        top = self.view.verticalScrollBar().value()
        bottom = top + self.view.viewport().height()
        block = doc.begin()
        first = 0
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                return first, block.position()
            if rect.bottom() < top:
                first = block.position()  # the block before the first one in view
            block = block.next()
        return first, doc.characterCount()

    def paintEvent(self, event: QPaintEvent) -> None:
        rects = self.marker_rects()
        if not rects:
            return
        colors = self.layer._label_colors()
        by_id = {h.id: h for h in self.layer.highlights}
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for hid, rect in rects:
            color = theme_underline_color(colors.get(by_id[hid].color, NEUTRAL_COLOR), self.layer.view.theme)
            _paint_note_glyph(painter, QRectF(rect), color)
        painter.end()


def _paint_note_glyph(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """A small speech bubble with two text lines: reads as 'note' in any language."""
    body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.78)
    path = QPainterPath()
    path.addRoundedRect(body, 3, 3)
    tail = QPainterPath()
    tail.moveTo(body.left() + body.width() * 0.3, body.bottom() - 0.5)
    tail.lineTo(body.left() + body.width() * 0.3, rect.bottom())
    tail.lineTo(body.left() + body.width() * 0.55, body.bottom() - 0.5)
    tail.closeSubpath()
    path = path.united(tail)
    painter.setPen(QPen(color.darker(130), 1))
    painter.setBrush(color)
    painter.drawPath(path)
    painter.setPen(QPen(QColor(255, 255, 255, 230), 1.2))
    inset = body.width() * 0.22
    for fraction in (0.38, 0.64):
        y = body.top() + body.height() * fraction
        painter.drawLine(QPointF(body.left() + inset, y), QPointF(body.right() - inset, y))

"""The search results list: a plain list model of `ResultRow`s and the delegate that paints them.

One result per article: an article's matching highlights and notes follow it as nested rows (`nested`),
painted indented under it with their kind and colour label instead of the article's title again.

Rows are built in the search worker (reader/gui/search/search_panel.py) from the core's hits plus the article's
metadata, so the model holds only plain data and painting never touches the library. Each row is laid out
in its own text's direction (DESIGN §2, as Anki's browser does through `option.direction`): an Arabic row
reads right-to-left even in the English UI, an English row left-to-right in the Arabic UI.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import qtawesome as qta
from PySide6.QtCore import (
    QCoreApplication,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.text import Direction, first_strong_direction
from reader.gui.common.numbers import local_digits
from reader.gui.common.offline_document import OfflineDocument
from reader.gui.common.row_model import IndexLike, RowListModel

#: Background of a matched word inside a snippet (and, lighter, of every hit in the article view).
MATCH_BACKGROUND = "#ffd54f"
KIND_ICONS = {
    "article": "mdi6.file-document-outline",
    "highlight": "mdi6.marker",
    "note": "mdi6.note-text-outline",
}
_PAD = 6
_ICON = 18
_SNIPPET_LINES = 2
#: How far a nested row (a highlight or note under its article) is indented from the row's leading edge.
_NESTED_INDENT = 22


@dataclass(slots=True)
class ResultRow:
    """One hit as the list shows it; offsets are code points (snippet marks into `snippet`)."""

    kind: str  # 'article', 'highlight' or 'note'
    article_id: int
    title: str
    snippet: str
    snippet_marks: list[tuple[int, int]] = field(default_factory=list)
    hits: list[tuple[int, int]] = field(default_factory=list)  # in the article's canonical text
    highlight_id: int | None = None
    outlet: str = ""
    published: str = ""
    color_key: str = ""
    color: str = ""  # the colour label's colour ('#rrggbb'), for highlights and notes
    color_name: str = ""
    score: float = 0.0
    nested: bool = False  # a highlight or note shown under its article's row

    @property
    def rtl(self) -> bool:
        """The row's direction: its snippet's first strong character, else its title's."""
        direction = first_strong_direction(self.snippet) or first_strong_direction(self.title)
        return direction == Direction.RTL


def kind_label(kind: str) -> str:
    labels = {
        "article": QCoreApplication.translate("SearchResults", "Article"),
        "highlight": QCoreApplication.translate("SearchResults", "Highlight"),
        "note": QCoreApplication.translate("SearchResults", "Note"),
    }
    return labels.get(kind, kind)


def snippet_html(text: str, marks: list[tuple[int, int]], *, match_color: str = MATCH_BACKGROUND) -> str:
    """The snippet as rich text with each marked span bold on a coloured background (text escaped).

    Marks cover whole words, so the weight change never splits an Arabic word's shaping run.
    """
    parts: list[str] = []
    pos = 0
    for mark_start, mark_end in sorted(marks):
        start, end = max(mark_start, pos), min(mark_end, len(text))
        if start >= end:
            continue
        parts.append(html.escape(text[pos:start]))
        parts.append(
            f'<span style="background-color:{match_color}; color:#000000; font-weight:600">'
            f"{html.escape(text[start:end])}</span>"
        )
        pos = end
    parts.append(html.escape(text[pos:]))
    return "".join(parts).replace("\n", " ")


class SearchResultsModel(RowListModel[ResultRow]):
    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            meta = " · ".join(
                x
                for x in (kind_label(row.kind), row.color_name, row.outlet, local_digits(row.published))
                if x
            )
            return f"{row.title}\n{meta}\n{row.snippet}"
        if role == self.RowRole:
            return row
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a result: kind icon (label colour for highlights), title, outlet · date, marked snippet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons: dict[tuple[str, str], QIcon] = {}
        self._line_heights: dict[str, int] = {}

    def _icon(self, row: ResultRow, fallback: QColor) -> QIcon:
        color = row.color or fallback.name()
        key = (row.kind, color)
        if key not in self._icons:
            self._icons[key] = qta.icon(KIND_ICONS.get(row.kind, KIND_ICONS["article"]), color=color)
        return self._icons[key]

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

    def initStyleOption(self, option: QStyleOptionViewItem, index: IndexLike) -> None:
        super().initStyleOption(option, index)
        row = index.data(SearchResultsModel.RowRole)
        if isinstance(row, ResultRow):  # per-row direction, independent of the UI's
            option.direction = Qt.LayoutDirection.RightToLeft if row.rtl else Qt.LayoutDirection.LeftToRight

    def _snippet_line_height(self, option: QStyleOptionViewItem) -> int:
        """The height of one snippet line as the text layout draws it (marked words are bold)."""
        key = option.font.key()
        if key not in self._line_heights:
            doc = self._snippet_document(option.font, Qt.LayoutDirection.RightToLeft, 400)
            doc.setHtml(snippet_html("نص Text", [(0, 2)]))
            doc.size()  # lays the document out
            layout = doc.firstBlock().layout()
            self._line_heights[key] = (
                max(1, round(layout.lineAt(0).height()))
                if layout.lineCount()
                else (QFontMetrics(option.font).lineSpacing())
            )
        return self._line_heights[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: IndexLike) -> QSize:
        title = QFontMetrics(self._title_font(option)).height()
        meta = QFontMetrics(self._meta_font(option)).height()
        snippet = self._snippet_line_height(option) * _SNIPPET_LINES
        # no width of its own: the list lays every row out across the whole viewport
        return QSize(1, _PAD * 2 + title + 1 + meta + 4 + snippet)

    @staticmethod
    def _snippet_document(font: QFont, direction: Qt.LayoutDirection, width: int) -> QTextDocument:
        doc = OfflineDocument()
        doc.setDefaultFont(font)
        rtl = direction == Qt.LayoutDirection.RightToLeft
        text_option = QTextOption(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        text_option.setTextDirection(direction)
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(text_option)
        doc.setDocumentMargin(0)
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: IndexLike) -> None:
        row = index.data(SearchResultsModel.RowRole)
        if not isinstance(row, ResultRow):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else (QPalette.ColorGroup.Inactive)
        )
        text_color = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        meta_color = QColor(text_color)
        if not selected:
            meta_color = opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        align = (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        ) | Qt.AlignmentFlag.AlignAbsolute
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        if row.nested:  # under its article: indented on the leading side
            rect = rect.adjusted(0, 0, -_NESTED_INDENT, 0) if rtl else rect.adjusted(_NESTED_INDENT, 0, 0, 0)

        painter.save()
        painter.setClipRect(opt.rect)
        painter.setLayoutDirection(opt.direction)
        # a colour bar on the row's leading edge for highlights and notes (the label's colour)
        if row.color:
            bar = (
                QRect(rect.right() - 2, rect.top(), 3, rect.height())
                if rtl
                else QRect(rect.left(), rect.top(), 3, rect.height())
            )
            painter.fillRect(bar, QColor(row.color))
            rect = rect.adjusted(0, 0, -6, 0) if rtl else rect.adjusted(6, 0, 0, 0)

        # line 1: icon + title
        title_font = self._title_font(opt)
        title_h = QFontMetrics(title_font).height()
        icon_rect = (
            QRect(rect.right() - _ICON, rect.top(), _ICON, _ICON)
            if rtl
            else QRect(rect.left(), rect.top(), _ICON, _ICON)
        )
        self._icon(row, meta_color).paint(painter, icon_rect)
        text_rect = rect.adjusted(0, 0, -(_ICON + 6), 0) if rtl else rect.adjusted(_ICON + 6, 0, 0, 0)
        painter.setFont(title_font)
        painter.setPen(text_color)
        # a nested row's article is the row above: its line says what it is (kind · colour label)
        heading = (
            " · ".join(x for x in (kind_label(row.kind), row.color_name) if x) if row.nested else row.title
        )
        title_dir = None if row.nested else first_strong_direction(row.title)
        title_align = align
        if title_dir is not None:
            side = Qt.AlignmentFlag.AlignRight if title_dir == Direction.RTL else Qt.AlignmentFlag.AlignLeft
            title_align = side | Qt.AlignmentFlag.AlignAbsolute
        title = QFontMetrics(title_font).elidedText(heading, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            QRect(text_rect.left(), rect.top(), text_rect.width(), title_h),
            title_align | Qt.AlignmentFlag.AlignVCenter,
            title,
        )

        # line 2: kind · label · outlet · date
        meta_font = self._meta_font(opt)
        meta_h = QFontMetrics(meta_font).height()
        pieces = [
            kind_label(row.kind),
            row.color_name,
            row.outlet,
            f"\u2066{local_digits(row.published)}\u2069" if row.published else "",
        ]
        if row.nested:  # in its article, whose row above says where it was published
            pieces = [row.title]
        meta = " · ".join(p for p in pieces if p)
        painter.setFont(meta_font)
        painter.setPen(meta_color)
        meta_rect = QRect(text_rect.left(), rect.top() + title_h + 1, text_rect.width(), meta_h)
        meta = QFontMetrics(meta_font).elidedText(meta, Qt.TextElideMode.ElideRight, meta_rect.width())
        painter.drawText(meta_rect, align | Qt.AlignmentFlag.AlignVCenter, meta)

        # lines 3-4: the snippet with the matched words marked, in the row's direction
        top = meta_rect.bottom() + 4
        snippet_rect = QRect(rect.left(), top, rect.width(), rect.bottom() - top + 1)
        doc = self._snippet_document(opt.font, opt.direction, snippet_rect.width())
        doc.setHtml(snippet_html(row.snippet, row.snippet_marks))
        # show whole lines only: clip below the last line that fits
        doc.size()  # lays the document out
        layout = doc.firstBlock().layout()
        visible = 0
        for i in range(layout.lineCount()):
            line_bottom = int(layout.lineAt(i).rect().bottom() + layout.position().y())
            if line_bottom > snippet_rect.height() + 1:
                break
            visible = line_bottom
        painter.translate(snippet_rect.topLeft())
        clip = QRect(0, 0, snippet_rect.width(), max(visible, 1))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_color)
        context.clip = clip.toRectF()
        painter.setClipRect(clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()


def results_view(
    parent: QWidget, object_name: str, accessible_name: str
) -> tuple[QListView, SearchResultsModel]:
    """A list of search hits as the search and related panels show them: one selection, per-pixel scrolling,
    rows of one height, no horizontal scrolling (the delegate wraps and elides)."""
    view = QListView(parent)
    view.setObjectName(object_name)
    model = SearchResultsModel(view)
    view.setModel(model)
    view.setItemDelegate(SearchResultDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setUniformItemSizes(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setAlternatingRowColors(True)
    view.setAccessibleName(accessible_name)
    return view, model

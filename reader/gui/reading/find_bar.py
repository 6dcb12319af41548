"""Find in the open article (Ctrl+F), with the search index's own normalisation.

A word typed without harakat or hamza finds its vocalised or hamzated form, because the matching is the
core's `find_all` (reader/core/search/analysis.py), the same folding the index uses. The bar floats over the
article view's top edge, as editors' find widgets do, so it needs no room in the window's layout; its
matches are drawn on the view's 'find' overlay layer, the current one stronger than the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton

from reader.gui.reading.article_view import ArticleView

FIND_LAYER = "find"
#: Every match, and the current one (stronger, white text, underlined), on the article view: magenta, a hue
#: no default colour label uses (yellow, green, red, blue, purple, orange), so a hit is never taken for a
#: highlight (tests/gui/reading/test_find_colours.py holds it).
ALL_MATCHES = "#f6b8e0"
CURRENT_MATCH = "#c2187f"
CURRENT_MATCH_TEXT = "#ffffff"
CURRENT_MATCH_RULE = "#5c0a3b"


def hit_selections(
    view: ArticleView, spans: Sequence[tuple[int, int]], current: int | None, *, all_color: str = ALL_MATCHES
) -> list[QTextEdit.ExtraSelection]:
    """ExtraSelections for code-point spans of the view's article, the current one distinct.

    ExtraSelections leave the document and the shaping of Arabic words untouched (DESIGN §3).
    """
    result: list[QTextEdit.ExtraSelection] = []
    for i, (start, end) in enumerate(spans):
        fmt = QTextCharFormat()
        if i == current:
            fmt.setBackground(QColor(CURRENT_MATCH))
            fmt.setForeground(QColor(CURRENT_MATCH_TEXT))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(CURRENT_MATCH_RULE))
        else:
            fmt.setBackground(QColor(all_color))
        result.append(view.make_selection(start, end, fmt))
    return result


def _find_all(text: str, query: str) -> list[tuple[int, int]]:
    from reader.core.search.analysis import find_all  # imported on use: whoosh stays out of app start-up

    return [(int(s), int(e)) for s, e in find_all(text, query)]


class FindBar(QFrame):
    """Find-in-article: type, Enter / Shift+Enter (or the arrows) to step, Esc to close."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.setObjectName("findBar")
        self.setWindowTitle(self.tr("Find in article"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1

        self.box = QLineEdit(self)
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText(self.tr("Find in article"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(200)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(70)
        self.prev_button = self._button(
            "mdi6.chevron-up", self.tr("Previous match (Shift+Enter)"), self.previous
        )
        self.next_button = self._button("mdi6.chevron-down", self.tr("Next match (Enter)"), self.next)
        self.close_button = self._button("mdi6.close", self.tr("Close (Esc)"), self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self.box.textChanged.connect(self._refind)
        self.box.installEventFilter(self)
        view.installEventFilter(self)
        view.article_loaded.connect(self._on_article_loaded)
        self.hide()

    def _button(self, icon: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(qta.icon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # opening and closing ---------------------------------------------------------------------------
    def open_bar(self) -> None:
        """Show and focus the bar; text selected in the article becomes the search text."""
        selected = self._view.textCursor().selectedText().replace("\u2029", " ").strip()
        if selected and len(selected) < 80:
            self.box.setText(selected)
        self.show()
        self.raise_()
        self._place()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        self._refind()

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self._set_overlay([])
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    # finding ---------------------------------------------------------------------------------------
    def _on_article_loaded(self, _article_id: int) -> None:
        if self.isVisible():
            self._refind()

    def _article_text(self) -> str:
        article = self._view.article
        return article.text if article is not None else ""

    def _refind(self) -> None:
        query = self.box.text().strip()
        text = self._article_text()
        self.matches = _find_all(text, query) if query and text else []
        # start from the first match at or after the top of the viewport, as browsers do
        self.current = 0 if self.matches else -1
        if self.matches:
            start = self._view.top_offset()
            self.current = next((i for i, (s, _e) in enumerate(self.matches) if s >= start), 0)
        self._show_current()

    def next(self) -> None:
        if self.matches:
            self.current = (self.current + 1) % len(self.matches)
            self._show_current()

    def previous(self) -> None:
        if self.matches:
            self.current = (self.current - 1) % len(self.matches)
            self._show_current()

    def _show_current(self) -> None:
        if not self.box.text().strip():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(
                self.tr("%1 of %2").replace("%1", str(self.current + 1)).replace("%2", str(len(self.matches)))
            )
        has = bool(self.matches)
        self.prev_button.setEnabled(has)
        self.next_button.setEnabled(has)
        self._set_overlay(self.matches, self.current)
        if has:
            self._view.scroll_to_offset(self.matches[self.current][0])

    def _set_overlay(self, spans: list[tuple[int, int]], current: int | None = None) -> None:
        self._view.set_overlay(FIND_LAYER, hit_selections(self._view, spans, current) if spans else [])

    # placement and keys ----------------------------------------------------------------------------
    def _place(self) -> None:
        """Top corner of the view at the side where lines start (right in RTL), clear of the scroll bar."""
        self.adjustSize()
        view = self._view
        width = min(self.sizeHint().width(), max(120, view.width() - 24))
        self.resize(width, self.sizeHint().height())
        scrollbar = view.verticalScrollBar()
        bar_w = scrollbar.width() if scrollbar.isVisible() else 0
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = 8 + bar_w  # the scroll bar is on the left in a mirrored layout
        else:
            x = view.width() - width - 8 - bar_w
        self.move(max(0, x), 6)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif watched is self.box and event.type() == QEvent.Type.ShortcutOverride:
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and (
                key.key() == Qt.Key.Key_Escape
                or key.matches(QKeySequence.StandardKey.FindNext)
                or key.matches(QKeySequence.StandardKey.FindPrevious)
            ):
                event.accept()  # the bar steps through its own matches, not the window's search hits
                return True
        elif watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None:
                if key.key() == Qt.Key.Key_Escape:
                    self.close_bar()
                    return True
                if key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if key.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                        self.previous()
                    else:
                        self.next()
                    return True
                if key.matches(QKeySequence.StandardKey.FindNext):
                    self.next()
                    return True
                if key.matches(QKeySequence.StandardKey.FindPrevious):
                    self.previous()
                    return True
        return super().eventFilter(watched, event)


def make_find_action(bar: FindBar, parent: QObject) -> QAction:
    """Edit → Find in Article… (Ctrl+F), which opens `bar`."""
    action = QAction(
        qta.icon("mdi6.text-search"), QCoreApplication.translate("FindBar", "&Find in Article…"), parent
    )
    action.setObjectName("findInArticleAction")
    action.setShortcut(QKeySequence.StandardKey.Find)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(bar.open_bar)
    return action

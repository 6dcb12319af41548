"""How far through the article the view is: a thin bar along the article's top edge and a percentage for
the status bar.

Both follow the view's scroll bar (0 % at the top of the article, 100 % at its end, 100 % for an article
that fits in the view, which shows no bar); the bar stays in distraction-free reading, where the status bar
is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from reader.core.text import Direction, block_direction
from reader.gui.reading.article_view import ArticleView

BAR_HEIGHT = 3


def reading_fraction(view: ArticleView) -> float:
    """0.0 at the top of the article, 1.0 at its end (and when it fits in the view)."""
    if view.article is None:
        return 0.0
    bar = view.verticalScrollBar()
    span = bar.maximum() - bar.minimum()
    return 1.0 if span <= 0 else (bar.value() - bar.minimum()) / span


class ProgressBarStrip(QWidget):
    """The bar: a strip across the top of the article view, filled from the side lines start on."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.setObjectName("readingProgressBar")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        self.fraction = 0.0

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._view.article is None or self.fraction <= 0:
            return
        width = round(self.width() * self.fraction)
        rtl = block_direction(self._view.article.text[:2000]) is Direction.RTL
        x = self.width() - width if rtl else 0
        painter = QPainter(self)
        painter.fillRect(
            QRect(x, 0, width, self.height()), self.palette().color(QPalette.ColorRole.Highlight)
        )
        painter.end()


class ReadingProgress(QObject):
    """Keeps the bar and the percentage label in step with the article view's scrolling."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)  # goes with the view (its viewport's last events come after the window's)
        self._view = view
        self._viewport = view.viewport()
        self.strip = ProgressBarStrip(view)
        self.label = QLabel()
        self.label.setObjectName("readingProgress")
        self.label.setAccessibleName(self.tr("Reading progress"))
        self.label.setToolTip(self.tr("How far through the article the view is"))
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)
        view.article_loaded.connect(self.update)
        self._viewport.installEventFilter(self)  # its geometry is final when it gets its own resize
        self._place()
        self.update()

    def percent(self) -> int:
        return round(reading_fraction(self._view) * 100)

    def update(self, *_args: object) -> None:
        shown = self._view.article is not None
        bar = self._view.verticalScrollBar()
        self.strip.fraction = reading_fraction(self._view)
        self.strip.setVisible(shown and bar.maximum() > bar.minimum())  # an article that fits needs no bar
        self.strip.update()
        text = self.tr("{percent}%").format(percent=QLocale().toString(self.percent())) if shown else ""
        self.label.setText(text)

    def _place(self) -> None:
        viewport = self._viewport.geometry()
        self.strip.setGeometry(viewport.left(), viewport.top(), viewport.width(), BAR_HEIGHT)
        self.strip.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place()
        return False

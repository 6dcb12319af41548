"""Themes on screen: the article and the panels take the theme's colours (grabbed pixels, not properties)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from reader.gui.common.appearance.themes import DARK, LIGHT, SEPIA, THEMES
from reader.gui.main_window import MainWindow


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def _dominant(image: QImage) -> str:
    """The most common colour of a grid of pixels (the background)."""
    counts: Counter[str] = Counter()
    for x in range(2, image.width() - 2, max(1, image.width() // 40)):
        for y in range(2, image.height() - 2, max(1, image.height() // 40)):
            counts[QColor(image.pixel(x, y)).name()] += 1
    return counts.most_common(1)[0][0]


def _near(a: str, b: str, tolerance: int = 6) -> bool:
    ca, cb = QColor(a), QColor(b)
    return all(abs(x - y) <= tolerance for x, y in zip(ca.getRgb()[:3], cb.getRgb()[:3], strict=True))


@pytest.mark.parametrize("name", [LIGHT, SEPIA, DARK])
def test_theme_recolours_article_and_panels(window: MainWindow, sample_ids, qtbot, name) -> None:
    window.open_article(sample_ids[0])
    window.preferences.set_theme_override(name)
    qtbot.wait(20)
    theme = THEMES[name]
    article = _grab(window.article_view.viewport())
    assert _near(_dominant(article), theme.paper)
    # the ink of the text: the darkest (light themes) or lightest (dark) pixels are the theme's ink
    pixels = [
        QColor(article.pixel(x, y))
        for x in range(0, article.width(), 3)
        for y in range(0, article.height(), 3)
    ]
    extreme = (max if theme.dark else min)(pixels, key=lambda c: c.lightness())
    assert _near(extreme.name(), theme.ink, 40)
    # a panel: the library list's background is the theme's base colour
    panel = _grab(window.library_view.viewport())
    corner = QColor(panel.pixel(QPoint(panel.width() - 3, panel.height() - 3))).name()
    assert _near(corner, theme.base), (corner, theme.base)
    assert window.palette().color(window.palette().ColorRole.Window).name() == theme.window


def test_switching_back_and_forth_keeps_highlights(window: MainWindow, sample_ids, qtbot) -> None:
    window.open_article(sample_ids[0])
    library = window.library
    article = library.articles.get(sample_ids[0])
    start = article.text.index("تنظيم")
    library.highlights.create(sample_ids[0], start, start + 5, color="claim")
    qtbot.waitUntil(lambda: bool(window.article_view.overlay("highlights")))
    light_fill = window.article_view.overlay("highlights")[0].format.background().color()
    window.preferences.set_theme_override(DARK)
    dark_fill = window.article_view.overlay("highlights")[0].format.background().color()
    assert light_fill.alpha() != dark_fill.alpha() or light_fill != dark_fill
    assert window.article_view.theme.name == DARK
    window.preferences.set_theme_override(None)
    assert window.article_view.theme.name == LIGHT  # the preference: follow the (light, offscreen) system

"""A highlight that starts inside an Arabic word must not change how the word is shaped (DESIGN §3).

The article view is grabbed without and with a highlight starting inside `داعش-خراسان` at `ر`. The highlighted
area must have the label's colour, and the text itself must be the same pixels: the ink coverage of every
pixel (how much of the text colour it holds, whatever the background under it) is compared between the two
renderings. A control rendering with the joining broken (a ZWNJ between خ and ر, what a <span> per letter does
in a browser) must fail that comparison, so the test can tell joined from broken letters.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage

from reader.core.models import Highlight
from reader.core.text import Block, BlockKind
from reader.gui.reading.article_view import INK, PAPER, ArticleView
from reader.gui.reading.highlight_layer import HighlightLayer, fill_color
from tests.conftest import SEED_PATH
from tests.gui.fixtures import make_article

WORD = "داعش-خراسان"
COLORS = {"claim": "#f4c430"}


def seed_paragraph() -> str:
    line = next(ln for ln in SEED_PATH.read_text("utf-8").splitlines() if WORD in ln)
    at = line.index(WORD)
    return line[max(0, at - 60) : at + 80].strip()


def render(qtbot, paragraph: str, highlights: list[Highlight]) -> tuple[QImage, ArticleView]:
    view = ArticleView()
    qtbot.addWidget(view)
    view.setCursorWidth(0)  # no blinking caret (or its direction flag) in either grab
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.resize(760, 260)
    view.set_article(make_article([Block(BlockKind.PARAGRAPH, paragraph)]))
    view.show()
    qtbot.waitExposed(view)
    layer = HighlightLayer(view, lambda: COLORS)
    layer.set_highlights(highlights)
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32), view


def highlight(start: int, end: int) -> Highlight:
    return Highlight(1, 1, start, end, "", "", "", "", "claim", "background", "")


def highlight_box(view: ArticleView, start: int, end: int) -> QRect:
    """The viewport rectangle covered by [start, end) (one line here)."""
    a = view.cursorRect(view.cursor_for_range(start, start))
    b = view.cursorRect(view.cursor_for_range(end, end))
    assert a.top() == b.top(), "the test passage should sit on one line"
    return QRect(min(a.x(), b.x()) + 2, a.top() + 2, abs(a.x() - b.x()) - 4, a.height() - 4)


def coverage(image: QImage, background_at) -> list[float]:
    """Per pixel, the share of the ink colour in it (red channel: the largest ink/page difference)."""
    ink = INK.red()
    width, stride = image.width(), image.bytesPerLine()
    data = bytes(image.constBits())
    out = []
    for y in range(image.height()):
        row = data[y * stride + 2 : y * stride + 4 * width : 4]  # RGB32 is B, G, R, A in memory
        for x, red in enumerate(row):
            bg = background_at(x, y)
            out.append(max(0.0, min(1.0, (bg - red) / (bg - ink))))
    return out


def test_highlight_inside_an_arabic_word_keeps_the_letters_joined(qtbot) -> None:
    paragraph = seed_paragraph()
    start = paragraph.index(WORD) + len("داعش-خ")  # at ر, inside the word
    end = start + len("راسان في")
    plain, _ = render(qtbot, paragraph, [])
    marked, view = render(qtbot, paragraph, [highlight(start, end)])
    box = highlight_box(view, start, end)
    assert box.width() > 20

    # the highlighted area has the label's colour (blended on the page, as the view draws it)
    fill = fill_color(COLORS["claim"])
    alpha = fill.alphaF()
    expected = tuple(
        round(alpha * c + (1 - alpha) * p) for c, p in zip(fill.getRgb()[:3], PAPER.getRgb()[:3], strict=True)
    )
    pixels = Counter(
        QColor(marked.pixel(x, y)).getRgb()[:3]
        for y in range(box.top(), box.bottom())
        for x in range(box.left(), box.right())
    )
    most_common = pixels.most_common(1)[0][0]
    assert all(abs(a - b) <= 3 for a, b in zip(most_common, expected, strict=True)), (most_common, expected)
    outside = QColor(marked.pixel(box.left() - 40, box.bottom() + 30)).getRgb()[:3]
    assert outside == PAPER.getRgb()[:3]

    # the text pixels are the same: shaping did not change
    page_red = PAPER.red()
    fill_red = expected[0]
    marked_cov = coverage(marked, lambda x, y: fill_red if box.contains(x, y) else page_red)
    plain_cov = coverage(plain, lambda x, y: page_red)
    inked = sum(1 for c in plain_cov if c > 0.5)
    assert inked > 500  # there is text to compare
    diffs = [abs(a - b) for a, b in zip(plain_cov, marked_cov, strict=True)]
    # Qt clips a line's overhanging marks a pixel tighter when the line carries a selection: a few faint
    # pixels may differ; changed glyph shapes change hundreds of pixels fully (see the control below)
    assert max(diffs) < 0.3, (
        f"text pixels changed under the highlight (max coverage difference {max(diffs):.2f})"
    )
    assert sum(1 for d in diffs if d > 0.08) <= 10


@pytest.mark.parametrize("breaker", ["\u200c"])
def test_the_comparison_sees_broken_joining(qtbot, breaker: str) -> None:
    """Control: the same paragraph with خ and ر disjoined renders differently, and the comparison says so."""
    paragraph = seed_paragraph()
    broken = paragraph.replace(WORD, WORD.replace("خر", "خ" + breaker + "ر"), 1)
    plain, _ = render(qtbot, paragraph, [])
    disjoined, _ = render(qtbot, broken, [])
    a = coverage(plain, lambda x, y: PAPER.red())
    b = coverage(disjoined, lambda x, y: PAPER.red())
    assert sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 0.5) > 100

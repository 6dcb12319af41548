"""Opening a long article lays out only what the first paint needs, at the width it is shown at.

These check the work Qt does (which blocks have a layout, at what width), not the time it takes: the time is
benchmarks/bench_highlights_gui.py's business. Positions and marks must stay exactly where they were.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from reader.core.models import Highlight
from reader.core.text import Block, BlockKind
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.highlight_layer import HighlightLayer
from tests.gui.fixtures import make_article

COLORS = {"claim": "#e53935"}
PARAGRAPH = " ".join(["الدولة الإسلامية في خراسان تعود إلى الواجهة مرة أخرى"] * 12)


def _long_article():
    blocks = [Block(BlockKind.HEADING, "مقال طويل", 2)]
    blocks += [Block(BlockKind.PARAGRAPH, f"{PARAGRAPH} {i}.") for i in range(80)]
    return make_article(blocks)


def _laid_out(doc: QTextDocument) -> int:
    count, block = 0, doc.begin()
    while block.isValid():
        if block.layout() is not None and block.layout().lineCount() > 0:
            count += 1
        block = block.next()
    return count


def _shown_view(qtbot) -> tuple[ArticleView, HighlightLayer]:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.set_article(make_article([Block(BlockKind.PARAGRAPH, "نص قصير.")], article_id=2))
    view.show()
    qtbot.waitExposed(view)
    return view, HighlightLayer(view, lambda: COLORS)


def test_first_paint_lays_out_only_the_top_and_at_the_final_width(qtbot) -> None:
    view, _layer = _shown_view(qtbot)
    article = _long_article()
    widths: list[float] = []

    def on_ready(doc: QTextDocument) -> None:
        widths.append(doc.textWidth())

    view.document_ready.connect(on_ready)
    assert not view.verticalScrollBar().isVisible()  # the short article needed none
    view.set_article(article)
    view.viewport().repaint()
    doc = view.document()
    # the scroll bar the long article needs was there before the layout: one width, no second layout
    assert view.verticalScrollBar().isVisible()
    assert widths == [view.viewport().width()] and doc.textWidth() == view.viewport().width()
    assert 0 < _laid_out(doc) < doc.blockCount() // 3  # the rest is laid out later, off the first paint
    assert doc.toRawText().replace("\u2029", "\n") == article.text  # the same text, block by block


def test_note_markers_of_the_top_of_the_article_are_found_without_laying_it_all_out(qtbot) -> None:
    view, layer = _shown_view(qtbot)
    article = _long_article()
    view.set_article(article)
    start = article.text.index("خراسان")
    layer.set_highlights(
        [
            Highlight(
                7,
                article.id,
                start,
                start + 6,
                "خراسان",
                "",
                "",
                "",
                "claim",
                "background",
                "ملاحظة with English",
            )
        ]
    )
    view.viewport().repaint()
    first, last = layer.markers.visible_range()
    assert first == 0 and 0 < last < view.document().characterCount() // 3
    assert [hid for hid, _rect in layer.markers.marker_rects()] == [7]
    assert _laid_out(view.document()) < view.document().blockCount() // 3


def test_a_short_article_after_a_long_one_has_no_scroll_bar(qtbot) -> None:
    view, _layer = _shown_view(qtbot)
    view.set_article(_long_article())
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible(), timeout=2000)
    view.set_article(make_article([Block(BlockKind.PARAGRAPH, "نص قصير آخر.")], article_id=3))
    qtbot.waitUntil(lambda: not view.verticalScrollBar().isVisible(), timeout=2000)
    assert view.document().textWidth() == view.viewport().width()


def test_drawing_the_same_marks_again_leaves_the_layout_alone_and_a_change_still_shows(qtbot) -> None:
    view, layer = _shown_view(qtbot)
    article = _long_article()
    start = article.text.index("خراسان")
    marks = [Highlight(7, article.id, start, start + 6, "خراسان", "", "", "", "claim", "background", "")]
    view.document_ready.connect(lambda doc: layer.set_highlights(marks, doc))
    view.set_article(article)
    view.viewport().repaint()
    laid = _laid_out(view.document())
    layer.set_highlights(list(marks))  # a note edited elsewhere: the same marks drawn again
    assert _laid_out(view.document()) == laid < view.document().blockCount() // 3
    assert len(view.extraSelections()) == 1
    moved = [Highlight(7, article.id, start, start + 3, "خرا", "", "", "", "claim", "background", "")]
    layer.set_highlights(moved)  # a real change reaches Qt
    (selection,) = view.extraSelections()
    assert selection.cursor.selectedText() == "خرا"

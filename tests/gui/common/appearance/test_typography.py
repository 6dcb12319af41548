"""Typography in the article view: Latin paragraphs get their own line height, sizes and shortcuts."""

from __future__ import annotations

import itertools
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock

from reader.core.text import Block, BlockKind
from reader.gui.common.appearance.typography import Typography
from reader.gui.main_window import MainWindow
from reader.gui.reading.article_view import ArticleView
from tests.gui.fixtures import make_article

ARABIC = " ".join(["يرى الكاتب أن الإصلاح الاقتصادي لا ينفصل عن الإصلاح الاجتماعي"] * 6)
LATIN = " ".join(["The report argues that youth unemployment rose above twenty-five percent"] * 6)


def _pitches(block: QTextBlock, view: ArticleView) -> list[float]:
    """Distances between successive lines of a laid-out block, in pixels."""
    view.document().size()  # lays the document out
    layout = block.layout()
    ys = [layout.lineAt(i).y() for i in range(layout.lineCount())]
    assert len(ys) >= 3, "the paragraph should wrap"
    return [b - a for a, b in itertools.pairwise(ys)]


def _view(qtbot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_article(make_article([Block(BlockKind.PARAGRAPH, ARABIC), Block(BlockKind.PARAGRAPH, LATIN)]))
    return view


def test_latin_paragraph_has_its_own_line_height(qtbot) -> None:
    view = _view(qtbot)
    doc = view.document()
    arabic = _pitches(doc.findBlockByNumber(0), view)
    latin = _pitches(doc.findBlockByNumber(1), view)
    assert all(abs(p - view.line_pitch(rtl=True)) < 1 for p in arabic)
    assert all(abs(p - view.line_pitch(rtl=False)) < 1 for p in latin)
    assert latin[0] < arabic[0] * 0.85  # not double-spaced
    # looser spacing moves both
    view.set_typography(replace(view.typography, line_spacing=1.3))
    doc = view.document()
    assert _pitches(doc.findBlockByNumber(0), view)[0] > arabic[0] * 1.2
    assert _pitches(doc.findBlockByNumber(1), view)[0] > latin[0] * 1.2


def test_face_width_and_justification(qtbot) -> None:
    view = _view(qtbot)
    narrow = view.column_width()
    view.set_typography(Typography(family="Noto Naskh Arabic", column_chars=60, justify=True))
    assert view.font().family() == "Noto Naskh Arabic"
    assert view.document().defaultFont().family() == "Noto Naskh Arabic"
    view.set_typography(Typography(family="Noto Naskh Arabic", column_chars=120, justify=True))
    assert view.column_width() > narrow
    arabic_align = view.document().findBlockByNumber(0).blockFormat().alignment()
    latin_align = view.document().findBlockByNumber(1).blockFormat().alignment()
    assert arabic_align & Qt.AlignmentFlag.AlignJustify
    assert not latin_align & Qt.AlignmentFlag.AlignJustify  # Latin stays ragged
    view.set_typography(Typography(justify=False))
    assert not view.document().findBlockByNumber(0).blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify


def test_font_size_shortcuts(window: MainWindow, sample_ids, qtbot) -> None:
    window.open_article(sample_ids[0])
    view = window.article_view
    window.activateWindow()
    view.setFocus()
    base = view.font().pointSizeF()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == base + 1
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == base - 1
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == base
    # the preference's size is the base the shortcuts add to
    window.preferences.update(replace(window.preferences.preferences, typography=Typography(point_size=20)))
    assert view.font().pointSizeF() == 20
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == 21


def test_menu_shortcut_text_is_isolated(window: MainWindow) -> None:
    text = window.zoom_in_action.text()
    assert "\t\u2066" in text and text.endswith("\u2069")

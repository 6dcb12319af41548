"""ArticleView: document positions match the canonical text; each block's own direction; overlay layers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from reader.core.text import Block, BlockKind
from reader.gui.reading.article_view import (
    LAYER_FLASH,
    LAYER_HIGHLIGHTS,
    LAYER_SEARCH,
    ArticleView,
    block_format_at,
)
from tests.gui.fixtures import MIXED_BLOCKS, make_article


def _view(qtbot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    return view


def test_one_qt_block_per_article_block_and_positions_match(qtbot) -> None:
    view = _view(qtbot)
    article = make_article()
    with qtbot.waitSignal(view.article_loaded) as blocker:
        view.set_article(article)
    assert blocker.args == [article.id]
    doc = view.document()
    assert doc.blockCount() == len(MIXED_BLOCKS)
    # Qt's paragraph separator stands where the canonical text has "\n"
    assert doc.toRawText().replace("\u2029", "\n") == article.text
    assert doc.characterCount() - 1 == view.offset_map.qt_length
    for i, block in enumerate(MIXED_BLOCKS):
        assert doc.findBlockByNumber(i).text() == block.text
    # a code-point range after astral characters selects the right words
    text = article.text
    start = text.index("داعش-خراسان عاد")
    assert view.cursor_for_range(start, start + 11).selectedText() == "داعش-خراسان"


def test_each_block_aligned_by_its_own_direction(qtbot) -> None:
    view = _view(qtbot)
    view.set_article(make_article())
    for i, block in enumerate(MIXED_BLOCKS):
        fmt = block_format_at(view, i)
        rtl = block.direction.value == "rtl"
        expected_side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        assert fmt.alignment() & expected_side, (i, block.text)
        assert fmt.layoutDirection() == (
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
    # the English paragraph inside the Arabic article runs left-to-right, the Arabic one right-to-left
    assert block_format_at(view, 2).layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert block_format_at(view, 1).layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert block_format_at(view, 6).layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_headings_quotes_and_lists_are_styled(qtbot) -> None:
    view = _view(qtbot)
    view.set_article(make_article())
    doc = view.document()
    heading, para, quote = doc.findBlockByNumber(0), doc.findBlockByNumber(1), doc.findBlockByNumber(3)
    assert heading.blockFormat().headingLevel() == 2
    assert heading.charFormat().fontWeight() >= 700
    assert heading.charFormat().fontPointSize() > view.font().pointSizeF()
    assert quote.blockFormat().leftMargin() > para.blockFormat().leftMargin()
    assert quote.blockFormat().background().style() != Qt.BrushStyle.NoBrush
    first_item, second_item = doc.findBlockByNumber(4), doc.findBlockByNumber(5)
    assert first_item.textList() is not None and first_item.textList() == second_item.textList()
    assert para.textList() is None
    assert view.font().family() == "Amiri"
    # about 1.6 em from line to line at least (Amiri's own spacing is already that generous)
    from PySide6.QtGui import QFontInfo

    assert view.line_pitch() >= 1.6 * QFontInfo(view.font()).pixelSize() - 0.5


def test_selected_range_in_code_points(qtbot) -> None:
    view = _view(qtbot)
    article = make_article()
    view.set_article(article)
    assert view.selected_range() is None
    text = article.text
    start = text.index("𝕏") + 2  # after an astral character
    end = start + 4
    view.setTextCursor(view.cursor_for_range(start, end))
    assert view.selected_range() == (start, end)
    assert text[start:end] == "إن د"


def test_overlay_layers_merge_in_order(qtbot) -> None:
    view = _view(qtbot)
    view.set_article(make_article())
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("yellow"))
    flash = view.make_selection(0, 3, fmt)
    hl = [view.make_selection(5, 9, fmt), view.make_selection(7, 12, fmt)]  # overlapping is fine
    hit = view.make_selection(20, 24, fmt)
    view.set_overlay(LAYER_FLASH, [flash])
    view.set_overlay(LAYER_SEARCH, [hit])
    view.set_overlay(LAYER_HIGHLIGHTS, hl)
    merged = view.extraSelections()
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in merged] == [
        (5, 9),
        (7, 12),
        (20, 24),
        (0, 3),
    ]
    view.set_overlay(LAYER_SEARCH, [])
    assert len(view.extraSelections()) == 3
    # marks never edit the document
    assert view.document().toRawText().replace("\u2029", "\n") == make_article().text
    view.set_article(make_article(article_id=2))
    assert view.extraSelections() == []


def test_scroll_to_offset_and_column(qtbot) -> None:
    view = _view(qtbot)
    long_blocks = [Block(BlockKind.PARAGRAPH, f"فقرة رقم {i} " + "كلمة " * 60) for i in range(60)]
    article = make_article(long_blocks)
    view.set_article(article)
    view.show()
    qtbot.waitExposed(view)
    target = article.text.index("فقرة رقم 50")
    view.scroll_to_offset(target)
    assert view.verticalScrollBar().value() > 0
    top = view.top_offset()
    assert top <= target < top + 5000
    cursor: QTextCursor = view.textCursor()
    assert view.offset_map.from_qt(cursor.position()) == target
    # a wide window keeps a centred column of comfortable width
    view.resize(1800, 700)
    qtbot.wait(10)
    margin = view.document().rootFrame().frameFormat().leftMargin()
    assert margin > 200
    assert abs(view.document().rootFrame().frameFormat().rightMargin() - margin) < 1


def test_scroll_before_show_is_applied_when_shown(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(260, 300)  # the size a hidden widget has before its window is laid out
    article = make_article([Block(BlockKind.PARAGRAPH, f"سطر {i} " + "نص " * 40) for i in range(80)])
    view.set_article(article)
    target = article.text.index("سطر 60")
    view.scroll_to_offset(target, fraction=0.0)  # not visible yet: the layout is not final
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: abs(view.top_offset() - target) < 120, timeout=2000)

"""Annotation cards show a note as its Markdown reads, each paragraph in its own direction, laid out once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyleOptionViewItem

from reader.gui.annotations.annotation_cards import (
    CARD_ROLE,
    NOTE_LINES,
    CardData,
    CardDelegate,
    MarkdownText,
)

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
NOTE = (
    "**مهم**: هذا الادعاء يحتاج إلى مصدر <b>raw</b>.\n\n"
    "See the *UN report* on [Khorasan](https://example.org/r).\n\n"
    "- النقطة الأولى عن موسكو\n"
    "- a second point, in English"
)


def _blocks(text: MarkdownText):
    block = text.document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _format_at(block, needle: str) -> QTextCharFormat:
    at = block.text().index(needle)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        start = fragment.position() - block.position()
        if start <= at < start + fragment.length():
            return fragment.charFormat()
        it += 1
    raise AssertionError(f"{needle!r} not in {block.text()!r}")


def test_markdown_note_reads_as_formatted_text_with_per_paragraph_direction(qtbot) -> None:
    text = MarkdownText(NOTE, QFont(), 320, 8, LTR)
    blocks = list(_blocks(text))
    assert [b.text() for b in blocks] == [
        "مهم: هذا الادعاء يحتاج إلى مصدر <b>raw</b>.",  # raw HTML stays text, never markup
        "See the UN report on Khorasan.",
        "النقطة الأولى عن موسكو",
        "a second point, in English",
    ]
    assert [b.blockFormat().layoutDirection() for b in blocks] == [RTL, LTR, RTL, LTR]
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
    assert [b.blockFormat().alignment() for b in blocks] == [right, left, right, left]
    assert _format_at(blocks[0], "مهم").fontWeight() == QFont.Weight.Bold
    assert _format_at(blocks[0], "هذا").fontWeight() != QFont.Weight.Bold
    assert _format_at(blocks[1], "UN report").fontItalic()
    link = _format_at(blocks[1], "Khorasan")
    assert link.isAnchor() and link.anchorHref() == "https://example.org/r"
    assert blocks[2].textList() is not None and blocks[2].textList() is blocks[3].textList()
    assert blocks[0].textList() is None and not text.truncated and text.height > 0


def test_a_long_note_stops_after_its_line_budget(qtbot) -> None:
    paragraphs = [f"paragraph {i} of a note that goes on" for i in range(NOTE_LINES + 3)]
    fits = MarkdownText("\n\n".join(paragraphs[:NOTE_LINES]), QFont(), 400, NOTE_LINES, LTR)
    text = MarkdownText("\n\n".join(paragraphs), QFont(), 400, NOTE_LINES, LTR)
    assert text.truncated and not fits.truncated
    assert text.height == fits.height  # the first four paragraphs' height, not seven
    assert text.document.size().height() > text.height


def test_cards_lay_a_note_out_once_and_size_from_the_cache(qtbot) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    view.resize(360, 500)
    delegate = CardDelegate(view)
    view.setItemDelegate(delegate)
    cards = [
        CardData(
            i,
            "Claim",
            "#e53935",
            "quote",
            NOTE if i % 2 else "",
            ("t",) if i == 1 else (),
            "¶ 1",
            "",
            "background",
            False,
        )
        for i in range(1, 5)
    ]
    for card in cards:
        item = QListWidgetItem()
        item.setData(CARD_ROLE, card)
        view.addItem(item)
    view.show()
    qtbot.waitExposed(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    first = delegate.sizeHint(option, view.model().index(0, 0))
    assert len(delegate._notes) == 1  # two cards with the same note at one width: one rendered note
    note_doc = next(iter(delegate._notes.values())).document
    again = delegate.sizeHint(option, view.model().index(0, 0))
    assert again == first and next(iter(delegate._notes.values())).document is note_doc
    plain = delegate.sizeHint(option, view.model().index(1, 0))
    assert first.height() > plain.height()  # the note's lines (and the tag line) make the card taller
    view.viewport().grab()  # paints every card through the cached layouts without error


def test_each_line_of_prose_is_its_own_paragraph_as_in_the_note_editor(qtbot) -> None:
    text = MarkdownText(
        "هذا ادعاء **مهم**\nSee the UN report\n- أولاً\n- second\n\n> quoted\n> still quoted",
        QFont(),
        320,
        10,
        LTR,
    )
    blocks = list(_blocks(text))
    assert [b.text() for b in blocks] == [
        "هذا ادعاء مهم",
        "See the UN report",
        "أولاً",
        "second",
        "quoted still quoted",
    ]
    assert [b.blockFormat().layoutDirection() for b in blocks] == [RTL, LTR, RTL, LTR, LTR]
    assert blocks[2].textList() is blocks[3].textList() is not None  # the list stays one list

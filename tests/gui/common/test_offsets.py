"""OffsetMap: code points <-> Qt UTF-16 positions, checked against Qt's own QTextCursor positions."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.gui.common.offsets import OffsetMap

TEXTS = [
    "",
    "plain ascii",
    "تنظيم داعش: عودة القوة",
    "😀 before: داعش-خراسان",
    "داعش 🇸🇦 inside a flag 𝕏 and 𓂀 end😀",
    "😀😀😀",
    "a\n😀\nب𝄞ج",
]


def test_identity_for_bmp_text() -> None:
    text = "عودة القوة — English “quotes” ﷺ"
    m = OffsetMap(text)
    assert m.identity
    assert [m.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert m.from_qt(5) == 5


@pytest.mark.parametrize("text", TEXTS)
def test_round_trip_every_offset(text: str) -> None:
    m = OffsetMap(text)
    assert m.qt_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        qt = m.to_qt(cp)
        assert qt == len(text[:cp].encode("utf-16-le")) // 2
        assert m.from_qt(qt) == cp


def test_astral_shifts_later_positions() -> None:
    text = "😀ab𝄞c"
    m = OffsetMap(text)
    assert not m.identity
    assert [m.to_qt(i) for i in range(6)] == [0, 2, 3, 4, 6, 7]
    # a Qt position between the two surrogates maps to the astral character's start
    assert m.from_qt(1) == 0
    assert m.from_qt(5) == 3
    assert m.from_qt(99) == len(text)
    assert m.to_qt(-3) == 0


def test_range_inside_and_after_astral_matches_qt_selection(qtbot) -> None:
    """A highlight after and one containing an emoji select exactly their code points in a QTextDocument."""
    text = "قال 😀 إن داعش-خراسان 𝕏 عاد"
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    for start, end in [(text.index("داعش"), text.index("داعش") + 4), (2, text.index("𝕏") + 1), (4, 5)]:
        cursor = QTextCursor(doc)
        qs, qe = m.range_to_qt(start, end)
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[start:end]
        assert m.range_from_qt(cursor.selectionStart(), cursor.selectionEnd()) == (start, end)

"""The PDF's own line drawing (reader.core.exporters.pdf_text): bidi order of the pieces of a line, and words
shaped once whatever line they are on."""

from __future__ import annotations

from reader.core.exporters.pdf import FONT, NotesPDF
from reader.core.exporters.pdf_layout import Run


def _writer():
    pdf = NotesPDF("A4", "test")
    pdf.add_page()
    return pdf.glyphs


def _visual(runs: list[Run], rtl: bool) -> list[tuple[str, bool]]:
    return [(p.text, p.rtl) for p in _writer()._pieces(runs, rtl, "")]


def test_one_direction_line_is_one_piece() -> None:
    assert _visual([Run("ما لا يقل عن شخص")], rtl=True) == [("ما لا يقل عن شخص", True)]
    assert _visual([Run("the death toll (of) ")], rtl=False) == [("the death toll (of) ", False)]


def test_numbers_in_an_arabic_line_read_left_to_right() -> None:
    """'¶ 16' and '١٥ يناير' in a right-to-left line: the digits are a left-to-right piece, not reversed."""
    assert _visual([Run("¶ 16")], rtl=True) == [("16", False), ("¶ ", True)]
    pieces = _visual([Run("في ١٥ يناير")], rtl=True)
    assert ("١٥", False) in pieces


def test_english_inside_arabic_keeps_its_order_and_styles() -> None:
    runs = [Run("رقم "), Run("مهم", bold=True), Run(": the death toll of 133")]
    pieces = _writer()._pieces(runs, True, "")
    texts = [p.text for p in pieces]
    # visual order, left to right: the English run (with its number) first, then the Arabic, right-most last
    assert texts[0].startswith("the death toll of 133")
    assert texts[-1] == "رقم "
    assert [p.style for p in pieces if p.text == "مهم"] == ["B"]


def test_words_are_shaped_once() -> None:
    writer = _writer()
    first = writer.word("شخصًا", "", 12, True)
    assert writer.word("شخصًا", "", 12, True) is first
    assert first.advance > 0 and first.segments
    assert writer.width("CNN", "B", 12) > writer.width("CNN", "", 12) * 0.9
    assert FONT.lower() == writer.family

"""The PDF importer's text rules on their own: reading order, the Arabic repairs and their evidence, metadata.
(The PDFs that need them are in test_pdf.py; the corpus count of false repairs in
benchmarks/bench_pdf_repairs.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.importers.pdf.arabic_repairs import (
    ALL_REPAIRS,
    ArabicRepairs,
    normalise_presentation_forms,
    repair_arabic,
)
from reader.core.importers.pdf.metadata import plausible_date, plausible_title
from reader.core.importers.pdf.paragraphs import build_blocks, drop_running_lines
from reader.core.importers.pdf.reading_order import (
    flip_line,
    is_rtl_line,
    order_evidence,
    reads_reversed,
    visual_to_logical,
)
from reader.core.importers.pdf.text_layer import Line
from tests.conftest import SEED_PATH
from tests.core.importers.pdf_samples import visual

SEED_LINES = [line.strip() for line in SEED_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]

# --- reading order -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "قال الكاتب إن الإنتاجية تراجعت في عام 2024 بنسبة 12.5% حسب تقرير Global Outlook.",
        "أعلن تنظيم داعش مسؤوليته عن الهجوم؛ وأخبر مسؤول أمريكي شبكة CNN أن الولايات المتحدة.",
        "في 2015/07/21 الساعة 10:30 صباحا",
        "الأرقام العربية ٢٠٢٤ تبقى كما هي",
    ],
)
def test_a_visual_line_reads_in_logical_order_with_numbers_and_latin_kept(line: str) -> None:
    assert visual_to_logical(visual(line)) == line


def test_an_english_line_only_reverses_its_arabic_words() -> None:
    assert visual_to_logical("The word ةموكحلا ةيبرعلا means government.") == (
        "The word العربية الحكومة means government."
    )
    assert not is_rtl_line("The word الحكومة means government.")
    assert visual_to_logical("Plain English, 2024.") == "Plain English, 2024."


def test_harakat_stay_with_their_letters_when_the_stream_draws_them_first() -> None:
    # a producer that draws each haraka just before its letter, in visual order (fpdf2 with HarfBuzz)
    assert visual_to_logical("هُريغو") == "وغيرُه"


def test_flipping_a_reversed_line_keeps_numbers_and_latin_in_order() -> None:
    reversed_line = visual_to_logical(
        "قال الكاتب في عام 2024 إن Python 3.12"
    )  # a line stored in logical order
    assert reversed_line == "21.3 nohtyP"[::-1] + " نإ 2024 ماع يف بتاكلا لاق"
    assert flip_line(reversed_line) == "قال الكاتب في عام 2024 إن Python 3.12"


def test_reversed_arabic_is_recognised_over_a_document() -> None:
    logical = SEED_LINES[:6]
    reversed_lines = [flip_line(line) for line in logical]
    assert order_evidence(logical) > 20
    assert not reads_reversed(logical)
    assert reads_reversed(reversed_lines)
    assert order_evidence(reversed_lines) == -order_evidence(logical)
    assert not reads_reversed(["An English line only.", "Another one, 2024."])


# --- presentation forms ------------------------------------------------------------------------------------


def test_only_arabic_presentation_forms_are_normalised() -> None:
    assert normalise_presentation_forms("ﺍﻟﺤﻜﻮﻣﺔ ﻻ ﺗﻤﻠﻚ") == "الحكومة لا تملك"
    assert normalise_presentation_forms("ﷲ") == "الله"
    assert normalise_presentation_forms("ﬁrst m² ½ …") == "ﬁrst m² ½ …"  # U+FB01 is below U+FB50
    assert normalise_presentation_forms("شخصﹰا") == "شخصًا"  # an isolated fathatan: no space before it


# --- repairs -----------------------------------------------------------------------------------------------

#: Correct words that look like the broken forms: none of them may change, whatever the evidence.
CORRECT_WORDS = (
    "قال مال سؤال أعمال رجال اتصال استقلال الله اللغة اللذان الآن الأمر الإنتاجية الاستثمار خلال إلا ولا"
    " مثلا أولا مثال عالقة صالة سالم إسلام البال بالله فالأمر والاتحاد للاستثمار لالتقاط النفسية"
).split()


def test_the_evidence_rules_repair_the_broken_lam_alef_always() -> None:
    assert repair_arabic("اإلنتاجية") == "الإنتاجية"
    assert repair_arabic("األمر واآلن") == "الأمر والآن"
    assert repair_arabic("االستثمار واالتحاد باالقتصاد") == "الاستثمار والاتحاد بالاقتصاد"


def test_the_other_lam_alef_forms_need_evidence_and_no_intact_lam_alef() -> None:
    broken = "ال يمكن إال بعد خالل األمر، وال هؤالء"
    assert repair_arabic(broken) == "لا يمكن إلا بعد خلال الأمر، ولا هؤلاء"
    assert repair_arabic("ال يمكن إال بعد خالل") == "ال يمكن إال بعد خالل"  # no evidence: left alone
    # a document with intact lam-alef everywhere and one odd word: not a broken producer
    mixed = "خلال العام قال إن الأمر لا يتعلق إلا بالاستثمار والاتحاد والإعلام، واالنفسية ال"
    assert not ArabicRepairs.for_text([mixed]).lam_alef


@pytest.mark.parametrize("word", CORRECT_WORDS)
def test_correct_words_never_change_even_with_every_repair_on(word: str) -> None:
    assert ALL_REPAIRS.apply(word) == word
    assert repair_arabic(word) == word


def test_correct_text_opens_no_gate() -> None:
    assert ArabicRepairs.for_text(SEED_LINES) == ArabicRepairs()
    assert [repair_arabic(line) for line in SEED_LINES] == SEED_LINES


def test_kashida_read_as_replacement_characters_is_dropped_between_letters() -> None:
    assert repair_arabic("الـ\ufffd\ufffdحكومة") == "الـحكومة"
    assert repair_arabic("ال\ufffdحكومة") == "الحكومة"
    assert repair_arabic("\ufffdلكن ا\ufffdلكونغو") == "لكن الكونغو"  # drawn before the letter it follows
    # not where a kashida cannot be: after a letter that does not join, at a word's end, in Latin text
    assert repair_arabic("دا\ufffd ب\ufffd x\ufffdy \ufffd") == "دا\ufffd ب\ufffd x\ufffdy \ufffd"


def test_harakat_repairs_need_the_breakage_twice() -> None:
    assert repair_arabic("مثل ًا وقد ت ُستخدم") == "مثلًا وقد تُستخدم"
    assert repair_arabic("شيئاً ًجديداً") == "شيئاً ًجديداً"  # one stray haraka after a space: a typo
    assert repair_arabic("َكَتَب ُمحمٌد الدرس") == "كَتَبَ مُحمدٌ الدرس"
    assert repair_arabic("كتبَ ُمحمد الدرس") == "كتبَ ُمحمد الدرس"


@given(st.text(alphabet=st.characters(max_codepoint=0x5FF, exclude_categories=("Cs",))))
def test_text_without_arabic_is_never_touched(text: str) -> None:
    assert ALL_REPAIRS.apply(text) == text


# --- metadata ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("  Letters   from Beirut ", "Letters from Beirut"),
        ("Microsoft Word - essay.docx", ""),
        ("report_final.pdf", ""),
        ("Untitled", ""),
        ("2024", ""),
        ("عن الحرية", "عن الحرية"),
    ],
)
def test_plausible_titles(raw: str, title: str) -> None:
    assert plausible_title(raw) == title


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20150721022926+03'00'", "2015-07-21"),
        ("D:201507", "2015-07"),
        ("D:2015", "2015"),
        ("D:20151341", ""),
        ("D:20150230", ""),
        ("D:19850101", ""),  # before PDF
        ("D:20990101", ""),  # a broken clock
        ("yesterday", ""),
    ],
)
def test_plausible_dates(raw: str, iso: str) -> None:
    assert plausible_date(raw, today=dt.date(2024, 3, 1)) == iso


# --- running lines and paragraphs, on lines made by hand -----------------------------------------------------


def _line(page: int, y: float, text: str, *, x: float = 72, size: float = 11) -> Line:
    return Line(page=page, x=x, y=y, size=size, bold=False, text=text, rtl=is_rtl_line(text))


def test_a_title_repeated_as_the_running_header_stays_on_its_first_page() -> None:
    pages = [
        [
            _line(0, 760, "On Margins", size=8),
            _line(0, 700, "On Margins", size=22),
            _line(0, 650, "The body begins here and goes on."),
            _line(0, 40, "1"),
        ],
        [_line(1, 760, "On Margins", size=8), _line(1, 700, "More of the body."), _line(1, 40, "2")],
        [_line(2, 760, "On Margins", size=8), _line(2, 700, "The end of it, in 2024."), _line(2, 40, "2024")],
    ]
    kept = drop_running_lines(pages).pages
    assert [[line.text for line in page] for page in kept] == [
        ["On Margins", "The body begins here and goes on."],
        ["More of the body."],
        ["The end of it, in 2024.", "2024"],  # a year is not a page number
    ]


def test_a_paragraph_goes_on_at_the_top_of_the_next_column_unless_a_sentence_ended() -> None:
    lines = [
        _line(0, 700, "The first column ends in the middle of a"),
        _line(0, 686, "sentence that goes on"),
        _line(0, 700, "in the second column, and ends there.", x=320),
        _line(0, 660, "A new paragraph starts after a gap.", x=320),
        _line(0, 646, "It goes on as long as it likes to.", x=320),
        _line(0, 632, "The first column ended a sentence.", x=72),
    ]
    assert [b.text for b in build_blocks([lines])] == [
        "The first column ends in the middle of a sentence that goes on in the second column, and ends there.",
        "A new paragraph starts after a gap. It goes on as long as it likes to.",
        "The first column ended a sentence.",
    ]

from __future__ import annotations

import pytest

from reader.core.text import (
    Block,
    BlockKind,
    Direction,
    block_direction,
    block_index_at,
    block_spans,
    canonical_text,
    detect_language,
    fold_with_map,
    normalize_arabic,
)


def test_canonical_text_joins_blocks_with_newlines() -> None:
    blocks = [
        Block(BlockKind.HEADING, "عنوان", 1),
        Block(BlockKind.PARAGRAPH, "نص"),
        Block(BlockKind.QUOTE, "q"),
    ]
    assert canonical_text(blocks) == "عنوان\nنص\nq"
    assert block_spans(blocks) == [(0, 5), (6, 8), (9, 10)]
    assert [block_index_at(blocks, o) for o in (0, 5, 6, 8, 9, 10)] == [0, 0, 1, 1, 2, 2]


def test_block_rejects_newlines() -> None:
    with pytest.raises(ValueError):
        Block(BlockKind.PARAGRAPH, "a\nb")


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("أعلن تنظيم داعش", Direction.RTL),
        ("CNN قالت", Direction.LTR),  # first strong character decides, as dir="auto"
        ("2014 هو العام", Direction.RTL),  # digits are weak
        ("«Hello» world", Direction.LTR),
        ("123 ...", Direction.RTL),  # no strong character: the default
    ],
)
def test_block_direction_from_first_strong_character(text: str, direction: Direction) -> None:
    assert block_direction(text) == direction


def test_detect_language() -> None:
    assert detect_language("أعلن تنظيم داعش مسؤوليته عن الهجوم وأخبر مسؤول شبكة CNN") == "ar"
    assert detect_language("The attack was claimed by ISIS, says CNN.") == "en"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("إيران", "ايران"),
        ("أمريكي", "امريكي"),
        ("آسيا", "اسيا"),
        ("مستشفى", "مستشفي"),
        ("المتحدة", "المتحده"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("شخصًا", "شخصا"),
        ("مُحَمَّدٌ", "محمد"),
        ("كـــبير", "كبير"),
        ("٢٠١٥", "2015"),
        ("CNN", "cnn"),
        ("\u200fنص\u200e", "نص"),
    ],
)
def test_normalize_arabic(raw: str, folded: str) -> None:
    assert normalize_arabic(raw) == folded


def test_fold_map_gives_back_original_span_with_its_marks() -> None:
    original = "قتل 133 شخصًا، للأسف"
    folded = fold_with_map(original)
    start = folded.text.index("شخصا")
    s, e = folded.to_original(start, start + len("شخصا"))
    assert original[s:e] == "شخصًا"


def test_fold_many_folds_each_text_as_normalize_arabic_does() -> None:
    from reader.core.text import fold, fold_many, normalize_arabic

    texts = [
        "المسؤوليّةُ الإسلاميّة",
        "ـــالأمـــن  مُحَمَّدٌ  إلى  آمنة  مُستشفى",
        "Security COUNCIL: ٢٠٢٠ و۱۴۰۰",
        "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ \u200fمرحبا\u200e",  # presentation forms out of a PDF, bidi marks
        "",
        "ی ک ؤ ئ ى ة",
    ]
    assert fold_many(texts) == [normalize_arabic(t) for t in texts] == [fold(t) for t in texts]
    assert fold_many([]) == []
    assert fold_many(["a\x1eB", "ة"]) == ["a\x1eb", "ه"]  # the joining separator inside a text

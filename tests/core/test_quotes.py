"""Naming a passage (reader.core.quotes): finding a typed quote in a text."""

from __future__ import annotations

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.quotes import find_quote


def test_find_quote_exact_folded_and_occurrences() -> None:
    text = "قالَ الكاتبُ إنّ الأمرَ خطير. الأمرَ واضح."
    assert find_quote(text, "الكاتبُ") == (5, 12)
    start, end = find_quote(text, "الكاتب")  # typed without harakat: the damma of the last letter is included
    assert text[start:end] == "الكاتبُ"
    start, end = find_quote(text, "ان الامر")  # hamza forms and shadda folded
    assert text[start:end] == "إنّ الأمرَ"
    with pytest.raises(HawamishError) as err:
        find_quote(text, "الامر")
    assert err.value.code is ErrorCode.QUOTE_AMBIGUOUS
    start, _end = find_quote(text, "الامر", occurrence=2)
    assert start == text.rindex("الأمرَ")
    for quote, occurrence in (("غير موجود", None), ("الامر", 3), ("   ", None)):
        with pytest.raises(HawamishError) as err:
            find_quote(text, quote, occurrence)
        assert err.value.code is ErrorCode.QUOTE_NOT_FOUND


def test_find_quote_counts_code_points_after_an_emoji() -> None:
    text = "🙂 رأي: خطأ بوتين"
    assert find_quote(text, "خطأ") == (7, 10)

"""One catalogue of error sentences (reader/messages.py): every code has an English template, and
i18n/hawamish_ar.ts carries its Arabic in the context "Errors", finished, with the same fields."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.messages import CONTEXT, ERROR_MESSAGES, describe, error_reason
from tests.conftest import ROOT

ARABIC_TS = ROOT / "i18n" / "hawamish_ar.ts"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def arabic_errors() -> dict[str, ET.Element]:
    """source -> <translation> of every message in the context "Errors" of the Arabic .ts."""
    root = ET.parse(ARABIC_TS).getroot()
    found: dict[str, ET.Element] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source") or ""] = translation
    return found


def test_every_code_has_an_english_template() -> None:
    missing = [code for code in ErrorCode if not ERROR_MESSAGES.get(code, "").strip()]
    assert missing == []


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda c: c.value)
def test_every_template_has_a_finished_arabic_translation_with_the_same_fields(code: ErrorCode) -> None:
    english = ERROR_MESSAGES[code]
    translations = arabic_errors()
    assert english in translations, f"no <message> with the source {english!r} in context Errors"
    translation = translations[english]
    arabic = (translation.text or "").strip()
    assert arabic, english
    assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), english
    assert placeholders(english) <= placeholders(arabic), (english, arabic)


def test_the_english_line_fills_in_the_fields() -> None:
    error = HawamishError(ErrorCode.QUERY_EMPTY_FIELD, token="title:", position=0)
    assert describe(error) == "title: needs a value after it"
    error = HawamishError(ErrorCode.QUERY_UNKNOWN_KIND, token="bogus", kinds="article, highlight, note")
    assert error_reason(error) == "unknown kind 'bogus' (use one of article, highlight, note)"


def test_a_translation_is_filled_in_too_and_a_bad_one_falls_back_to_its_text() -> None:
    translations = {t: (e.text or "") for t, e in arabic_errors().items()}
    error = HawamishError(ErrorCode.QUERY_SIGN_ALONE, token="-", position=4)
    assert (
        describe(error, translate=lambda s: translations[s])
        == "تحتاج العلامة «\u2068-\u2069» إلى كلمة بعدها مباشرة"
    )
    assert error_reason(error, translate=lambda s: "{missing}") == "{missing}"


def test_the_gui_line_isolates_the_path_and_leaves_out_the_detail() -> None:
    error = HawamishError(ErrorCode.NOT_FOUND, "/tmp/x.md", "article 7")
    assert describe(error) == "/tmp/x.md: not found: article 7"
    assert describe(error, translate=lambda s: s) == "\u2068/tmp/x.md\u2069: not found"


def test_the_translated_sentence_isolates_each_field() -> None:
    """Inside an Arabic sentence `2024-13` would read `13-2024` (its digits take the Arabic letters'
    direction): the GUI's sentence wraps every field in FSI … PDI; the command line's English has none."""
    error = HawamishError(ErrorCode.QUERY_BAD_DATE, token="2024-13", position=11)
    assert "\u20682024-13\u2069" in error_reason(error, lambda template: template)
    assert "'2024-13'" in error_reason(error) and "\u2068" not in error_reason(error)
    assert describe(error, translate=lambda template: template).startswith("'\u20682024-13\u2069' is not")

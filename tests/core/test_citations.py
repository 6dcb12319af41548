"""Citations in both languages: Chicago-style notes in English, Arabic conventions (guillemets, Arabic comma,
Arabic-Indic digits) in Arabic; plain text and HTML from the same parts."""

from __future__ import annotations

import pytest

from reader.core.citations import (
    CitedPassage,
    format_citation_date,
    html_citation,
    html_citations,
    plain_citation,
    plain_citations,
)

EN = CitedPassage(
    quote='Analysts called it "a wake-up call"',
    title="ISIS-K and Russia",
    author="A. Writer",
    outlet="Example Times",
    published="2024-03-25",
    url="https://example.org/isis-k",
)
AR = CitedPassage(
    quote="قال «الوزير» إن الاتفاق سيوقع",
    title="عقود مشبوهة",
    author="سطام المقرن",
    outlet="الوطن",
    published="2015-07-21",
    url="https://alwatan.example/a/1",
)


def test_english_chicago_note() -> None:
    assert plain_citation(EN, "en", accessed="2026-03-01") == (
        "“Analysts called it ‘a wake-up call.’” A. Writer, “ISIS-K and Russia,” Example Times, March 25, 2024, "
        "accessed March 1, 2026, https://example.org/isis-k."
    )
    # a title ending in its own question mark takes no comma; the last title takes the full stop inside
    asked = CitedPassage(quote="", title="Why now?", author="J. Roe", outlet="The Paper")
    assert plain_citation(asked, "en") == "J. Roe, “Why now?” The Paper."
    assert plain_citation(CitedPassage(quote="x", title="T"), "en") == "“x.” “T.”"


def test_arabic_note_with_arabic_punctuation_and_digits() -> None:
    assert plain_citation(AR, "ar", accessed="2026-03-01") == (
        "«قال “الوزير” إن الاتفاق سيوقع». سطام المقرن، «عقود مشبوهة»، الوطن، ٢١ يوليو ٢٠١٥، "
        "تاريخ الاطلاع: ١ مارس ٢٠٢٦، https://alwatan.example/a/1."
    )
    western = plain_citation(AR, "ar", with_quote=False, arabic_digits=False)
    assert western == "سطام المقرن، «عقود مشبوهة»، الوطن، 21 يوليو 2015، https://alwatan.example/a/1."


def test_unknown_parts_are_left_out_with_their_separators() -> None:
    bare = CitedPassage(quote="نص", title="عنوان فقط")
    assert plain_citation(bare, "ar") == "«نص». «عنوان فقط»."
    assert plain_citation(bare, "en", with_quote=False) == "“عنوان فقط.”"


@pytest.mark.parametrize(
    ("iso", "language", "expected"),
    [
        ("2024-03-25", "en", "March 25, 2024"),
        ("2024-03", "en", "March 2024"),
        ("2024", "en", "2024"),
        ("2024-03-25", "ar", "٢٥ مارس ٢٠٢٤"),
        ("last spring", "en", "last spring"),
        ("2024-13-01", "en", "2024-13-01"),
    ],
)
def test_dates(iso: str, language: str, expected: str) -> None:
    assert format_citation_date(iso, language) == expected


def test_html_marks_outlet_link_and_isolates_names() -> None:
    rich = html_citation(AR, "ar", accessed="2026-03-01")
    assert rich.startswith('<p dir="rtl" lang="ar">«<bdi>')
    assert "<i><bdi>الوطن</bdi></i>" in rich
    assert '<a href="https://alwatan.example/a/1" dir="ltr">https://alwatan.example/a/1</a>' in rich
    english = html_citation(CitedPassage(quote="a <b> & c", title="T"), "en")
    assert "a &lt;b&gt; &amp; c" in english and english.startswith('<p dir="ltr" lang="en">')


def test_several_passages() -> None:
    assert plain_citations([EN, AR], "en").count("\n\n") == 1
    assert html_citations([EN, AR], "ar").count("<p ") == 2


def test_bad_language() -> None:
    with pytest.raises(ValueError):
        plain_citation(EN, "fr")

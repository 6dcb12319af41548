"""Direction in the exports: every line's visual order is the Unicode Bidi Algorithm's.

The reference is python-bidi 0.6 (the Rust `unicode-bidi` crate; LGPL-3.0): `get_display(line, base_dir)`
for each line below is stored in tests/fixtures/bidi_reference.json, so the suite does not need it; when it is
installed (the `test` extra), the stored lines are checked against it, and `UPDATE_GOLDEN=1` rewrites them.
Lines are compared after dropping whitespace, combining marks and bidi controls: the order of the letters,
digits and signs is what is tested (the reference does not mirror brackets, and neither does a text layer).

Each line's base direction: its own first strong character (reader.core.text.block_direction, as the app),
or, for the lines the export writes itself (label lines, headings, "Exported …"), the export language's.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from reader.core.exporters import html as html_export
from reader.core.exporters import pdf as pdf_export
from reader.core.exporters.collect import ArticleView, ExportDocument, HighlightView, LabelView
from reader.core.exporters.pdf import NotesPDF
from reader.core.exporters.pdf_layout import Run
from reader.core.text import BIDI_CONTROLS, Block, BlockKind, Direction, block_direction
from tests.core.exporters.pdf_lines import pdf_lines

REFERENCE = Path(__file__).parents[2] / "fixtures" / "bidi_reference.json"
FSI, PDI, RLI, LRI = "\u2068", "\u2069", "\u2067", "\u2066"

#: (name, logical line, base direction forced by the export language or None for the first strong character)
CASES: list[tuple[str, str, str | None]] = [
    ("ar-numbered", "1. هل يمكن ذلك؟", None),
    ("ar-paren-number", "(1) هل يمكن ذلك؟", None),
    ("ar-number-paren", "1) هل حدث ذلك فعلًا؟", None),
    ("en-then-ar-list", "Two questions: (1) هل حدث؟ (2) من المسؤول؟", None),
    ("en-note-ar-numbered", "Note: 1. هل حدث ذلك", None),
    ("ar-units", "بلغت السرعة 25 كم/ساعة في 3 أيام", None),
    ("ar-thousands", "قُتل 1,200 شخص و45.5% من السكان نزحوا", None),
    ("ar-kg", "الوزن 70 kg تقريبًا", None),
    ("ar-date-slash", "في 15/01/2026 أعلن الوزير", None),
    ("ar-date-iso", "بتاريخ 2026-01-15 قال المتحدث", None),
    ("ar-date-arabic-digits", "في ١٥ يناير ٢٠٢٦ صدر القرار", None),
    ("ar-url", "انظر https://example.com/a-b?x=1 للمزيد", None),
    ("en-url-ar", "See https://aljazeera.net/news/2026 and الجزيرة", None),
    ("ar-latin-names", "قالت CNN إن الرئيس Joe Biden وصل", None),
    ("ar-latin-term", "استخدم مصطلح soft power في المقال", None),
    ("en-ar-word", "The word حوار means dialogue", None),
    ("en-ar-quote-page", "He said «لا» twice (see p. 3)", None),
    ("ar-paren-latin", "الرئيس (Joe Biden) قال", None),
    ("en-paren-ar", "The minister (وزير الخارجية) said 3 things", None),
    ("ar-en-number", "ورد في تقرير UN 2024 أن العدد 3", None),
    ("en-ar-number", "The figure هو 3 مليون in 2024", None),
    ("ar-brackets-number", "الرقم [12] في (الجدول 3)", None),
    ("ar-question-latin-end", "هل قرأت Orwell?", None),
    ("en-ending-ar", "Compare with المقال السابق.", None),
    ("isolated-en-in-ar", f"ادّعاء {FSI}Claim 2{PDI} في {FSI}1.{PDI}", None),
    ("isolated-ar-in-en", f"Label {FSI}حرب{PDI} · {FSI}#tag{PDI}", None),
    ("rli-lri", f"Title {RLI}عنوان 3{PDI} and {LRI}x 4{PDI}", None),
    ("meta-en", f"1. {FSI}Claim{PDI} · ¶ 3 · {FSI}#حرب{PDI}", "ltr"),
    ("meta-ar", f"1. {FSI}ادّعاء{PDI} · ¶ 3 · {FSI}#war{PDI}", "rtl"),
    ("meta-en-renamed-ar-label", f"2. {FSI}سؤال{PDI} · ¶ 12", "ltr"),
    ("meta-ar-latin-label", f"3. {FSI}Source quoted{PDI} · ¶ 4", "rtl"),
    ("heading-en-forced", "Highlights", "ltr"),
    ("exported-en", f"Exported {FSI}15 January 2026{PDI} · Hawamish", "ltr"),
    ("exported-ar", f"صُدِّرت في {FSI}١٥ يناير ٢٠٢٦{PDI} · هوامش", "rtl"),
    ("byline-mixed", "Marwan Bishara · الجزيرة · 2026-01-15", None),
    ("byline-ar", "مروان بشارة · Al Jazeera · 2026-01-15", None),
    ("digits-only", "2026 (3)", None),
]


def _direction(text: str, forced: str | None) -> Direction:
    return Direction(forced) if forced else block_direction(text)


def _key(text: str) -> str:
    """The order of what is seen: no whitespace, combining marks or bidi controls."""
    return "".join(
        c for c in text if not c.isspace() and unicodedata.category(c) != "Mn" and c not in BIDI_CONTROLS
    )


def _reference() -> dict[str, str]:
    data = json.loads(REFERENCE.read_text("utf-8"))
    return {line["text"]: line["visual"] for line in data["lines"]}


def test_reference_holds_every_case() -> None:
    data = json.loads(REFERENCE.read_text("utf-8"))
    assert [(line["text"], line["direction"]) for line in data["lines"]] == [
        (text, _direction(text, forced).value) for _, text, forced in CASES
    ]


def test_reference_is_python_bidi() -> None:
    bidi = pytest.importorskip("bidi", reason="python-bidi (the test extra) is not installed")
    lines = [
        {
            "name": name,
            "text": text,
            "direction": _direction(text, forced).value,
            "visual": bidi.get_display(
                text, base_dir="R" if _direction(text, forced) == Direction.RTL else "L"
            ),
        }
        for name, text, forced in CASES
    ]
    if os.environ.get("UPDATE_GOLDEN"):
        note = f"python-bidi {bidi.VERSION}: get_display(text, base_dir); brackets not mirrored"
        REFERENCE.write_text(
            json.dumps({"reference": note, "lines": lines}, ensure_ascii=False, indent=1) + "\n"
        )
    assert {line["text"]: line["visual"] for line in lines} == _reference()


def _pdf() -> NotesPDF:
    pdf = NotesPDF("A4", "bidi")
    pdf.add_page()
    return pdf


@pytest.mark.parametrize(("name", "text", "forced"), CASES, ids=[c[0] for c in CASES])
def test_line_pieces_follow_the_reference(name: str, text: str, forced: str | None) -> None:
    """GlyphWriter's visual order of a line (pieces left to right, a right-to-left piece reversed)."""
    pieces = _pdf().glyphs._pieces([Run(text)], _direction(text, forced) == Direction.RTL, "")
    seen = "".join(p.text[::-1] if p.rtl else p.text for p in pieces)
    assert _key(seen) == _key(_reference()[text])


def test_every_line_of_the_pdf_reads_as_the_reference() -> None:
    """Each case drawn as a paragraph, read back from the page by glyph position, line by line."""
    pdf = _pdf()
    for _, text, forced in CASES:
        pdf.paragraph(text, markdown=False, direction=_direction(text, forced))
    lines = pdf_lines(bytes(pdf.output()))[0]
    reference = _reference()
    assert [_key(line) for line in lines[: len(CASES)]] == [_key(reference[text]) for _, text, _ in CASES]


NOTES = [text for _, text, forced in CASES if forced is None and FSI not in text and RLI not in text]


def _document(article_language: str, export_language: str) -> ExportDocument:
    label = LabelView("claim", "Claim", "#e53935")
    quote = (
        "قال المتحدث إن الحرب انتهت" if article_language == "ar" else "The spokesman said the war was over"
    )
    stamp = "2026-01-15T10:00:00Z"
    highlights = tuple(
        HighlightView(
            id=i,
            article_id=1,
            start=0,
            end=5,
            exact=quote,
            prefix="",
            suffix="",
            text_hash="",
            color="claim",
            label=label,
            style="highlight",
            note=note,
            tags=("حرب", "war") if i == 1 else (),
            orphan=False,
            created=stamp,
            updated=stamp,
            paragraph=3,
        )
        for i, note in enumerate(NOTES, start=1)
    )
    article = ArticleView(
        id=1,
        title="عنوان المقال" if article_language == "ar" else "The article",
        author="Author",
        outlet="Outlet",
        url="https://example.com/a",
        published="2026-01-15",
        language=article_language,
        content_hash="0" * 64,
        note="Two questions:\n\n1. هل حدث؟\n2. من المسؤول؟",
        note_updated="",
        tags=(),
        blocks=(Block(BlockKind.PARAGRAPH, quote),),
        highlights=highlights,
    )
    return ExportDocument((article,), (label,), "2026-01-15T10:00:00Z", language=export_language)


@pytest.mark.parametrize(("article", "export"), [("ar", "en"), ("en", "ar")])
def test_exported_notes_and_label_lines(article: str, export: str, tmp_path: Path) -> None:
    """An Arabic article with English labels and an English one with Arabic labels, each with mixed notes."""
    data, _ = pdf_export.render(_document(article, export))
    (tmp_path / "notes.pdf").write_bytes(data)
    lines = [_key(line) for page in pdf_lines(data) for line in page]
    reference = _reference()
    assert [note for note in NOTES if _key(reference[note]) not in lines] == []
    # the article note: English, then an Arabic numbered list, each item right to left from its number
    assert {_key("Two questions:"), _key("؟ثدح له .1"), _key("؟لوؤسملا نم .2")} <= set(lines)
    if export == "en":  # "1. Claim" left to right, the Arabic tag isolated, whatever the article's language
        assert _key("1. Claim · ¶ 3 · برح# #war") in lines
        assert _key("2. Claim · ¶ 3") in lines
    else:  # Arabic numbering from the right: "١. ادّعاء" (seen left to right: "ءاعدا .١")
        assert _key("#war برح# · ٣ ¶ · ءاعدا .١") in lines  # in the Arabic export's digits
    assert _key("Highlights" if export == "en" else "التظليلات"[::-1]) in lines


def test_html_directions(tmp_path: Path) -> None:
    html = html_export.render(_document("ar", "en"))[0].decode("utf-8")
    assert 'dir="auto"' not in html
    assert '<p class="label" dir="ltr"><b><bdi>Claim</bdi></b>' in html  # English labels, Arabic article
    assert '<p dir="ltr">Two questions: (1) هل حدث؟ (2) من المسؤول؟</p>' in html
    assert '<p dir="rtl">1) هل حدث ذلك فعلًا؟</p>' not in html  # a list in Markdown:
    assert '<ol dir="rtl">' in html and '<li dir="rtl">هل حدث؟</li>' in html
    assert '<p dir="ltr">The word حوار means dialogue</p>' in html
    assert '<p dir="rtl">قالت CNN إن الرئيس Joe Biden وصل</p>' in html
    assert '<p dir="rtl">قال المتحدث إن الحرب انتهت</p>' in html  # the quote
    arabic = html_export.render(_document("en", "ar"))[0].decode("utf-8")
    assert '<p class="label" dir="rtl"><b><bdi>ادّعاء</bdi></b>' in arabic
    assert '<header class="export" dir="rtl">هوامش · \u2068١٥ يناير ٢٠٢٦\u2069' in arabic  # values isolated
    assert '<blockquote dir="ltr">' in arabic

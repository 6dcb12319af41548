"""The PDF importer on PDFs made at test time (tests/core/importers/pdf_samples.py): Arabic drawn in logical
and in visual order, presentation forms, broken lam-alef and kashida, running headers over three pages,
scans, encrypted, damaged and hostile files. Each sample first shows that pypdf's own extraction has the
problem, then that the importer does not."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from fpdf import FPDF
from pypdf import PdfWriter

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import read_article
from reader.core.importers.pdf import NO_TEXT_LAYER, NO_UNICODE, read_pdf, text_layer
from reader.core.text import TATWEEL, BlockKind, canonical_text
from tests.conftest import ROOT, SEED_PATH, SEED_TITLE, needs_shared, shared_path
from tests.core.importers.pdf_samples import (
    AMIRI,
    HELVETICA,
    arabic_pdf,
    english_pdf,
    raw_page,
    raw_pdf,
    remap_glyph,
    seed_pdf,
    stream,
    tiny_png,
    visual,
)

ARABIC_LINES = [
    "قال الكاتب إن الإنتاجية تراجعت في عام 2024 بنسبة 12.5% حسب تقرير Global Outlook.",
    "وأضاف أن الحكومة لا تملك خطة واضحة للاستثمار خلال السنوات الخمس المقبلة.",
    "ويرى الخبراء أن الأمر يتطلب إصلاحات عاجلة في التعليم والصحة.",
]


def pypdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def texts(path: Path) -> list[str]:
    return [block.text for block in read_pdf(path)[1]]


# --- Arabic ------------------------------------------------------------------------------------------------


def test_the_seed_printed_as_a_newspaper_pdf_reads_back_paragraph_for_paragraph(tmp_path: Path) -> None:
    lines = [line.strip() for line in SEED_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = seed_pdf(tmp_path / "seed.pdf", lines)
    assert len(pypdf.PdfReader(path).pages) >= 2
    meta, blocks = read_pdf(path)
    assert meta.title == SEED_TITLE
    assert meta.author == "كاتب الرأي"
    assert meta.language == "ar"
    assert meta.source_path == str(path.resolve())
    # every paragraph, in order; the running header and the page numbers are gone. Amiri joins some
    # letter pairs with a connector glyph that has no Unicode: it is dropped (not read as junk)
    assert [b.text for b in blocks] == lines[1:]
    assert all(b.kind is BlockKind.PARAGRAPH for b in blocks)
    assert "هوامش" not in canonical_text(blocks)
    assert "\ufffd" not in canonical_text(blocks)


def test_arabic_stored_in_logical_or_visual_order_reads_in_logical_order(tmp_path: Path) -> None:
    shaped = arabic_pdf(tmp_path / "shaped.pdf", ARABIC_LINES)
    # old producers stored the glyphs pre-reversed, numbers and Latin words left to right
    stored_visual = arabic_pdf(
        tmp_path / "visual.pdf", [visual(line) for line in ARABIC_LINES], shaping=False
    )
    # software that does not lay out right to left puts the letters on the page in logical order: reversed
    stored_logical = arabic_pdf(tmp_path / "reversed.pdf", ARABIC_LINES, shaping=False)
    assert "ةموكحلا" in pypdf_text(stored_logical)  # pypdf alone gives that one back reversed
    for path in (shaped, stored_visual, stored_logical):
        assert texts(path) == ARABIC_LINES, path.name


def test_arabic_drawn_glyph_by_glyph_from_right_to_left_reads_in_logical_order(tmp_path: Path) -> None:
    """Some producers (Qt's PDF writer among them) draw Arabic one positioned glyph at a time, right to left;
    pypdf's own extraction reverses each word. Written here with one Tj per letter at decreasing x."""
    text = "الحكومة لا تملك خطة"
    ops = [b"BT /F1 14 Tf"]
    for i, letter in enumerate(text):  # spaces are glyphs too, as Qt draws them
        ops.append(b"1 0 0 1 %d 700 Tm <%s> Tj" % (500 - 8 * i, letter.encode("utf-16-be").hex().encode()))
    ops.append(b"ET")
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /AmiriIdentity /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] >>"
    )
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AmiriIdentity /DW 500"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    )
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                raw_page(font=5, contents=4),
                stream(b"\n".join(ops)),
                font,
                descendant,
            ]
        )
    )
    assert "ةموكحلا" in pypdf_text(path)
    # with Identity-H and no ToUnicode, a code is its own character: here the UTF-16 of the letter
    assert texts(path) == [text]


def test_presentation_forms_become_letters_and_nothing_else_is_normalised(tmp_path: Path) -> None:
    shown = "ﺍﻟﺤﻜﻮﻣﺔ ﻻ ﺗﻤﻠﻚ ﺧﻄﺔ"  # the shaped glyphs' own code points, as some PDFs map them
    other = "An area of 5 m² and ½ of it…"  # compatibility characters that are not Arabic stay as they are
    path = arabic_pdf(tmp_path / "forms.pdf", [visual(shown), other], shaping=False)
    assert "ﻻ" in pypdf_text(path)
    assert texts(path) == ["الحكومة لا تملك خطة", other]


def test_broken_lam_alef_and_kashida_in_the_text_layer_are_repaired(tmp_path: Path) -> None:
    broken = [
        "ارتفعت اإلنتاجية خالل العام، لكن األمر يتطلب المزيد من االستثمار.",
        "ال يمكن إال أن نتفق على أن الـــحكومة تتحمل المسؤولية.",
    ]
    shaped = arabic_pdf(tmp_path / "shaped.pdf", broken, compress=False)
    path = tmp_path / "broken.pdf"
    path.write_bytes(remap_glyph(shaped.read_bytes(), ord(TATWEEL)))  # the producer did not map its kashida
    extracted = pypdf_text(path)
    assert "خالل" in extracted
    assert "\ufffd" in extracted
    assert texts(path) == [
        "ارتفعت الإنتاجية خلال العام، لكن الأمر يتطلب المزيد من الاستثمار.",
        "لا يمكن إلا أن نتفق على أن الحكومة تتحمل المسؤولية.",
    ]


def test_harakat_come_back_on_their_letters(tmp_path: Path) -> None:
    """fpdf2 places some harakat on their own: the importer keeps each after its letter, with no space."""
    lines = [
        "قالَ الكاتبُ إنّ شخصًا واحدًا مثلًا لا يكفي، وإنّ الأمرَ يحتاجُ جهدًا مشتركًا.",
        "(مثلًا) «الحكومة» تراجعت [2024] وغيرُه، كما قالَ ايضاً: قد تُستخدم.",
    ]
    path = arabic_pdf(tmp_path / "vocalised.pdf", lines)
    assert texts(path) == lines


# --- layout ------------------------------------------------------------------------------------------------

_P1 = (
    "The economy grew faster than expected in the third quarter, driven by exports and by a recovery of "
    "household spending that few forecasters had seen coming. "
) * 3
_P2 = (
    "Critics argue that the figures hide a widening gap between regions, and that the gains will not last "
    "once the temporary measures expire at the end of the year. "
) * 6
_P3 = "What happens next depends on the central bank. " * 4


def _three_pages(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", size=22)
    pdf.multi_cell(0, 10, "A Recovery Nobody Predicted")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for _ in range(6):
        for paragraph in (_P1, _P2):
            pdf.multi_cell(0, 5.5, paragraph.strip())
            pdf.ln(3)
    pdf.set_font("Helvetica", "B", size=15)
    pdf.multi_cell(0, 8, "What comes next")
    pdf.ln(2)
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 5.5, "Much depends on whether the recovery in wages can be sus-")
    pdf.ln(5.5)
    pdf.cell(0, 5.5, "tained through the winter months, as the colonel-in-")
    pdf.ln(5.5)
    pdf.cell(0, 5.5, "chief of the bank put it.")
    pdf.ln(8)
    pdf.multi_cell(0, 5.5, _P3.strip())


def test_running_headers_footers_and_page_numbers_go_and_paragraphs_span_pages(tmp_path: Path) -> None:
    path = english_pdf(tmp_path / "column.pdf", _three_pages)
    assert len(pypdf.PdfReader(path).pages) == 3
    assert "Page 2 of 3" in pypdf_text(path)
    meta, blocks = read_pdf(path)
    assert meta.title == "A Recovery Nobody Predicted"  # the leading heading, not repeated in the body
    assert meta.language == "en"
    body = canonical_text(blocks)
    assert "Weekly Review" not in body
    assert "Page" not in body
    assert [b.text for b in blocks[:12]] == [p.strip() for p in (_P1, _P2) * 6]  # across page breaks too
    assert blocks[12].kind is BlockKind.HEADING
    assert blocks[12].text == "What comes next"
    assert blocks[12].level == 2
    assert blocks[13].text == (
        "Much depends on whether the recovery in wages can be sustained through the winter months, "
        "as the colonel-in-chief of the bank put it."
    )
    assert blocks[14].text == _P3.strip()


def test_title_from_the_document_information_unless_it_is_a_file_name(tmp_path: Path) -> None:
    def draw(pdf: FPDF) -> None:
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 5.5, "Only a paragraph, no heading.")

    named = english_pdf(tmp_path / "named.pdf", draw, title="Letters from Beirut", pages_header=False)
    assert read_pdf(named)[0].title == "Letters from Beirut"
    word = english_pdf(
        tmp_path / "my-essay.pdf", draw, title="Microsoft Word - essay.docx", pages_header=False
    )
    assert read_pdf(word)[0].title == "my-essay"


# --- what cannot be read -----------------------------------------------------------------------------------


def _error(path: Path) -> HawamishError:
    with pytest.raises(HawamishError) as caught:
        read_pdf(path)
    assert caught.value.path == str(path)
    return caught.value


def test_a_scan_without_a_text_layer_is_empty(tmp_path: Path) -> None:
    png = tmp_path / "page.png"
    png.write_bytes(tiny_png())
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(png), x=10, y=10, w=190)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    error = _error(path)
    assert error.code is ErrorCode.NO_TEXT_LAYER
    assert error.detail == NO_TEXT_LAYER == "no text layer (scanned pages are not supported)"


def test_a_text_layer_whose_glyphs_map_to_no_characters_is_empty(tmp_path: Path) -> None:
    """A composite font without /ToUnicode whose codes are glyph numbers: nothing says what they show."""
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Subset /Encoding /Identity-H /DescendantFonts [6 0 R] >>"
    )
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Subset /W [1 [500 500 500 500]]"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    )
    path = tmp_path / "glyph-numbers.pdf"
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                raw_page(font=5, contents=4),
                stream(b"BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET"),
                font,
                descendant,
            ]
        )
    )
    error = _error(path)
    assert (error.code, error.detail) == (ErrorCode.EMPTY, NO_UNICODE)


def test_an_encrypted_pdf_needs_its_password_and_an_owner_password_alone_does_not(tmp_path: Path) -> None:
    plain = arabic_pdf(tmp_path / "plain.pdf", ARABIC_LINES[:1])
    locked, owner_only = tmp_path / "locked.pdf", tmp_path / "owner-only.pdf"
    for target, user in ((locked, "secret"), (owner_only, "")):
        writer = PdfWriter(clone_from=plain)
        writer.encrypt(user, owner_password="owner", algorithm="RC4-128")
        writer.write(target)
    error = _error(locked)
    assert (error.code, error.detail) == (ErrorCode.ENCRYPTED, "a password is needed to open it")
    assert texts(owner_only) == ARABIC_LINES[:1]


@pytest.mark.parametrize("damage", ["truncated", "header-only", "garbled", "random", "empty"])
def test_damaged_files_are_typed_errors(tmp_path: Path, damage: str) -> None:
    good = arabic_pdf(tmp_path / "good.pdf", ARABIC_LINES).read_bytes()
    data = {
        "truncated": good[: len(good) // 2],
        "header-only": good[:300],
        "garbled": good[:400] + bytes((b * 7 + 13) % 256 for b in good[400:]),
        "random": bytes((i * 7919 + 104729) % 251 for i in range(5000)),
        "empty": b"",
    }[damage]
    path = tmp_path / f"{damage}.pdf"
    path.write_bytes(data)
    error = _error(path)
    assert error.code is (ErrorCode.EMPTY if damage == "empty" else ErrorCode.MALFORMED)
    if damage == "random":
        assert "not a PDF" in error.detail


def test_size_limit_is_checked_before_the_file_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = arabic_pdf(tmp_path / "a.pdf", ARABIC_LINES[:1])
    monkeypatch.setattr(text_layer, "MAX_BYTES", path.stat().st_size - 1)
    assert _error(path).code is ErrorCode.TOO_LARGE


def _pages(count: int, contents: bytes) -> bytes:
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(count))
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            stream(contents),
            HELVETICA,
            *[raw_page(font=4, contents=3) for _ in range(count)],
        ]
    )


def _timed_error(path: Path) -> tuple[HawamishError, float]:
    start = time.process_time()
    error = _error(path)
    return error, time.process_time() - start


def test_hostile_files_end_within_ten_seconds(tmp_path: Path) -> None:
    many = tmp_path / "many-pages.pdf"
    many.write_bytes(_pages(text_layer.MAX_PAGES + 1, b"BT /F1 12 Tf 72 700 Td (page) Tj ET"))
    error, seconds = _timed_error(many)
    assert error.code is ErrorCode.TOO_LARGE and seconds < 10

    nested = tmp_path / "nested.pdf"
    nested.write_bytes(_pages(1, b"BT /F1 12 Tf 72 700 Td " + b"[" * 50_000 + b"]" * 50_000 + b" (x) Tj ET"))
    error, seconds = _timed_error(nested)
    assert error.code is ErrorCode.MALFORMED and seconds < 10

    deep = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    deep += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 3) for n in range(5000)]
    deep += [raw_page(font=5004, contents=5003, parent=5001), stream(b"BT ET"), HELVETICA]
    tree = tmp_path / "deep-tree.pdf"
    tree.write_bytes(raw_pdf(deep))
    error, seconds = _timed_error(tree)
    assert error.code is ErrorCode.MALFORMED and seconds < 10

    # every page under the limit, but each one slow to read: the time budget ends it
    heavy = tmp_path / "heavy.pdf"
    heavy.write_bytes(_pages(900, b"BT /F1 12 Tf 72 700 Td " + b"(ab) Tj 1 0 Td " * 4000 + b"ET"))
    error, seconds = _timed_error(heavy)
    assert error.code is ErrorCode.TOO_LARGE and seconds < 10


# --- wiring ------------------------------------------------------------------------------------------------


def test_pdf_files_are_read_through_the_registry(tmp_path: Path) -> None:
    path = arabic_pdf(tmp_path / "column.PDF", ARABIC_LINES, heading="عنوان المقال")
    meta, blocks = read_article(path)
    assert meta.title == "عنوان المقال"
    assert [b.text for b in blocks] == ARABIC_LINES


def test_a_folder_of_pdfs_imports_into_a_library_one_result_a_file(tmp_path: Path, library) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    arabic_pdf(folder / "a.pdf", ARABIC_LINES, heading="عنوان المقال")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4 not really")
    results = library.import_paths([folder])
    assert [(Path(r.path).name, r.status) for r in results] == [("a.pdf", "imported"), ("b.pdf", "failed")]
    assert results[1].error is not None and results[1].error.code is ErrorCode.MALFORMED
    article = library.articles.get(results[0].article_id)
    assert article.title == "عنوان المقال"
    assert article.text == "\n".join(ARABIC_LINES)


def test_importing_the_importers_does_not_load_pypdf() -> None:
    script = "import sys, reader.core.importers; print('pypdf' in sys.modules, 'fpdf' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_amiri_ships_with_the_app() -> None:
    assert AMIRI.is_file()


# --- the shared books (opt-in) -----------------------------------------------------------------------------


@pytest.mark.corpus
@needs_shared("books")
@pytest.mark.parametrize(
    ("name", "title", "opening"),
    [
        (
            "nils-olav.pdf",
            "Nils Olav",
            "Brigadier Sir Nils Olav III is a king penguin who resides in Edinburgh",
        ),
        (
            "widdershins.pdf",
            "Widdershins",
            "Widdershins (sometimes withershins, widershins or widderschynnes)",
        ),
    ],
)
def test_the_english_print_outs_import_sensibly(name: str, title: str, opening: str) -> None:
    meta, blocks = read_pdf(shared_path("books", name))
    assert meta.title == title
    assert meta.url == f"https://en.wikipedia.org/wiki/{title.replace(' ', '_')}"  # from the running footer
    assert meta.language == "en"
    assert meta.published == ("2020-08-25" if name.startswith("nils") else "2020-08-21")
    paragraphs = [b.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert any(p.startswith(opening) for p in paragraphs)
    body = canonical_text(blocks)
    assert "- Wikipedia" not in body  # the running header
    assert "1/3" not in body  # the running footer's page numbers
    assert any(b.kind is BlockKind.HEADING and b.text == "See also" for b in blocks)

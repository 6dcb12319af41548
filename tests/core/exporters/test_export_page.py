"""Research page exports: PDF read back with pdftotext (quotes, note numbers, references, Arabic in logical
order, a deleted quote said), Markdown with footnotes; the export request's page scope."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.citations import CitedPassage, plain_citation
from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest
from reader.core.library import Library
from tests.core import export_seed
from tests.core.export_seed import FIXED_NOW, QUOTES
from tests.core.exporters.test_export_pdf import fold, pdffonts, pdftotext

INTRO = "تقارن هذه الصفحة بين **روايتين** للهجوم."
BETWEEN = "Then the English coverage:"


def _page(library: Library) -> tuple[int, list[int]]:
    export_seed.build(library)
    ids = [h.id for h in library.highlights.query()]
    page = library.pages.create("مراجعة: هجوم موسكو")
    deleted = library.highlights.delete(ids[2]).id
    text = f"{INTRO}\n\n{{{{quote {ids[0]}}}}}\n\n{{{{quote {deleted}}}}}\n\n{BETWEEN}\n\n{{{{quote {ids[3]}}}}}\n"
    library.pages.update(page.id, text=text)
    return page.id, ids


def test_page_pdf_reads_back_in_logical_order(library: Library, tmp_path: Path) -> None:
    page_id, ids = _page(library)
    out = tmp_path / "page.pdf"
    summary = library.export(ExportRequest(format="pdf", page=str(page_id)), out, now=lambda: FIXED_NOW)
    assert summary.highlights == 2 and summary.articles == 2 and summary.pages == 1
    assert all(row[-5] == "yes" for row in pdffonts(out) if len(row) >= 5)  # every font embedded
    text = fold(pdftotext(out))
    for expected in (
        "مراجعة: هجوم موسكو",
        "تقارن هذه الصفحة بين روايتين للهجوم.",
        QUOTES[0][0],  # Arabic quote, letters in logical order
        "a wake-up call",
        "المراجع",
        # runs of one direction: pdftotext places neutral punctuation between runs by its own rules
        "كاتب الرأي",
        "تنظيم داعش: عودة القوة والتهديدات لروسيا",
        "Seed Outlet",
        "تاريخ الاطلاع",
        "ISIS-K and Russia",
        "https://example.org/opinion/isis-moscow",
        f"اقتباس محذوف: لم يعد التظليل {str(ids[2]).translate(str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩'))}",
    ):
        assert fold(expected) in text, expected
    assert QUOTES[2][0] not in pdftotext(out)  # the deleted highlight's words are not made up
    assert text.index(fold("المراجع")) > text.index(fold("a wake-up call"))  # references at the end


def test_page_markdown_footnotes(library: Library, tmp_path: Path) -> None:
    _, ids = _page(library)
    out = tmp_path / "page.md"
    library.export(ExportRequest(format="md", page="مراجعة: هجوم موسكو"), out, now=lambda: FIXED_NOW)
    md = out.read_text("utf-8")
    assert "# مراجعة: هجوم موسكو" in md and INTRO in md and BETWEEN in md
    assert f"> {QUOTES[0][0]}[^1]" in md
    assert "> a wake\\-up call[^2]" in md or "> a wake-up call[^2]" in md
    assert f"اقتباس محذوف: لم يعد التظليل {ids[2]} في المكتبة" in md
    notes = re.findall(r"^\[\^(\d+)\]: (.+)$", md, flags=re.M)
    assert [n for n, _ in notes] == ["1", "2"]
    seed = CitedPassage(
        "",
        export_seed.seed_title(),
        "كاتب الرأي",
        "Seed Outlet",
        "2024-03-24",
        "https://example.org/opinion/isis-moscow",
    )
    assert notes[0][1] == plain_citation(seed, "ar", accessed="2026-01-15", with_quote=False)
    assert "{{quote" not in md


def test_english_page_and_language_override(library: Library, tmp_path: Path) -> None:
    export_seed.build(library)
    highlight = library.highlights.query()[-1]
    page = library.pages.add_quote(library.pages.create("Literature review").id, highlight.id)
    out = tmp_path / "en.md"
    library.export(ExportRequest(format="md", page=str(page.id)), out, now=lambda: FIXED_NOW)
    assert (
        "[^1]: A. Writer, “ISIS-K and Russia,” Example Times, March 25, 2024, accessed January 15, 2026."
        in (out.read_text("utf-8"))
    )
    library.export(ExportRequest(format="md", page=str(page.id), language="ar"), out, now=lambda: FIXED_NOW)
    assert "«ISIS-K and Russia»" in out.read_text("utf-8")


def test_page_scope_is_checked(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        ExportRequest(format="csv", page="1")
    with pytest.raises(ValueError):
        ExportRequest(format="pdf", page="1", all_articles=True)
    with pytest.raises(HawamishError) as missing:
        library.export(ExportRequest(format="md", page="nothing"), tmp_path / "x.md")
    assert missing.value.code == ErrorCode.NOT_FOUND
    assert not (tmp_path / "x.md").exists()

"""The export's own words (headings, default label names, the export date) follow the export language.

An Arabic export says التظليلات and ادّعاء, an English one Highlights and Claim; a label the user renamed
keeps the user's name in both; the meta line of a highlight ("1. Claim · ¶ 3 · #tag") keeps its fragments in
order in an Arabic line, read back from the PDF's text layer direction run by direction run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.core.exporters import ExportRequest
from reader.core.exporters.phrases import format_date, label_name, majority_language, strip_isolates
from reader.core.library import Library
from tests.core import export_seed
from tests.core.export_seed import FIXED_NOW
from tests.core.exporters.test_export_pdf import direction_runs, fold, pdfinfo, pdftotext, words_only

ARABIC_WORDS = ("التظليلات", "ملاحظة", "ادّعاء", "مصدر مقتبس", "صُدِّرت في", "١٥يناير")  # مهم is in a note too
ENGLISH_WORDS = ("Highlights", "Note", "Claim", "Source quoted", "Important", "Exported")


@pytest.fixture
def seeded(library: Library) -> tuple[Library, int, int]:
    seed_id, en_id = export_seed.build(library)
    return library, seed_id, en_id


def _export(library: Library, tmp_path: Path, fmt: str, name: str, **kwargs) -> Path:
    out = tmp_path / name
    library.export(ExportRequest(format=fmt, **kwargs), out, now=lambda: FIXED_NOW)
    return out


def test_phrasebook_helpers() -> None:
    assert label_name("claim", "Claim", "ar") == "ادّعاء"
    assert label_name("claim", "Claim", "en") == "Claim"
    assert label_name("claim", "Thesis", "ar") == "Thesis"  # renamed by the user: kept
    assert label_name("custom", "Custom", "ar") == "Custom"
    assert format_date("2026-01-15T09:30:00Z", "en") == "15 January 2026"
    assert format_date("2026-01-15T09:30:00Z", "ar") == "١٥ يناير ٢٠٢٦"
    assert format_date("sometime", "ar") == "sometime"
    assert majority_language(["ar", "ar", "en"]) == "ar"
    assert majority_language(["ar", "en"]) == "en"
    assert majority_language([]) == "en"
    with pytest.raises(ValueError):
        ExportRequest(all_articles=True, language="fr")


@pytest.mark.parametrize(
    ("language", "present", "absent"),
    [("ar", ARABIC_WORDS, ENGLISH_WORDS), ("en", ENGLISH_WORDS, ARABIC_WORDS)],
)
def test_pdf_section_words_and_labels_in_the_export_language(
    seeded, tmp_path: Path, language: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    library, seed_id, _ = seeded
    text = fold(
        pdftotext(_export(library, tmp_path, "pdf", "notes.pdf", article_ids=(seed_id,), language=language))
    )
    assert [w for w in present if fold(w) not in text] == []
    assert [w for w in absent if fold(w) in text] == []


def test_pdf_subject_in_the_export_language(seeded, tmp_path: Path) -> None:
    library, seed_id, _ = seeded
    info = pdfinfo(_export(library, tmp_path, "pdf", "ar.pdf", article_ids=(seed_id,), language="ar"))
    assert info["Subject"] == "ملاحظات على المقالات: 1، التظليلات: 3"


def test_default_language_follows_the_articles(seeded, tmp_path: Path) -> None:
    library, seed_id, en_id = seeded
    arabic = _export(library, tmp_path, "md", "ar.md", article_ids=(seed_id,)).read_text("utf-8")
    english = _export(library, tmp_path, "md", "en.md", article_ids=(en_id,)).read_text("utf-8")
    chosen = _export(library, tmp_path, "md", "chosen.md", article_ids=(en_id,), language="ar").read_text(
        "utf-8"
    )
    assert "## التظليلات" in arabic and "## Highlights" not in arabic
    assert "## Highlights" in english and "Evidence" in english
    assert "## التظليلات" in chosen and "دليل" in chosen  # the asked language wins over the articles'


def test_html_and_csv_in_arabic(seeded, tmp_path: Path) -> None:
    library, seed_id, _ = seeded
    html = _export(library, tmp_path, "html", "notes.html", article_ids=(seed_id,)).read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert "١٥ يناير ٢٠٢٦" in strip_isolates(html) and "<b><bdi>ادّعاء</bdi></b>" in html
    csv_text = _export(library, tmp_path, "csv", "notes.csv", article_ids=(seed_id,)).read_text("utf-8-sig")
    assert "ادّعاء" in csv_text and "Claim" not in csv_text


def test_renamed_label_keeps_its_name(seeded, tmp_path: Path) -> None:
    library, seed_id, _ = seeded
    library.labels.update("claim", name="Thesis")
    for language in ("ar", "en"):
        pdf = fold(
            pdftotext(
                _export(
                    library, tmp_path, "pdf", f"{language}.pdf", article_ids=(seed_id,), language=language
                )
            )
        )
        md = _export(
            library, tmp_path, "md", f"{language}.md", article_ids=(seed_id,), language=language
        ).read_text("utf-8")
        assert "Thesis" in pdf and "Thesis" in md
        assert fold("ادّعاء") not in pdf and "Claim" not in pdf
    # the other labels still follow the language
    assert "مصدر مقتبس" in (tmp_path / "ar.md").read_text("utf-8")


def test_meta_line_order_survives_pdftotext(seeded, tmp_path: Path) -> None:
    """'1. ادّعاء · ¶ 3 · #casualties #داعش' in an Arabic line: the Latin tag between two Arabic runs and the
    numbers stay where they are, and no isolate character reaches the text layer."""
    library, seed_id, _ = seeded
    raw = pdftotext(_export(library, tmp_path, "pdf", "notes.pdf", article_ids=(seed_id,), language="ar"))
    assert "\u2068" not in raw and "\u2069" not in raw
    lines = [ln for ln in raw.splitlines() if "ادّعاء" in ln]
    assert len(lines) == 1, lines
    # digits next to a Latin run are visually ambiguous to pdftotext, so compare the letter runs in order
    runs = [r for r in direction_runs(lines[0]) if not r.isdigit()]
    letters = ["".join(c for c in r if not c.isdigit()) for r in runs]
    assert [x for x in letters if x] == ["ادّعاء", "casualties", "داعش"]
    third = next(ln for ln in raw.splitlines() if "¶" in ln and "مهم" in ln)
    assert words_only(third) == "٣مهم١٦"  # the Arabic export writes its numbers in Arabic-Indic digits


def test_cli_lang_option(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        export_seed.build(library)
    out = tmp_path / "notes.md"
    assert main(["--library", str(folder), "export", "1", "--lang", "en", "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    assert "## Highlights" in text and "**\u2068Claim\u2069**" in text

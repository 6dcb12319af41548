"""PDF export read back with poppler: fonts embedded, text layer gives every quote and note back.

The comparison folds text as ../shared/tools/pdf-text-check does (NFKC, no direction marks, no whitespace),
so only the letters and their logical order count. poppler-utils is installed by the set-up script; these
tests fail (they do not skip) when pdftotext is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from reader.core.exporters import ExportRequest
from reader.core.exporters.pdf_markdown import note_paragraphs
from reader.core.library import Library
from tests.core import export_seed
from tests.core.export_seed import ARTICLE_NOTE, FIXED_NOW, NOTE_3, QUOTES

MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c not in MARKS and not c.isspace())


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install poppler-utils (the set-up script does)"
    return path


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        [_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdffonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return [row.split() for row in out.splitlines()[2:] if row.strip()]


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def note_texts(note: str) -> list[str]:
    """What a reader sees of a Markdown note, paragraph by paragraph (no markup, no bullets)."""
    return [p.plain for p in note_paragraphs(note)]


@pytest.fixture
def seeded(library: Library) -> Library:
    export_seed.build(library)
    return library


def _pdf(library: Library, tmp_path: Path, name: str = "notes.pdf", **kwargs) -> Path:
    kwargs.setdefault("all_articles", True)
    out = tmp_path / name
    library.export(ExportRequest(format="pdf", **kwargs), out, now=lambda: FIXED_NOW)
    return out


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export of the seed library shared by the read-only checks (PDF rendering is the slow part)."""
    folder = tmp_path_factory.mktemp("seed-pdf")
    with Library(folder / "library") as library:
        export_seed.build(library)
        return _pdf(library, folder)


def test_every_font_is_embedded(seeded: Library, tmp_path: Path) -> None:
    rows = pdffonts(_pdf(seeded, tmp_path, include_article_text=True))
    assert rows, "no fonts listed"
    for cols in rows:
        assert cols[-5] == "yes", f"font not embedded: {cols}"
    assert any("Amiri" in cols[0] for cols in rows)


_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")


def direction_runs(text: str) -> list[str]:
    """The words of `text` grouped into runs of one direction (digits stay with the run they are in).

    pdftotext rebuilds logical order from glyph positions; a neutral character sitting exactly where an
    Arabic run meets an English one (the colon in "رقم مهم: the toll") is visually ambiguous and it may put it
    on the other side. Mixed-direction notes are therefore compared run by run, on their words.
    """
    runs: list[list[str]] = []
    current = None
    for word in _WORD.findall(unicodedata.normalize("NFKC", text)):
        strong = next(
            (unicodedata.bidirectional(c) for c in word if unicodedata.bidirectional(c) in "LRAL"), None
        )
        direction = None if strong is None else ("rtl" if strong in ("R", "AL") else "ltr")
        if not runs or (direction is not None and current is not None and direction != current):
            runs.append([])
        if direction is not None:
            current = direction
        runs[-1].append(word)
    return ["".join(run) for run in runs]


def words_only(text: str) -> str:
    return "".join(_WORD.findall(unicodedata.normalize("NFKC", text)))


def test_text_layer_gives_back_quotes(seed_pdf: Path) -> None:
    text = fold(pdftotext(seed_pdf))
    expected = [q for q, _, _, _ in QUOTES] + [
        "a wake-up call",
        "ISIS-K and Russia",
        "مقارنة مع هجوم باريس (130 شخصًا)",
        NOTE_3,
    ]
    missing = [e for e in expected if fold(e) not in text]
    assert not missing, f"not given back by pdftotext: {missing}"
    for vocalised in ("شخصًا", "فادحًا", "(130شخصًا)"):
        assert fold(vocalised) in text


def test_text_layer_gives_back_notes(seed_pdf: Path) -> None:
    text = words_only(pdftotext(seed_pdf))
    notes = [note for _, _, note, _ in QUOTES] + [
        ARTICLE_NOTE,
        "Compare: **نداء إيقاظ**.",
        export_seed.seed_title(),
    ]
    missing = [
        run for note in notes for para in note_texts(note) for run in direction_runs(para) if run not in text
    ]
    assert not missing, f"not given back by pdftotext: {missing}"
    assert "رقممهم" in text and "thedeathtollof133isCNNsfigure" in text


def test_citation_block_is_complete(seed_pdf: Path) -> None:
    text = fold(pdftotext(seed_pdf))
    for part in (
        "كاتب الرأي",
        "Seed Outlet",
        "2024-03-24",
        "https://example.org/opinion/isis-moscow",
        "Exported15January2026",
    ):  # one Arabic and one English article: an English export
        assert fold(part) in text, part


def test_metadata_page_size_and_outline(seeded: Library, tmp_path: Path) -> None:
    a4 = pdfinfo(_pdf(seeded, tmp_path, "a4.pdf"))
    letter = pdfinfo(_pdf(seeded, tmp_path, "letter.pdf", page_size="Letter"))
    assert a4["Page size"].startswith("595.28 x 841.89")
    assert letter["Page size"].startswith("612 x 792")
    assert a4["Title"] == "Hawamish notes" and "كاتب الرأي" in a4["Author"]
    assert a4["Subject"].startswith("Notes on 2 article(s), 4 highlight(s)")
    raw = (tmp_path / "a4.pdf").read_bytes()
    assert b"/Outlines" in raw and raw.count(b"/Parent") >= 2  # one bookmark per article


def test_page_count_grows_with_notes(seeded: Library, tmp_path: Path) -> None:
    before = int(pdfinfo(_pdf(seeded, tmp_path, "before.pdf"))["Pages"])
    store = seeded.highlights
    long_note = "\n\n".join(
        f"ملاحظة طويلة رقم {i} عن الحجة والأدلة المتاحة في هذا المقال: needs **more** evidence."
        for i in range(40)
    )
    for h in store.for_article(1):
        store.update(h.id, note=long_note)
    after_path = _pdf(seeded, tmp_path, "after.pdf")
    after = int(pdfinfo(after_path)["Pages"])
    assert after > before
    text = words_only(pdftotext(after_path))
    assert all(
        run in text
        for run in direction_runs(
            "ملاحظة طويلة رقم 39 عن الحجة والأدلة المتاحة في هذا المقال: needs more evidence."
        )
    )


def test_annotated_article_text_is_included(seeded: Library, tmp_path: Path) -> None:
    plain = _pdf(seeded, tmp_path, "plain.pdf")
    full = _pdf(seeded, tmp_path, "full.pdf", include_article_text=True)
    last_paragraph = export_seed.seed_blocks()[-2].text  # a paragraph without highlights
    assert words_only(last_paragraph) not in words_only(pdftotext(plain))
    assert words_only(last_paragraph) in words_only(pdftotext(full))
    assert int(pdfinfo(full)["Pages"]) > int(pdfinfo(plain)["Pages"])


def test_highlight_starting_inside_a_word(seeded: Library, tmp_path: Path) -> None:
    """A highlight that starts at ر inside داعش-خراسان: the whole word still comes back in the text."""
    text = export_seed.seed_blocks()
    canonical = "\n".join(b.text for b in text)
    start = canonical.index("داعش-خراسان في أفغانستان") + len("داعش-خ")
    seeded.highlights.create(1, start, start + 12, color="question", note="inside a word")
    out = _pdf(seeded, tmp_path, include_article_text=True)
    assert words_only("داعش-خراسان في أفغانستان") in words_only(pdftotext(out).replace("[4]", ""))


def test_empty_selection_still_writes_a_pdf(library: Library, tmp_path: Path) -> None:
    out = _pdf(library, tmp_path)
    assert int(pdfinfo(out)["Pages"]) == 1

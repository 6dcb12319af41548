"""Markdown, HTML, CSV and JSON exports: golden files (fixed clock, stable order) and reading them back.

Regenerate the golden files after an intended change with UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest
from reader.core.library import Library
from tests.core import export_seed
from tests.core.export_seed import FIXED_NOW, GOLDEN, NOTE_1, QUOTES


@pytest.fixture
def seeded(library: Library) -> tuple[Library, int, int]:
    seed_id, en_id = export_seed.build(library)
    return library, seed_id, en_id


def _export(library: Library, tmp_path: Path, fmt: str, **kwargs) -> Path:
    kwargs.setdefault("all_articles", True)
    out = tmp_path / f"notes.{fmt}"
    library.export(ExportRequest(format=fmt, **kwargs), out, now=lambda: FIXED_NOW)
    return out


@pytest.mark.parametrize(
    ("fmt", "golden", "with_text"),
    [
        ("md", "notes.md", True),
        ("html", "notes.html", True),
        ("csv", "notes.csv", False),
        ("json", "notes.json", False),
    ],
)
def test_golden_files(seeded, tmp_path: Path, fmt: str, golden: str, with_text: bool) -> None:
    library, _, _ = seeded
    out = _export(library, tmp_path, fmt, include_article_text=with_text)
    expected = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(out.read_bytes())
    assert out.read_bytes() == expected.read_bytes(), f"{fmt} export differs from {expected}"


def test_markdown_front_matter_and_blockquotes(seeded, tmp_path: Path) -> None:
    library, seed_id, _ = seeded
    text = _export(library, tmp_path, "md", all_articles=False, article_ids=(seed_id,)).read_text("utf-8")
    front, body = text.split("\n---\n", 1)
    assert front.startswith("---\ntitle: ")
    assert '"author": ' not in front and 'author: "كاتب الرأي"' in front
    assert 'url: "https://example.org/opinion/isis-moscow"' in front
    assert body.count("\n> ") >= 3  # every quote is a blockquote
    assert "> ما لا يقل عن 133 شخصًا" in body
    # one Arabic article: an Arabic export; label and paragraph isolated (FSI … PDI), tags bare
    assert "— **\u2068ادّعاء\u2069** · \u2068¶ ٣\u2069 · #casualties #داعش" in body
    assert "- مقارنة مع هجوم باريس (130 شخصًا)" in body  # the note's Markdown list survives


def test_csv_has_bom_and_one_row_per_highlight(seeded, tmp_path: Path) -> None:
    library, _, _ = seeded
    raw = _export(library, tmp_path, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 4
    first = rows[0]
    assert (first["article"], first["paragraph"], first["color_label"]) == (
        export_seed.seed_title(),
        "3",
        "Claim",
    )
    assert first["quote"] == QUOTES[0][0]
    assert first["note"] == NOTE_1  # newlines and quotes survive the csv quoting
    assert first["tags"] == "casualties; داعش"


def test_csv_cells_that_would_run_as_formulas_are_text(seeded, tmp_path: Path) -> None:
    library, seed_id, _ = seeded
    store = library.highlights
    notes = {
        '=HYPERLINK("http://evil.example","انقر")': '\'=HYPERLINK("http://evil.example","انقر")',
        "- نقطة أولى\n- نقطة ثانية": "'- نقطة أولى\n- نقطة ثانية",
        "+966 رقم": "'+966 رقم",
        "@mention": "'@mention",
        "ملاحظة = عادية": "ملاحظة = عادية",  # only the first character counts
    }
    for i, note in enumerate(notes):
        store.create(seed_id, 10 * i, 10 * i + 5, note=note)
    rows = list(
        csv.DictReader(io.StringIO(_export(library, tmp_path, "csv").read_text("utf-8-sig"), newline=""))
    )
    written = {r["note"] for r in rows}
    assert set(notes.values()) <= written
    assert not any(r["note"].startswith(("=", "+", "-", "@")) for r in rows)
    assert all(r["start"].isdigit() for r in rows)  # numbers are left alone


def test_html_is_self_contained_with_explicit_dir(seeded, tmp_path: Path) -> None:
    library, _, _ = seeded
    html = _export(library, tmp_path, "html", include_article_text=True).read_text("utf-8")
    assert "<script" not in html and "<link" not in html and 'src="' not in html
    assert '<p dir="rtl">ما لا يقل عن 133 شخصًا</p>' in html
    assert "<strong>مهم</strong>" in html and '<li dir="ltr">check the' in html
    assert 'dir="auto"' not in html
    assert 'style="--c: #f4c430"' in html  # the claim label's colour
    assert 'data-highlight="1">ما لا يقل عن 133 شخصًا</mark>' in html


def test_html_note_cannot_inject_markup(seeded, tmp_path: Path) -> None:
    library, seed_id, _ = seeded
    store = library.highlights
    hid = store.for_article(seed_id)[0].id
    store.update(hid, note="<script>alert(1)</script> <img src=x>")
    html = _export(library, tmp_path, "html").read_text("utf-8")
    assert "<script>" not in html and "<img" not in html


def test_json_is_web_annotation(seeded, tmp_path: Path) -> None:
    library, seed_id, _ = seeded
    data = json.loads(_export(library, tmp_path, "json").read_text("utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == 5  # one article note + four highlights
    highlights = [a for a in items if a["hawamish"]["kind"] == "highlight"]
    first = highlights[0]
    assert first["type"] == "Annotation" and first["id"].startswith("urn:uuid:")
    assert first["created"] == "2025-12-01T10:00:00Z"
    bodies = {b["purpose"]: b for b in first["body"] if b["purpose"] != "tagging"}
    assert bodies["commenting"] == {
        "type": "TextualBody",
        "value": NOTE_1,
        "format": "text/markdown",
        "purpose": "commenting",
    }
    assert bodies["classifying"]["value"] == "claim"
    assert sorted(b["value"] for b in first["body"] if b["purpose"] == "tagging") == ["casualties", "داعش"]
    target = first["target"]
    assert target["source"] == "https://example.org/opinion/isis-moscow"
    quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
    position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
    text = library_text(library, seed_id)
    assert text[position["start"] : position["end"]] == quote["exact"] == QUOTES[0][0]
    assert text[: position["start"]].endswith(quote["prefix"]) and text[position["end"] :].startswith(
        quote["suffix"]
    )
    en = highlights[-1]
    assert en["target"]["source"].startswith("urn:sha256:")  # no URL: the content hash names the article


def library_text(library: Library, article_id: int) -> str:
    return library.articles.get(article_id).text


def test_filters_and_sort(seeded, tmp_path: Path) -> None:
    library, _, _ = seeded
    rows = lambda p: list(csv.DictReader(io.StringIO(p.read_text("utf-8-sig"), newline="")))  # noqa: E731
    only_claims = rows(_export(library, tmp_path, "csv", colors=("claim", "evidence")))
    assert [r["color"] for r in only_claims] == ["claim", "evidence"]
    tagged = rows(_export(library, tmp_path, "csv", tags=("sources",)))
    assert [r["quote"] for r in tagged] == [QUOTES[1][0]]
    by_tag_scope = rows(_export(library, tmp_path, "csv", all_articles=False, tag="framing"))
    assert {r["article"] for r in by_tag_scope} == {"ISIS-K and Russia"}
    store = library.highlights
    last = store.for_article(1)[-1]
    db = sqlite3.connect(library.db_path)  # make the last highlight the oldest (no Library call sets a time)
    with db:
        db.execute("UPDATE highlights SET created = '2025-01-01T00:00:00Z' WHERE id = ?", (last.id,))
    db.close()
    by_date = rows(_export(library, tmp_path, "csv", sort="date"))
    assert by_date[0]["highlight_id"] == str(last.id)


def test_unknown_article_is_not_found(seeded, tmp_path: Path) -> None:
    library, _, _ = seeded
    with pytest.raises(HawamishError) as info:
        _export(library, tmp_path, "md", all_articles=False, article_ids=(999,))
    assert info.value.code == ErrorCode.NOT_FOUND


def test_request_needs_one_scope() -> None:
    with pytest.raises(ValueError):
        ExportRequest(format="md")
    with pytest.raises(ValueError):
        ExportRequest(format="md", all_articles=True, tag="x")
    with pytest.raises(ValueError):
        ExportRequest(format="docx", all_articles=True)

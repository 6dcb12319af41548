"""A notebook selection exported as one document grouped as shown (`ExportRequest.sections`), in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.core.exporters import ExportRequest, ExportSection
from reader.core.library import Library
from reader.core.notes import NotesFilter
from tests.core import notebook_seed
from tests.core.exporters.test_export_pdf import fold, pdftotext
from tests.core.notebook_seed import AR1_QUOTE, AR2_QUOTE, ECONOMY, EN_QUOTE, SECURITY, NotebookSeed


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> NotebookSeed:
    return notebook_seed.build(tmp_path_factory.mktemp("sections") / "library")


def sections_by_collection(library: Library) -> tuple[ExportSection, ...]:
    groups = library.notes(NotesFilter(), group_by="collection")
    return tuple(ExportSection(g.label or "—", tuple(i.highlight.id for i in g.items)) for g in groups)


def export(
    seeded: NotebookSeed, tmp_path: Path, fmt: str, sections: tuple[ExportSection, ...] | None = None
) -> Path:
    path = tmp_path / f"notebook.{fmt}"
    with Library(seeded.dir) as library:
        request = ExportRequest(format=fmt, sections=sections or sections_by_collection(library))
        summary = library.export(request, path)
    assert summary.highlights >= 1
    return path


def test_request_needs_exactly_one_scope() -> None:
    with pytest.raises(ValueError, match="scope"):
        ExportRequest(all_articles=True, sections=(ExportSection("x", (1,)),))


def test_markdown_heads_each_group_and_keeps_the_order(seeded: NotebookSeed, tmp_path: Path) -> None:
    text = export(seeded, tmp_path, "md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("# ")]
    assert headings == [f"# {SECURITY}", f"# {ECONOMY}", "# —"]
    security = text.index(f"\n# {SECURITY}\n")
    economy = text.index(f"\n# {ECONOMY}\n")
    assert security < text.index(AR1_QUOTE) < text.index(AR2_QUOTE) < economy
    assert text.count(AR2_QUOTE) == 2  # in both of its article's collections
    assert "## المسؤولية أولاً" in text  # the article's title one level under its group


def test_html_csv_and_json(seeded: NotebookSeed, tmp_path: Path) -> None:
    html = export(seeded, tmp_path, "html").read_text(encoding="utf-8")
    assert html.count('<h1 class="group"') == 3 and EN_QUOTE in html
    rows = list(csv.reader(io.StringIO(export(seeded, tmp_path, "csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "group"
    assert [(r[0], r[9]) for r in rows[1:]] == [
        (SECURITY, AR1_QUOTE),
        (SECURITY, AR2_QUOTE),
        (ECONOMY, AR2_QUOTE),
        ("—", EN_QUOTE),
    ]
    data = json.loads(export(seeded, tmp_path, "json").read_text(encoding="utf-8"))
    highlights = [a for a in data["first"]["items"] if a["hawamish"]["kind"] == "highlight"]
    assert [a["hawamish"]["highlight_id"] for a in highlights] == [
        seeded.responsibility,
        seeded.economy,
        seeded.council,
    ]  # each once, with every group it was exported under
    assert highlights[1]["hawamish"]["groups"] == [SECURITY, ECONOMY]


def test_pdf_gives_back_headings_and_quotes(seeded: NotebookSeed, tmp_path: Path) -> None:
    text = fold(pdftotext(export(seeded, tmp_path, "pdf")))
    for expected in (SECURITY, ECONOMY, AR1_QUOTE, AR2_QUOTE, EN_QUOTE):
        assert fold(expected) in text


def test_only_the_chosen_highlights_and_a_deleted_one_is_left_out(
    seeded: NotebookSeed, tmp_path: Path
) -> None:
    chosen = (ExportSection("Jane", (seeded.council, 999_999)), ExportSection("ar", (seeded.economy,)))
    text = export(seeded, tmp_path, "md", chosen).read_text(encoding="utf-8")
    assert EN_QUOTE in text and AR2_QUOTE in text and AR1_QUOTE not in text
    assert text.index("\n# Jane\n") < text.index(EN_QUOTE) < text.index("\n# ar\n") < text.index(AR2_QUOTE)

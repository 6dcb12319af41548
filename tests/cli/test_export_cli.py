"""`hawamish export` and `hawamish import FILE.json` through reader.cli.main."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library
from tests.core import export_seed


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        export_seed.build(library)
    return folder


def test_export_csv_with_color_filter(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.csv"
    code = main(
        ["export", "--all", "--color", "claim", "--format", "csv", "-o", str(out), "--library", str(lib_dir)]
    )
    assert code == 0
    assert "exported 1 highlight from 1 article" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert [r["color"] for r in rows] == ["claim"]


def test_export_json_summary_and_format_from_extension(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.pdf"
    code = main(
        [
            "--library",
            str(lib_dir),
            "--json",
            "export",
            "1",
            "--with-text",
            "--page-size",
            "Letter",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["format"] == "pdf" and summary["highlights"] == 3 and summary["pages"] >= 2
    assert out.read_bytes().startswith(b"%PDF")


def test_usage_errors(lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(lib_dir)]
    assert main(["export", "-o", str(tmp_path / "x.md"), *lib]) == 2  # no scope
    assert main(["export", "1", "--all", "-o", str(tmp_path / "x.md"), *lib]) == 2  # two scopes
    assert main(["export", "1", "-o", str(tmp_path / "x.docx"), *lib]) == 2  # unknown format
    assert main(["export", "1", "--format", "docx", "-o", str(tmp_path / "x.md"), *lib]) == 2
    assert not any(tmp_path.glob("x.*"))


def test_failures_exit_1_with_a_reason(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(lib_dir)]
    assert main(["export", "--all", "--color", "nope", "-o", str(tmp_path / "x.md"), *lib]) == 1
    assert "no colour label has that key" in capsys.readouterr().err
    assert main(["export", "99", "-o", str(tmp_path / "x.md"), *lib]) == 1
    assert "not found" in capsys.readouterr().err
    assert main(["export", "--all", "-o", str(tmp_path / "missing" / "x.md"), *lib]) == 1
    assert "cannot write there" in capsys.readouterr().err


def test_import_json_back(lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "notes.json"
    assert main(["export", "--all", "-o", str(out), "--library", str(lib_dir)]) == 0
    other = tmp_path / "other"
    with Library(other) as library:
        export_seed.add_seed_articles(library)
    capsys.readouterr()
    assert main(["--library", str(other), "--json", "import", str(out)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results[0]["status"] == "updated" and results[0]["article_id"] == 1
    with Library(other) as library, Library(lib_dir) as source:
        assert len(library.highlights.query()) == len(source.highlights.query()) == 4
    assert main(["--library", str(other), "--json", "import", str(out)]) == 0  # again: nothing new
    assert json.loads(capsys.readouterr().out)[0]["status"] == "duplicate"
    empty = tmp_path / "empty"
    Library(empty).close()
    assert main(["--library", str(empty), "import", str(out)]) == 1  # no matching article
    assert "not found: no article of the library matches" in capsys.readouterr().err

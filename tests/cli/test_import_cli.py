"""`hawamish import`: per-file lines, JSON results, exit statuses, and the real entry point in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import ROOT, SEED_TITLE

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_id_and_title_then_list_shows_it(capsys, library_dir: Path, seed_path: Path) -> None:
    code, out, err = run(capsys, "--library", library_dir, "import", seed_path)
    assert (code, err) == (0, "")
    assert out.split() == ["imported", "1", *SEED_TITLE.split()]
    code, out, _ = run(capsys, "--library", library_dir, "list", "--json")
    assert code == 0
    assert [a["title"] for a in json.loads(out)] == [SEED_TITLE]


def test_reimport_is_a_duplicate_and_still_exit_0(capsys, library_dir: Path, seed_path: Path) -> None:
    run(capsys, "--library", library_dir, "import", seed_path)
    code, out, err = run(capsys, "--library", library_dir, "import", seed_path)
    assert (code, err) == (0, "")
    assert out.split()[:2] == ["duplicate", "1"]
    code, out, _ = run(capsys, "--json", "--library", library_dir, "import", seed_path)
    assert code == 0
    assert json.loads(out) == [
        {"path": str(seed_path), "status": "duplicate", "article_id": 1, "title": SEED_TITLE, "error": None}
    ]


def test_bad_files_get_one_line_each_and_the_rest_is_imported(
    capsys, library_dir: Path, seed_path: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.md"
    good.write_text("# Good\n\nA paragraph.\n", encoding="utf-8")
    run(capsys, "--library", library_dir, "import", good)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "photo.txt"
    png.write_bytes(PNG_BYTES)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(0x80, 0x100)) * 20)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    missing = tmp_path / "missing.txt"
    odd = tmp_path / "notes.odt"
    odd.write_bytes(b"x")
    code, out, err = run(
        capsys, "--library", library_dir, "import", empty, png, seed_path, noise, huge, missing, odd
    )
    assert code == 1
    lines = err.splitlines()
    assert lines == [
        f"hawamish: {empty}: the file is empty (no text in it)",
        f"hawamish: {png}: this is a binary file, not text",
        f"hawamish: {noise}: the text encoding could not be recognised",
        f"hawamish: {huge}: the file is too large to import: 52428800 bytes, limit 20971520",
        f"hawamish: {missing}: no such file or folder",
        f"hawamish: {odd}: this file type is not supported",
    ]
    assert "Traceback" not in err
    assert out.split() == ["imported", "2", *SEED_TITLE.split()]
    code, out, _ = run(capsys, "--library", library_dir, "--json", "list")
    articles = {a["id"]: a for a in json.loads(out)}
    assert articles[1]["title"] == "Good" and articles[2]["title"] == SEED_TITLE
    assert len(articles) == 2


def test_json_results_for_a_mixed_batch(capsys, library_dir: Path, seed_path: Path, tmp_path: Path) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(PNG_BYTES)
    code, out, err = run(capsys, "--library", library_dir, "import", "--json", seed_path, png)
    assert code == 1
    assert err == f"hawamish: {png}: this is a binary file, not text\n"
    assert json.loads(out) == [
        {"path": str(seed_path), "status": "imported", "article_id": 1, "title": SEED_TITLE, "error": None},
        {
            "path": str(png),
            "status": "failed",
            "article_id": None,
            "title": None,
            "error": {"code": "binary", "message": "this is a binary file, not text"},
        },
    ]


def test_usage_error_exits_2(capsys, library_dir: Path) -> None:
    code, _, err = run(capsys, "--library", library_dir, "import")
    assert code == 2
    assert "PATH" in err


def test_import_and_list_through_the_real_entry_point(tmp_path: Path, seed_path: Path) -> None:
    library = tmp_path / "fresh"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    imported = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library), "import", str(seed_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert imported.returncode == 0, imported.stderr
    assert SEED_TITLE in imported.stdout
    listed = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library), "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    assert [a["title"] for a in json.loads(listed.stdout)] == [SEED_TITLE]

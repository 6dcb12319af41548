"""A library on a full disk or in a read-only folder: reading, searching and exporting elsewhere work; every
change fails with its cause named, and nothing is lost (tests/cli/mounts.py: real mounts, skipped where
mounting is not allowed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library
from tests.cli.mounts import fill, read_only_view, small_tmpfs
from tests.conftest import SEED_PATH

FULL = "no space left on the disk holding the library"
READ_ONLY = "the library folder is read-only"
WORD = "داعش"


def run(capsys: pytest.CaptureFixture[str], library_dir: Path, *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--library", str(library_dir), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def make_library(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    """One article with a highlight, searched once (so the index is built), then closed."""
    assert run(capsys, library_dir, "import", SEED_PATH)[0] == 0
    assert (
        run(capsys, library_dir, "highlight", "1", "--quote", WORD, "--occurrence", "1", "--note", "n1")[0]
        == 0
    )
    assert run(capsys, library_dir, "search", WORD)[0] == 0


def snapshot(capsys: pytest.CaptureFixture[str], library_dir: Path) -> object:
    code, out, err = run(capsys, library_dir, "show", "1", "--json")
    assert code == 0, err
    data = json.loads(out)
    code, out, _ = run(capsys, library_dir, "list", "--json")
    return data, json.loads(out)


def reading_works(capsys: pytest.CaptureFixture[str], library_dir: Path, elsewhere: Path) -> None:
    code, out, err = run(capsys, library_dir, "list")
    assert code == 0 and "تنظيم داعش" in out, err
    code, out, err = run(capsys, library_dir, "show", "1")
    assert code == 0 and WORD in out, err
    code, out, err = run(capsys, library_dir, "search", WORD)
    assert code == 0 and "article" in out, err
    assert "damaged" not in err
    code, out, err = run(capsys, library_dir, "export", "1", "-o", elsewhere / "notes.md")
    assert code == 0, err
    assert "n1" in (elsewhere / "notes.md").read_text(encoding="utf-8")
    code, out, err = run(capsys, library_dir, "notes")
    assert code == 0 and "n1" in out, err


def writes_fail(
    capsys: pytest.CaptureFixture[str], library_dir: Path, reason: str, import_file: Path
) -> dict[str, str]:
    """Every kind of change fails with `reason` naming the library; returns each command's message."""
    messages: dict[str, str] = {}
    commands = {
        "highlight": ["highlight", "1", "--quote", WORD, "--occurrence", "2"],
        "tag": ["tag", "1", "--add", "x"],
        "edit": ["edit", "1", "--title", "another"],
        "collection": ["collection", "add", "c", "1"],
        "import": ["import", import_file],
    }
    for name, argv in commands.items():
        code, out, err = run(capsys, library_dir, *argv)
        assert code == 1, (name, out, err)
        assert reason in err, (name, err)
        assert "Traceback" not in err and "damaged" not in err
        messages[name] = err.strip()
    assert messages["highlight"] == f"hawamish: {library_dir}: {reason}"
    assert messages["import"] == f"hawamish: {import_file}: {reason}"
    return messages


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path / "disk", "2m") as disk:
        yield disk


def test_a_full_disk_keeps_reading_and_names_the_cause_of_every_failed_change(
    capsys, tmp_path: Path, mounted: Path
) -> None:
    library_dir = mounted / "library"
    make_library(capsys, library_dir)
    before = snapshot(capsys, library_dir)
    new_file = tmp_path / "new.txt"
    new_file.write_text("عنوان جديد\n\nنص جديد.\n", encoding="utf-8")
    filler = fill(mounted)

    reading_works(capsys, library_dir, tmp_path)
    writes_fail(capsys, library_dir, FULL, new_file)
    code, _, err = run(capsys, library_dir, "export", "1", "-o", mounted / "notes.md")
    assert (code, err.strip()) == (1, f"hawamish: {mounted / 'notes.md'}: the disk is full")
    assert not (mounted / "notes.md").exists()
    code, _, err = run(capsys, library_dir, "backup", f"{library_dir / 'backups'}/")
    assert code == 1 and "the disk is full" in err, err
    assert not any((library_dir / "backups").glob("*")), "no temporary file left behind"
    code, _, err = run(capsys, library_dir, "backup", tmp_path / "elsewhere.sqlite3")
    assert code == 0, err

    filler.unlink()  # space again: nothing was lost, and changes work
    assert snapshot(capsys, library_dir) == before
    code, out, err = run(capsys, library_dir, "check", "--json")
    assert code == 0 and json.loads(out)["problems"] == [], err
    assert run(capsys, library_dir, "highlight", "1", "--quote", WORD, "--occurrence", "2")[0] == 0


def test_a_disk_filling_up_while_the_library_is_open(capsys, tmp_path: Path, mounted: Path) -> None:
    """The app holds the library open (its -shm file exists) when the disk fills: a big import fails with
    the cause, the other commands keep reading."""
    library_dir = mounted / "library"
    make_library(capsys, library_dir)
    before = snapshot(capsys, library_dir)
    big = tmp_path / "big.txt"
    big.write_text("مقال كبير\n\n" + "كلمة عربية طويلة نسبيا " * 60_000 + "\n", encoding="utf-8")
    with Library(library_dir) as held_open:
        filler = fill(mounted)
        code, _, err = run(capsys, library_dir, "import", big)
        assert (code, err.strip()) == (1, f"hawamish: {big}: {FULL}")
        reading_works(capsys, library_dir, tmp_path)
        assert held_open.articles.count() == 1
    filler.unlink()
    assert snapshot(capsys, library_dir) == before
    code, out, err = run(capsys, library_dir, "check", "--json")
    assert code == 0 and json.loads(out)["problems"] == [], err


def test_a_read_only_library_folder_keeps_reading_and_says_so(capsys, tmp_path: Path) -> None:
    source = tmp_path / "source"
    make_library(capsys, source / "library")
    before = snapshot(capsys, source / "library")
    new_file = tmp_path / "new.txt"
    new_file.write_text("عنوان جديد\n\nنص جديد.\n", encoding="utf-8")
    with read_only_view(source, tmp_path / "ro") as view:
        library_dir = view / "library"
        reading_works(capsys, library_dir, tmp_path)
        writes_fail(capsys, library_dir, READ_ONLY, new_file)
        code, _, err = run(capsys, library_dir, "reindex")
        assert (code, err.strip()) == (1, f"hawamish: {library_dir}: {READ_ONLY}")
        code, _, err = run(capsys, library_dir, "export", "1", "-o", view / "notes.md")
        assert (code, err.strip()) == (1, f"hawamish: {view / 'notes.md'}: cannot write there")
        code, _, err = run(capsys, library_dir, "backup", tmp_path / "elsewhere.sqlite3")
        assert code == 0, err
        code, out, err = run(capsys, library_dir, "check", "--json")
        assert code == 0 and json.loads(out)["problems"] == [], err
        assert snapshot(capsys, library_dir) == before
    assert snapshot(capsys, source / "library") == before

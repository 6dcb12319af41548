"""`hawamish page new|list|show|add-quote` and `export --page` (DESIGN §6: JSON fields, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.core import export_seed


def run(capsys: pytest.CaptureFixture[str], library_dir: Path, *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--library", str(library_dir), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_page_commands(capsys, library_dir: Path, tmp_path: Path) -> None:
    from reader.core.library import Library

    with Library(library_dir) as library:
        export_seed.build(library)
        ids = [h.id for h in library.highlights.query()]
    code, out, _ = run(capsys, library_dir, "page", "new", "مراجعة الأدبيات")
    assert code == 0 and out.strip() == "1"
    code, out, _ = run(capsys, library_dir, "page", "new", "Second", "--json")
    assert json.loads(out) == {**json.loads(out), "id": 2, "title": "Second", "text": "", "quotes": []}
    code, _, err = run(capsys, library_dir, "page", "new", "Second")
    assert code == 1 and err.strip() == "hawamish: a page titled Second already exists"

    assert run(capsys, library_dir, "page", "add-quote", "مراجعة الأدبيات", ids[0])[0] == 0
    assert run(capsys, library_dir, "page", "add-quote", "1", ids[3])[0] == 0
    code, _, err = run(capsys, library_dir, "page", "add-quote", "1", 999)
    assert code == 1 and "not found" in err and "999" in err
    code, _, err = run(capsys, library_dir, "page", "show", "nothing")
    assert code == 1 and "not found" in err
    code, _, err = run(capsys, library_dir, "page", "add-quote", "1", "not-a-number")
    assert code == 2

    code, out, _ = run(capsys, library_dir, "page", "show", "1", "--json")
    page = json.loads(out)
    assert page["quotes"] == [ids[0], ids[3]]
    assert page["text"] == f"{{{{quote {ids[0]}}}}}\n\n{{{{quote {ids[3]}}}}}\n"
    assert [q["state"] for q in page["rendered"]] == ["live", "live"]
    assert page["rendered"][0]["exact"] == export_seed.QUOTES[0][0]
    assert page["rendered"][1]["author"] == "A. Writer"

    with Library(library_dir) as library:
        library.highlights.delete(ids[0])
    code, out, _ = run(capsys, library_dir, "page", "show", "1")
    assert code == 0 and "deleted" in out and "A. Writer" in out
    code, out, _ = run(capsys, library_dir, "page", "list", "--json")
    assert sorted(p["title"] for p in json.loads(out)) == ["Second", "مراجعة الأدبيات"]

    target = tmp_path / "page.md"
    code, out, _ = run(capsys, library_dir, "export", "--page", "مراجعة الأدبيات", "-o", target)
    assert code == 0 and "1 quote" in out and "[^1]:" in target.read_text("utf-8")
    code, out, _ = run(
        capsys, library_dir, "export", "--page", "1", "--format", "pdf", "-o", tmp_path / "p.pdf"
    )
    assert code == 0 and (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, library_dir, "export", "--page", "1", "-o", tmp_path / "p.csv")
    assert code == 2 and "pdf or md" in err
    code, _, err = run(capsys, library_dir, "export", "--page", "1", "--all", "-o", target)
    assert code == 2

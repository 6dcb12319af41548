"""`hawamish tags list | rename | merge | delete`: the tag vocabulary on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library
from tests.core.tags_seed import TagsSeed, build_in


def run(capsys: pytest.CaptureFixture[str], library_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(library_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeded(library_dir: Path) -> TagsSeed:
    return build_in(library_dir)


def tag_list(capsys, library_dir: Path) -> dict[str, dict]:
    code, out, err = run(capsys, library_dir, "tags", "list", "--json")
    assert code == 0, err
    return {t["name"]: t for t in json.loads(out)}


def test_list_json_and_text(capsys, library_dir: Path, seeded: TagsSeed) -> None:
    tags = tag_list(capsys, library_dir)
    assert tags["security"] == {
        "name": "security",
        "parent": None,
        "highlights": 5,
        "articles": 4,
        "used": True,
    }
    assert tags["security/terrorism"]["parent"] == "security"
    code, out, _ = run(capsys, library_dir, "tags", "list")
    assert code == 0
    assert "  security/terrorism" in out  # a child is indented under its parent


def test_rename_merge_delete(capsys, library_dir: Path, seeded: TagsSeed) -> None:
    code, out, err = run(capsys, library_dir, "tags", "rename", "security", "safety", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["action"] == "rename" and result["into"] == "safety"
    assert len(result["highlights"]) == 5 and result["articles"] == [seeded.article_ids[2]]
    assert "safety/terrorism" in tag_list(capsys, library_dir)

    code, out, _ = run(capsys, library_dir, "tags", "merge", "economy", "english", "misc")
    assert code == 0 and out.startswith("merged economy, english into misc")
    names = set(tag_list(capsys, library_dir))
    assert {"misc", "misc/oil"} <= names and "economy" not in names

    code, _, err = run(capsys, library_dir, "tags", "delete", "safety")
    assert code == 2 and "add --yes" in err
    assert "safety" in tag_list(capsys, library_dir)
    code, out, _ = run(capsys, library_dir, "tags", "delete", "safety", "--yes")
    assert code == 0 and out.startswith("deleted safety")
    assert not any(n.startswith("safety") for n in tag_list(capsys, library_dir))
    with Library(library_dir) as library:
        assert library.highlights.get(seeded.highlight_ids[0]).tags == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("tags", "rename", "nothing", "x"), "not found"),
        (("tags", "rename", "security", " / "), "a name cannot be empty"),
        (("tags", "delete", "nothing"), "not found"),
    ],
)
def test_errors_are_one_line(
    capsys, library_dir: Path, seeded: TagsSeed, argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, library_dir, *argv)
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err


def test_usage_error(capsys, library_dir: Path) -> None:
    code, _, _ = run(capsys, library_dir, "tags", "merge", "only-one")
    assert code == 2

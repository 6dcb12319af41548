"""`hawamish related ID [--highlight HID]`: text and JSON output, errors, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.library import Library
from tests.cli.test_search_cli import run
from tests.core.search.test_related import FOOTBALL_1, OIL_1, add_topics


@pytest.fixture
def topics_dir(library_dir: Path) -> tuple[Path, dict[str, int]]:
    with Library(library_dir) as library:
        ids = add_topics(library, ("oil_1", "oil_2", "football_1", "football_2", "mixed"))
        text = library.articles.text(ids["mixed"])
        ids["highlight"] = library.highlights.create(ids["mixed"], text.index("وفي الرياضة"), len(text)).id
    return library_dir, ids


def test_related_json_lists_hits_like_search_hits(capsys, topics_dir) -> None:
    folder, ids = topics_dir
    code, out, err = run(capsys, "--library", folder, "related", ids["oil_1"], "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["article_id"] == ids["oil_1"]
    assert data["hits"][0]["article_id"] == ids["oil_2"]
    assert ids["oil_1"] not in [h["article_id"] for h in data["hits"]]
    for hit in data["hits"]:
        assert {"kind", "article_id", "highlight_id", "title", "score", "snippet", "hits"} <= hit.keys()
    assert data["terms"] and all(t["word"] for t in data["terms"])


def test_related_text_output_and_limit(capsys, topics_dir) -> None:
    folder, ids = topics_dir
    code, out, _ = run(capsys, "--library", folder, "related", ids["football_2"], "--limit", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("key words: ")
    assert FOOTBALL_1[0] in out and OIL_1[0] not in out
    assert len([line for line in lines if line.strip() and line.lstrip()[0].isdigit()]) == 1


def test_related_to_a_highlight(capsys, topics_dir) -> None:
    folder, ids = topics_dir
    code, out, _ = run(
        capsys, "--library", folder, "--json", "related", ids["mixed"], "--highlight", ids["highlight"]
    )
    assert code == 0
    data = json.loads(out)
    assert data["highlight_id"] == ids["highlight"]
    assert {h["article_id"] for h in data["hits"][:2]} == {ids["football_1"], ids["football_2"]}


def test_related_errors(capsys, topics_dir) -> None:
    folder, ids = topics_dir
    code, out, err = run(capsys, "--library", folder, "related", "999")
    assert code == 1 and out == "" and "not found" in err and "Traceback" not in err
    code, _out, err = run(
        capsys, "--library", folder, "related", ids["oil_1"], "--highlight", ids["highlight"]
    )
    assert code == 1 and "not found" in err
    code, _out, err = run(capsys, "--library", folder, "related", ids["oil_1"], "--limit", "0")
    assert code == 2 and "--limit" in err


def test_saved_search_on_the_command_line(capsys, topics_dir) -> None:
    folder, ids = topics_dir
    code, out, err = run(capsys, "--library", folder, "search", "--save", "نفط", "النفط", "--kind", "article")
    assert code == 0 and "saved as نفط" in err and OIL_1[0] in out
    code, out, _ = run(capsys, "--library", folder, "--json", "saved", "list")
    assert json.loads(out) == [
        {
            "name": "نفط",
            "query": "النفط",
            "filters": {"kinds": ["article"]},
            "created": json.loads(out)[0]["created"],
            "articles": 2,
        }
    ]
    code, out, _ = run(capsys, "--library", folder, "--json", "search", "--saved", "نفط")
    assert code == 0
    assert {h["article_id"] for h in json.loads(out)["hits"]} == {ids["oil_1"], ids["oil_2"]}
    with Library(folder) as library:  # the library changes: the smart collection follows
        library.articles.delete(ids["oil_2"])
    code, out, _ = run(capsys, "--library", folder, "--json", "list", "--saved", "نفط")
    assert [a["id"] for a in json.loads(out)] == [ids["oil_1"]]
    assert run(capsys, "--library", folder, "saved", "rename", "نفط", "oil")[0] == 0
    code, out, _ = run(capsys, "--library", folder, "saved", "list")
    assert "oil  النفط  [kinds=article]" in out
    assert run(capsys, "--library", folder, "saved", "delete", "oil")[0] == 0
    code, out, _ = run(capsys, "--library", folder, "saved", "list")
    assert out == ""
    code, _out, err = run(capsys, "--library", folder, "search", "--saved", "oil")
    assert code == 1 and "not found" in err
    code, _out, err = run(capsys, "--library", folder, "search")
    assert code == 2 and "--saved" in err

"""Regression tests for what the importer fuzzer (tests/core/importers/fuzzing.py) found: each hostile file
gets a clear refusal or a valid import, never an exception other than HawamishError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import read_article
from reader.core.importers.common import MAX_BLOCKS
from reader.core.importers.metadata_table import read_table
from reader.core.library import Library

PARAGRAPHS = "".join(
    f"<p>فقرة رقم {n} من عمود رأي طويل بما يكفي ليعرف المستخرج أنها نص المقال.</p>" for n in range(6)
)


def test_a_page_whose_json_ld_nests_deeply_is_read_from_its_other_sources(tmp_path: Path) -> None:
    """json.loads recurses: 100,000 brackets raised RecursionError out of the web-page reader."""
    nested = "[" * 100_000 + "]" * 100_000
    page = tmp_path / "nested-json-ld.html"
    page.write_text(
        f"<html><head><title>عمود</title><script type='application/ld+json'>{nested}</script></head>"
        f"<body><article>{PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    meta, blocks = read_article(page)
    assert meta.title == "عمود"
    assert any("فقرة رقم 3" in block.text for block in blocks)


def test_a_metadata_table_that_nests_deeply_is_refused_with_its_line(tmp_path: Path) -> None:
    table = tmp_path / "manifest.jsonl"
    table.write_text('{"file": "a.txt"}\n{"file": "b.txt", "title": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    with pytest.raises(HawamishError) as raised:
        read_table(table)
    assert raised.value.code is ErrorCode.MALFORMED
    assert "line 2" in raised.value.detail


def test_a_lone_surrogate_in_a_metadata_table_becomes_a_replacement_character(
    library: Library, tmp_path: Path
) -> None:
    """JSON may escape a lone surrogate; storing it raised UnicodeEncodeError out of Library.import_paths."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "article.txt").write_text("عنوان\n\nفقرة من مقال.\n", encoding="utf-8")
    (folder / "manifest.jsonl").write_text(
        json.dumps({"file": "article.txt", "title": "\ud800عنوان", "tags": ["\udfff", "رأي"]}) + "\n"
    )
    [result] = library.import_paths([folder])
    assert result.status == "imported", result.error
    article = library.articles.get(result.article_id)  # type: ignore[arg-type]
    assert article.title == "\ufffdعنوان"


def test_a_text_of_millions_of_lines_is_refused_before_it_fills_the_memory(tmp_path: Path) -> None:
    """A 4 MB file of one-letter lines made two million blocks (minutes of storing, gigabytes of objects)."""
    text = tmp_path / "lines.txt"
    text.write_bytes(b"a\n" * (MAX_BLOCKS + 2))
    with pytest.raises(HawamishError) as raised:
        read_article(text)
    assert raised.value.code is ErrorCode.TOO_LARGE
    assert f"more than {MAX_BLOCKS} paragraphs" in raised.value.detail


def test_blank_lines_do_not_count_against_the_limit(tmp_path: Path) -> None:
    text = tmp_path / "airy.txt"
    text.write_bytes(b"title\n" + b"\n \t\r\n" * (MAX_BLOCKS + 10) + b"one paragraph\n")
    meta, blocks = read_article(text)
    assert (meta.title, [b.text for b in blocks]) == ("title", ["one paragraph"])

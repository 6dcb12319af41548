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


def test_a_page_with_a_huge_json_ld_script_is_read_in_little_memory(tmp_path: Path) -> None:
    """trafilatura minifies JSON-LD with a regular expression: a 10 MB headline took 1.4 GB and 4 CPU seconds.
    Scripts over MAX_JSON_LD_CHARS are dropped before it sees the tree."""
    import subprocess
    import sys

    page = tmp_path / "huge-json-ld.html"
    page.write_text(
        '<html><head><title>عمود</title><script type=\'application/ld+json\'>{"headline": "'
        + "x" * 10_000_000
        + f'"}}</script></head><body><article>{PARAGRAPHS}</article></body></html>',
        encoding="utf-8",
    )
    # in a child, so that its peak memory is its own
    # VmHWM, not ru_maxrss: Linux carries the parent's peak over fork and exec into ru_maxrss (a pytest
    # worker of 300 MB would count), while VmHWM is this program's own memory's high-water mark
    script = (
        "import re, sys\nfrom pathlib import Path\nfrom reader.core.importers import read_article\n"
        "meta, blocks = read_article(Path(sys.argv[1]))\n"
        "hwm = re.search(r'VmHWM:\\s*(\\d+)', Path('/proc/self/status').read_text()).group(1)\n"
        "print(meta.title, len(blocks), int(hwm) // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(page)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    title, blocks, peak_mb = done.stdout.split()
    assert (title, int(blocks)) == ("عمود", 6)
    assert int(peak_mb) < 300


def test_a_number_of_a_hundred_thousand_digits_in_a_table_is_refused_with_its_line(tmp_path: Path) -> None:
    """json.loads raises a plain ValueError (not JSONDecodeError) past 4,300 digits: it escaped the import."""
    table = tmp_path / "manifest.jsonl"
    table.write_text('{"file": "a.txt", "title": ' + "9" * 100_000 + "}\n")
    with pytest.raises(HawamishError) as raised:
        read_table(table)
    assert raised.value.code is ErrorCode.MALFORMED
    assert "line 1" in raised.value.detail


def test_markdown_of_millions_of_lines_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    from reader.core.importers.markdown import MAX_MARKDOWN_LINES

    text = tmp_path / "lines.md"
    text.write_bytes(b"a\n" * (MAX_MARKDOWN_LINES + 1))
    with pytest.raises(HawamishError) as raised:
        read_article(text)
    assert raised.value.code is ErrorCode.TOO_LARGE
    assert f"more than {MAX_MARKDOWN_LINES} lines" in raised.value.detail

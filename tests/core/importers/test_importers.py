"""Importers (readers): the seed in every encoding researchers' files come in, Markdown, TREC, and every kind
of bad input. Storing what they read: tests/core/library/test_importing.py."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import READERS, read_article, register_reader
from reader.core.importers.common import normalise_date
from reader.core.importers.decoding import MAX_BYTES, decode_bytes
from reader.core.importers.markdown import parse_markdown, split_front_matter
from reader.core.importers.plain_text import parse_plain_text
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from tests.conftest import SEED_TITLE, needs_shared, shared_path

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
)


def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


def seed_lines(seed_path: Path) -> list[str]:
    """The seed's non-empty lines, read independently of the importer."""
    return [line.strip() for line in seed_text(seed_path).split("\n") if line.strip()]


def assert_is_seed(meta: ArticleMeta, blocks: list[Block], seed_path: Path) -> None:
    lines = seed_lines(seed_path)
    assert meta.title == SEED_TITLE == lines[0]
    assert [b.text for b in blocks] == lines[1:]
    assert all(b.kind is BlockKind.PARAGRAPH for b in blocks)


# --- the seed in every encoding --------------------------------------------------------------------------


def test_seed_title_and_every_paragraph_in_order(seed_path: Path) -> None:
    meta, blocks = read_article(seed_path)
    assert_is_seed(meta, blocks, seed_path)
    assert len(blocks) >= 10
    assert meta.source_path == str(seed_path.resolve())


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("cp1256", lambda t: t.encode("cp1256")),
        ("utf-8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16-le-bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("utf-16-be-bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("utf-32-le-bom", lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le")),
        ("utf-16-le-no-bom", lambda t: t.encode("utf-16-le")),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("blank-lines", lambda t: t.replace("\n", "\n\n  \n").encode("utf-8")),
    ],
)
def test_seed_comes_back_exactly_in_other_encodings(
    seed_path: Path, tmp_path: Path, name: str, encode
) -> None:
    copy = tmp_path / f"seed-{name}.txt"
    copy.write_bytes(encode(seed_text(seed_path)))
    meta, blocks = read_article(copy)
    assert_is_seed(meta, blocks, seed_path)
    assert blocks == read_article(seed_path)[1]


def test_cp1256_decoding_is_exact_not_just_plausible(seed_path: Path) -> None:
    text = seed_text(seed_path)
    assert decode_bytes(text.encode("cp1256")) == text


def test_latin1_english_is_not_taken_for_an_asian_encoding() -> None:
    data = ("Chelsea paid a transfer fee for him, a \xa315.8m signing. " * 5).encode("latin-1")
    assert "£15.8m" in decode_bytes(data)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("مرحبا", "cp1256"),  # too short for statistics: charset-normalizer alone says Japanese
        ("Café crème, déjà vu: “quoted” text.", "cp1252"),
        ("Ärger über Öl und Äpfel", "latin-1"),
        ("Привет мир, как дела сегодня", "cp1251"),  # other legacy encodings still work
    ],
)
def test_short_legacy_texts_decode_as_a_reader_of_arabic_and_english_expects(
    text: str, encoding: str
) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_utf8_with_one_damaged_byte_stays_utf8(seed_path: Path) -> None:
    data = seed_text(seed_path).encode("utf-8")
    damaged = data[:500] + b"\xff" + data[500:]
    text = decode_bytes(damaged)
    assert text.count("\ufffd") == 1
    assert SEED_TITLE in text


def test_zero_width_junk_is_stripped_only_at_the_edges() -> None:
    meta, blocks = parse_plain_text(
        "\ufeff\u200bعنوان\u200b\r\n\u200bفقرة\u200cواحدة \u200d\r\nsecond\u2029third\n"
    )
    assert meta.title == "عنوان"
    assert [b.text for b in blocks] == ["فقرة\u200cواحدة", "second", "third"]


def test_a_single_line_file_is_both_title_and_body() -> None:
    meta, blocks = parse_plain_text("Only one line\n")
    assert meta.title == "Only one line"
    assert [b.text for b in blocks] == ["Only one line"]


def test_a_file_without_a_title_line_keeps_its_first_paragraph() -> None:
    long_first = "word " * 80
    meta, blocks = parse_plain_text(f"{long_first}\nsecond paragraph\n")
    assert blocks[0].text == long_first.strip()
    assert meta.title.endswith("…") and len(meta.title) <= 81


# --- Markdown ----------------------------------------------------------------------------------------------

MARKDOWN = """---
title: "Margins, not monuments"
author: Jane Q. Example
date: 2024-03-22 10:00
url: https://example.org/margins
outlet: Hawamish sample
language: en
---

# Margins, not monuments

The *first* paragraph has **bold**, a [link](https://example.org) and `code`,
and a soft line break.

## A section

> A quoted sentence
> that spans two lines.

- first item
- second item
  - nested item
1. numbered ![a chart](chart.png)

Last paragraph &amp; done.
"""


def test_markdown_front_matter_and_every_block_kind(tmp_path: Path) -> None:
    path = tmp_path / "piece.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    meta, blocks = read_article(path)
    assert meta.title == "Margins, not monuments"
    assert meta.author == "Jane Q. Example"
    assert meta.published == "2024-03-22"
    assert meta.url == "https://example.org/margins"
    assert meta.outlet == "Hawamish sample"
    assert meta.language == "en"
    assert [(b.kind, b.text, b.level) for b in blocks] == [
        (
            BlockKind.PARAGRAPH,
            "The first paragraph has bold, a link and code, and a soft line break.",
            0,
        ),
        (BlockKind.HEADING, "A section", 2),
        (BlockKind.QUOTE, "A quoted sentence that spans two lines.", 0),
        (BlockKind.LIST_ITEM, "first item", 1),
        (BlockKind.LIST_ITEM, "second item", 1),
        (BlockKind.LIST_ITEM, "nested item", 2),
        (BlockKind.LIST_ITEM, "numbered a chart", 1),
        (BlockKind.PARAGRAPH, "Last paragraph & done.", 0),
    ]


def test_markdown_title_falls_back_to_first_heading_then_file_name(tmp_path: Path) -> None:
    meta, blocks = parse_markdown("# عنوان المقال\n\nفقرة أولى.\n")
    assert meta.title == "عنوان المقال"
    assert [b.text for b in blocks] == ["فقرة أولى."]
    path = tmp_path / "my_clipping-2024.md"
    path.write_text("Just a paragraph.\n\nAnother one.\n", encoding="utf-8")
    meta, blocks = read_article(path)
    assert meta.title == "my clipping 2024"
    assert len(blocks) == 2


def test_front_matter_needs_a_closing_fence_and_ignores_unknown_keys() -> None:
    fields, body = split_front_matter("---\ntitle: T\ntags: [a, b]\n  nested: x\n---\nbody\n")
    assert fields == {"title": "T", "tags": "[a, b]"}
    assert body.strip() == "body"
    assert split_front_matter("---\ntitle: T\nno end\n") == ({}, "---\ntitle: T\nno end\n")


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-03-22", "2024-03-22"),
        ("2024/3/2", "2024-03-02"),
        ("2015-07", "2015-07"),
        ("2015", "2015"),
        ("2015-07-21 02:29:26", "2015-07-21"),
        ("March 2024", ""),
        ("2024-13-01", ""),
    ],
)
def test_dates_are_normalised_to_iso(raw: str, iso: str) -> None:
    assert normalise_date(raw) == iso


def test_markdown_utf16_and_cp1256_files(tmp_path: Path) -> None:
    text = "---\ntitle: مقال\n---\n\nفقرة **أولى**.\n\n> اقتباس\n"
    for name, data in [
        ("a.md", text.encode("cp1256")),
        ("b.md", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
    ]:
        (tmp_path / name).write_bytes(data)
        meta, blocks = read_article(tmp_path / name)
        assert meta.title == "مقال"
        assert [(b.kind, b.text) for b in blocks] == [
            (BlockKind.PARAGRAPH, "فقرة أولى."),
            (BlockKind.QUOTE, "اقتباس"),
        ]


# --- bad input ---------------------------------------------------------------------------------------------


def _undecodable_bytes() -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(4000))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", ErrorCode.EMPTY),
        ("blank.txt", b" \n\r\n\t\n", ErrorCode.EMPTY),
        ("blank.md", b"---\ntitle: x\n---\n\n", ErrorCode.EMPTY),
        ("image.txt", PNG_BYTES, ErrorCode.BINARY),
        ("scan.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ErrorCode.BINARY),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", ErrorCode.BINARY),
        ("nul.txt", b"abc\x00\x01\x02def\x00\x00\x00\x05", ErrorCode.BINARY),
        ("noise.txt", _undecodable_bytes(), ErrorCode.UNDECODABLE),
        ("notes.odt", b"plain words", ErrorCode.UNSUPPORTED),
        ("notes.docx", b"plain words", ErrorCode.MALFORMED),
        ("book.epub", b"plain words", ErrorCode.MALFORMED),
        ("README", b"plain words", ErrorCode.UNSUPPORTED),
    ],
)
def test_bad_input_raises_a_typed_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, code
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(HawamishError) as info:
        read_article(path)
    assert info.value.code is code
    assert info.value.path == str(path)


def test_huge_file_is_refused_by_size_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: instant, takes no disk space
        fh.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_BYTES

    def no_reading(*args, **kwargs):
        raise AssertionError("a too-large file must be refused before it is read")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(HawamishError) as info:
        read_article(path)
    assert info.value.code is ErrorCode.TOO_LARGE
    assert info.value.path == str(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(HawamishError) as info:
        read_article(tmp_path / "nowhere.txt")
    assert info.value.code is ErrorCode.MISSING


def test_registered_reader_handles_its_extension(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text("Title\nbody\n", encoding="utf-8")
    with pytest.raises(HawamishError):
        read_article(tmp_path / "x.jsonl")
    register_reader("JSONL", READERS[".txt"])
    try:
        (tmp_path / "x.jsonl").write_text("Title\nbody\n", encoding="utf-8")
        meta, _ = read_article(tmp_path / "x.jsonl")
        assert meta.title == "Title"
    finally:
        READERS.pop(".jsonl")


@pytest.mark.corpus
@needs_shared("corpora", "en-bbc", "bbc", "sport", "199.txt")
def test_bbc_file_with_a_latin1_byte_imports_with_its_pound_sign() -> None:
    meta, blocks = read_article(shared_path("corpora", "en-bbc", "bbc", "sport", "199.txt"))
    assert meta.title == "Chelsea sack Mutu"
    assert "£15.8m" in "\n".join(b.text for b in blocks)


TREC_DOC = """<DOC>
<DOCNO>XX-test-1</DOCNO>
<URL>https://example.org/news/1</URL>
<SRC>Example Wire</SRC>
<TITLE>عنوان الخبر & تفاصيله</TITLE>
<TIME>Tue, 08 May 2018 23:30:17 -0400</TIME>
<AUTHOR>كاتب متخيل</AUTHOR>
<ABSTRACT>
ملخص قصير.
</ABSTRACT>
<TEXT>
الفقرة الأولى.
الفقرة الثانية with English.
</TEXT>
</DOC>
"""


def test_trec_doc_files_take_their_metadata_from_the_tags(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TREC_DOC, encoding="utf-8")
    meta, blocks = read_article(path)
    assert (meta.title, meta.author, meta.outlet, meta.url, meta.published) == (
        "عنوان الخبر & تفاصيله",
        "كاتب متخيل",
        "Example Wire",
        "https://example.org/news/1",
        "2018-05-08",
    )
    assert [b.text for b in blocks] == ["ملخص قصير.", "الفقرة الأولى.", "الفقرة الثانية with English."]
    path.write_text("<DOC>\n<TITLE>t</TITLE>\n</DOC>\n", encoding="utf-8")
    with pytest.raises(HawamishError) as info:
        read_article(path)
    assert info.value.code is ErrorCode.MALFORMED

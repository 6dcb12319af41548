"""Hostile and malformed files for every importer, and a runner that imports each one in a measured process.

`generate(seeds, count, seed)` makes `count` inputs, reproducibly from `seed`: the hand-made attacks of each
format first (deep nesting, huge attributes and text nodes, invalid UTF-8/UTF-16, zip bombs, path-traversal
names, PDFs with broken cross-references or encryption, MHTML with broken parts, broken metadata tables),
then mutations of valid files (truncated, bit-flipped, spliced; inside EPUB/Word archives, a member
mutated and the archive rebuilt, so the mutation reaches the XML rather than the deflate stream) and
random bytes. Valid seed files come from the project's own test builders (`make_seeds`).

`run_inputs(folder, inputs)` imports each one in a child process forked from a warm worker (the parsers
already loaded, as in a reader process after its first file): first through its reader directly, then
through `Library.import_paths` into a fresh library. The child is stopped after `TIME_LIMIT` CPU seconds;
its peak RSS and CPU time come from `wait4`. An outcome is `imported`, `error:CODE` (a failed ImportResult with an
ErrorCode and a sentence), `traceback` (an exception other than HawamishError got out of a reader or of
the import), `crash` (the child died of a signal), `timeout` or `over-memory` (peak RSS over
`MEMORY_LIMIT_MB`). Used by tests/core/importers/test_fuzz_importers.py (about 200 inputs) and
benchmarks/fuzz_importers.py (2,000 and more).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import queue
import random
import resource
import select
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tests.core.importers.pdf_samples import raw_pdf

ROOT = Path(__file__).resolve().parents[3]
#: CPU seconds a file may take (its reader and its import). Judged on CPU time, not wall time: the machine
#: may be shared, and a loaded machine would turn quick files into timeouts. The child gets SIGXCPU past
#: it; WALL_LIMIT is the backstop for a child that sleeps or waits.
TIME_LIMIT = 10.0
WALL_LIMIT = 120.0
MEMORY_LIMIT_MB = 300
#: A ceiling on a child's address space so that a bomb fails inside the child instead of swapping the
#: machine; the 300 MB judgement is made on the peak RSS, well below it.
ADDRESS_SPACE_LIMIT = 3 * 1024**3

FORMATS = (".txt", ".md", ".html", ".htm", ".xhtml", ".mhtml", ".pdf", ".epub", ".docx", "table")


@dataclass(slots=True)
class FuzzInput:
    """One input: the files to write (relative path -> bytes) and the one to import (a file or a folder)."""

    fmt: str
    kind: str
    files: dict[str, bytes]
    target: str
    named_table: str = ""  # a table passed as ImportOptions.metadata (the --metadata option)

    def write(self, folder: Path) -> Path:
        for relative, data in self.files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return folder / self.target


@dataclass(slots=True)
class Outcome:
    outcome: str
    seconds: float = 0.0
    peak_mb: float = 0.0
    detail: str = ""
    statuses: list[str] = field(default_factory=list)


# --- seeds -------------------------------------------------------------------------------------------------


def make_seeds(folder: Path) -> dict[str, list[bytes]]:
    """Valid files of every format, made with the project's test builders (format -> contents)."""
    from tests.conftest import SEED_PATH
    from tests.core.importers import html_pages as pages
    from tests.core.importers.pdf_samples import english_pdf, seed_pdf
    from tests.core.importers.test_docx import build_docx, word_document
    from tests.core.importers.test_epub import FILES3, OPF3, build_epub, xhtml
    from tests.core.importers.test_mhtml import mhtml_bytes
    from tests.core.seed_helpers import seed_lines

    folder.mkdir(parents=True, exist_ok=True)
    seed_text = SEED_PATH.read_bytes()
    page = pages.opinion_page().encode()
    markdown = (
        "---\ntitle: عمود\nauthor: ليلى\ndate: 2024-03-23\n---\n# عنوان\n\n> اقتباس *مائل* و[رابط](https://example.org)\n\n"
        "- بند\n  - بند داخلي\n\n1. أول\n2. ثان\n\n```\nشيفرة\n```\n\n![صورة](https://example.org/a.png)\n"
    ).encode()
    seeds: dict[str, list[bytes]] = {
        ".txt": [seed_text, seed_text.decode().encode("utf-16")],
        ".md": [markdown],
        ".html": [page, pages.og_only_page().encode()],
        ".htm": [page.decode().encode("windows-1256", errors="replace")],
        ".xhtml": [xhtml("<h1>عنوان</h1><p>فقرة من عمود رأي.</p><ul><li>بند</li></ul>")],
        ".mhtml": [mhtml_bytes(page), mhtml_bytes(page, cte="base64")],
        ".pdf": [
            seed_pdf(folder / "seed.pdf", seed_lines()).read_bytes(),
            english_pdf(folder / "english.pdf", _english_body, title="An opinion").read_bytes(),
        ],
        ".epub": [build_epub(folder / "book.epub", OPF3, FILES3).read_bytes()],
        ".docx": [
            build_docx(folder / "letter.docx").read_bytes(),
            word_document(folder / "word.docx").read_bytes(),
        ],
        "table": [
            "file,title,author,date,tags\narticle.txt,عنوان,ليلى,2024-03-23,رأي;سياسة\n".encode(),
            json.dumps(
                {"file": "article.txt", "title": "عنوان", "authors": ["ليلى"], "tags": ["رأي"]},
                ensure_ascii=False,
            ).encode()
            + b"\n",
        ],
    }
    for fmt, contents in seeds.items():
        for number, data in enumerate(contents):
            name = f"seed{number}{fmt}" if fmt != "table" else f"seed{number}.csv"
            (folder / name).write_bytes(data)
    return seeds


def _english_body(pdf: object) -> None:
    pdf.set_font("Helvetica", size=12)  # type: ignore[attr-defined]
    for number in range(12):
        pdf.multi_cell(0, 6, f"Paragraph {number}: an opinion column argues its case at some length. " * 3)  # type: ignore[attr-defined]
        pdf.ln(3)  # type: ignore[attr-defined]


def add_shared_seeds(seeds: dict[str, list[bytes]], shared: Path, per_format: int = 4) -> None:
    """Real pages and books from ../shared (read at run time only, never copied into the project)."""
    for folder, pattern, fmt in (
        (shared / "html", "*.html", ".html"),
        (shared / "books", "*.epub", ".epub"),
        (shared / "books", "*.pdf", ".pdf"),
        (shared / "books", "*.docx", ".docx"),
    ):
        if folder.is_dir():
            for path in sorted(folder.rglob(pattern))[:per_format]:
                if path.stat().st_size < 20_000_000:
                    seeds[fmt].append(path.read_bytes())


# --- mutations ---------------------------------------------------------------------------------------------


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(0, max(1, len(data)))]


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.choice((1, 2, 4, 16, 64))):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def splice(rng: random.Random, data: bytes) -> bytes:
    """Delete, duplicate or overwrite a chunk, or insert random or 'interesting' bytes."""
    if not data:
        return rng.randbytes(64)
    start = rng.randrange(len(data))
    length = rng.randrange(1, min(4096, len(data) - start) + 1)
    interesting = rng.choice(
        [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xc0\xaf", b"<", b"&#0;", b"]]>", b"%"]
    )
    choice = rng.randrange(4)
    if choice == 0:
        return data[:start] + data[start + length :]
    if choice == 1:
        return data[:start] + data[start : start + length] * rng.randrange(2, 50) + data[start:]
    if choice == 2:
        return data[:start] + rng.randbytes(length) + data[start + length :]
    return data[:start] + interesting * rng.randrange(1, 20) + data[start:]


def mutate_bytes(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    name, mutation = rng.choice([("truncated", truncate), ("bit-flipped", flip_bits), ("spliced", splice)])
    return name, mutation(rng, data)


def mutate_zip_member(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """Rebuild the archive with one text member truncated, bit-flipped or spliced."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    textual = [i for i, (info, _) in enumerate(members) if not info.filename.endswith((".jpg", ".png"))]
    victim = rng.choice(textual)
    kind, mutated = mutate_bytes(rng, members[victim][1])
    members[victim] = (members[victim][0], mutated)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, content in members:
            archive.writestr(info.filename, content, info.compress_type)
    return f"member {kind}", buffer.getvalue()


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def lie_about_sizes(data: bytes) -> bytes:
    """Every member declares an uncompressed size of 10 bytes (in the central directory and local headers)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        position = out.find(signature)
        while position != -1:
            out[position + offset : position + offset + 4] = struct.pack("<I", 10)
            position = out.find(signature, position + 4)
    return bytes(out)


def set_flag_bits(data: bytes, bits: int) -> bytes:
    """Set general-purpose flag bits (1: encrypted) on every member."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x01\x02", 8), (b"PK\x03\x04", 6)):
        position = out.find(signature)
        while position != -1:
            (flags,) = struct.unpack_from("<H", out, position + offset)
            struct.pack_into("<H", out, position + offset, flags | bits)
            position = out.find(signature, position + 4)
    return bytes(out)


# --- hand-made attacks -------------------------------------------------------------------------------------

ARTICLE = "مقال قصير للاختبار: فقرة من عمود رأي.\n\nفقرة ثانية.\n".encode()
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://203.0.113.7/x">]>'


def _html(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>{head}<title>صفحة</title></head><body>{body}</body></html>".encode()


def html_attacks(size: int) -> list[tuple[str, bytes]]:
    """(kind, page) for .html/.htm/.xhtml; `size` scales the huge ones (1 in the full run)."""
    depth = 100_000 // size
    paragraph = "<p>فقرة من عمود رأي طويل بما يكفي لتكون مقالًا.</p>" * 5
    return [
        ("nested divs", _html("<div>" * depth + paragraph + "</div>" * depth)),
        ("nested unclosed", _html("<div><span><b><i><table><tr><td>" * (depth // 8) + paragraph)),
        ("nested lists", _html("<ul><li>" * depth + "بند" + "</li></ul>" * depth)),
        ("nested quotes", _html("<blockquote>" * depth + paragraph)),
        ("huge attribute", _html(f"<p title='{'x' * (30_000_000 // size)}'>نص</p>" + paragraph)),
        (
            "many attributes",
            _html("<p " + " ".join(f"a{i}='{i}'" for i in range(200_000 // size)) + ">نص</p>"),
        ),
        ("huge text node", _html("<p>" + "كلمة " * (6_000_000 // size) + "</p>")),
        ("huge word", _html("<p>" + "ب" * (20_000_000 // size) + "</p>")),
        ("many paragraphs", _html(paragraph * (40_000 // size))),
        ("huge script", _html("<script>" + "var a=1;" * (2_000_000 // size) + "</script>" + paragraph)),
        ("unterminated comment", _html(paragraph + "<!--" + "x" * 100_000)),
        ("invalid utf-8", _html(paragraph).replace("عمود".encode(), b"\xc3\x28\xa0\xa1\xed\xa0\x80")),
        (
            "utf-16 odd length",
            "\ufeff".encode("utf-16-le") + _html(paragraph).decode().encode("utf-16-le")[:-1],
        ),
        (
            "utf-16 lone surrogates",
            b"\xff\xfe" + b"\x00\xd8a\x00" * 1000 + _html(paragraph).decode().encode("utf-16-le"),
        ),
        ("utf-16 without BOM", _html(paragraph).decode().encode("utf-16-be")),
        (
            "bogus charset",
            _html(paragraph, "<meta http-equiv='Content-Type' content='text/html; charset=x-bogus-9'>"),
        ),
        ("utf-7 charset", _html(paragraph, "<meta charset='utf-7'>").replace(b"<p>", b"+ADw-script+AD4-")),
        ("nul bytes", _html(paragraph).replace(b"<p>", b"<p>\x00\x00")),
        ("billion laughs", (BILLION_LAUGHS + "<html><body><p>&lol9;</p></body></html>").encode()),
        ("external entity", (XXE + "<html><body><p>&xxe;&net;</p></body></html>").encode()),
        ("empty", b""),
        ("only markup", _html("<div><span></span></div>" * 1000)),
        (
            "json-ld bomb",
            _html(paragraph, "<script type='application/ld+json'>" + "[" * depth + "]" * depth + "</script>"),
        ),
        (
            "json-ld huge",
            _html(
                paragraph,
                '<script type=\'application/ld+json\'>{"headline":"'
                + "x" * (10_000_000 // size)
                + '"}</script>',
            ),
        ),
        ("meta refresh", _html(paragraph, "<meta http-equiv='refresh' content='0;url=http://203.0.113.7/'>")),
        (
            "base href",
            _html(paragraph, "<base href='file:///etc/'><link rel='canonical' href='javascript:alert(1)'>"),
        ),
        ("svg and math", _html("<svg>" * 1000 + "<math>" * 1000 + paragraph)),
        (
            "template and frames",
            _html("<template>" * 5000 + paragraph + "<frameset><frame src='x'></frameset>"),
        ),
    ]


def text_attacks(size: int) -> list[tuple[str, bytes]]:
    depth = 100_000 // size
    return [
        ("invalid utf-8", ARTICLE + b"\xc3\x28\xff\xfe\xed\xa0\x80" * 100),
        ("utf-16 odd length", "\ufeff".encode("utf-16-le") + ARTICLE.decode().encode("utf-16-le")[:-1]),
        ("utf-16 lone surrogates", b"\xff\xfe" + b"\x00\xd8" * 500 + ARTICLE.decode().encode("utf-16-le")),
        ("utf-32", ARTICLE.decode().encode("utf-32")),
        ("nul bytes", b"\x00" * 10_000 + ARTICLE),
        ("huge line", "كلمة ".encode() * (6_000_000 // size)),
        ("many lines", b"\n".join([b"a"] * (2_000_000 // size))),
        ("only whitespace", " \n\t\r\n\u00a0".encode() * 1000),
        ("control characters", bytes(range(32)) * 1000 + ARTICLE),
        ("random bytes", random.Random(size).randbytes(100_000)),
        ("bidi controls", ("\u202e\u2066\u200f" * 10_000).encode() + ARTICLE),
        ("empty", b""),
        ("bom only", b"\xef\xbb\xbf"),
        ("nested quotes", b">" * depth + b" " + ARTICLE),
        ("nested lists", b"".join(b"  " * i + b"- item\n" for i in range(min(depth, 3000)))),
        ("deep list indent", b"- " * depth + b"item\n"),
        ("emphasis storm", b"*a**" * (depth // 2) + b"\n"),
        ("link storm", b"[" * depth + b"a" + b"](" * depth + b"\n"),
        (
            "reference storm",
            b"".join(b"[r%d]: http://203.0.113.7/%d\n" % (i, i) for i in range(depth // 4)) + b"[r1]\n",
        ),
        ("front matter unclosed", b"---\ntitle: " + b"x" * 1_000_000 + b"\n"),
        ("front matter junk", b"---\n\x00\xff: \xfe\n:::\n---\n" + ARTICLE),
        ("html in markdown", b"<div>" * depth + ARTICLE),
        ("image storm", b"![x](http://203.0.113.7/a.png)" * (depth // 10)),
    ]


def mhtml_attacks(seed: bytes) -> list[tuple[str, bytes]]:
    header, _, _ = seed.partition(b"\n\n")
    boundary = b"----=_broken"
    part = (
        b"--"
        + boundary
        + b"\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: https://example.org/\r\n\r\n"
    )
    head = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="' + boundary + b'"\r\n\r\n'
    page = _html("<p>فقرة من عمود رأي طويل بما يكفي لتكون مقالًا.</p>" * 5)
    return [
        ("no closing boundary", head + part + page),
        ("wrong boundary", head.replace(boundary, b"other") + part + page),
        ("no boundary parameter", b"Content-Type: multipart/related\r\n\r\n" + part + page),
        ("no parts", head + b"--" + boundary + b"--\r\n"),
        (
            "no html part",
            head + part.replace(b"text/html", b"image/png") + b"\x89PNG" + b"\r\n--" + boundary + b"--",
        ),
        ("bad base64", head + part + b"Content-Transfer-Encoding: base64\r\n\r\n" + b"!!!*&^%" * 1000),
        (
            "bad quoted-printable",
            head
            + part.replace(b"\r\n\r\n", b"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
            + b"=ZZ=\r=" * 1000
            + page,
        ),
        (
            "unknown transfer encoding",
            head + part.replace(b"\r\n\r\n", b"\r\nContent-Transfer-Encoding: x-uuencode-9\r\n\r\n") + page,
        ),
        ("unknown charset", head + part.replace(b"utf-8", b"x-mac-klingon") + page),
        ("utf-16 part odd", head + part.replace(b"utf-8", b"utf-16") + page.decode().encode("utf-16")[:-1]),
        (
            "nested multiparts",
            b"".join(
                b'Content-Type: multipart/related; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
                for i in range(2000)
            )
            + page,
        ),
        ("huge header", b"Subject: " + b"x" * 5_000_000 + b"\r\n" + head + part + page),
        ("many parts", head + (part + page + b"\r\n") * 2000),
        ("header only", header),
        ("not mime", b"\x00\x01\x02" * 1000),
        (
            "encoded-word storm",
            b"Subject: " + b"=?utf-8?b?2LnZhdmI2K8=?= " * 100_000 + b"\r\n" + head + part + page,
        ),
    ]


def _page_pdf(content: bytes, extra_page: bytes = b"", filters: bytes = b"") -> bytes:
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R "
            + extra_page
            + b">>",
            b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
            font,
        ]
    )


def pdf_attacks(seed: bytes, size: int) -> list[tuple[str, bytes]]:
    text = b"BT /F1 12 Tf 72 720 Td (A paragraph of an opinion column.) Tj ET"
    bomb = zlib.compress(b"0" * (400_000_000 // size), 9)
    encrypted = _encrypted(seed)
    return [
        ("valid by hand", _page_pdf(text)),
        ("xref offsets wrong", seed.replace(b"0000000", b"0000099", 3)),
        ("no xref", seed[: seed.rfind(b"xref")] if b"xref" in seed else seed[:100]),
        ("startxref past end", seed[: seed.rfind(b"startxref")] + b"startxref\n999999999\n%%EOF\n"),
        ("startxref negative", seed[: seed.rfind(b"startxref")] + b"startxref\n-5\n%%EOF\n"),
        ("no trailer", seed.replace(b"trailer", b"tr@iler")),
        ("no root", _page_pdf(text).replace(b"/Root 1 0 R", b"/Root 99 0 R")),
        ("page tree loop", _page_pdf(text).replace(b"/Kids [3 0 R]", b"/Kids [2 0 R 3 0 R]")),
        ("page parent loop", _page_pdf(text).replace(b"/Parent 2 0 R", b"/Parent 3 0 R")),
        ("huge count", _page_pdf(text).replace(b"/Count 1", b"/Count 2147483647")),
        ("deflate bomb", _page_pdf(bomb, filters=b"/Filter /FlateDecode")),
        ("deflate broken", _page_pdf(zlib.compress(text)[:-6], filters=b"/Filter /FlateDecode")),
        (
            "filter chain",
            _page_pdf(
                text, filters=b"/Filter [/ASCIIHexDecode /LZWDecode /RunLengthDecode /FlateDecode /DCTDecode]"
            ),
        ),
        ("unknown filter", _page_pdf(text, filters=b"/Filter /NoSuchDecode")),
        ("deep arrays", _page_pdf(b"[" * 100_000 + b"]" * 100_000 + b" " + text)),
        ("deep dictionaries", _page_pdf(text, extra_page=b"/X " + b"<< /A " * 50_000 + b">> " * 50_000)),
        ("huge string", _page_pdf(b"BT /F1 12 Tf 72 720 Td (" + b"a" * (20_000_000 // size) + b") Tj ET")),
        ("many text ops", _page_pdf(text * (200_000 // size))),
        ("negative lengths", _page_pdf(text).replace(b"/Length", b"/Length -99999 /L")),
        ("length past end", _page_pdf(text).replace(b"/Length %d" % len(text), b"/Length 999999999")),
        (
            "object stream junk",
            raw_pdf(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /ObjStm /N 100000 /First 3 /Length 5 >>\nstream\n1 2 3\nendstream",
                ]
            ),
        ),
        ("encrypted", encrypted),
        ("encrypted empty password", _encrypted(seed, user_password="")),
        (
            "encryption dictionary junk",
            _page_pdf(text)[:-40]
            + b"trailer\n<< /Root 1 0 R /Encrypt << /Filter /Standard /V 99 /R 99 >> >>\n%%EOF\n",
        ),
        ("header only", b"%PDF-1.7\n"),
        ("not a pdf", b"\x7fELF" + bytes(1000)),
        (
            "fonts with broken cmap",
            _page_pdf(text).replace(b"/BaseFont /Helvetica", b"/BaseFont /Helvetica /ToUnicode 4 0 R"),
        ),
        (
            "image with huge size",
            _page_pdf(
                b"q 100 0 0 100 0 0 cm /Im1 Do Q",
                extra_page=b"/X << /Im1 << /Type /XObject /Subtype /Image /Width 1000000 /Height 1000000 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Length 1 >> >>",
            ),
        ),
    ]


def _encrypted(seed: bytes, user_password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(seed)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def archive_attacks(fmt: str, seed: bytes, size: int) -> list[tuple[str, bytes]]:
    """Attacks on EPUB and Word archives, built from a valid `seed` of that format."""
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    text_member = "OEBPS/Text/ch2.xhtml" if fmt == ".epub" else "word/document.xml"
    depth = 100_000 // size

    def with_member(
        content: bytes, name: str = text_member, compression: int = zipfile.ZIP_DEFLATED
    ) -> bytes:
        return zip_of({**members, name: content}, compression)

    zeros = b"\x00" * (300_000_000 // size)
    xml_head = members[text_member][: members[text_member].find(b"<", 5)]
    if fmt == ".epub":
        nested = (
            b"<html xmlns='http://www.w3.org/1999/xhtml'><body>"
            + b"<div>" * depth
            + b"<p>x</p>"
            + b"</div>" * depth
            + b"</body></html>"
        )
        huge_attribute = (
            b"<html xmlns='http://www.w3.org/1999/xhtml'><body><p class='"
            + b"x" * (30_000_000 // size)
            + b"'>x</p></body></html>"
        )
        traversal_opf = members["OEBPS/content.opf"].replace(
            b'href="Text/ch2.xhtml"', b'href="../../../../etc/passwd"'
        )
        traversal = [
            ("path traversal in manifest", zip_of({**members, "OEBPS/content.opf": traversal_opf})),
            (
                "path traversal member",
                zip_of(
                    {
                        **members,
                        "../../evil.xhtml": members[text_member],
                        "OEBPS/content.opf": members["OEBPS/content.opf"].replace(
                            b'href="Text/ch2.xhtml"', b'href="../../../evil.xhtml"'
                        ),
                    }
                ),
            ),
            ("absolute member", zip_of({**members, "/etc/evil.xhtml": b"x"})),
            (
                "container to missing",
                zip_of(
                    {
                        **members,
                        "META-INF/container.xml": members["META-INF/container.xml"].replace(
                            b"OEBPS/content.opf", b"nowhere.opf"
                        ),
                    }
                ),
            ),
            (
                "container self",
                zip_of(
                    {
                        **members,
                        "META-INF/container.xml": members["META-INF/container.xml"].replace(
                            b"OEBPS/content.opf", b"META-INF/container.xml"
                        ),
                    }
                ),
            ),
            (
                "spine is the package",
                zip_of(
                    {
                        **members,
                        "OEBPS/content.opf": members["OEBPS/content.opf"].replace(
                            b'href="Text/ch2.xhtml"', b'href="content.opf"'
                        ),
                    }
                ),
            ),
            (
                "spine is an image",
                zip_of(
                    {
                        **members,
                        "OEBPS/content.opf": members["OEBPS/content.opf"].replace(
                            b'href="Text/ch2.xhtml"', b'href="Images/cover.jpg"'
                        ),
                    }
                ),
            ),
            (
                "opf billion laughs",
                zip_of(
                    {
                        **members,
                        "OEBPS/content.opf": BILLION_LAUGHS.encode()
                        + members["OEBPS/content.opf"].split(b"?>", 1)[1],
                    }
                ),
            ),
            (
                "opf external entity",
                zip_of(
                    {
                        **members,
                        "OEBPS/content.opf": XXE.encode() + members["OEBPS/content.opf"].split(b"?>", 1)[1],
                    }
                ),
            ),
            (
                "nav loop",
                zip_of(
                    {
                        **members,
                        "OEBPS/nav.xhtml": b"<html xmlns='http://www.w3.org/1999/xhtml' xmlns:epub='http://www.idpf.org/2007/ops'><body><nav epub:type='toc'>"
                        + b"<ol><li><a href='nav.xhtml'>x</a>" * 5000
                        + b"</nav></body></html>",
                    }
                ),
            ),
        ]
    else:
        nested = (
            xml_head
            + b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
            + b"<w:tbl><w:tr><w:tc>" * (depth // 3)
            + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
            + b"</w:tc></w:tr></w:tbl>" * (depth // 3)
            + b"</w:body></w:document>"
        )
        huge_attribute = (
            b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p w:x='"
            + b"x" * (30_000_000 // size)
            + b"'><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"
        )
        traversal = [
            (
                "path traversal in rels",
                zip_of(
                    {
                        **members,
                        "_rels/.rels": b"<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='r1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='../../../../etc/passwd'/></Relationships>",
                    }
                ),
            ),
            (
                "absolute target in rels",
                zip_of(
                    {
                        **members,
                        "_rels/.rels": b"<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='r1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='/etc/passwd' TargetMode='External'/></Relationships>",
                    }
                ),
            ),
            (
                "remote target in rels",
                zip_of(
                    {
                        **members,
                        "_rels/.rels": b"<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='r1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='http://203.0.113.7/doc.xml' TargetMode='External'/></Relationships>",
                    }
                ),
            ),
            ("path traversal member", zip_of({**members, "../../word/document.xml": members[text_member]})),
            ("absolute member", zip_of({**members, "/word/document.xml": b"x"})),
            (
                "styles loop",
                zip_of(
                    {
                        **members,
                        "word/styles.xml": b"<w:styles xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
                        + b"".join(
                            b"<w:style w:styleId='s%d'><w:basedOn w:val='s%d'/></w:style>"
                            % (i, (i + 1) % 5000)
                            for i in range(5000)
                        )
                        + b"</w:styles>",
                    }
                ),
            ),
            (
                "styles billion laughs",
                zip_of(
                    {
                        **members,
                        "word/styles.xml": BILLION_LAUGHS.encode()
                        + b"<w:styles xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>&lol9;</w:styles>",
                    }
                ),
            ),
            (
                "core external entity",
                zip_of(
                    {
                        **members,
                        "docProps/core.xml": XXE.encode()
                        + b"<cp:coreProperties xmlns:cp='x'>&xxe;</cp:coreProperties>",
                    }
                ),
            ),
            ("password protected (OLE)", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)),
        ]
    return [
        ("zip bomb", with_member(zeros)),
        (
            "zip bomb many members",
            zip_of({**members, **{f"pad/{i}.xhtml": b"\x00" * (3_000_000 // size) for i in range(50)}}),
        ),
        ("sizes that lie", lie_about_sizes(seed)),
        ("encrypted flag", set_flag_bits(seed, 1)),
        ("bzip2 member", with_member(members[text_member], compression=zipfile.ZIP_BZIP2)),
        ("lzma member", with_member(members[text_member], compression=zipfile.ZIP_LZMA)),
        ("stored member", with_member(members[text_member], compression=zipfile.ZIP_STORED)),
        ("too many members", zip_of({**members, **{f"m/{i}": b"" for i in range(10_001 // size)}})),
        ("zip in a zip", zip_of({"inner.zip": seed})),
        ("duplicate names", _duplicate_member(members, text_member)),
        ("nested 100k", with_member(nested)),
        ("huge attribute", with_member(huge_attribute)),
        ("billion laughs", with_member(BILLION_LAUGHS.encode() + b"<html>&lol9;</html>")),
        ("external entity", with_member(XXE.encode() + b"<html>&xxe;&net;</html>")),
        ("invalid utf-8", with_member(members[text_member].replace(b"<p", b"\xff\xfe\xc3\x28<p", 3))),
        ("utf-16 declared utf-8", with_member(members[text_member].decode().encode("utf-16"))),
        ("empty archive", zip_of({})),
        ("not a zip", b"PK\x05\x06" + bytes(18)),
        ("truncated central directory", seed[:-10]),
        ("comment bomb", seed[:-2] + struct.pack("<H", 65535) + b"x" * 65535),
        *traversal,
    ]


def _duplicate_member(members: dict[str, bytes], name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            archive.writestr(name, b"<html><body><p>a second copy</p></body></html>")
    return buffer.getvalue()


def table_attacks(size: int) -> list[tuple[str, bytes, str]]:
    """(kind, table bytes, table file name) for metadata tables."""
    depth = 100_000 // size
    return [
        ("csv huge field", b"file,title\narticle.txt," + b"x" * 200_000 + b"\n", "metadata.csv"),
        ("csv nul bytes", b"file,title\narticle.txt,\x00ab\x00\n", "metadata.csv"),
        ("csv unclosed quote", b'file,title\narticle.txt,"abc\n' + b"x" * 10_000, "metadata.csv"),
        ("csv invalid utf-8", b"file,title\narticle.txt,\xff\xfe\x81\n", "metadata.csv"),
        ("csv utf-16", "file,title\narticle.txt,عنوان\n".encode("utf-16"), "metadata.csv"),
        ("csv no header", b"\n\n\n", "metadata.csv"),
        (
            "csv many columns",
            b",".join(b"c%d" % i for i in range(100_000 // size)) + b"\narticle.txt\n",
            "manifest.csv",
        ),
        (
            "csv many rows",
            b"file,title\n" + b"".join(b"f%d.txt,t\n" % i for i in range(200_000 // size)),
            "metadata.csv",
        ),
        ("csv bad date", b"file,date\narticle.txt,99999-99-99T99:99\n", "metadata.csv"),
        ("csv weird delimiter", b"file\x1ftitle\narticle.txt\x1ft\n", "metadata.csv"),
        (
            "jsonl deep nesting",
            b'{"file":"article.txt","title":' + b"[" * depth + b"]" * depth + b"}\n",
            "manifest.jsonl",
        ),
        (
            "jsonl deep object",
            b'{"file":"article.txt","x":' + b'{"a":' * depth + b"1" + b"}" * depth + b"}\n",
            "manifest.jsonl",
        ),
        ("jsonl not objects", b'[1,2]\n"s"\n3\nnull\n', "manifest.jsonl"),
        (
            "jsonl wrong types",
            b'{"file":5,"title":[1,{"a":2}],"tags":{"x":1},"authors":7,"date":[],"url":false}\n',
            "manifest.jsonl",
        ),
        ("jsonl huge number", b'{"file":"article.txt","title":' + b"9" * 100_000 + b"}\n", "manifest.jsonl"),
        ("jsonl nan", b'{"file":"article.txt","title":NaN,"date":Infinity}\n', "metadata.jsonl"),
        ("jsonl truncated", b'{"file":"article.txt","tit', "metadata.jsonl"),
        ("jsonl lone surrogate", b'{"file":"article.txt","title":"\\ud800"}\n', "metadata.jsonl"),
        ("jsonl traversal", b'{"file":"../../../etc/passwd","title":"x"}\n', "metadata.jsonl"),
        ("jsonl nul", b'{"file":"article.txt\\u0000","title":"x\\u0000"}\n', "metadata.jsonl"),
        ("table random bytes", random.Random(size).randbytes(5000), "metadata.csv"),
    ]


# --- the generator -----------------------------------------------------------------------------------------


def _table_input(kind: str, data: bytes, name: str, rng: random.Random) -> FuzzInput:
    """A folder holding the table and one article; or, one time in four, the table named by the user."""
    if rng.random() < 0.25:
        return FuzzInput(
            "table", kind + " (named)", {"t/" + name: data, "d/article.txt": ARTICLE}, "d", "t/" + name
        )
    return FuzzInput("table", kind, {"d/" + name: data, "d/article.txt": ARTICLE}, "d")


def attacks(seeds: dict[str, list[bytes]], size: int, rng: random.Random) -> list[FuzzInput]:
    """Every hand-made attack once; `size` > 1 divides the sizes (the test's reduced run)."""
    found: list[FuzzInput] = []
    for ext in (".html", ".htm", ".xhtml"):
        found += [FuzzInput(ext, kind, {f"in{ext}": data}, f"in{ext}") for kind, data in html_attacks(size)]
    for ext in (".txt", ".md"):
        found += [FuzzInput(ext, kind, {f"in{ext}": data}, f"in{ext}") for kind, data in text_attacks(size)]
    found += [
        FuzzInput(".mhtml", kind, {"in.mhtml": data}, "in.mhtml")
        for kind, data in mhtml_attacks(seeds[".mhtml"][0])
    ]
    found += [
        FuzzInput(".pdf", kind, {"in.pdf": data}, "in.pdf")
        for kind, data in pdf_attacks(seeds[".pdf"][0], size)
    ]
    for ext in (".epub", ".docx"):
        found += [
            FuzzInput(ext, kind, {f"in{ext}": data}, f"in{ext}")
            for kind, data in archive_attacks(ext, seeds[ext][0], size)
        ]
    found += [_table_input(kind, data, name, rng) for kind, data, name in table_attacks(size)]
    return found


def mutant(fmt: str, seeds: dict[str, list[bytes]], rng: random.Random) -> FuzzInput:
    """A mutation of a valid file of `fmt`, or (one time in twelve) random bytes with its extension."""
    if rng.random() < 1 / 12:
        data = rng.randbytes(rng.choice((0, 1, 16, 1024, 65536)))
        kind = "random bytes"
        if fmt in (".epub", ".docx") and rng.random() < 0.5:
            data, kind = b"PK\x03\x04" + data, "random bytes after a zip signature"
        elif fmt == ".pdf" and rng.random() < 0.5:
            data, kind = b"%PDF-1.7\n" + data, "random bytes after a PDF header"
    else:
        seed = rng.choice(seeds[fmt])
        if fmt in (".epub", ".docx") and rng.random() < 0.7:
            kind, data = mutate_zip_member(rng, seed)
        else:
            kind, data = mutate_bytes(rng, seed)
    if fmt == "table":
        name = "metadata.csv" if data[:1] != b"{" else "manifest.jsonl"
        return _table_input(kind, data, name, rng)
    return FuzzInput(fmt, kind, {f"in{fmt}": data}, f"in{fmt}")


def generate(
    seeds: dict[str, list[bytes]], count: int, seed: int, *, size: int = 1, attack_count: int | None = None
) -> Iterator[FuzzInput]:
    """`count` inputs: the attacks first (all of them, or `attack_count` drawn at random), then mutations,
    the formats in turn. `size` > 1 divides the attacks' sizes (the test's reduced run)."""
    rng = random.Random(seed)
    fixed = attacks(seeds, size, rng)
    wanted = min(count, len(fixed) if attack_count is None else attack_count)
    if wanted < len(fixed):
        fixed = rng.sample(fixed, wanted)
    yield from fixed
    for number in range(count - len(fixed)):
        yield mutant(FORMATS[number % len(FORMATS)], seeds, rng)


# --- the runner --------------------------------------------------------------------------------------------


def _child(target: Path, named_table: str, folder: Path, result_path: Path) -> None:
    """In the forked child: read `target` with its reader, then import it into a fresh library."""
    from reader.core.errors import HawamishError
    from reader.core.importers import read_articles
    from reader.core.library import Library
    from reader.core.library.importing import ImportOptions
    from reader.messages import describe

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (int(TIME_LIMIT), int(TIME_LIMIT) + 2))
    started = time.perf_counter()
    outcome: dict[str, object]
    try:
        if target.is_file():
            with contextlib.suppress(HawamishError):  # a clear refusal; anything else is what we look for
                read_articles(target)
        library = Library(folder / "library")
        options = ImportOptions(metadata=[folder / named_table] if named_table else [])
        try:
            report = library.import_paths([target], options=options)
        except HawamishError as exc:  # a table the user named that cannot be read stops the import
            outcome = {"outcome": f"error:{exc.code.value}", "statuses": [describe(exc)]}
        else:
            failures = [r for r in report if r.status == "failed"]
            statuses = [r.status if r.error is None else f"{r.status}:{describe(r.error)}" for r in report]
            if any(r.error is None or not describe(r.error) for r in failures):
                outcome = {
                    "outcome": "traceback",
                    "detail": "a failure without an error",
                    "statuses": statuses,
                }
            elif failures:  # (a folder's broken table fails alone; its article still imports)
                outcome = {"outcome": f"error:{failures[0].error.code.value}", "statuses": statuses}  # type: ignore[union-attr]
            else:
                outcome = {"outcome": "imported", "statuses": statuses}
            caught = [
                r
                for r in failures
                if r.error is not None and r.error.detail.endswith(")") and "Error(" in r.error.detail
            ]
            if caught:
                # read_file's safety net caught an exception the reader let out: a reader's bug
                outcome = {
                    "outcome": "traceback",
                    "detail": "reader let out " + caught[0].error.detail,
                    "statuses": statuses,
                }  # type: ignore[union-attr]
        library.close()
    except BaseException:
        outcome = {"outcome": "traceback", "detail": traceback.format_exc()[-3000:]}
    outcome["seconds"] = time.perf_counter() - started
    result_path.write_text(json.dumps(outcome))


def _warm_up(seeds_folder: Path) -> None:
    """Load every parser the children will use, as a reader process has after its first files."""
    from reader.core.importers import read_articles
    from reader.core.library import Library

    for path in sorted(seeds_folder.iterdir()):
        if path.is_file():
            with contextlib.suppress(Exception):  # warming up only
                read_articles(path)
    with tempfile.TemporaryDirectory() as scratch:
        Library(Path(scratch)).close()


def run_one(item_folder: Path, target: Path, named_table: str) -> Outcome:
    """Fork a child that imports `target`; judge it by its result, exit, time and peak RSS."""
    result_path = item_folder / "result.json"
    pid = os.fork()
    if pid == 0:  # the child
        code = 0
        try:
            _child(target, named_table, item_folder, result_path)
        except BaseException:
            code = 3
        os._exit(code)
    started = time.perf_counter()
    descriptor = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([descriptor], [], [], WALL_LIMIT)
        if not ready:
            os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
    finally:
        os.close(descriptor)
    seconds = usage.ru_utime + usage.ru_stime  # CPU seconds (the wall time depends on the machine's load)
    peak_mb = usage.ru_maxrss / 1024
    wall = time.perf_counter() - started
    if not ready or (os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL)):
        return Outcome("timeout", seconds, peak_mb, f"{wall:.0f} s on the clock")
    if os.WIFSIGNALED(status):
        return Outcome("crash", seconds, peak_mb, f"signal {os.WTERMSIG(status)}")
    if not result_path.exists():
        return Outcome("crash", seconds, peak_mb, f"exit {os.WEXITSTATUS(status)} without a result")
    found = json.loads(result_path.read_text())
    outcome = Outcome(found["outcome"], seconds, peak_mb, found.get("detail", ""), found.get("statuses", []))
    if peak_mb > MEMORY_LIMIT_MB and outcome.outcome != "traceback":
        outcome.outcome = "over-memory"
    return outcome


def worker_main() -> None:
    """`python -m tests.core.importers.fuzzing SEEDS_FOLDER`: read jobs (JSON lines on stdin: folder,
    target, table), answer one JSON line per job on stdout."""
    seeds_folder = Path(sys.argv[1])
    _warm_up(seeds_folder)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        outcome = run_one(Path(job["folder"]), Path(job["target"]), job["table"])
        print(json.dumps({"index": job["index"], **dataclasses.asdict(outcome)}), flush=True)


def _send(stream: IO[str], text: str) -> None:
    stream.write(text)
    stream.close()


def run_inputs(
    folder: Path,
    seeds_folder: Path,
    inputs: list[FuzzInput],
    *,
    workers: int = 2,
    on_outcome: Callable[[int, Outcome], None] | None = None,
) -> list[Outcome]:
    """Run every input in forked children of `workers` warm worker processes; outcomes in input order."""
    jobs = []
    for index, item in enumerate(inputs):
        item_folder = folder / f"{index:05d}"
        item_folder.mkdir(parents=True)
        target = item.write(item_folder)
        jobs.append(
            {"index": index, "folder": str(item_folder), "target": str(target), "table": item.named_table}
        )
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.core.importers.fuzzing", str(seeds_folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=environment,
        )
        for _ in range(max(1, workers))
    ]
    outcomes: list[Outcome | None] = [None] * len(jobs)
    answers: queue.Queue[str | None] = queue.Queue()

    def forward(stream: IO[str]) -> None:  # one thread a worker: its lines, then None at its end
        for line in stream:
            answers.put(line)
        answers.put(None)

    try:
        for process in processes:
            assert process.stdout is not None and json.loads(process.stdout.readline())["ready"]
        # each worker takes every n-th job (the halves mix heavy and light inputs alike); its answers are
        # read as they come and its jobs written from a thread, so that neither pipe can fill and block
        for number, process in enumerate(processes):
            assert process.stdin is not None and process.stdout is not None
            threading.Thread(target=forward, args=(process.stdout,), daemon=True).start()
            batch = "".join(json.dumps(job) + "\n" for job in jobs[number :: len(processes)])
            threading.Thread(target=_send, args=(process.stdin, batch), daemon=True).start()
        running = len(processes)
        while running:
            line = answers.get()
            if line is None:
                running -= 1
                continue
            found = json.loads(line)
            index = found.pop("index")
            outcome = Outcome(**found)
            outcomes[index] = outcome
            if on_outcome is not None:
                on_outcome(index, outcome)
    finally:
        for process in processes:
            process.wait()
    return [o if o is not None else Outcome("crash", detail="the worker stopped") for o in outcomes]


if __name__ == "__main__":
    worker_main()

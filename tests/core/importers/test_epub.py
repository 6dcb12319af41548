"""EPUB 2 and 3: books built here with zipfile (Arabic chapters from the seed), one article or one a chapter,
and every kind of bad book refused with one clear error, quickly and without inflating what it claims."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import READERS, SPLITTERS, read_article, read_articles
from reader.core.importers.epub import TITLE_SEPARATOR, read_epub, split_epub
from reader.core.text import BlockKind, Direction
from tests.conftest import ROOT, SEED_TITLE, needs_shared, shared_path
from tests.core.importers.zip_helpers import (
    GIB,
    assert_refused,
    billion_laughs,
    damaged_copies,
    deeply_nested,
    refusal,
    write_zip,
)
from tests.core.seed_helpers import seed_lines

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
XHTML11 = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
LINES = seed_lines()  # the seed article: title, teaser, then paragraphs


def xhtml(body: str, *, lang: str = "ar", doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{doctype}\n<html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}" dir="rtl"><head>'
        f"<title>عنوان الصفحة</title><style>p {{ margin: 0 }}</style></head><body>{body}</body></html>"
    ).encode()


def build_epub(
    path: Path,
    opf: str,
    files: dict[str, bytes],
    *,
    container: str | None = CONTAINER,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")  # first and stored, as the format asks
        if container is not None:
            archive.writestr("META-INF/container.xml", container, compression)
        archive.writestr("OEBPS/content.opf", opf, compression)
        for name, data in files.items():
            archive.writestr(name, data, compression)
    return path


# --- an EPUB 3 of the seed, with a navigation document ---------------------------------------------------

OPF3 = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="ar">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">https://arabic.cnn.com/middle-east/article/2024/03/23/isis-russia</dc:identifier>
    <dc:title id="t2">العنوان الفرعي</dc:title>
    <meta refines="#t2" property="title-type">subtitle</meta>
    <dc:title id="t1">{SEED_TITLE}</dc:title>
    <meta refines="#t1" property="title-type">main</meta>
    <dc:creator id="c1">كاتب المقال</dc:creator>
    <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
    <dc:creator id="c2">مترجم الكتاب</dc:creator>
    <meta refines="#c2" property="role" scheme="marc:relators">trl</meta>
    <dc:language>ar-EG</dc:language>
    <dc:date>2024-03-23T08:00:00Z</dc:date>
    <dc:publisher>سي إن إن بالعربية</dc:publisher>
    <meta property="dcterms:modified">2025-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="Text/cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="cover-image" href="Images/cover.jpg" media-type="image/jpeg"/>
    <item id="ch1" href="Text/ch%201.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="Text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="ch2" href="Text/ch2.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine page-progression-direction="rtl">
    <itemref idref="cover"/>
    <itemref idref="nav"/>
    <itemref idref="ch1"/>
    <itemref idref="notes" linear="no"/>
    <itemref idref="ch2"/>
  </spine>
</package>"""

NAV = xhtml(
    '<nav epub:type="toc" id="toc"><h1>المحتويات</h1><ol>'
    '<li><a href="Text/cover.xhtml">الغلاف</a></li>'
    '<li><a href="Text/ch%201.xhtml">الفصل الأول: البداية</a></li>'
    '<li><a href="Text/ch2.xhtml">الفصل الثاني</a><ol><li><a href="Text/ch2.xhtml#s2">قسم</a></li></ol></li>'
    '</ol></nav><nav epub:type="landmarks" hidden="hidden"><ol><li><a href="Text/ch2.xhtml">ابدأ</a></li></ol></nav>'
)
CHAPTER_1 = xhtml(
    '<section epub:type="chapter"><h1>الفصل الأول</h1>'
    f"<p>{LINES[1]}</p>"
    f'<p>{LINES[3]}<a epub:type="noteref" href="notes.xhtml#n1">[1]</a></p>'
    f"<blockquote><p>{LINES[4]}</p></blockquote>"
    '<script>var hidden = "لا يظهر";</script>'
    "<ul><li>أولًا</li><li>ثانيًا<ol><li>فرع</li></ol></li></ul>"
    '<p><img src="../Images/cover.jpg" alt="صورة"/></p></section>'
)
CHAPTER_2 = xhtml(
    f"<header><h2>الفصل الثاني</h2><h1>{LINES[2]}</h1></header>"
    + "".join(f"<p>{line}</p>" for line in LINES[5:8])
    + '<p id="s2" lang="en">An English paragraph, left to right.</p>'
)
FILES3 = {
    "OEBPS/nav.xhtml": NAV,
    "OEBPS/Text/cover.xhtml": xhtml('<figure><img src="../Images/cover.jpg" alt="الغلاف"/></figure>'),
    "OEBPS/Images/cover.jpg": b"\xff\xd8\xff\xe0" + bytes(100),
    "OEBPS/Text/ch 1.xhtml": CHAPTER_1,
    "OEBPS/Text/notes.xhtml": xhtml(
        '<aside epub:type="footnote" id="n1"><p>حاشية لا تدخل في النص</p></aside>'
    ),
    "OEBPS/Text/ch2.xhtml": CHAPTER_2,
}


@pytest.fixture
def epub3(tmp_path: Path) -> Path:
    return build_epub(tmp_path / "seed-book.epub", OPF3, FILES3)


def test_epub3_metadata(epub3: Path) -> None:
    meta, _ = read_article(epub3)
    assert meta.title == SEED_TITLE  # the title refined as "main", not the subtitle listed first
    assert meta.author == "كاتب المقال"  # the translator is not an author
    assert meta.language == "ar"
    assert meta.published == "2024-03-23"  # dc:date, not dcterms:modified
    assert meta.outlet == "سي إن إن بالعربية"
    assert meta.url == "https://arabic.cnn.com/middle-east/article/2024/03/23/isis-russia"
    assert meta.source_path == str(epub3.resolve())


def test_epub3_is_one_article_in_spine_order_with_every_chapter_heading(epub3: Path) -> None:
    _, blocks = read_article(epub3)
    shape = [(b.kind, b.level, b.text) for b in blocks]
    # no cover, no table of contents, no non-linear notes, no script, no page <title>
    assert (
        shape
        == [
            (BlockKind.HEADING, 1, "الفصل الأول"),
            (BlockKind.PARAGRAPH, 0, LINES[1]),
            (BlockKind.PARAGRAPH, 0, LINES[3] + "[1]"),  # the footnote marker stays where it stands
            (BlockKind.QUOTE, 0, LINES[4]),
            (BlockKind.LIST_ITEM, 1, "أولًا"),
            (BlockKind.LIST_ITEM, 1, "ثانيًا"),
            (BlockKind.LIST_ITEM, 2, "فرع"),
            (BlockKind.HEADING, 2, "الفصل الثاني"),
            (BlockKind.HEADING, 1, LINES[2]),
            *[(BlockKind.PARAGRAPH, 0, line) for line in LINES[5:8]],
            (BlockKind.PARAGRAPH, 0, "An English paragraph, left to right."),
        ]
    )
    assert [b.direction for b in blocks[-2:]] == [Direction.RTL, Direction.LTR]


def test_epub3_split_into_chapters(epub3: Path) -> None:
    articles = read_articles(epub3, split_chapters=True)
    # the cover has no text: no article; the first chapter's label in the contents says more than its
    # heading "الفصل الأول"; the second is named by its most prominent opening heading
    assert [meta.title for meta, _ in articles] == [
        f"الفصل الأول: البداية{TITLE_SEPARATOR}{SEED_TITLE}",
        f"{LINES[2]}{TITLE_SEPARATOR}{SEED_TITLE}",
    ]
    first, second = (blocks for _, blocks in articles)
    assert first[0].text == "الفصل الأول" and first[-1].text == "فرع"
    assert [b.text for b in second[:2]] == ["الفصل الثاني", LINES[2]]  # a chapter keeps its headings
    for meta, _ in articles:
        assert (meta.author, meta.language, meta.published, meta.outlet) == (
            "كاتب المقال", "ar", "2024-03-23", "سي إن إن بالعربية"
        )  # fmt: skip
        assert meta.url == ""  # the URL names the book, not one chapter
        assert meta.source_path == str(epub3.resolve())
    whole = [b for _, blocks in articles for b in blocks]
    assert whole == read_epub(epub3)[1]  # nothing lost, nothing repeated


def test_epub_is_registered_as_reader_and_splitter() -> None:
    assert READERS[".epub"] is read_epub
    assert SPLITTERS[".epub"] is split_epub


# --- an EPUB 2 with an NCX: chapters start inside a file ---------------------------------------------------

OPF2 = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Essays on Margins</dc:title>
    <dc:creator opf:role="aut" opf:file-as="Writer, Jane">Jane Writer</dc:creator>
    <dc:creator opf:role="edt">Ed Itor</dc:creator>
    <dc:identifier id="BookId">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>
    <dc:language>en</dc:language>
    <dc:date opf:event="modification">2021-06-30</dc:date>
    <dc:date opf:event="publication">2019-05</dc:date>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="preface" href="preface.html" media-type="application/xhtml+xml"/>
    <item id="essays" href="essays.html" media-type="application/xhtml+xml"/>
    <item id="third" href="third.html" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="preface"/><itemref idref="essays"/><itemref idref="third"/></spine>
</package>"""
NCX = """<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <docTitle><text>Essays on Margins</text></docTitle>
  <navMap>
    <navPoint id="p1" playOrder="1"><navLabel><text>First essay</text></navLabel><content src="essays.html"/></navPoint>
    <navPoint id="p2" playOrder="2"><navLabel><text>Second essay</text></navLabel><content src="essays.html#e2"/>
      <navPoint id="p2a" playOrder="3"><navLabel><text>A section</text></navLabel><content src="essays.html#e2a"/></navPoint>
    </navPoint>
    <navPoint id="p3" playOrder="4"><navLabel><text>Third: the last essay</text></navLabel><content src="third.html"/></navPoint>
  </navMap>
</ncx>"""
FILES2 = {
    "OEBPS/toc.ncx": NCX.encode(),
    "OEBPS/preface.html": xhtml("<p>A preface the contents do not list.</p>", lang="en", doctype=XHTML11),
    "OEBPS/essays.html": xhtml(
        '<h1 id="e1">First essay</h1><p>One&nbsp;two &mdash; three.</p>'
        f'<h1 id="e2">Second essay</h1><p>{LINES[1]}</p><h2 id="e2a">A section</h2><p>{LINES[3]}</p>',
        lang="en",
        doctype=XHTML11,
    ),
    "OEBPS/third.html": xhtml("<h2>Third</h2><p>The end.</p>", lang="en", doctype=XHTML11),
}


@pytest.fixture
def epub2(tmp_path: Path) -> Path:
    return build_epub(tmp_path / "essays.epub", OPF2, FILES2)


def test_epub2_metadata_and_html_entities(epub2: Path) -> None:
    meta, blocks = read_article(epub2)
    assert (meta.title, meta.author, meta.language) == ("Essays on Margins", "Jane Writer", "en")
    assert meta.published == "2019-05"  # the publication event, not the modification
    assert meta.url == ""  # a urn:uuid identifier is not a URL
    assert blocks[2].text == "One\u00a0two — three."  # XHTML 1.1 entities, DTD not loaded
    assert [b.text for b in blocks if b.kind is BlockKind.HEADING] == [
        "First essay", "Second essay", "A section", "Third"
    ]  # fmt: skip


def test_epub2_split_at_the_ncx_entries_even_inside_a_file(epub2: Path) -> None:
    articles = split_epub(epub2)
    book = "Essays on Margins"
    assert [meta.title for meta, _ in articles] == [
        f"{book} (1)",  # before the first entry, without a heading
        f"First essay{TITLE_SEPARATOR}{book}",
        f"Second essay{TITLE_SEPARATOR}{book}",  # its nested section stays inside it
        f"Third: the last essay{TITLE_SEPARATOR}{book}",
    ]
    assert [[b.text for b in blocks] for _, blocks in articles] == [
        ["A preface the contents do not list."],
        ["First essay", "One\u00a0two — three."],
        ["Second essay", LINES[1], "A section", LINES[3]],
        ["Third", "The end."],
    ]
    assert {(m.author, m.published, m.language) for m, _ in articles} == {("Jane Writer", "2019-05", "en")}


def test_a_lone_wrapping_entry_splits_at_the_level_below(tmp_path: Path) -> None:
    wrapped = NCX.replace("<navMap>", '<navMap><navPoint id="all"><navLabel><text>All</text></navLabel>'
                          '<content src="preface.html"/>').replace("</navMap>", "</navPoint></navMap>")  # fmt: skip
    files = {**FILES2, "OEBPS/toc.ncx": wrapped.encode()}
    titles = [meta.title for meta, _ in split_epub(build_epub(tmp_path / "w.epub", OPF2, files))]
    assert titles[1:] == [f"{t}{TITLE_SEPARATOR}Essays on Margins" for t in
                          ("First essay", "Second essay", "Third: the last essay")]  # fmt: skip


def test_without_a_table_of_contents_each_file_is_a_chapter(tmp_path: Path) -> None:
    opf = OPF2.replace(' toc="ncx"', "").replace(
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>', ""
    )
    files = {k: v for k, v in FILES2.items() if not k.endswith(".ncx")}
    titles = [meta.title for meta, _ in split_epub(build_epub(tmp_path / "plain.epub", opf, files))]
    assert titles == ["Essays on Margins (1)", f"First essay{TITLE_SEPARATOR}Essays on Margins",
                      f"Third{TITLE_SEPARATOR}Essays on Margins"]  # fmt: skip


def test_tolerated_oddities(tmp_path: Path) -> None:
    """No container but a single package; tag soup in a chapter; fonts obfuscated (not DRM); no title."""
    opf = OPF2.replace("<dc:title>Essays on Margins</dc:title>", "")
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/fonts/amiri.otf"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    files = {
        **FILES2,
        "OEBPS/third.html": b"<html><body><p>Unclosed &eacute;<p>tag soup<br>here</body></html>",
        "META-INF/encryption.xml": encryption.encode(),
    }
    meta, blocks = read_epub(build_epub(tmp_path / "odd.epub", opf, files, container=None))
    assert meta.title == "First essay"  # the first heading
    assert [b.text for b in blocks[-2:]] == ["Unclosed é", "tag soup here"]


# --- bad books ---------------------------------------------------------------------------------------------


def _drm(path: Path) -> Path:
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/essays.html"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    return build_epub(path, OPF2, {**FILES2, "META-INF/encryption.xml": encryption.encode()})


def _bomb(path: Path) -> Path:
    members = [("mimetype", b"application/epub+zip"), ("META-INF/container.xml", CONTAINER.encode()),
               ("OEBPS/content.opf", OPF2.encode())]  # fmt: skip
    return write_zip(path, members, bomb=("OEBPS/essays.html", GIB))


def _damaged(path: Path, cut: Callable[[bytes], bytes]) -> Path:
    build_epub(path, OPF2, FILES2)
    path.write_bytes(cut(path.read_bytes()))
    return path


BAD_BOOKS: list[tuple[str, Callable[[Path], Path], ErrorCode, tuple[str, ...]]] = [
    ("zip-bomb", _bomb, ErrorCode.UNSAFE_ARCHIVE, ("zip bomb", "essays.html")),
    ("path-traversal", lambda p: write_zip(p, [("mimetype", b"x"), ("../../evil.html", b"<p/>")]),
     ErrorCode.UNSAFE_ARCHIVE, ("'..'",)),
    ("truncated", lambda p: _damaged(p, lambda d: d[: len(d) * 2 // 3]), ErrorCode.MALFORMED,
     ("not a valid EPUB file",)),
    ("random-bytes", lambda p: _damaged(p, lambda d: bytes((i * 31 + 7) % 256 for i in range(len(d)))),
     ErrorCode.MALFORMED, ("not a valid EPUB file",)),
    ("pdf-renamed", lambda p: _damaged(p, lambda d: b"%PDF-1.7\n" + d[:100]), ErrorCode.MALFORMED,
     ("not a valid EPUB file",)),
    ("no-package", lambda p: write_zip(p, [("mimetype", b"application/epub+zip"), ("OEBPS/x.html", b"<p/>")]),
     ErrorCode.MALFORMED, ("no package document",)),
    ("container-points-nowhere", lambda p: build_epub(p, OPF2, FILES2, container=CONTAINER.replace(
        "OEBPS/content.opf", "OEBPS/book.opf")), ErrorCode.MALFORMED, ("OEBPS/book.opf", "missing")),
    ("missing-chapter", lambda p: build_epub(p, OPF2, {k: v for k, v in FILES2.items() if "essays" not in k}),
     ErrorCode.MALFORMED, ("OEBPS/essays.html", "missing")),
    ("unknown-spine-item", lambda p: build_epub(p, OPF2.replace('idref="third"', 'idref="fourth"'), FILES2),
     ErrorCode.MALFORMED, ("fourth",)),
    ("no-spine", lambda p: build_epub(p, re.sub(r"<spine.*</spine>", "", OPF2), FILES2), ErrorCode.MALFORMED,
     ("no spine",)),
    ("drm", _drm, ErrorCode.ENCRYPTED, ("DRM-protected", "OEBPS/essays.html")),
    ("billion-laughs-chapter", lambda p: build_epub(p, OPF2, {**FILES2, "OEBPS/third.html": billion_laughs()}),
     ErrorCode.MALFORMED, ("third.html", "entit")),
    ("billion-laughs-package", lambda p: build_epub(p, billion_laughs("package").decode(), FILES2),
     ErrorCode.MALFORMED, ("content.opf", "entit")),
    ("deeply-nested-chapter", lambda p: build_epub(p, OPF2, {**FILES2, "OEBPS/third.html": deeply_nested()}),
     ErrorCode.MALFORMED, ("third.html", "limits")),
    ("broken-package-xml", lambda p: build_epub(p, OPF2.replace("</metadata>", ""), FILES2),
     ErrorCode.MALFORMED, ("content.opf", "not well-formed")),
    ("images-only", lambda p: build_epub(p, OPF2, {**FILES2, **{k: xhtml('<img src="a.png" alt="x"/>')
     for k in FILES2 if k.endswith(".html")}}), ErrorCode.EMPTY, ()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "code", "words"), [case[1:] for case in BAD_BOOKS], ids=[c[0] for c in BAD_BOOKS]
)
@pytest.mark.parametrize("split", [False, True], ids=["whole", "split"])
def test_bad_books_give_one_clear_error(
    tmp_path: Path, make: Callable[[Path], Path], code: ErrorCode, words: tuple[str, ...], split: bool
) -> None:
    path = make(tmp_path / "bad.epub")
    error = refusal(lambda: read_articles(path, split_chapters=split))
    assert_refused(error, path, code, *words)


@pytest.mark.parametrize(
    "compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED], ids=["stored", "deflated"]
)
def test_damaged_bytes_give_a_typed_error_or_a_book(tmp_path: Path, compression: int) -> None:
    """Bytes overwritten anywhere (in the XML when stored): an article or a HawamishError, nothing else."""
    book = build_epub(tmp_path / "book.epub", OPF3, FILES3, compression=compression)
    for path in damaged_copies(book, 60):
        for split in (False, True):
            try:
                read_articles(path, split_chapters=split)
            except HawamishError as exc:
                assert exc.path == str(path)


def test_opening_a_library_and_the_importers_loads_no_xml_parser(tmp_path: Path) -> None:
    """lxml comes with the first EPUB or Word file read, not with the app."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import reader.core.importers\n"
        "from reader.core.library import Library\n"
        f"Library(Path({str(tmp_path / 'lib')!r})).close()\n"
        "print(sorted(m for m in ('lxml', 'docx', 'xml.dom', 'xml.etree') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- the Arabic EPUB 3 of ../shared ----------------------------------------------------------------------

BOOK = ("books", "regime-anticancer-arabic.epub")


def _paragraphs_read_independently(path: Path) -> list[str]:
    """The text of every <p> of the book's one text chapter, by regular expression (no lxml)."""
    with zipfile.ZipFile(path) as archive:
        source = archive.read("EPUB/Content/C_content.xhtml").decode("utf-8")
    found = []
    for inner in re.findall(r"<p[^>]*>(.*?)</p>", source, flags=re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).replace("\u00a0", "\x00").split())
        found.append(text.replace("\x00", "\u00a0"))
    return found


@pytest.mark.corpus
@needs_shared(*BOOK)
def test_the_arabic_epub3_of_the_shared_books() -> None:
    path = shared_path(*BOOK)
    meta, blocks = read_article(path)
    assert meta.title == "Le Vrai Régime anti-cancer"  # dc:title (the Arabic one is only an alternate script)
    assert meta.author == "Pr David Khayat, Nathalie Hutter-Lardeau"  # the translator (trl) is not an author
    assert (meta.language, meta.published, meta.outlet) == ("ar", "2012", "Hachette Antoine")
    assert [(b.kind, b.level, b.text) for b in blocks[:3]] == [
        (BlockKind.HEADING, 2, "الفصل الثاني"),
        (BlockKind.HEADING, 1, "ما هو السرطان؟"),
        (BlockKind.HEADING, 1, "من أين تأتي الحياة؟"),
    ]  # the cover and title page are images: the text starts with the chapter
    paragraphs = [b.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs == _paragraphs_read_independently(path)
    assert len(paragraphs) == 137
    assert paragraphs[0].startswith("حسنًا! إن أردنا أن نفهم الآن")
    assert all(b.direction is Direction.RTL for b in blocks)
    articles = read_articles(path, split_chapters=True)
    assert [m.title for m, _ in articles] == [f"ما هو السرطان؟{TITLE_SEPARATOR}Le Vrai Régime anti-cancer"]
    assert articles[0][1] == blocks


def test_errors_name_the_file_even_from_a_reader_called_directly(tmp_path: Path) -> None:
    path = tmp_path / "notes.epub"
    path.write_bytes(b"plain words, not a zip")
    with pytest.raises(HawamishError) as caught:
        read_epub(path)
    assert_refused(caught.value, path, ErrorCode.MALFORMED, "not a valid EPUB file")

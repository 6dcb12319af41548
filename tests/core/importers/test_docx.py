"""Word .docx: documents made by python-docx (Word's own template and styles) and by hand (the XML shapes
Word writes: localised style ids, outline levels, text boxes, tracked changes), and every bad file refused."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import READERS, read_article, read_articles
from reader.core.importers.docx import read_docx
from reader.core.text import BlockKind, Direction
from tests.conftest import SEED_TITLE
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

LINES = seed_lines()
H, P, Q, L = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM


def _right_to_left(paragraph: docx.text.paragraph.Paragraph) -> None:
    paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def _numbered(paragraph: docx.text.paragraph.Paragraph, level: int, num_id: str = "1") -> None:
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        numbering.append(element)
    paragraph._p.get_or_add_pPr().append(numbering)


def word_document(path: Path, *, title: str = "هوامش على مقال", author: str = "ليلى") -> Path:
    """The seed as a Word user would lay it out, through python-docx and Word's default template."""
    document = docx.Document()
    properties = document.core_properties
    properties.title, properties.author, properties.language = title, author, "ar-SA"
    properties.created = datetime(2024, 3, 23, 9, 30)
    properties.modified = datetime(2025, 1, 2, 10, 0)
    document.add_paragraph(SEED_TITLE, style="Title")
    _right_to_left(document.add_paragraph(LINES[1]))
    document.add_heading(LINES[2], level=1)
    _right_to_left(document.add_paragraph(LINES[3]))
    document.add_paragraph(LINES[4], style="Quote")
    document.add_paragraph("اقتباس مكثف", style="Intense Quote")
    document.add_paragraph("أولًا", style="List Number")
    _numbered(document.add_paragraph("فرع"), level=1)
    document.add_paragraph("ثانيًا", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "خلية أولى", "second cell"
    document.add_heading("Notes", level=2)
    paragraph = document.add_paragraph("An English ")
    paragraph.add_run("paragraph").bold = True
    paragraph.add_run("\twith a tab.")
    document.save(str(path))
    return path


def test_word_document_blocks_and_metadata(tmp_path: Path) -> None:
    path = word_document(tmp_path / "seed.docx")
    meta, blocks = read_article(path)
    assert (meta.title, meta.author, meta.language) == ("هوامش على مقال", "ليلى", "ar")
    assert meta.published == "2024-03-23"  # created, not modified
    assert (meta.outlet, meta.url, meta.source_path) == ("", "", str(path.resolve()))
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (H, 1, SEED_TITLE),  # the Title style; kept, it is not the document's title
        (P, 0, LINES[1]),
        (H, 1, LINES[2]),
        (P, 0, LINES[3]),
        (Q, 0, LINES[4]),
        (Q, 0, "اقتباس مكثف"),
        (L, 1, "أولًا"),
        (L, 2, "فرع"),
        (L, 1, "ثانيًا"),
        (P, 0, "خلية أولى"),
        (P, 0, "second cell"),
        (H, 2, "Notes"),
        (P, 0, "An English paragraph with a tab."),
    ]
    assert blocks[1].direction is Direction.RTL and blocks[-1].direction is Direction.LTR


def test_title_falls_back_to_the_first_heading_then_the_file_name(tmp_path: Path) -> None:
    meta, blocks = read_docx(word_document(tmp_path / "a.docx", title="", author="python-docx"))
    assert meta.title == SEED_TITLE and blocks[0].text == LINES[1]  # the title is not repeated as a block
    assert meta.author == ""  # python-docx's template names itself, not a writer
    document = docx.Document()
    document.core_properties.title = ""
    document.add_paragraph("نص بلا عنوان")
    document.save(str(tmp_path / "مسودة.docx"))
    meta, blocks = read_docx(tmp_path / "مسودة.docx")
    assert meta.title == "مسودة" and [b.text for b in blocks] == ["نص بلا عنوان"]


def test_docx_is_registered() -> None:
    assert READERS[".docx"] is read_docx


# --- Word's XML by hand ----------------------------------------------------------------------------------

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="/word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
    'package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NAMESPACES}>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="Mon titre"/><w:basedOn w:val="Titre1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Plan"><w:name w:val="Plan"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Citation"><w:name w:val="Quote"/></w:style>
  <w:style w:type="paragraph" w:styleId="Listenumros"><w:name w:val="List Number"/>
    <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="A"><w:name w:val="loop a"/><w:basedOn w:val="B"/></w:style>
  <w:style w:type="paragraph" w:styleId="B"><w:name w:val="loop b"/><w:basedOn w:val="A"/></w:style>
</w:styles>"""
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
    "<dc:creator>Administrator</dc:creator><dcterms:modified>2025-02-02T00:00:00Z</dcterms:modified>"
    "</cp:coreProperties>"
)


def para(text: str, style: str = "", properties: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:p><w:pPr>{style_xml}{properties}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def text_box(anchor: str, inside: str) -> str:
    """A paragraph anchoring a text box, written twice as Word does: the shape and its legacy VML twin."""
    box = f"<w:txbxContent>{para(inside)}</w:txbxContent>"
    return (
        f"<w:p><w:r><w:t>{anchor}</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )


BODY = "".join(
    [
        para("عنوان بالفرنسية", "Titre1"),
        para("عنوان موروث", "MonTitre"),
        para("مستوى في الخطة", "Plan"),
        para("نص عادي رغم الخطة", "Plan", '<w:outlineLvl w:val="9"/>'),
        para("مستوى مباشر", "", '<w:outlineLvl w:val="1"/>'),
        para("Kop zonder stijl", "Kop2"),
        para("اقتباس", "Citation"),
        para("بند مرقم", "Listenumros"),
        para("بند ألغي ترقيمه", "Listenumros", '<w:numPr><w:numId w:val="0"/></w:numPr>'),
        para("حلقة في الأنماط", "A"),
        para(LINES[3], "", "<w:bidi/>"),
        '<w:p><w:r><w:t xml:space="preserve">قبل </w:t></w:r><w:del w:id="1"><w:r><w:delText>محذوف</w:delText>'
        '</w:r></w:del><w:ins w:id="2"><w:r><w:t>مضاف</w:t></w:r></w:ins><w:r><w:tab/><w:t>بعد</w:t>'
        "<w:br/><w:t>سطر</w:t></w:r></w:p>",
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
        '"https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:hyperlink><w:r><w:t>رابط</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        text_box("مرساة", "داخل الإطار"),
        f"<w:sdt><w:sdtPr/><w:sdtContent>{para('في عنصر تحكم')}</w:sdtContent></w:sdt>",
        "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>" + para("جدول داخل جدول") + "</w:tc></w:tr></w:tbl></w:tc>"
        "<w:tc>" + para("خلية", "Titre1") + "</w:tc></w:tr></w:tbl>",
        para("   "),
        "<w:sectPr/>",
    ]
)


def document_xml(body: str = BODY) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>{body}</w:body></w:document>'.encode()


def build_docx(
    path: Path, parts: dict[str, bytes | None] | None = None, compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    files: dict[str, bytes | None] = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": ROOT_RELS.encode(),
        "word/document.xml": document_xml(),
        "word/styles.xml": STYLES.encode(),
        "docProps/core.xml": CORE.encode(),
    }
    files.update(parts or {})
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in files.items():
            if data is not None:
                archive.writestr(name, data)
    return path


def test_word_xml_by_hand(tmp_path: Path) -> None:
    meta, blocks = read_docx(build_docx(tmp_path / "تقرير.docx"))
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (H, 1, "عنوان موروث"),  # MonTitre is based on Titre1, i.e. "heading 1"
        (H, 3, "مستوى في الخطة"),  # the style's outline level
        (P, 0, "نص عادي رغم الخطة"),  # outline level 9 on the paragraph: body text
        (H, 2, "مستوى مباشر"),  # the paragraph's own outline level
        (H, 2, "Kop zonder stijl"),  # a Dutch heading id that styles.xml does not define
        (Q, 0, "اقتباس"),
        (L, 1, "بند مرقم"),  # numbered by its style
        (P, 0, "بند ألغي ترقيمه"),  # numId 0: numbering switched off
        (P, 0, "حلقة في الأنماط"),  # styles based on each other in a circle
        (P, 0, LINES[3]),
        (P, 0, "قبل مضاف بعد سطر"),  # the deletion gone, the insertion kept; tab and break as spaces
        (P, 0, "رابط"),  # the field's result, not its code
        (P, 0, "مرساة"),
        (P, 0, "داخل الإطار"),  # the text box once, after its anchor
        (P, 0, "في عنصر تحكم"),
        (P, 0, "جدول داخل جدول"),
        (H, 1, "خلية"),
    ]
    assert meta.title == "عنوان بالفرنسية"  # no title in the properties: the first heading, not repeated
    # a placeholder account is no author; the date of the last save is not a date of writing
    assert (meta.author, meta.published) == ("", "")


def test_without_styles_the_localised_heading_ids_still_read(tmp_path: Path) -> None:
    meta, blocks = read_docx(
        build_docx(tmp_path / "bare.docx", {"word/styles.xml": None, "_rels/.rels": None})
    )
    assert meta.title == "عنوان بالفرنسية"  # Titre1 is a heading by its id alone
    assert (blocks[0].kind, blocks[0].text) == (P, "عنوان موروث")  # MonTitre says nothing without styles.xml
    assert (blocks[-1].kind, blocks[-1].level, blocks[-1].text) == (H, 1, "خلية")


# --- bad documents -----------------------------------------------------------------------------------------

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a password-protected .docx is an OLE file, not a zip


def _damaged(path: Path, cut: Callable[[bytes], bytes]) -> Path:
    build_docx(path)
    path.write_bytes(cut(path.read_bytes()))
    return path


BAD_DOCUMENTS: list[tuple[str, Callable[[Path], Path], ErrorCode, tuple[str, ...]]] = [
    ("zip-bomb", lambda p: write_zip(p, [("_rels/.rels", ROOT_RELS.encode())], bomb=("word/document.xml", GIB)),
     ErrorCode.UNSAFE_ARCHIVE, ("word/document.xml", "zip bomb")),
    ("no-document", lambda p: build_docx(p, {"word/document.xml": None}), ErrorCode.MALFORMED,
     ("no word/document.xml",)),
    ("spreadsheet", lambda p: write_zip(p, [("xl/workbook.xml", b"<workbook/>")]), ErrorCode.MALFORMED,
     ("not a Word document",)),
    ("password-protected", lambda p: _damaged(p, lambda d: OLE_MAGIC + bytes(4000)), ErrorCode.MALFORMED,
     ("not a valid Word file",)),
    ("truncated", lambda p: _damaged(p, lambda d: d[: len(d) // 2]), ErrorCode.MALFORMED,
     ("not a valid Word file",)),
    ("random-bytes", lambda p: _damaged(p, lambda d: bytes((i * 131 + 5) % 256 for i in range(len(d)))),
     ErrorCode.MALFORMED, ("not a valid Word file",)),
    ("path-traversal", lambda p: write_zip(p, [("word/document.xml", document_xml()), ("../x.xml", b"<x/>")]),
     ErrorCode.UNSAFE_ARCHIVE, ("'..'",)),
    ("billion-laughs", lambda p: build_docx(p, {"word/document.xml": billion_laughs("w:document")}),
     ErrorCode.MALFORMED, ("word/document.xml", "entities")),
    ("billion-laughs-styles", lambda p: build_docx(p, {"word/styles.xml": billion_laughs("w:styles")}),
     ErrorCode.MALFORMED, ("word/styles.xml", "entities")),
    ("deeply-nested", lambda p: build_docx(p, {"word/document.xml": deeply_nested()}), ErrorCode.MALFORMED,
     ("word/document.xml", "limits")),
    ("broken-xml", lambda p: build_docx(p, {"word/document.xml": document_xml()[:-20]}), ErrorCode.MALFORMED,
     ("word/document.xml", "not well-formed")),
    ("no-text", lambda p: build_docx(p, {"word/document.xml": document_xml(para("") + "<w:sectPr/>")}),
     ErrorCode.EMPTY, ()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "code", "words"), [c[1:] for c in BAD_DOCUMENTS], ids=[c[0] for c in BAD_DOCUMENTS]
)
def test_bad_documents_give_one_clear_error(
    tmp_path: Path, make: Callable[[Path], Path], code: ErrorCode, words: tuple[str, ...]
) -> None:
    path = make(tmp_path / "bad.docx")
    error = refusal(lambda: read_articles(path, split_chapters=True))  # no splitter: one article
    assert_refused(error, path, code, *words)


@pytest.mark.parametrize(
    "compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED], ids=["stored", "deflated"]
)
def test_damaged_bytes_give_a_typed_error_or_a_document(tmp_path: Path, compression: int) -> None:
    """Bytes overwritten anywhere (in the XML when stored): an article or a HawamishError, nothing else."""
    for path in damaged_copies(build_docx(tmp_path / "doc.docx", compression=compression), 60):
        try:
            read_docx(path)
        except HawamishError as exc:
            assert exc.path == str(path)

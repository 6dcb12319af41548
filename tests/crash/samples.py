"""Small valid files of every importable format, each carrying a word found nowhere else (its token).

The crash harness imports them while it kills the importer; afterwards it searches for the token to prove
the article is there and the search index knows it. Built in code: no shared data needed.
"""

from __future__ import annotations

import random
import string
import zipfile
from pathlib import Path

FORMATS = ("txt", "md", "html", "pdf", "epub", "docx")

ARABIC_LINES = (
    "أعلن الكاتب أن الحوار بين الثقافات ضرورة لا ترف، وأن الاختلاف يغني ولا يفرق.",
    "وفي المقال نفسه يقول إن القراءة المتأنية تكشف ما تخفيه العناوين السريعة.",
    "The English sentence keeps its own direction inside the Arabic article.",
)


def new_token(rng: random.Random) -> str:
    """A made-up word (lower-case Latin letters) that no analyzer stems into another word."""
    return "zq" + "".join(rng.choice(string.ascii_lowercase) for _ in range(10))


def write_sample(folder: Path, fmt: str, token: str) -> tuple[Path, str]:
    """A file of format `fmt` whose text contains `token` once; its path and the title it should import as."""
    folder.mkdir(parents=True, exist_ok=True)
    title = f"Article {token[::-1]}"  # not the token itself: the token occurs once in the text
    body = [f"{ARABIC_LINES[0]} {token} {ARABIC_LINES[1]}", ARABIC_LINES[2]]
    path = folder / f"{token}.{fmt}"
    if fmt == "txt":
        path.write_text("\n".join([title, *body]) + "\n", encoding="utf-8")
    elif fmt == "md":
        path.write_text(f"# {title}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    elif fmt == "html":
        paragraphs = "".join(f"<p>{line}</p>" for line in body * 3)
        path.write_text(
            f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>",
            encoding="utf-8",
        )
    elif fmt == "pdf":
        _pdf(path, title, [f"An English page about {token} and nothing else.", ARABIC_LINES[2]])
    elif fmt == "epub":
        _epub(path, title, body)
    elif fmt == "docx":
        _docx(path, title, body)
    else:  # pragma: no cover - a caller's mistake
        raise ValueError(fmt)
    return path, title


def _pdf(path: Path, title: str, lines: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", size=16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=12)
    for line in lines:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))


_CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def _epub(path: Path, title: str, lines: list[str]) -> None:
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="ar">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:{path.stem}</dc:identifier>
    <dc:title>{title}</dc:title>
    <dc:language>ar</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ch1" href="ch1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="ch1"/></spine>
</package>"""
    head = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="ar">'
    nav = f'{head}<head><title>nav</title></head><body><nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol><li><a href="ch1.xhtml">{title}</a></li></ol></nav></body></html>'
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    chapter = f"{head}<head><title>{title}</title></head><body><h1>{title}</h1>{paragraphs}</body></html>"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", _CONTAINER, zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/content.opf", opf, zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/nav.xhtml", nav, zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/ch1.xhtml", chapter, zipfile.ZIP_DEFLATED)


def _docx(path: Path, title: str, lines: list[str]) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))

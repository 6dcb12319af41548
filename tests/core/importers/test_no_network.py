"""No importer touches the network: every format imports with every socket connection refused.

Saved web pages name remote images, fonts and canonical URLs; EPUB and Word XML can name external entities
and DTDs; trafilatura can fetch pages. None of that may leave the machine: the reader is for offline work.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reader.core.library import Library
from tests.core.importers import html_pages as pages
from tests.core.importers.pdf_samples import seed_pdf
from tests.core.importers.test_docx import build_docx
from tests.core.importers.test_epub import FILES3, OPF3, build_epub
from tests.core.importers.test_mhtml import mhtml_bytes
from tests.core.seed_helpers import seed_lines


def test_every_format_imports_with_the_network_refused(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an importer tried to use the network")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    folder = tmp_path / "every format"
    folder.mkdir()
    # (the seed itself comes in as the PDF: its text would make a .txt of it a duplicate)
    (folder / "column.txt").write_text("عمود\n\nفقرة من عمود رأي &quot;قصير&quot;.\n", encoding="utf-8")
    (folder / "note.md").write_text("# عنوان\n\nفقرة من ملاحظة في الهامش.\n", encoding="utf-8")
    (folder / "page.html").write_text(pages.og_only_page(), encoding="utf-8")
    (folder / "saved.mhtml").write_bytes(mhtml_bytes(pages.opinion_page().encode()))
    build_epub(folder / "book.epub", OPF3, FILES3)
    build_docx(folder / "letter.docx")
    seed_pdf(folder / "printed.pdf", seed_lines())

    results = library.import_paths([folder])
    assert {Path(r.path).suffix: r.status for r in results} == {
        ".docx": "imported",
        ".epub": "imported",
        ".html": "imported",
        ".md": "imported",
        ".mhtml": "imported",
        ".pdf": "imported",
        ".txt": "imported",
    }, [(r.path, r.error) for r in results if r.error]

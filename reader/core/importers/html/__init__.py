"""Saved web pages: `.html`, `.htm`, `.xhtml` ("Web page, complete" or "HTML only") and `.mhtml`/`.mht`.

A researcher saves an opinion piece from the browser; the article is a small part of the file, among menus,
share bars, related links, cookie banners and comments. The readers here keep the article only, with its
headings, paragraphs, quotes and list items, and the metadata the page states (docs/import.md, "Web pages").

    charset.py   bytes -> text (BOM, transport charset, <meta charset>, then a guess)
    tree.py      text -> lxml tree, with the limits that keep odd pages fast
    metadata.py  what the markup says: JSON-LD, Open Graph, <meta>, canonical link, lang
    extract.py   the main text by trafilatura, as blocks; its date and fallback metadata
    page.py      the steps above, merged into (ArticleMeta, blocks)
    mhtml.py     the page inside an MHTML file

Importing this package loads none of them (lxml and trafilatura wait for the first page). Nothing here
touches the network: trafilatura gets the parsed tree, never a URL.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.decoding import read_bytes
from reader.core.importers.html.mhtml import html_part
from reader.core.models import ArticleMeta
from reader.core.text import Block

#: A saved page above this is not an article (the largest in ../shared/html is 1.3 MB).
MAX_HTML_BYTES = 20 * 1024 * 1024
#: An MHTML file carries the page's images too.
MAX_MHTML_BYTES = 60 * 1024 * 1024

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
MHTML_EXTENSIONS = (".mhtml", ".mht")


def read_html(path: Path) -> tuple[ArticleMeta, list[Block]]:
    """The article in a saved HTML page (raises HawamishError)."""
    from reader.core.importers.html.page import import_page

    return import_page(read_bytes(path, max_bytes=MAX_HTML_BYTES), path)


def read_mhtml(path: Path) -> tuple[ArticleMeta, list[Block]]:
    """The article in a page saved as MHTML (raises HawamishError; MALFORMED when it holds no HTML part)."""
    from reader.core.importers.html.page import import_page

    part = html_part(read_bytes(path, max_bytes=MAX_MHTML_BYTES), str(path))
    if len(part.data) > MAX_HTML_BYTES:
        detail = f"HTML part of {len(part.data)} bytes, limit {MAX_HTML_BYTES}"
        raise HawamishError(ErrorCode.TOO_LARGE, str(path), detail)
    return import_page(part.data, path, charset=part.charset, location=part.location)

"""The text of a saved page: the encoding its bytes say they are in, else the one they look like.

A browser decides from, in order: a byte-order mark, the HTTP header (gone in a saved file; an MHTML part
keeps it as its `charset`), the page's own `<meta charset>` or `http-equiv` declaration, then a guess. We
do the same, with the guess of the other readers (strict UTF-8, then reader.core.importers.decoding's
Windows-1256/1252-minded detection). A declared charset that Python does not know, or that the bytes do not
fit (pages that say UTF-8 and are Windows-1256), falls through to the guess: never a LookupError.
"""

from __future__ import annotations

import codecs
import re

from reader.core.importers.decoding import decode_bytes

#: How far into the file a declaration is looked for: browsers look at the first 1,024 bytes, real pages
#: put a `<meta charset>` after kilobytes of scripts and styles.
_PRESCAN = 64 * 1024

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]{1,40})""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:+-]{1,40})""")

#: Labels whose meaning on the web is not Python's (the WHATWG Encoding Standard): Latin-1 and ASCII pages
#: are Windows-1252, a page that declares UTF-16 without a BOM is ASCII-compatible, GB2312 is GB18030.
_WEB_LABELS = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-kr": "cp949",
}


def python_codec(label: str | None) -> str | None:
    """The Python codec for a charset label of the web, or None when there is none (an unknown name)."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _WEB_LABELS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in an XML declaration, `<meta charset>` or `http-equiv` (raw label)."""
    head = data[:_PRESCAN]
    found = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def decode_page(data: bytes, where: str | None, *, charset: str | None = None) -> str:
    """The page's text. `charset` is a transport's label (an MHTML part's), trusted before the page's own.

    Raises HawamishError: EMPTY, BINARY (an image named .html), UNDECODABLE.
    """
    if not data or data.startswith(_BOMS):  # a BOM decides (UTF-32 LE's starts with UTF-16 LE's)
        return decode_bytes(data, where)
    if b"\x00" not in data[:8192]:  # NULs: UTF-16 without a BOM or binary data, decode_bytes tells which
        for label in (charset, declared_charset(data)):
            codec = python_codec(label)
            if codec is None or codec.startswith(("utf-16", "utf-32")):
                continue
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # the declaration does not fit the bytes: guess as for any other file
    return decode_bytes(data, where)

"""XML from files we did not write, parsed without entity expansion, network access or unbounded trees.

lxml (already installed with trafilatura and python-docx) is imported on the first parse, never at start-up.
Its parser is told not to resolve entities, not to load DTDs or touch the network, and to keep libxml2's
limits (`huge_tree=False`: nesting depth 256, text nodes of 10 MB, the entity amplification guard). On top
of that, a document that declares entities of its own (the "billion laughs" shape) is refused outright, as
defusedxml does: EPUB and Word files never need them. Resource limits and refusals are MALFORMED errors
whose detail says which limit it was.

EPUB chapters are XHTML, but books in the wild carry HTML entities (`&nbsp;` without a DTD) and unclosed
tags; `parse_xml(..., lenient=True)` then reads the bytes again with libxml2's HTML parser (which knows
HTML's named entities and never expands declared ones). Everything else must be well-formed.
"""

from __future__ import annotations

import functools
import html.entities
import re
from typing import Any

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import clean_edges

#: An lxml element (lxml ships no type information).
Element = Any

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: What HTML collapses (ASCII whitespace), and what would end a line elsewhere (a block holds one line).
#: No-break and thin spaces are kept, as a browser keeps them.
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f\v\x1c-\x1e\x85\u2028\u2029]+")


@functools.cache
def lxml_etree() -> Any:
    from lxml import etree

    return etree


def _parser() -> Any:
    return lxml_etree().XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def _refused(path: str, what: str, detail: str) -> HawamishError:
    return HawamishError(ErrorCode.MALFORMED, path, f"{what}: {detail}")


def parse_xml(data: bytes, path: str, what: str, *, lenient: bool = False) -> Element:
    """The root element of `data` (raises MALFORMED naming `what`, e.g. "chapter Text/ch1.xhtml").

    With `lenient`, a document that is not well-formed XML is read as HTML instead.
    """
    etree = lxml_etree()
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if _ENTITY_DECLARATION.search(data):
            raise _refused(path, what, "declares XML entities (refused: entity expansion)") from None
        if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise _refused(path, what, f"beyond the XML parser's limits ({exc.msg})") from None
        if not lenient:
            raise _refused(path, what, f"not well-formed XML ({exc.msg})") from None
        root = _parse_html(data)
    else:
        dtd = root.getroottree().docinfo.internalDTD
        if dtd is not None and any(True for _ in dtd.iterentities()):
            raise _refused(path, what, "declares XML entities (refused: entity expansion)")
    if root is None:
        raise _refused(path, what, "no content")
    return root


def _parse_html(data: bytes) -> Element:
    """`data` read by libxml2's HTML parser (tolerant; EPUB text is UTF-8 or UTF-16 with a BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that declares an encoding
    etree = lxml_etree()
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, default_doctype=False)
    try:
        return etree.fromstring(text, parser)
    except (etree.XMLSyntaxError, etree.ParserError, ValueError):
        return None


def local_name(element: Element) -> str:
    """The tag of `element` without its namespace, lower case; '' for comments, entities and the like."""
    tag = element.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


def attribute(element: Element, name: str) -> str:
    """The value of the attribute with local name `name`, whatever its namespace ('' when absent)."""
    value = element.get(name)
    if value is not None:
        return str(value)
    for key, found in element.attrib.items():
        if key.rpartition("}")[2] == name:
            return str(found)
    return ""


def is_entity(node: Element) -> bool:
    return bool(node.tag is lxml_etree().Entity)


def entity_text(node: Element) -> str:
    """The character an unresolved entity reference stands for when it is one of HTML's (`&nbsp;` in
    an XHTML 1.1 chapter whose DTD we do not load); '' for any other entity."""
    name = str(node.name)
    codepoint = html.entities.name2codepoint.get(name)
    return chr(codepoint) if codepoint is not None else ""


def collapse(text: str) -> str:
    """`text` on one line: runs of spaces, tabs and line ends as one space, as HTML renders them; no
    invisible junk at the edges (no-break spaces and zero-width joiners inside the text are kept)."""
    return clean_edges(_COLLAPSIBLE.sub(" ", text))


def text_of(element: Element) -> str:
    """All the text inside `element`, collapsed onto one line (entity references as their characters)."""
    parts: list[str] = []
    for node in element.iter():
        if is_entity(node):
            parts.append(entity_text(node))
        elif isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return collapse("".join(parts))

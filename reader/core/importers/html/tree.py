"""A page's text parsed into an lxml tree, in bounded time whatever the page holds.

libxml2 parses nearly anything, but a few shapes cost time out of proportion to their size (measured on
generated pages of a few megabytes, docs/import.md): a tag with tens of thousands of attributes (duplicate
checks are quadratic: 20,000 take 2 s to parse and 6 s more to extract), a 10 MB attribute value (16 s in
trafilatura's class and id tests), tens of thousands of elements (trafilatura's XPath searches grow with
their square: 50,000 paragraphs take 14 s). So, before parsing, a tag longer than `MAX_TAG_CHARS` loses its
attributes; after, the elements that never hold an article's text are removed and plain inline wrappers
unwrapped (as trafilatura would, later), attribute values longer than `MAX_ATTRIBUTE_CHARS` are dropped (a
page's text never lives there) and a page with more than `MAX_ELEMENTS` elements left is refused.
`huge_tree` lets a 10 MB text node through (the file size is already bounded); nesting deeper than
libxml2's 2,048 levels is reported, not cut silently.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from reader.core.errors import ErrorCode, HawamishError

#: Elements left once the ones without text are gone: far above any article page (the 61 saved pages in
#: ../shared/html have at most 3,138 before pruning), and extracted in about 4 s at worst.
MAX_ELEMENTS = 25_000
MAX_TAG_CHARS = 16 * 1024
MAX_ATTRIBUTE_CHARS = 4096

#: Elements that never hold an article's text, removed at once (trafilatura would, later and slower):
#: they are most of a modern page's elements (icon sprites, menus of options, embedded players).
_NEVER_TEXT = (
    "style", "noscript", "template", "svg", "canvas", "select", "datalist", "iframe", "frame", "frameset",
    "object", "embed", "applet", "audio", "video", "source", "track", "map", "area", "input", "textarea",
    "button",
)  # fmt: skip
#: Wrappers without meaning for the text, unwrapped when they have no attributes (their text stays), as
#: trafilatura would: its time grows with the square of the number of elements.
_UNWRAPPED = (
    "span", "font", "abbr", "acronym", "bdi", "bdo", "big", "cite", "data", "dfn", "ins", "mark", "nobr",
    "small", "wbr", "tbody", "thead", "tfoot",
)  # fmt: skip

_UNWRAP = "hawamish-unwrap"
_JSON_LD = "hawamish-json-ld"
#: Below this many removed or unwrapped elements, the runs of text nodes they leave cost nothing.
_REPARSE_AFTER = 5000

#: The start of a tag and more than MAX_TAG_CHARS characters without '<' or '>' (linear: no scan crosses
#: a '<', so each character is read by at most one attempt).
_LONG_TAG = re.compile(rf"<([A-Za-z][A-Za-z0-9:-]{{0,40}})[^<>]{{{MAX_TAG_CHARS},}}")


def parse_page(text: str, where: str | None) -> HtmlElement:
    """The root `<html>` element of `text`, without the elements that never hold an article's text
    (raises HawamishError: EMPTY, MALFORMED, TOO_LARGE)."""
    if not text.strip():
        raise HawamishError(ErrorCode.EMPTY, where, "only whitespace")
    root = _parse(_LONG_TAG.sub(r"<\1 ", text).encode("utf-8", errors="replace"), where)
    if _prune(root) > _REPARSE_AFTER:
        # removing and unwrapping leave runs of text nodes that lxml joins again, in quadratic time, on
        # every read of an element's text: a serialised and parsed tree has one node a run
        root = _parse(lxml.html.tostring(root, encoding="utf-8"), where)
    for count, element in enumerate(root.iter(etree.Element), 1):
        if count > MAX_ELEMENTS:
            raise HawamishError(ErrorCode.TOO_LARGE, where, f"more than {MAX_ELEMENTS} HTML elements")
        attrib = element.attrib
        for name in [k for k, v in attrib.items() if len(v) > MAX_ATTRIBUTE_CHARS]:
            del attrib[name]
    return root


def _parse(data: bytes, where: str | None) -> HtmlElement:
    parser = lxml.html.HTMLParser(
        encoding="utf-8",  # the text is already decoded: a <meta charset> must not re-decode it
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except etree.ParserError as exc:  # "Document is empty": markup without a single element
        raise HawamishError(ErrorCode.EMPTY, where, str(exc) or "no HTML elements") from None
    except (etree.LxmlError, ValueError) as exc:
        raise HawamishError(ErrorCode.MALFORMED, where, f"HTML parser: {exc}") from None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            raise HawamishError(ErrorCode.MALFORMED, where, f"HTML parser stopped: {entry.message.strip()}")
    if root is None:
        raise HawamishError(ErrorCode.EMPTY, where, "no HTML elements")
    return root


#: JSON-LD longer than this is dropped with the other scripts (reader.core.importers.html.metadata ignores it
#: too): trafilatura minifies each one with a regular expression that took 1.4 GB on a 10 MB headline.
MAX_JSON_LD_CHARS = 1_000_000


def _prune(root: HtmlElement) -> int:
    """Remove the elements without text and unwrap the plain wrappers; how many there were."""
    for script in root.iter("script"):
        if "ld+json" in (script.get("type") or "").lower() and len(script.text or "") <= MAX_JSON_LD_CHARS:
            script.tag = _JSON_LD  # metadata: kept, the other scripts go
    changed = sum(1 for _ in root.iter("script", *_NEVER_TEXT))
    etree.strip_elements(root, "script", *_NEVER_TEXT, with_tail=False)
    for script in root.iter(_JSON_LD):
        script.tag = "script"
    for wrapper in root.iter(*_UNWRAPPED):
        if not wrapper.attrib:  # one with a class or itemprop may carry a byline or a date: kept
            wrapper.tag = _UNWRAP
            changed += 1
    etree.strip_tags(root, _UNWRAP)
    return changed

"""An (X)HTML document's body as blocks: what a reader sees, one line a block, in document order.

h1-h6 become headings with their level, li list items (nested lists deeper), blockquote quotes, and every
other block-level element (p, div, td, figcaption, ...) a paragraph; inline markup (a, em, span, sup, ...)
only contributes its text, so a footnote marker `[1]` stays where it stands. Scripts, styles, navigation,
ruby annotations, hidden elements and images leave nothing. A line break inside a paragraph becomes a
space (a block holds no newline); preformatted text gives one block a line.

The walk is iterative (lxml's iterwalk): a document nested thousands deep costs time, not the stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.importers.common import split_lines
from reader.core.importers.safe_xml import (
    Element,
    attribute,
    collapse,
    entity_text,
    is_entity,
    local_name,
    lxml_etree,
)
from reader.core.text import Block, BlockKind

_SKIPPED = frozenset(
    "head title script style noscript template nav svg math rt rp iframe object embed audio video canvas "
    "button input select textarea img".split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_LEVEL = frozenset(
    "html body p div section article aside header footer main blockquote pre ul ol dl dt dd li figure "
    "figcaption table thead tbody tfoot tr td th caption hr address details summary center hgroup form "
    "fieldset legend h1 h2 h3 h4 h5 h6".split()
)


@dataclass(slots=True)
class DocumentText:
    """The blocks of one document, and where each element id (a link target) falls among them: the index
    of the first block at or after the element, so a table of contents can point into the text."""

    blocks: list[Block] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Walk:
    result: DocumentText = field(default_factory=DocumentText)
    parts: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)  # levels of the open h1-h6
    lists: int = 0  # open li elements
    quotes: int = 0  # open blockquote elements
    pre: int = 0  # open pre elements

    def flush(self) -> None:
        text = "".join(self.parts)
        self.parts.clear()
        lines = split_lines(text) if self.pre else [text]
        for line in lines:
            collapsed = collapse(line)
            if collapsed:
                self.result.blocks.append(self._block(collapsed))

    def _block(self, text: str) -> Block:
        if self.headings:
            return Block(BlockKind.HEADING, text, self.headings[-1])
        if self.lists:
            return Block(BlockKind.LIST_ITEM, text, self.lists)
        if self.quotes:
            return Block(BlockKind.QUOTE, text)
        return Block(BlockKind.PARAGRAPH, text)

    def open(self, name: str) -> None:
        if name in _HEADINGS:
            self.headings.append(_HEADINGS[name])
        elif name == "li":
            self.lists += 1
        elif name == "blockquote":
            self.quotes += 1
        elif name == "pre":
            self.pre += 1

    def close(self, name: str) -> None:
        if name in _HEADINGS:
            self.headings.pop()
        elif name == "li":
            self.lists -= 1
        elif name == "blockquote":
            self.quotes -= 1
        elif name == "pre":
            self.pre -= 1


def _hidden(element: Element) -> bool:
    return element.get("hidden") is not None or attribute(element, "type") == "pagebreak"


def document_text(root: Element) -> DocumentText:
    """The blocks of the document whose root element is `root` (its body when it has one)."""
    body = next((el for el in root.iter() if local_name(el) == "body"), root)
    walk = _Walk()
    walker = lxml_etree().iterwalk(body, events=("start", "end"))
    skipping: set[Element] = set()  # elements whose subtree was skipped (their end event still comes)
    for event, node in walker:
        name = local_name(node)
        if event == "start":
            if not name:  # an entity reference (&nbsp; in a chapter whose DTD is not loaded) or a comment
                if is_entity(node):
                    walk.parts.append(entity_text(node))
                walker.skip_subtree()
                skipping.add(node)
                continue
            if name in _SKIPPED or _hidden(node):
                walker.skip_subtree()
                skipping.add(node)
                _anchor(walk, node)
                continue
            if name in _BLOCK_LEVEL:
                walk.flush()
                walk.open(name)
            elif name == "br":
                walk.parts.append("\n" if walk.pre else " ")
            _anchor(walk, node)
            if node.text:
                walk.parts.append(node.text)
        else:
            if node in skipping:
                skipping.discard(node)
            elif name in _BLOCK_LEVEL:
                walk.flush()
                walk.close(name)
            if node is not body and node.tail:
                walk.parts.append(node.tail)
    walk.flush()
    return walk.result


def _anchor(walk: _Walk, node: Element) -> None:
    for key in ("id", "name"):
        value = node.get(key)
        if value:
            walk.result.anchors.setdefault(str(value), len(walk.result.blocks))

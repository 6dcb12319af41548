"""Word documents (.docx): paragraphs, headings, quotes and list items, with the core properties as metadata.

The package is read directly (the main document, its styles and the core properties through the safe zip
reader and the safe XML parser) rather than through python-docx: python-docx opens the zip itself and loads
every part into memory, images included, past the archive checks of reader.core.importers.zipped; and
what decides a block's kind here (outline levels, style inheritance, numbering, text boxes, tracked
changes) lives in the raw XML, which python-docx would hand back anyway. Three small parts are all we read.

A paragraph is a heading when it or its style (following `basedOn`) has an outline level (`w:outlineLvl`
0-8 is level 1-9, shown as at most 6), or its style is the built-in "heading N" or "Title": styles.xml names
built-in styles in English whatever the interface language, so a French "Titre1" style id still reads as
"heading 1"; a style id like "Titre1" or "berschrift1" is recognised alone when styles.xml is missing.
"Quote" and "Intense Quote" give quotes; numbering (`w:numPr`, on the paragraph or its style) list items,
nested by `w:ilvl`. Right-to-left paragraphs (`w:bidi`) come through as their text: a block's direction is
computed from its text (reader.core.text). Table cells give their paragraphs in reading order; text boxes
follow the paragraph they are anchored in (their legacy duplicate, `mc:Fallback`, is dropped). Deleted
tracked changes, field codes, headers, footers, footnotes and comments leave nothing.

Metadata: title, creator (unless it is a placeholder such as "python-docx" or "Administrator") and language
from docProps/core.xml; `published` is dcterms:created, the day the file was begun: dcterms:modified moves
with every save (the researcher's own included), so it is never used. The title falls back to the first
heading, then the file name; a first heading equal to the title is not repeated as the first block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import normalise_date
from reader.core.importers.safe_xml import Element, collapse, local_name, parse_xml, text_of
from reader.core.importers.zipped import SafeZip, resolve_href
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"
_CORE = "docProps/core.xml"
_OFFICE_DOCUMENT = "/officeDocument"  # the end of the main document's relationship type
_STYLES_TYPE = "/styles"
_CORE_TYPE = "/core-properties"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_HEADING_NAME = re.compile(r"^heading\s*(\d)$")
#: Heading style ids in localised Word (English, French, German, Dutch, Italian, Spanish, Polish, Swedish).
_HEADING_ID = re.compile(
    r"^(?:heading|titre|berschrift|kop|titolo|ttulo|nagwek|rubrik)\s*(\d)$", re.IGNORECASE
)
_QUOTE_NAMES = frozenset({"quote", "intense quote"})
#: Creators that name a program, a template or a default account, not a writer.
_PLACEHOLDER_AUTHORS = frozenset(
    {"python-docx", "microsoft office user", "windows user", "user", "administrator", "admin", "author",
     "unknown", "owner", "docx4j", "apache poi"}
)  # fmt: skip
#: Elements whose text is not the document's: tracked deletions and moves, and nested text boxes (read as
#: paragraphs of their own).
_SKIPPED = frozenset({"del", "movefrom", "txbxcontent", "ppr", "rpr", "instrtext", "deltext"})
_MAX_STYLE_CHAIN = 32


@dataclass(frozen=True, slots=True)
class _Style:
    name: str  # lower case
    based_on: str
    outline: int | None  # 0-9 from w:outlineLvl
    numbered: bool  # a numbering (numPr with numId other than 0)
    list_level: int  # w:ilvl of that numbering


def read_docx(path: Path) -> tuple[ArticleMeta, list[Block]]:
    where = str(path)
    with SafeZip(path, "Word") as archive:
        relations = _relations(archive, "_rels/.rels", "")
        document_name = relations.get(_OFFICE_DOCUMENT, _DOCUMENT)
        if not archive.exists(document_name):
            raise archive.error(f"no {document_name}: not a Word document")
        document = parse_xml(archive.read(document_name), where, document_name)
        part_relations = _relations(archive, _relations_name(document_name), document_name)
        styles_xml = _optional_part(archive, part_relations.get(_STYLES_TYPE, _STYLES))
        styles = _styles(styles_xml) if styles_xml is not None else {}
        core = _optional_part(archive, relations.get(_CORE_TYPE, _CORE))
    blocks = _blocks(document, styles)
    meta = _metadata(core, path)
    if not blocks:
        raise HawamishError(ErrorCode.EMPTY, where, "no text in the document")
    if not meta.title:
        meta.title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "") or path.stem
    if blocks[0].kind is BlockKind.HEADING and blocks[0].text == meta.title and len(blocks) > 1:
        blocks = blocks[1:]  # shown as the title, not again as the first block
    return meta, blocks


# --- the package -----------------------------------------------------------------------------------------


def _optional_part(archive: SafeZip, name: str) -> Element | None:
    """The root of part `name`, None when the package has no such part (styles and properties are optional)."""
    return parse_xml(archive.read(name), str(archive.path), name) if archive.exists(name) else None


def _relations_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def _relations(archive: SafeZip, name: str, source: str) -> dict[str, str]:
    """Relationship type (its last path segment, '/styles') -> target member, for internal targets."""
    if not archive.exists(name):
        return {}
    root = parse_xml(archive.read(name), str(archive.path), name)
    found: dict[str, str] = {}
    for relation in root.iter():
        if local_name(relation) != "relationship" or relation.get("TargetMode", "") == "External":
            continue
        target = relation.get("Target", "")
        member = (
            resolve_href("", target.lstrip("/")) if target.startswith("/") else resolve_href(source, target)
        )
        kind = relation.get("Type", "")
        if member and "/" in kind:
            found.setdefault("/" + kind.rpartition("/")[2], member)
    return found


def _metadata(core: Element | None, path: Path) -> ArticleMeta:
    fields: dict[str, str] = {}
    if core is not None:
        for element in core:
            name = local_name(element)
            if name and name not in fields:
                fields[name] = text_of(element)
    author = fields.get("creator", "")
    return ArticleMeta(
        title=fields.get("title", ""),
        author="" if author.casefold() in _PLACEHOLDER_AUTHORS else author,
        published=normalise_date(fields.get("created", "")),
        language=fields.get("language", "").strip().lower().replace("_", "-").split("-")[0],
        source_path=str(path.resolve()),
    )


# --- styles ----------------------------------------------------------------------------------------------


def _styles(root: Element) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for style in root:
        if local_name(style) != "style" or _attr(style, "type") not in ("paragraph", ""):
            continue
        properties = _first(style, "ppr")
        outline, numbered, list_level = _paragraph_properties(properties)
        styles[_attr(style, "styleId")] = _Style(
            name=_attr(_first(style, "name"), "val").strip().lower(),
            based_on=_attr(_first(style, "basedon"), "val"),
            outline=outline,
            numbered=numbered,
            list_level=list_level,
        )
    return styles


def _paragraph_properties(properties: Element | None) -> tuple[int | None, bool, int]:
    """(outline level, numbered, list level) stated by a w:pPr."""
    outline = _int(_attr(_first(properties, "outlinelvl"), "val"))
    numbering = _first(properties, "numpr")
    numbered = numbering is not None and _attr(_first(numbering, "numid"), "val") not in ("", "0")
    return outline, numbered, _int(_attr(_first(numbering, "ilvl"), "val")) or 0


def _chain(styles: dict[str, _Style], style_id: str) -> list[tuple[str, _Style | None]]:
    """The style and those it is based on, nearest first (a cycle or a missing style ends the chain)."""
    chain: list[tuple[str, _Style | None]] = []
    seen: set[str] = set()
    while style_id and style_id not in seen and len(chain) < _MAX_STYLE_CHAIN:
        seen.add(style_id)
        style = styles.get(style_id)
        chain.append((style_id, style))
        style_id = style.based_on if style is not None else ""
    return chain


def _kind(paragraph: Element, styles: dict[str, _Style]) -> tuple[BlockKind, int]:
    properties = _first(paragraph, "ppr")
    outline, numbered, list_level = _paragraph_properties(properties)
    chain = _chain(styles, _attr(_first(properties, "pstyle"), "val"))
    heading = _heading_level(outline, chain)
    if heading:
        return BlockKind.HEADING, heading
    if any(style is not None and style.name in _QUOTE_NAMES for _, style in chain):
        return BlockKind.QUOTE, 0
    numbering = _first(properties, "numpr")
    if numbering is None:  # the style's numbering, unless the paragraph states its own
        inherited = next((s for _, s in chain if s is not None and s.numbered), None)
        if inherited is not None:
            numbered, list_level = True, inherited.list_level
    if numbered:
        return BlockKind.LIST_ITEM, list_level + 1
    return BlockKind.PARAGRAPH, 0


def _heading_level(outline: int | None, chain: list[tuple[str, _Style | None]]) -> int:
    """1-6 for a heading, 0 for body text. The paragraph's own outline level first, then its styles'."""
    levels: list[int | None] = [outline]
    for style_id, style in chain:
        if style is None:
            match = _HEADING_ID.match(style_id)
            levels.append(int(match.group(1)) - 1 if match else None)
            continue
        match = _HEADING_NAME.match(style.name)
        if match:
            levels.append(int(match.group(1)) - 1)
        elif style.name == "title":
            levels.append(0)
        levels.append(style.outline)
    level = next((value for value in levels if value is not None), None)
    if level is None or not 0 <= level <= 8:  # 9 is "body text"
        return 0
    return min(level + 1, 6)


# --- the body --------------------------------------------------------------------------------------------


def _blocks(document: Element, styles: dict[str, _Style]) -> list[Block]:
    for fallback in list(document.iter(f"{{{_MC}}}Fallback")):  # a text box's legacy twin
        fallback.getparent().remove(fallback)
    body = next((el for el in document if local_name(el) == "body"), document)
    blocks: list[Block] = []
    for paragraph in body.iter():
        if local_name(paragraph) != "p":
            continue
        text = collapse(_paragraph_text(paragraph))
        if text:
            kind, level = _kind(paragraph, styles)
            blocks.append(Block(kind, text, level))
    return blocks


def _paragraph_text(paragraph: Element) -> str:
    """The visible text of one paragraph, not of the paragraphs nested in its text boxes."""
    parts: list[str] = []
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        name = local_name(node)
        if name in _SKIPPED or name == "p":
            continue
        if name == "t":
            parts.append(node.text or "")
        elif name in ("tab", "ptab", "br", "cr"):
            parts.append(" ")
        elif name == "nobreakhyphen":
            parts.append("\u2011")
        stack.extend(reversed(node))
    return "".join(parts)


def _first(parent: Element | None, name: str) -> Element | None:
    if parent is None:
        return None
    return next((el for el in parent if local_name(el) == name), None)


def _attr(element: Element | None, name: str) -> str:
    """A w: attribute by its local name (Word's attributes are all in the main namespace)."""
    if element is None:
        return ""
    for key, value in element.attrib.items():
        if key.rpartition("}")[2] == name:
            return str(value)
    return ""


def _int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None

"""EPUB 2 and 3 books: one article for the whole book, or one article a chapter (`--split chapters`).

The path through a book: META-INF/container.xml names the package document (OPF); its metadata gives the
article's title (dc:title, the one refined as "main" if several), author (the dc:creators with the role
"aut" or no role; translators and editors only when nobody else is named), publisher (the outlet),
language, date (dc:date; in EPUB 2 the publication event, never the modification) and URL (an identifier or
source that is an http(s) URL). The spine gives the chapters in reading order; items marked linear="no"
(pop-up notes, answer keys) and the navigation document are left out, non-XHTML items (images, SVG pages)
are passed over, and a spine item whose file is missing makes the book MALFORMED (a hole in the text would
go unnoticed).

Split into chapters, the table of contents decides where chapters start (the EPUB 3 nav document, else the
EPUB 2 NCX; its top level, or the first level with more than one entry): an entry may point into the middle
of a file. Without a usable table of contents, each spine file is a chapter. A chapter is titled
"Chapter — Book": its own title first, so the library list shows what it is, the book's after, so the
chapters of different books stay apart. The chapter's own title is the most prominent heading it opens
with, or the table of contents' label when that says more (it contains the heading: "1. Origins" over
"1"), else the label alone; a chapter with neither is "Book (3)". Chapters without text (covers,
title pages that are images) are dropped. Every chapter carries the book's author, outlet, date and
language; not its URL, which names the book (URL-based duplicate and annotation matching would otherwise
take every chapter for the same page).

A book whose content is encrypted (META-INF/encryption.xml naming anything but obfuscated fonts) is
refused as DRM-protected. The archive itself is checked by reader.core.importers.zipped, every XML
document parsed by reader.core.importers.safe_xml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import normalise_date
from reader.core.importers.safe_xml import Element, attribute, local_name, parse_xml, text_of
from reader.core.importers.xhtml_blocks import DocumentText, document_text
from reader.core.importers.zipped import SafeZip, resolve_href
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

_MIB = 1024 * 1024
#: The (X)HTML of all chapters together, from their declared sizes, before any is read.
MAX_CONTENT_BYTES = 128 * _MIB

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_OPF_TYPE = "application/oebps-package+xml"
_NCX_TYPE = "application/x-dtbncx+xml"
_TEXT_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml", "text/xml"})
#: Encryption that only obfuscates embedded fonts (IDPF, Adobe): the text is readable.
_FONT_OBFUSCATION = frozenset({"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"})
_FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")
#: Creator roles that make an author (MARC relator "aut", or no role given).
_AUTHOR_ROLES = ("aut", "")
#: Levels of a table of contents read (splitting uses the top ones; deeper nesting is ignored).
_TOC_DEPTH = 8
#: Title of a chapter after its own: "Chapter — Book".
TITLE_SEPARATOR = " — "


@dataclass(slots=True)
class _TocEntry:
    label: str
    target: str  # member name
    fragment: str
    children: list[_TocEntry] = field(default_factory=list)


@dataclass(slots=True)
class _Book:
    meta: ArticleMeta
    documents: list[tuple[str, DocumentText]]  # spine documents in reading order: (member, text)
    toc: list[_TocEntry]


# --- the readers -----------------------------------------------------------------------------------------


def read_epub(path: Path) -> tuple[ArticleMeta, list[Block]]:
    """The whole book as one article: every chapter's blocks in reading order, headings kept."""
    book = _read_book(path)
    blocks = [block for _, document in book.documents for block in document.blocks]
    if not blocks:
        raise HawamishError(ErrorCode.EMPTY, str(path), "no text in the book's chapters")
    meta = book.meta
    if not meta.title:
        meta.title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "") or path.stem
    if blocks[0].kind is BlockKind.HEADING and blocks[0].text == meta.title and len(blocks) > 1:
        blocks = blocks[1:]  # the title page's heading: shown as the title, not again as the first block
    return meta, blocks


def split_epub(path: Path) -> list[tuple[ArticleMeta, list[Block]]]:
    """One article a chapter (see the module docstring for what a chapter is and how it is titled)."""
    book = _read_book(path)
    book_title = book.meta.title or path.stem
    articles: list[tuple[ArticleMeta, list[Block]]] = []
    for label, blocks in _chapters(book):
        own = _chapter_title(blocks, label)
        if own and own != book_title:
            title = f"{own}{TITLE_SEPARATOR}{book_title}"
        else:
            title = f"{book_title} ({len(articles) + 1})"
        meta = ArticleMeta(
            title=title,
            author=book.meta.author,
            outlet=book.meta.outlet,
            published=book.meta.published,
            language=book.meta.language,
            source_path=book.meta.source_path,
        )
        articles.append((meta, blocks))
    if not articles:
        raise HawamishError(ErrorCode.EMPTY, str(path), "no text in the book's chapters")
    return articles


def _chapters(book: _Book) -> list[tuple[str, list[Block]]]:
    """(table of contents label or '', blocks) of each chapter with text, in reading order."""
    starts: dict[str, int] = {}
    everything: list[Block] = []
    for member, document in book.documents:
        starts.setdefault(member, len(everything))
        everything.extend(document.blocks)
    anchors = {member: document.anchors for member, document in book.documents}
    cuts: dict[int, str] = {}  # block index where a chapter starts -> its label
    for entry in _split_level(book.toc):
        if entry.target in starts:
            offset = anchors[entry.target].get(entry.fragment, 0) if entry.fragment else 0
            # a later entry at the same place wins: the entries before it named files without text (a cover)
            cuts[starts[entry.target] + offset] = entry.label
    if not cuts:  # no usable table of contents: a chapter a file
        cuts = dict.fromkeys(starts.values(), "")
    cuts.setdefault(0, "")  # text before the first entry (a preface the contents do not list)
    positions = sorted(cuts)
    chapters: list[tuple[str, list[Block]]] = []
    for start, end in zip(positions, [*positions[1:], len(everything)], strict=True):
        if end > start:
            chapters.append((cuts[start], everything[start:end]))
    return chapters


def _split_level(toc: list[_TocEntry]) -> list[_TocEntry]:
    """The entries that start chapters: the top level, or the first level below a lone wrapping entry."""
    entries = toc
    while len(entries) == 1 and entries[0].children:
        entries = entries[0].children
    return entries


def _chapter_title(blocks: list[Block], label: str) -> str:
    opening: list[Block] = []
    for block in blocks:
        if block.kind is not BlockKind.HEADING:
            break
        opening.append(block)
    if not opening:
        return label
    heading = min(opening, key=lambda b: b.level).text  # the first of the highest rank
    if label and heading.casefold() in label.casefold():
        return label
    return heading


# --- the package -----------------------------------------------------------------------------------------


def _read_book(path: Path) -> _Book:
    where = str(path)
    with SafeZip(path, "EPUB") as archive:
        _refuse_drm(archive)
        opf_name = _package_name(archive)
        package = parse_xml(archive.read(opf_name, what="the package document"), where, opf_name)
        meta = _metadata(_child(package, "metadata"), path)
        manifest = {
            item.get("id", ""): item
            for item in _children(_child(package, "manifest"), "item")
            if item.get("id")
        }
        spine = _child(package, "spine")
        nav_ids = {key for key, item in manifest.items() if "nav" in item.get("properties", "").split()}
        documents = _spine_documents(archive, opf_name, spine, manifest, nav_ids)
        toc = _table_of_contents(archive, opf_name, spine, manifest, nav_ids)
    return _Book(meta, documents, toc)


def _package_name(archive: SafeZip) -> str:
    if archive.exists(_CONTAINER):
        container = parse_xml(archive.read(_CONTAINER), str(archive.path), _CONTAINER)
        rootfiles = [el for el in container.iter() if local_name(el) == "rootfile"]
        for rootfile in sorted(rootfiles, key=lambda el: el.get("media-type", _OPF_TYPE) != _OPF_TYPE):
            name = resolve_href("", rootfile.get("full-path", ""))
            if name:
                if not archive.exists(name):
                    raise archive.error(f"the package document {name} named by {_CONTAINER} is missing")
                return name
    packages = [name for name in archive.names if name.lower().endswith(".opf")]
    if len(packages) == 1:  # no container (or an empty one) but a single package: take it
        return packages[0]
    raise archive.error(f"no package document (OPF): {_CONTAINER} missing or empty")


def _refuse_drm(archive: SafeZip) -> None:
    if not archive.exists(_ENCRYPTION):
        return
    encryption = parse_xml(archive.read(_ENCRYPTION), str(archive.path), _ENCRYPTION)
    for data in (el for el in encryption.iter() if local_name(el) == "encrypteddata"):
        method = next((el for el in data.iter() if local_name(el) == "encryptionmethod"), None)
        algorithm = method.get("Algorithm", "") if method is not None else ""
        reference = next((el for el in data.iter() if local_name(el) == "cipherreference"), None)
        target = reference.get("URI", "") if reference is not None else ""
        if algorithm in _FONT_OBFUSCATION or target.lower().endswith(_FONT_SUFFIXES):
            continue
        raise archive.error(
            f"DRM-protected: {target or 'content'} is encrypted ({algorithm or 'unknown'})",
            ErrorCode.ENCRYPTED,
        )


def _children(parent: Element | None, name: str) -> list[Element]:
    return [] if parent is None else [el for el in parent if local_name(el) == name]


def _child(parent: Element | None, name: str) -> Element | None:
    found = _children(parent, name)
    return found[0] if found else None


def _metadata(metadata: Element | None, path: Path) -> ArticleMeta:
    refines: dict[tuple[str, str], str] = {}  # (id, property) -> value, from EPUB 3 <meta refines>
    for meta in _children(metadata, "meta"):
        target, prop = meta.get("refines", ""), meta.get("property", "")
        if target.startswith("#") and prop:
            refines.setdefault((target[1:], prop), text_of(meta))

    def refined(element: Element, prop: str) -> str:
        return refines.get((element.get("id", ""), prop), "")

    titles = [el for el in _children(metadata, "title") if text_of(el)]
    titles.sort(key=lambda el: refined(el, "title-type") != "main")
    creators = [el for el in _children(metadata, "creator") if text_of(el)]
    authors = [el for el in creators if (refined(el, "role") or attribute(el, "role")) in _AUTHOR_ROLES]
    languages = [text_of(el) for el in _children(metadata, "language")]
    publishers = [text_of(el) for el in _children(metadata, "publisher")]
    return ArticleMeta(
        title=text_of(titles[0]) if titles else "",
        author=", ".join(dict.fromkeys(text_of(el) for el in authors or creators)),
        outlet=next((p for p in publishers if p), ""),
        url=_url(metadata),
        published=_published(metadata),
        language=_language(next((lang for lang in languages if lang), "")),
        source_path=str(path.resolve()),
    )


def _published(metadata: Element | None) -> str:
    dates = [(attribute(el, "event").lower(), text_of(el)) for el in _children(metadata, "date")]
    preferred = [value for event, value in dates if event in ("", "publication", "original-publication")]
    others = [value for event, value in dates if event not in ("modification",)]
    for value in preferred + others:
        date = normalise_date(value)
        if date:
            return date
    return ""


def _url(metadata: Element | None) -> str:
    for name in ("identifier", "source"):
        for element in _children(metadata, name):
            value = text_of(element)
            if value.lower().startswith(("http://", "https://")) and " " not in value:
                return value
    return ""


def _language(value: str) -> str:
    return value.strip().lower().replace("_", "-").split("-")[0]


# --- the spine and the table of contents -----------------------------------------------------------------


def _spine_documents(
    archive: SafeZip, opf_name: str, spine: Element | None, manifest: dict[str, Element], nav_ids: set[str]
) -> list[tuple[str, DocumentText]]:
    where = str(archive.path)
    refs = _children(spine, "itemref")
    if not refs:
        raise archive.error(f"{opf_name} has no spine (no chapters)")
    linear = [ref for ref in refs if ref.get("linear", "yes").strip().lower() != "no"]
    members: list[str] = []
    for ref in linear or refs:  # a book whose every item is non-linear is still read
        idref = ref.get("idref", "")
        item = manifest.get(idref)
        if item is None:
            raise archive.error(f"the spine names {idref!r}, which the manifest of {opf_name} does not list")
        if idref in nav_ids or item.get("media-type", "").strip().lower() not in _TEXT_TYPES:
            continue
        member = resolve_href(opf_name, item.get("href", ""))
        if not member or not archive.exists(member):
            raise archive.error(f"chapter {member or item.get('href', '')!r} listed in the spine is missing")
        members.append(member)
    declared = sum(archive.size(member) for member in dict.fromkeys(members))
    if declared > MAX_CONTENT_BYTES:
        raise HawamishError(
            ErrorCode.TOO_LARGE, where, f"{declared} bytes of chapters, limit {MAX_CONTENT_BYTES}"
        )
    documents: list[tuple[str, DocumentText]] = []
    for member in members:
        root = parse_xml(archive.read(member), where, f"chapter {member}", lenient=True)
        documents.append((member, document_text(root)))
    return documents


def _table_of_contents(
    archive: SafeZip, opf_name: str, spine: Element | None, manifest: dict[str, Element], nav_ids: set[str]
) -> list[_TocEntry]:
    """The entries of the EPUB 3 navigation document, else of the EPUB 2 NCX; [] when neither is usable."""
    for key in sorted(nav_ids):
        member = resolve_href(opf_name, manifest[key].get("href", ""))
        if member and archive.exists(member):
            entries = _nav_entries(archive, member)
            if entries:
                return entries
    ncx_id = spine.get("toc", "") if spine is not None else ""
    ncx = manifest.get(ncx_id)
    if ncx is None:
        ncx = next(
            (item for item in manifest.values() if item.get("media-type", "").strip() == _NCX_TYPE), None
        )
    if ncx is not None:
        member = resolve_href(opf_name, ncx.get("href", ""))
        if member and archive.exists(member):
            root = parse_xml(archive.read(member), str(archive.path), member)
            nav_map = next((el for el in root.iter() if local_name(el) == "navmap"), None)
            return _ncx_points(nav_map, member)
    return []


def _target(base: str, href: str) -> tuple[str, str]:
    return resolve_href(base, href), href.partition("#")[2]


def _nav_entries(archive: SafeZip, member: str) -> list[_TocEntry]:
    root = parse_xml(archive.read(member), str(archive.path), member, lenient=True)
    navs = [el for el in root.iter() if local_name(el) == "nav"]
    toc = next((nav for nav in navs if "toc" in attribute(nav, "type").split()), navs[0] if navs else None)
    ordered = next((el for el in toc.iter() if local_name(el) == "ol"), None) if toc is not None else None
    return _nav_list(ordered, member)


def _nav_list(ordered: Element | None, member: str, depth: int = 1) -> list[_TocEntry]:
    entries: list[_TocEntry] = []
    if depth > _TOC_DEPTH:
        return entries
    for item in _children(ordered, "li"):
        link = next((el for el in item if local_name(el) in ("a", "span")), None)
        href = link.get("href", "") if link is not None else ""
        target, fragment = _target(member, href) if href else ("", "")
        children = _nav_list(_child(item, "ol"), member, depth + 1)
        entries.append(_TocEntry(text_of(link) if link is not None else "", target, fragment, children))
    return entries


def _ncx_points(parent: Element | None, member: str, depth: int = 1) -> list[_TocEntry]:
    entries: list[_TocEntry] = []
    if depth > _TOC_DEPTH:
        return entries
    for point in _children(parent, "navpoint"):
        label = _child(point, "navlabel")
        content = _child(point, "content")
        target, fragment = _target(member, content.get("src", "")) if content is not None else ("", "")
        entries.append(
            _TocEntry(
                text_of(label) if label is not None else "",
                target,
                fragment,
                _ncx_points(point, member, depth + 1),
            )
        )
    return entries

"""What a page says about itself: title, authors, outlet, canonical URL and language, from its markup.

Publishers state these for search engines and social networks, so they are more reliable than anything
read from the visible text: schema.org JSON-LD (an article object, also inside `@graph` or a list),
Open Graph and `article:` properties, `<meta name="author">` and its kin, microdata and RDFa dates,
`<link rel="canonical">`, and `<html lang>`. Each field takes the first source that has it, in the order of
the tables below. A page that states no date is left to htmldate (reader.core.importers.html.extract).

Every value is decoded (double-escaped `&quot;` included), with its whitespace collapsed to one line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from reader.core.importers.common import clean_edges, decode_entities, normalise_date
from reader.core.importers.html.tree import MAX_JSON_LD_CHARS  # longer is not metadata (a whole feed)
from reader.core.text import is_arabic_letter

#: schema.org types whose object describes the article itself (not the site or a breadcrumb).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "ScholarlyArticle",
        "Report",
    }
)
_SITE_TYPES = frozenset({"WebSite", "Organization", "NewsMediaOrganization"})

_TITLE_META = ("twitter:title", "dc.title", "title")  # after og:title and JSON-LD's headline
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
_OUTLET_META = ("og:site_name", "application-name", "publisher", "dc.publisher")  # after JSON-LD's
_DATE_META = (
    "article:published_time", "datepublished", "og:published_time", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "pubdate", "publishdate", "date",
)  # fmt: skip
_LANGUAGE_META = ("content-language", "og:locale", "language", "dc.language")
_BY = re.compile(r"^(?:by|written by|بقلم|كتب|كتبت)\s*[:：]?\s+", re.IGNORECASE)
#: Separators between an article's title and the site's name in `<title>` and og:title.
_SUFFIX_SEPARATORS = ("|", "-", "–", "—", "::", "•", "·", "/")
#: `<html lang>`; XHTML's xml:lang (an attribute of that name to the HTML parser, namespaced to XML's).
_LANGUAGE_ATTRIBUTES = ("lang", "xml:lang", "{http://www.w3.org/XML/1998/namespace}lang")
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_THREE_LETTER = {"ara": "ar", "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "fas": "fa"}


@dataclass(slots=True)
class PageMetadata:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str = ""
    outlet: str = ""
    url: str = ""
    language: str = ""
    #: Names of the site and its publisher, as the page gives them: an "author" among them is no writer.
    site_names: set[str] = field(default_factory=set)
    #: The JSON-LD article's `articleBody` as written (a script-rendered page may have its text only there).
    article_body: str = ""


def one_line(value: object) -> str:
    """A metadata value as one clean line: entities decoded, whitespace runs as one space."""
    if not isinstance(value, str):
        return ""
    return clean_edges(" ".join(decode_entities(value).split()))


def page_metadata(root: HtmlElement, *, base_url: str = "") -> PageMetadata:
    """The metadata `root`'s markup states (fields it does not state are '' or empty)."""
    metas = _meta_values(root)
    ld = _json_ld_objects(root)
    articles = [obj for obj in ld if _types(obj) & ARTICLE_TYPES]
    article = articles[0] if articles else {}
    by_id = {obj["@id"]: obj for obj in ld if isinstance(obj.get("@id"), str)}

    page = PageMetadata()
    names = _ld_authors(article.get("author"), by_id)
    if not names:
        for key in _AUTHOR_META:
            names = [n for n in (_strip_by(one_line(v)) for v in metas.get(key, [])) if n and not _is_url(n)]
            if names:
                break
    page.outlet = _first(
        _ld_name(article.get("publisher"), by_id),
        *_metas(metas, _OUTLET_META),
        *(one_line(o.get("name")) for o in ld if "WebSite" in _types(o)),
    )
    page.site_names = _site_names(page.outlet, metas, ld)
    page.title = _title(root, metas, article, page.outlet)
    page.published = _first(
        normalise_date(one_line(article.get("datePublished"))),
        *(normalise_date(v) for v in _metas(metas, _DATE_META)),
        *(normalise_date(one_line(e.get("content") or e.get("datetime"))) for e in _date_elements(root)),
    )
    body = article.get("articleBody")
    page.article_body = body if isinstance(body, str) else ""
    page.authors = unique_names(names)
    page.url = _canonical_url(root, metas, article, base_url)
    page.language = _first(
        *(language_code(root.get(attr)) for attr in _LANGUAGE_ATTRIBUTES),
        *(language_code(v) for v in _metas(metas, _LANGUAGE_META)),
        language_code(one_line(article.get("inLanguage"))),
    )
    return page


def without_site_name(title: str, outlet: str) -> str:
    """`title` without a trailing ' | Outlet' (or ' - Outlet', ...) naming the site."""
    if not outlet or not title:
        return title
    for sep in _SUFFIX_SEPARATORS:
        suffix = f" {sep} {outlet}"
        if len(title) > len(suffix) and title.casefold().endswith(suffix.casefold()):
            return title[: -len(suffix)].rstrip()
    return title


def join_authors(names: list[str]) -> str:
    """Several authors in one field: with the Arabic comma when every name is written in Arabic letters
    (it reads right in a right-to-left line), with ', ' otherwise (Latin names, or a mix)."""
    arabic = all(any(is_arabic_letter(ch) for ch in name) for name in names)
    return ("، " if names and arabic else ", ").join(names)


def split_authors(value: str) -> list[str]:
    """Names from a field that lists several ('A; B', 'A and B', 'A، B'); a single name stays whole."""
    value = _strip_by(one_line(value))
    parts = re.split(r"\s*(?:;|،|\band\b|\s&\s|\sو\s)\s*", value)
    return [p for p in (clean_edges(p) for p in parts) if p]


def unique_names(names: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def language_code(value: str | None) -> str:
    """A two-letter language code from a tag ('ar-SA', 'en_GB', 'ara' -> 'ar', 'en', 'ar'); '' otherwise."""
    if not value:
        return ""
    m = _LANGUAGE_TAG.match(value.strip().split(",")[0].strip())
    if not m:
        return ""
    code = m.group(1).lower()
    return code if len(code) == 2 else _THREE_LETTER.get(code, "")


# --- sources ---------------------------------------------------------------------------------------------


def _meta_values(root: HtmlElement) -> dict[str, list[str]]:
    """`<meta>` contents by lower-cased name, property or http-equiv, in document order."""
    values: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in ("name", "property", "http-equiv", "itemprop"):
            key = meta.get(attr)
            if key:
                values.setdefault(key.strip().lower(), []).append(content)
    return values


def _metas(metas: dict[str, list[str]], keys: tuple[str, ...]) -> Iterator[str]:
    for key in keys:
        for value in metas.get(key, []):
            yield one_line(value)


def _date_elements(root: HtmlElement) -> Iterator[HtmlElement]:
    """Elements of the body that state the publication date in an attribute (microdata, RDFa)."""
    for element in root.iter("time", "span", "div", "abbr", "p"):
        key = (element.get("itemprop") or element.get("property") or "").lower()
        if key in ("datepublished", "dc:date", "dcterms:issued", "article:published_time"):
            yield element


def _json_ld_objects(root: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object of the page's JSON-LD scripts, flattened (lists and `@graph`), in order."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = script.text or ""
        if not text.strip() or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):  # a broken or deeply nested script: other sources still count
            continue
        pending: list[Any] = [data]
        while pending and len(found) < 1000:
            item = pending.pop(0)
            if isinstance(item, list):
                pending[:0] = item
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending[:0] = graph
    return found


def _title(root: HtmlElement, metas: dict[str, list[str]], article: dict[str, Any], outlet: str) -> str:
    """The headline as the reader saw it: of the titles the page states (og:title, JSON-LD headline, ...,
    `<title>` without the site's name), the first that is also an `<h1>` of the page, else the first; a
    title cut short with an ellipsis yields to a longer one it begins."""
    titles = [
        *_metas(metas, ("og:title",)),
        one_line(article.get("headline")),
        one_line(article.get("name")),
        *_metas(metas, _TITLE_META),
        *(without_site_name(one_line(t.text_content()), outlet) for t in root.iter("title")),
    ]
    titles = [t for t in titles if t]
    headings = {text_key(h.text_content()) for _, h in zip(range(10), root.iter("h1"), strict=False)}
    title = next((t for t in titles if text_key(t) in headings), titles[0] if titles else "")
    if title.endswith(("...", "…")):
        stem = title.rstrip(".… ")
        title = next((t for t in titles if len(t) > len(title) and t.startswith(stem)), title)
    return title


def text_key(text: str) -> str:
    """What two renderings of one title share: its words, case-blind."""
    return " ".join(text.split()).casefold()


def _site_names(outlet: str, metas: dict[str, list[str]], ld: list[dict[str, Any]]) -> set[str]:
    """The names the site goes by (casefolded): its outlet, site-name metas, its Twitter handle, the names
    of its WebSite and Organization objects."""
    names = {outlet, *_metas(metas, _OUTLET_META)}
    names |= {handle.lstrip("@") for handle in _metas(metas, ("twitter:site",))}
    names |= {one_line(obj.get("name")) for obj in ld if _types(obj) & _SITE_TYPES}
    return {name.casefold() for name in names if name}


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _ld_name(value: Any, by_id: dict[str, dict[str, Any]]) -> str:
    if isinstance(value, list):
        return next((n for n in (_ld_name(v, by_id) for v in value) if n), "")
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        return one_line(value.get("name"))
    return one_line(value)


def _ld_authors(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names of a JSON-LD `author`: a string, a Person (or a reference to one), or a list of them.
    An Organization as author is the outlet, not a writer."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        person = item
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            person = by_id.get(item["@id"], item)
        if isinstance(person, dict) and "Organization" in _types(person):
            continue
        name = _strip_by(_ld_name(person, by_id))
        if name and not _is_url(name):
            names.append(name)
    return names


def _canonical_url(root: HtmlElement, metas: dict[str, list[str]], article: dict[str, Any], base: str) -> str:
    candidates: list[object] = []
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            candidates.append(link.get("href"))
    candidates += metas.get("og:url", [])
    entity = article.get("mainEntityOfPage")
    candidates += [article.get("url"), entity.get("@id") if isinstance(entity, dict) else entity]
    for candidate in candidates:
        url = one_line(candidate)
        if url and base and not _is_url(url):
            try:
                url = urljoin(base, url)
            except ValueError:
                continue
        if _is_url(url):
            return url
    return base if _is_url(base) else ""


def _is_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:  # 'http://[broken' and the like
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _strip_by(name: str) -> str:
    return clean_edges(_BY.sub("", name))


def _first(*values: str) -> str:
    return next((v for v in values if v), "")

"""What a record's body says about a highlight or an article, and how it is compared.

A highlight's body is a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), the same vocabulary as
the JSON export (reader/core/exporters/web_annotation.py): the note as a commenting `TextualBody`, one tagging
body a tag, the colour label as a classifying body; the target is the article's shared id with a
`TextQuoteSelector` and a `TextPositionSelector`; what the model has no word for (style, the hash of the text
the position refers to) goes in a `hawamish` object. An article's body is its metadata, tags, collections and
text hash, and its blocks only when the folder carries texts.

`fingerprint` is what two versions are compared on: a change a member made shows as a different fingerprint.
The quote and its position are left out: a member whose copy of the article differs places the quote
elsewhere, or a little differently, without having changed anything (a highlight's passage is set when it
is made; moving it later is not shared).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from reader.core.text import Block, BlockKind

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ARTICLE_URN = "urn:uuid:"


@dataclass(frozen=True, slots=True)
class SharedHighlight:
    article: str  # the article's shared id
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    text_hash: str
    color: str
    style: str
    note: str
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""

    def fingerprint(self) -> str:
        return _digest([self.color, self.style, self.note, sorted(self.tags)])

    def to_annotation(self, target: str, by: str) -> dict[str, Any]:
        body: list[dict[str, Any]] = []
        if self.note:
            body.append(
                {
                    "type": "TextualBody",
                    "value": self.note,
                    "format": "text/markdown",
                    "purpose": "commenting",
                }
            )
        body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in self.tags]
        body.append({"type": "TextualBody", "value": self.color, "purpose": "classifying"})
        return {
            "@context": CONTEXT,
            "id": ARTICLE_URN + target,
            "type": "Annotation",
            "motivation": "commenting" if self.note else "highlighting",
            "creator": {"type": "Person", "name": by},
            "created": self.created,
            "modified": self.modified,
            "body": body,
            "target": {
                "source": ARTICLE_URN + self.article,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": self.exact,
                        "prefix": self.prefix,
                        "suffix": self.suffix,
                    },
                    {"type": "TextPositionSelector", "start": self.start, "end": self.end},
                ],
            },
            "hawamish": {"style": self.style, "text_hash": self.text_hash},
        }

    @classmethod
    def from_annotation(cls, data: dict[str, Any]) -> SharedHighlight:
        """ValueError when the annotation lacks what a highlight needs."""
        target = data.get("target")
        if not isinstance(target, dict) or not str(target.get("source", "")).startswith(ARTICLE_URN):
            raise ValueError("the annotation's target is not a shared article")
        quote: dict[str, Any] = {}
        position: dict[str, Any] = {}
        for selector in target.get("selector") or []:
            if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
                quote = selector
            elif isinstance(selector, dict) and selector.get("type") == "TextPositionSelector":
                position = selector
        exact = quote.get("exact")
        if not isinstance(exact, str) or not exact:
            raise ValueError("the annotation has no quote")
        note, tags, color = "", [], "claim"
        for body in data.get("body") or []:
            if not isinstance(body, dict) or not isinstance(body.get("value"), str):
                continue
            purpose = body.get("purpose")
            if purpose == "commenting":
                note = body["value"]
            elif purpose == "tagging":
                tags.append(body["value"])
            elif purpose == "classifying":
                color = body["value"]
        found = data.get("hawamish")
        ext: dict[str, Any] = found if isinstance(found, dict) else {}
        style = str(ext["style"]) if ext.get("style") in ("background", "underline") else "background"
        return cls(
            article=str(target["source"])[len(ARTICLE_URN) :],
            exact=exact,
            prefix=str(quote.get("prefix", "")),
            suffix=str(quote.get("suffix", "")),
            start=_int(position.get("start")),
            end=_int(position.get("end")),
            text_hash=str(ext.get("text_hash", "")),
            color=color,
            style=style,
            note=note,
            tags=tuple(sorted(set(tags))),
            created=str(data.get("created", "")),
            modified=str(data.get("modified", "")),
        )


@dataclass(frozen=True, slots=True)
class SharedArticle:
    title: str
    author: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""
    language: str = ""
    text_hash: str = ""
    tags: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = field(default=(), compare=False)  # only in a folder shared with texts

    def fingerprint(self) -> str:
        return _digest(
            [
                self.title,
                self.author,
                self.outlet,
                self.url,
                self.published,
                self.language,
                sorted(self.tags),
                sorted(self.collections),
            ]
        )

    def to_body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "title": self.title,
            "author": self.author,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "text_hash": self.text_hash,
            "tags": list(self.tags),
            "collections": list(self.collections),
        }
        if self.blocks:
            body["blocks"] = [[b.kind.value, b.level, b.text] for b in self.blocks]
        return body

    @classmethod
    def from_body(cls, data: dict[str, Any]) -> SharedArticle:
        title = data.get("title")
        if not isinstance(title, str) or not title.strip():
            raise ValueError("the article has no title")
        blocks: list[Block] = []
        for item in data.get("blocks") or []:
            try:
                kind, level, text = item
                blocks.append(Block(BlockKind(kind), str(text), int(level)))
            except (TypeError, ValueError):
                raise ValueError("the article's blocks are malformed") from None
        return cls(
            title=title,
            author=_text(data, "author"),
            outlet=_text(data, "outlet"),
            url=_text(data, "url"),
            published=_text(data, "published"),
            language=_text(data, "language"),
            text_hash=_text(data, "text_hash"),
            tags=tuple(sorted({str(t) for t in data.get("tags") or [] if str(t).strip()})),
            collections=tuple(sorted({str(c) for c in data.get("collections") or [] if str(c).strip()})),
            blocks=tuple(blocks),
        )


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    return value if isinstance(value, str) else ""


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else -1


def _digest(values: list[Any]) -> str:
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]

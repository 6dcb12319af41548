"""One line of a shared log: a record of what one member did to one highlight or article.

    {"format": 1, "id": "…", "member": "…", "by": "Salma", "at": [millis, counter],
     "prev": {"at": [millis, counter], "member": "…"} | null,
     "kind": "annotation" | "article", "target": "…", "op": "put" | "delete", "body": {…}}

`target` is the highlight's or article's stable id across members (a UUID); `at` its hybrid-clock stamp; a
version of a target is named by (`at`, `member`); `prev` is the version the member saw when it made this one
(None for the first), which is how a merge tells an edit made on top of another from one made at the same
time. An annotation's body is a W3C Web Annotation (reader/core/sharing/annotations.py), an article's its
metadata, text hash, tags and collections, and its blocks only in a folder shared `--with-texts`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reader.core.sharing.clock import Stamp

#: The log format this build writes and reads; a record of a later format is left for a later build.
FORMAT = 1
KINDS = ("annotation", "article")
OPS = ("put", "delete")


class NewerFormatError(ValueError):
    """A record written by a later Hawamish: not read now, not skipped either (a later build reads it)."""


@dataclass(frozen=True, order=True, slots=True)
class Version:
    """One version of a target: who made it and when; versions sort by clock, then member id."""

    at: Stamp
    member: str

    def to_json(self) -> dict[str, object]:
        return {"at": self.at.to_json(), "member": self.member}

    @classmethod
    def from_json(cls, value: object) -> Version:
        if not isinstance(value, dict) or not isinstance(value.get("member"), str):
            raise ValueError(f"not a version: {value!r}")
        return cls(Stamp.from_json(value.get("at")), value["member"])


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    member: str
    by: str
    at: Stamp
    kind: str
    target: str
    op: str
    body: dict[str, Any] = field(default_factory=dict)
    prev: Version | None = None

    @property
    def version(self) -> Version:
        return Version(self.at, self.member)

    @property
    def deleted(self) -> bool:
        return self.op == "delete"

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "id": self.id,
            "member": self.member,
            "by": self.by,
            "at": self.at.to_json(),
            "prev": None if self.prev is None else self.prev.to_json(),
            "kind": self.kind,
            "target": self.target,
            "op": self.op,
            "body": self.body,
        }

    def to_line(self) -> bytes:
        """The record as one line of its log (UTF-8 JSON, no newline inside, a newline at the end)."""
        return (json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: object) -> Record:
        """A record from a parsed line; NewerFormatError for a later format, ValueError for anything malformed."""
        if not isinstance(data, dict):
            raise ValueError("a record is a JSON object")
        version = data.get("format")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError(f"no valid format number ({version!r})")
        if version > FORMAT:
            raise NewerFormatError(f"format {version}; this Hawamish reads format {FORMAT}")
        text_fields = ("id", "member", "by", "kind", "target", "op")
        for name in text_fields:
            if not isinstance(data.get(name), str) or (name != "by" and not data[name]):
                raise ValueError(f"no valid {name!r}")
        if data["kind"] not in KINDS or data["op"] not in OPS:
            raise ValueError(f"unknown kind or op ({data['kind']!r}, {data['op']!r})")
        body = data.get("body", {})
        if not isinstance(body, dict):
            raise ValueError("the body is not an object")
        prev = data.get("prev")
        return cls(
            id=data["id"],
            member=data["member"],
            by=data["by"],
            at=Stamp.from_json(data.get("at")),
            kind=data["kind"],
            target=data["target"],
            op=data["op"],
            body=body,
            prev=None if prev is None else Version.from_json(prev),
        )

    @classmethod
    def from_line(cls, line: bytes) -> Record:
        try:
            data = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not JSON ({exc})") from None
        return cls.from_json(data)

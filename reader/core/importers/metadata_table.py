"""Metadata tables: a CSV or JSON-lines file that says who wrote which file, when, where, under what tags.

A corpus often comes with such a table (the Saudi newspaper corpus has a `manifest.jsonl`). Each row names a
file (a path relative to the table's folder, or just a file name) and any of title, author, outlet, date,
url, language, tags and collection; column names are matched loosely (`source`, `publisher` and `site_name`
all mean the outlet; Arabic names such as `الكاتب` too). A table's values win over what the file itself
says. Rows that match no file and files with no row are reported, never fatal.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.common import decode_entities, normalise_date

#: File names a folder's own table may have (used automatically when the folder is imported).
TABLE_NAMES = ("manifest.jsonl", "metadata.jsonl", "metadata.csv", "manifest.csv")
#: A table larger than this is refused (a million rows is far beyond any corpus a person reads).
MAX_TABLE_BYTES = 64 * 1024 * 1024

#: Column -> the metadata it holds. Keys are folded: lower case, '-' and ' ' as '_'. Earlier names win
#: when a row has several (a real publication date before the date a crawler extracted the page).
_ALIASES: dict[str, tuple[str, ...]] = {
    "file": ("file", "path", "filename", "file_name", "source_file", "الملف"),
    "title": ("title", "headline", "العنوان"),
    "author": ("author", "authors", "byline", "writer", "creator", "الكاتب", "المؤلف"),
    "outlet": ("outlet", "source", "publisher", "site_name", "site", "newspaper", "المصدر", "الصحيفة"),
    "published": (
        "published",
        "date",
        "date_published",
        "publication_date",
        "pubdate",
        "published_at",
        "date_extracted",
        "التاريخ",
    ),
    "url": ("url", "canonical_url", "link", "الرابط"),
    "language": ("language", "lang", "اللغة"),
    "tags": ("tags", "tag", "keywords", "الوسوم"),
    "collection": ("collection", "collections", "المجموعة"),
}
_COLUMN_OF = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_LIST_SEPARATORS = (";", "|", "،", ",")


@dataclass(slots=True)
class MetadataRow:
    """One row of a table: the file it names, the metadata it gives, where it is in the table."""

    file: str
    line: int
    meta: dict[str, str] = field(default_factory=dict)  # title, author, outlet, published, url, language
    tags: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    used: bool = False


class MetadataTable:
    """The rows of one table, found by the files they name."""

    def __init__(self, path: Path, rows: list[MetadataRow]) -> None:
        self.path = Path(path)
        self.base = self.path.parent.resolve()
        self.rows = rows
        self._by_parts: dict[tuple[str, ...], MetadataRow | None] = {}
        for row in rows:
            parts = _parts(row.file)
            for start in range(len(parts)):
                key = parts[start:]
                # a suffix two rows share (0000.txt in every outlet's folder) names neither of them
                self._by_parts[key] = None if key in self._by_parts and start else row
            self._by_parts[parts] = row

    def match(self, file: Path) -> MetadataRow | None:
        """The row naming `file`: its path relative to the table's folder, else the longest tail of its
        path a row names alone (a bare file name when it is unique in the table)."""
        resolved = Path(file).resolve()
        try:
            relative: tuple[str, ...] | None = resolved.relative_to(self.base).parts
        except ValueError:
            relative = None
        if relative is not None and self._by_parts.get(relative) is not None:
            row = self._by_parts[relative]
        else:
            parts = resolved.parts
            row = next(
                (r for k in range(len(parts)) if (r := self._by_parts.get(parts[k:])) is not None), None
            )
        if row is not None:
            row.used = True
        return row

    def unmatched(self) -> list[MetadataRow]:
        return [r for r in self.rows if not r.used]


def _parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "/"))


def _fold_column(name: str) -> str:
    return "_".join(name.strip().lstrip("\ufeff").lower().replace("-", " ").split())


#: How deep lists (and {"name": ...} objects) inside a value are read: [["a", "b"]] is "a, b"; deeper is noise.
_MAX_VALUE_DEPTH = 4


def _text(value: object, depth: int = 0) -> str:
    if value is None or depth > _MAX_VALUE_DEPTH:
        return ""
    if isinstance(value, list):
        return ", ".join(t for v in value if (t := _text(v, depth + 1)))
    if isinstance(value, dict):
        return _text(value.get("name", ""), depth + 1)
    # JSON may escape a lone surrogate ("\ud800"), which no UTF-8 text (nor SQLite) can hold: U+FFFD
    text = str(value).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return " ".join(decode_entities(text).split())  # scraped tables carry &quot; in titles


def _split_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [t for v in value if (t := _text(v))]
    text = _text(value)
    for separator in _LIST_SEPARATORS:
        if separator in text:
            return [t.strip() for t in text.split(separator) if t.strip()]
    return [text] if text else []


def _row(record: dict[str, object], line: int, path: Path) -> MetadataRow:
    found: dict[str, tuple[int, object]] = {}  # metadata name -> (alias rank, value)
    for column, value in record.items():
        name = _COLUMN_OF.get(_fold_column(str(column)))
        if name is None or value in (None, "", []):
            continue
        rank = _ALIASES[name].index(_fold_column(str(column)))
        if name not in found or rank < found[name][0]:
            found[name] = (rank, value)
    if "file" not in found:
        raise HawamishError(
            ErrorCode.MALFORMED, str(path), f"line {line}: no file column (file, path or filename)"
        )
    row = MetadataRow(file=_text(found.pop("file")[1]), line=line)
    for name, (_, value) in found.items():
        if name == "tags":
            row.tags = _split_list(value)
        elif name == "collection":
            row.collections = _split_list(value)
        elif name == "published":
            row.meta[name] = normalise_date(_text(value))
        elif name == "language":
            row.meta[name] = _text(value).lower()[:8]
        else:
            row.meta[name] = _text(value)
    row.meta = {k: v for k, v in row.meta.items() if v}
    return row


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1256"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise HawamishError(ErrorCode.UNDECODABLE, str(path), "not UTF-8 or Windows-1256")


def read_table(path: Path) -> MetadataTable:
    """Read a CSV (comma, semicolon or tab) or JSON-lines table (MALFORMED, naming the line, when broken)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise HawamishError(ErrorCode.TOO_LARGE, str(path), f"{size} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise HawamishError(ErrorCode.MISSING, str(path)) from None
    except OSError as exc:
        raise HawamishError(ErrorCode.UNREADABLE, str(path), exc.strerror or str(exc)) from None
    text = _decode(data, path)
    if not text.strip():
        raise HawamishError(ErrorCode.EMPTY, str(path))
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json") or text.lstrip().startswith("{"):
        rows = _json_lines(text, path)
    else:
        rows = _csv_rows(text, path)
    return MetadataTable(path, rows)


def _json_lines(text: str, path: Path) -> list[MetadataRow]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HawamishError(ErrorCode.MALFORMED, str(path), f"line {number}: {exc.msg}") from None
        except ValueError as exc:  # a number of over 4,300 digits: Python refuses to convert it
            raise HawamishError(ErrorCode.MALFORMED, str(path), f"line {number}: {exc}") from None
        except RecursionError:  # json nests by recursion: a few thousand brackets exhaust the stack
            raise HawamishError(ErrorCode.MALFORMED, str(path), f"line {number}: nested too deeply") from None
        if not isinstance(record, dict):
            raise HawamishError(ErrorCode.MALFORMED, str(path), f"line {number}: not an object")
        rows.append(_row(record, number, path))
    return rows


def _csv_rows(text: str, path: Path) -> list[MetadataRow]:
    first_line = text.splitlines()[0] if text else ""
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        return [_row(dict(record), number + 2, path) for number, record in enumerate(reader)]
    except csv.Error as exc:
        raise HawamishError(ErrorCode.MALFORMED, str(path), str(exc)) from None


def tables_in(folder: Path) -> list[Path]:
    """The metadata tables inside a folder being imported (its own and its subfolders'), shallowest first."""
    found = []
    for name in TABLE_NAMES:
        found += [p for p in Path(folder).rglob(name) if p.is_file() and not _hidden(p, folder)]
    return sorted(set(found), key=lambda p: (len(p.parts), str(p)))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)

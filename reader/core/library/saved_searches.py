"""Saved searches: a query and its filters kept under a name, shown in the library as smart collections.

A smart collection holds whatever its query matches now (an article, or an article with a matching
highlight or note), so it follows the library as it changes; nothing is stored but the query. The list is one
JSON value in the library's settings table (it moves with the library, no table of its own), read and written
in one transaction. Each change is a SAVED_SEARCHES change for lists of saved searches.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.collections import clean_name
from reader.core.library.events import Events, utc_now
from reader.core.storage import Database
from reader.core.storage import settings as setting_rows
from reader.core.storage.database import Transaction

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.search.index import SearchIndex

#: The settings key holding the saved searches (a JSON list).
SETTING_KEY = "saved_searches"
#: The filters a saved search may keep (reader.core.search.SearchFilters' fields of the same names): lists
#: of values, and the two ends of a date range.
LIST_FILTERS = ("kinds", "colors", "tags", "collections", "outlets", "languages")
DATE_FILTERS = ("date_from", "date_to")


def clean_filters(filters: Mapping[str, object] | None) -> dict[str, object]:
    """The filters worth keeping: known names with a value, lists of non-empty strings."""
    cleaned: dict[str, object] = {}
    for key, value in (filters or {}).items():
        if key in LIST_FILTERS:
            values = value if isinstance(value, list | tuple) else [value] if value else []
            kept = [str(v) for v in values if str(v).strip()]
            if kept:
                cleaned[key] = kept
        elif key in DATE_FILTERS:
            if value:
                cleaned[key] = str(value)
        else:
            raise HawamishError(ErrorCode.INVALID_METADATA, field=key, value=str(value))
    return cleaned


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    filters: dict[str, object] = field(default_factory=dict)  # clean_filters' form
    created: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "query": self.query,
            "filters": dict(self.filters),
            "created": self.created,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SavedSearch:
        return cls(
            str(data["name"]),
            str(data["query"]),
            clean_filters(data.get("filters")),
            str(data.get("created", "")),
        )


def _read(tx: Transaction) -> builtins.list[SavedSearch]:
    raw = setting_rows.get(tx, SETTING_KEY)
    if not raw:
        return []
    try:
        return [SavedSearch.from_json(item) for item in json.loads(raw)]
    except (
        ValueError,
        KeyError,
        TypeError,
        HawamishError,
    ):  # a damaged value: nothing saved rather than a crash
        return []


def _write(tx: Transaction, searches: Sequence[SavedSearch]) -> None:
    ordered = sorted(searches, key=lambda s: s.name.casefold())
    setting_rows.put(tx, SETTING_KEY, json.dumps([s.to_json() for s in ordered], ensure_ascii=False))


def _find(searches: Sequence[SavedSearch], name: str) -> SavedSearch | None:
    return next((s for s in searches if s.name == name), None)


class SavedSearches:
    def __init__(self, db: Database, events: Events, index: Callable[[], SearchIndex]) -> None:
        self._db = db
        self._events = events
        self._index = index

    def list(self) -> builtins.list[SavedSearch]:
        """Every saved search, by name."""
        with self._db.read() as tx:
            return sorted(_read(tx), key=lambda s: s.name.casefold())

    def names(self) -> builtins.list[str]:
        return [s.name for s in self.list()]

    def get(self, name: str) -> SavedSearch:
        """The saved search called `name` (NOT_FOUND when there is none)."""
        found = _find(self.list(), name)
        if found is None:
            raise HawamishError(ErrorCode.NOT_FOUND, detail=f"saved search {name}")
        return found

    def save(
        self, name: str, query: str, filters: Mapping[str, object] | None = None, *, replace: bool = False
    ) -> SavedSearch:
        """Keep `query` with `filters` under `name` (SAVED_SEARCH_EXISTS when the name is taken, unless
        `replace`); a query that cannot be read is refused with its query error, as a search would."""
        saved = SavedSearch(clean_name(name), query.strip(), clean_filters(filters), utc_now())
        self._check(saved)
        with self._db.write() as tx:
            searches = _read(tx)
            existing = _find(searches, saved.name)
            if existing is not None and not replace:
                raise HawamishError(ErrorCode.SAVED_SEARCH_EXISTS, name=saved.name)
            _write(tx, [s for s in searches if s.name != saved.name] + [saved])
        self._changed(ChangeOp.UPDATED if existing else ChangeOp.ADDED)
        return saved

    def rename(self, old: str, new: str) -> SavedSearch:
        new = clean_name(new)
        with self._db.write() as tx:
            searches = _read(tx)
            found = _find(searches, old)
            if found is None:
                raise HawamishError(ErrorCode.NOT_FOUND, detail=f"saved search {old}")
            if new != old and _find(searches, new) is not None:
                raise HawamishError(ErrorCode.SAVED_SEARCH_EXISTS, name=new)
            renamed = SavedSearch(new, found.query, dict(found.filters), found.created)
            _write(tx, [s for s in searches if s.name != old] + [renamed])
        self._changed(ChangeOp.UPDATED)
        return renamed

    def delete(self, name: str) -> SavedSearch:
        """Forget a saved search; what it was, so that `restore` can undo the delete."""
        with self._db.write() as tx:
            searches = _read(tx)
            found = _find(searches, name)
            if found is None:
                raise HawamishError(ErrorCode.NOT_FOUND, detail=f"saved search {name}")
            _write(tx, [s for s in searches if s.name != name])
        self._changed(ChangeOp.DELETED)
        return found

    def restore(self, saved: SavedSearch) -> None:
        """Put a deleted saved search back as it was (SAVED_SEARCH_EXISTS when its name was taken since)."""
        with self._db.write() as tx:
            searches = _read(tx)
            if _find(searches, saved.name) is not None:
                raise HawamishError(ErrorCode.SAVED_SEARCH_EXISTS, name=saved.name)
            _write(tx, [*searches, saved])
        self._changed(ChangeOp.ADDED)

    def articles(self, name: str) -> set[int]:
        """Ids of the articles the saved search matches now (its smart collection)."""
        return self.matching(self.get(name))

    def matching(self, saved: SavedSearch) -> set[int]:
        return set(self._index().matching_article_ids(saved.query, self.search_filters(saved)))

    @staticmethod
    def search_filters(saved: SavedSearch) -> Any:
        """The saved filters as reader.core.search.SearchFilters (whoosh is imported here, on first use)."""
        from reader.core.search import SearchFilters

        return SearchFilters(**saved.filters)  # type: ignore[arg-type]  # clean_filters' names and types

    def _check(self, saved: SavedSearch) -> None:
        from reader.core.search.query import build_filter, parse_query

        schema = self._index().schema
        parse_query(saved.query, schema)
        build_filter(schema, None, self.search_filters(saved))

    def _changed(self, op: ChangeOp) -> None:
        self._events.emit(Change(ChangeKind.SAVED_SEARCHES, op))

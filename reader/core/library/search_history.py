"""The search box's history: the last queries searched in this library, newest first, each once.

It is the user's data about this library (what they looked for in it), so it is kept with the library (one
JSON value in its settings table), not with the machine's preferences; `clear` forgets it.
"""

from __future__ import annotations

import builtins
import json

from reader.core.storage import Database
from reader.core.storage import settings as setting_rows

SETTING_KEY = "search_history"
#: Queries kept.
HISTORY_SIZE = 20


def _same(query: str) -> str:
    """Two queries are the same one when they differ only in spaces and letter case."""
    return " ".join(query.split()).casefold()


class SearchHistory:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self) -> list[str]:
        """The remembered queries, newest first."""
        with self._db.read() as tx:
            raw = setting_rows.get(tx, SETTING_KEY)
        try:
            found = json.loads(raw) if raw else []
        except ValueError:  # a damaged value: no history rather than a crash
            return []
        return [str(q) for q in found if isinstance(q, str)][:HISTORY_SIZE] if isinstance(found, list) else []

    def add(self, query: str) -> builtins.list[str]:
        """Remember `query` as the newest (an earlier copy of it moves up); the history after it."""
        query = " ".join(query.split())
        if not query:
            return self.list()
        with self._db.write() as tx:
            raw = setting_rows.get(tx, SETTING_KEY)
            try:
                earlier = json.loads(raw) if raw else []
            except ValueError:
                earlier = []
            if not isinstance(earlier, list):
                earlier = []
            kept = [query] + [q for q in earlier if isinstance(q, str) and _same(q) != _same(query)]
            kept = kept[:HISTORY_SIZE]
            setting_rows.put(tx, SETTING_KEY, json.dumps(kept, ensure_ascii=False))
        return kept

    def clear(self) -> None:
        with self._db.write() as tx:
            setting_rows.put(tx, SETTING_KEY, "[]")

"""A library is a folder: `library.sqlite3`, `index/` (derived search index), `backups/`.

`Library` owns the one database connection of a process, serialises writes with a lock, and tells
listeners what changed (the GUI refreshes views, the search indexer updates the index). Stores
(`ArticleStore`, `HighlightStore`, ...) are thin objects over it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reader.core.storage import open_database

DB_NAME = "library.sqlite3"
INDEX_DIR = "index"
BACKUP_DIR = "backups"


def utc_now() -> str:
    """ISO 8601 UTC timestamp with seconds, as stored in every *_at / created / updated column."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed, for listeners: kind is 'article', 'highlight', 'article_note' or 'labels'."""

    kind: str
    op: str  # 'added', 'updated', 'deleted'
    ids: tuple[int, ...] = ()
    article_ids: tuple[int, ...] = field(default=())


Listener = Callable[[Change], None]


class Library:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.db: sqlite3.Connection = open_database(self.folder / DB_NAME)
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []

    # paths -----------------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def index_dir(self) -> Path:
        return self.folder / INDEX_DIR

    @property
    def backup_dir(self) -> Path:
        return self.folder / BACKUP_DIR

    @staticmethod
    def exists_in(folder: Path) -> bool:
        return (Path(folder) / DB_NAME).exists()

    # transactions ----------------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back on an exception."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self.db

    # change notification ---------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # settings (small key/value pairs that belong to the library, not to the machine) ---------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.read() as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.write() as db:
            db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

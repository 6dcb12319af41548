"""Opening a library database (WAL, foreign keys, migrations on open) and the `Database` that owns it.

`Database` holds the one connection of a `Library` and serialises its use with a lock: every read and write
of the storage modules happens inside `read()` or `write()`, which hand out the connection as a
`Transaction` for the storage functions to run their SQL on.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.storage.migrations import MIGRATIONS, SCHEMA_VERSION

#: What storage functions take: the connection, inside a read or a write of `Database`.
Transaction = sqlite3.Connection
#: sqlite3's errors, for callers above storage that must tell a full disk from a damaged file.
StorageError = sqlite3.Error


def schema_version(db: Transaction) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Transaction, target: int = SCHEMA_VERSION) -> int:
    """Run every migration from the database's version up to `target`, each in its own transaction."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise HawamishError(
            ErrorCode.LIBRARY_NEWER, detail=f"schema {current}, this Hawamish knows {SCHEMA_VERSION}"
        )
    for version in range(current, target):
        # one transaction per step: a failed step leaves the previous version intact
        script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
        try:
            db.executescript(script)
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    return schema_version(db)


def open_database(path: Path, *, target: int = SCHEMA_VERSION) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    `check_same_thread=False` because GUI workers read on their own threads; `Database` serialises every
    use of the connection with its lock.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        # WAL + FULL: each commit fsyncs the WAL, so a change the window showed as saved survives a power cut
        # too, not only a crash of the app (NORMAL may roll back the last commits). About 5 ms a commit here:
        # benchmarks/bench_durability.py, docs/library.md "Durability".
        db.execute("PRAGMA synchronous = FULL")
        migrate(db, target)
    except sqlite3.DatabaseError as exc:
        raise HawamishError(ErrorCode.LIBRARY_CORRUPT, str(path), str(exc)) from exc
    return db


def read_only_uri(path: Path | str) -> str:
    """An SQLite URI opening `path` read-only; the path is %-quoted, so a '#', '?' or '%' in a folder name
    stays part of it instead of ending it (which opened, and created, another file)."""
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def disk_error(path: Path | str, exc: sqlite3.Error) -> HawamishError:
    """DISK_FULL or UNWRITABLE for an SQLite error met while writing."""
    full = "full" in str(exc).lower()  # sqlite3: "database or disk is full"
    return HawamishError(ErrorCode.DISK_FULL if full else ErrorCode.UNWRITABLE, str(path), str(exc))


class Database:
    """One library database file and its connection, used under one lock."""

    def __init__(self, path: Path, *, target: int = SCHEMA_VERSION) -> None:
        self.path = Path(path)
        self._connection = open_database(self.path, target=target)
        self._lock = threading.RLock()

    @contextmanager
    def write(self) -> Iterator[Transaction]:
        """One write transaction: committed when the block ends, rolled back on an exception."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[Transaction]:
        with self._lock:
            yield self._connection

    def migrate(self) -> int:
        """Bring the schema up to date (after a restore copied an older database in)."""
        with self._lock:
            return migrate(self._connection)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

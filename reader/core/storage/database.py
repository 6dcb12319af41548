"""Opening a library database: WAL, foreign keys, migrations run on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.storage.migrations import MIGRATIONS, SCHEMA_VERSION


def schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
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

    `check_same_thread=False` because GUI workers read on their own threads; callers serialise writes
    through Library (one connection per Library, guarded by its lock).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable across app crashes
        migrate(db, target)
    except sqlite3.DatabaseError as exc:
        raise HawamishError(ErrorCode.LIBRARY_CORRUPT, str(path), str(exc)) from exc
    return db

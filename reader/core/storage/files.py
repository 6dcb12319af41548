"""Whole-file operations on a library database: online backup, reading a backup, restore, checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.storage.database import Database, Transaction, migrate, read_only_uri, schema_version
from reader.core.storage.migrations import SCHEMA_VERSION

#: Tables a Hawamish database has from schema version 1 on.
_REQUIRED_TABLES = {"articles", "blocks"}


def counts(tx: Transaction) -> tuple[int, int]:
    """(articles, highlights) in a database of any schema version."""
    tables = {r[0] for r in tx.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    articles = tx.execute("SELECT count(*) FROM articles").fetchone()[0]
    highlights = tx.execute("SELECT count(*) FROM highlights").fetchone()[0] if "highlights" in tables else 0
    return int(articles), int(highlights)


def backup_to(db: Database, target: Path) -> None:
    """SQLite's online backup of the live database into a new file at `target` (one self-contained file).

    Taken under the database's lock: no write of this process lands half-way (other processes: SQLite)."""
    copy = sqlite3.connect(target)
    try:
        with db.read() as tx:
            tx.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def backup_file_to(source: Path, target: Path) -> None:
    """SQLite's online backup of the database file at `source`, through a connection of its own, into a new
    file at `target`.

    A second connection reads a consistent snapshot (WAL: the library's own connection keeps writing
    meanwhile), so an automatic backup never waits for, nor holds up, the app's writes; and it can copy a
    database before it is opened and migrated."""
    src = sqlite3.connect(source, timeout=10.0)
    copy = sqlite3.connect(target)
    try:
        src.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
        src.close()


def file_schema_version(path: Path) -> int | None:
    """The schema version written in the database file at `path` (0: new), None when it cannot be read."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        return schema_version(db)
    except sqlite3.Error:
        return None
    finally:
        db.close()


def describe_file(path: Path) -> tuple[int, int, int]:
    """(schema version, articles, highlights) of an intact Hawamish database this version can read;
    MISSING, UNREADABLE, MALFORMED, LIBRARY_NEWER or LIBRARY_CORRUPT otherwise."""
    if not path.is_file():
        raise HawamishError(ErrorCode.MISSING, str(path))
    try:
        db = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise HawamishError(ErrorCode.UNREADABLE, str(path), str(exc)) from exc
    try:
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:  # "file is not a database"
            raise HawamishError(ErrorCode.MALFORMED, str(path), f"not a Hawamish backup: {exc}") from exc
        if not tables >= _REQUIRED_TABLES:
            raise HawamishError(ErrorCode.MALFORMED, str(path), "not a Hawamish backup: no articles table")
        version = schema_version(db)
        if version > SCHEMA_VERSION:
            raise HawamishError(
                ErrorCode.LIBRARY_NEWER, str(path), f"schema {version}, this Hawamish knows {SCHEMA_VERSION}"
            )
        problems = integrity_problems(db)
        if problems:
            raise HawamishError(ErrorCode.LIBRARY_CORRUPT, str(path), str(problems[:5]))
        articles, highlights = counts(db)
    except sqlite3.DatabaseError as exc:
        raise HawamishError(ErrorCode.LIBRARY_CORRUPT, str(path), str(exc)) from exc
    finally:
        db.close()
    return version, articles, highlights


def copy_into(db: Database, source: Path) -> None:
    """Replace the live database's content with the file at `source` (already checked by describe_file),
    then bring it up to this schema."""
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            with db.read() as tx:
                src.backup(tx)
                migrate(tx)  # a backup from an older Hawamish is brought up to this schema
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise HawamishError(ErrorCode.UNWRITABLE, str(db.path), str(exc)) from exc


def integrity_problems(tx: Transaction) -> list[str]:
    """What SQLite's integrity check found (nothing when the file is intact)."""
    rows = [tuple(r) for r in tx.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]


def dangling_rows(tx: Transaction) -> list[tuple[str, str]]:
    """(table, parent table) of every row whose foreign key points at a missing row."""
    return [(str(r[0]), str(r[2])) for r in tx.execute("PRAGMA foreign_key_check").fetchall()]


def delete_dangling(tx: Transaction, table: str, parent: str) -> None:
    """Delete the rows of `table` whose `parent` row is gone. By the foreign key's columns, not by rowid:
    the tag tables are WITHOUT ROWID, and foreign_key_check reports no rowid for them."""
    for fk in tx.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
        if fk["table"] == parent:
            column, target = fk["from"], fk["to"] or "rowid"
            tx.execute(
                f'DELETE FROM "{table}" WHERE "{column}" IS NOT NULL '
                f'AND "{column}" NOT IN (SELECT "{target}" FROM "{parent}")'
            )

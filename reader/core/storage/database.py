"""Opening a library database (WAL, foreign keys, migrations on open) and the `Database` that owns it.

`Database` holds the one connection of a `Library` and serialises its use with a lock: every read and write
of the storage modules happens inside `read()` or `write()`, which hand out the connection as a
`Transaction` for the storage functions to run their SQL on.
"""

from __future__ import annotations

import errno
import os
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


#: Seconds a write waits for another process's write to end before LIBRARY_BUSY. Long enough for any one
#: write of another Hawamish (an import commits in batches); HAWAMISH_BUSY_TIMEOUT overrides it (tests).
BUSY_TIMEOUT_ENV = "HAWAMISH_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 10.0
#: Below this many free bytes on the library's disk an SQLite I/O error is taken for a full disk: SQLite
#: reports a -shm file it cannot grow as SQLITE_IOERR_SHMSIZE, not SQLITE_FULL.
_NEARLY_FULL = 256 * 1024


def busy_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT)))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT


def _folder_state(folder: Path) -> str:
    """'read_only', 'full' or '' for the filesystem holding `folder` (os.access, not the file modes: root
    may write anywhere except on a read-only mount, which access() reports)."""
    try:
        stat = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return "" if os.access(folder, os.W_OK) else "read_only"
    if stat.f_flag & os.ST_RDONLY or not os.access(folder, os.W_OK):
        return "read_only"
    if stat.f_bavail * stat.f_frsize < _NEARLY_FULL:
        return "full"
    return ""


def library_error(path: Path | str, exc: sqlite3.Error) -> HawamishError | None:
    """The library-level cause of an SQLite error, when it is one: LIBRARY_DISK_FULL, READ_ONLY or
    LIBRARY_BUSY naming the library folder; None for any other error (a damaged file, a constraint).

    SQLite's own codes first; a bare I/O error or "unable to open" is told apart by looking at the disk.
    """
    folder = Path(path).parent
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    code: ErrorCode | None = None
    if name == "SQLITE_FULL" or "disk is full" in text:
        code = ErrorCode.LIBRARY_DISK_FULL
    elif name.startswith("SQLITE_READONLY") or "readonly database" in text:
        code = ErrorCode.READ_ONLY
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        code = ErrorCode.LIBRARY_BUSY
    elif name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "disk i/o error" in text:
        state = _folder_state(folder)
        code = {"read_only": ErrorCode.READ_ONLY, "full": ErrorCode.LIBRARY_DISK_FULL}.get(state)
    if code is None:
        return None
    return HawamishError(code, str(folder), f"{name}: {exc}" if name else str(exc))


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    db = sqlite3.connect(
        target, uri=uri, timeout=busy_timeout(), isolation_level=None, check_same_thread=False
    )
    db.row_factory = sqlite3.Row
    return db


def open_database(path: Path, *, target: int = SCHEMA_VERSION) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    Opening writes nothing when nothing changes (WAL is set on a new file only; no migration is due), so a
    library on a full disk opens. `check_same_thread=False` because GUI workers read on their own threads;
    `Database` serialises every use of the connection with its lock. LIBRARY_DISK_FULL, READ_ONLY,
    LIBRARY_BUSY or LIBRARY_CORRUPT when it cannot be opened for writing.
    """
    db: sqlite3.Connection | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = _connect(str(path))
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        # WAL + FULL: each commit fsyncs the WAL, so a change the window showed as saved survives a power cut
        # too, not only a crash of the app (NORMAL may roll back the last commits). About 5 ms a commit here:
        # benchmarks/bench_durability.py, docs/library.md "Durability".
        db.execute("PRAGMA synchronous = FULL")
        migrate(db, target)
    except OSError as exc:  # the folder cannot be made
        raise _folder_error(path, exc) from exc
    except sqlite3.Error as exc:
        if db is not None:
            db.close()
        raise library_error(path, exc) or HawamishError(
            ErrorCode.LIBRARY_CORRUPT, str(path), str(exc)
        ) from exc
    return db


def _folder_error(path: Path, exc: OSError) -> HawamishError:
    if exc.errno == errno.ENOSPC:
        return HawamishError(ErrorCode.LIBRARY_DISK_FULL, str(path.parent), str(exc))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return HawamishError(ErrorCode.READ_ONLY, str(path.parent), str(exc))
    return HawamishError(ErrorCode.UNWRITABLE, str(path.parent), str(exc))


def read_only_uri(path: Path | str) -> str:
    """An SQLite URI opening `path` read-only; the path is %-quoted, so a '#', '?' or '%' in a folder name
    stays part of it instead of ending it (which opened, and created, another file)."""
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def _wal_is_empty(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size == 0
    except FileNotFoundError:
        return True


def connect_read_only(path: Path | str) -> sqlite3.Connection:
    """A read-only connection to the database at `path`, also where SQLite cannot write its -shm file (a
    full disk, a read-only folder after a clean close).

    WAL mode reads through the shared-memory file; when it cannot be made, and the WAL holds nothing (every
    change is in the database file), the file is opened `immutable` (no locks, no -shm). A WAL that holds
    changes is never skipped: the error stands.
    """
    path = Path(path)
    db = _connect(read_only_uri(path), uri=True)
    try:
        db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return db
    except sqlite3.OperationalError:
        db.close()
        if not path.exists() or not _wal_is_empty(path):
            raise
    db = _connect(read_only_uri(path) + "&immutable=1", uri=True)
    db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    return db


def disk_error(path: Path | str, exc: sqlite3.Error | HawamishError) -> HawamishError:
    """DISK_FULL or UNWRITABLE for an SQLite error met while writing the file at `path` (a backup); a
    library write's error (already its cause: `Database.write`) is kept, naming `path` (the imported file)."""
    if isinstance(exc, HawamishError):
        return HawamishError(exc.code, str(path), exc.detail, **exc.fields)
    full = "full" in str(exc).lower()  # sqlite3: "database or disk is full"
    return HawamishError(ErrorCode.DISK_FULL if full else ErrorCode.UNWRITABLE, str(path), str(exc))


class Database:
    """One library database file and its connection, used under one lock.

    A library that cannot be written (a full disk, a read-only folder) still opens for reading: `read()`
    works and `write()` raises the cause (`read_only_cause`) without touching the file.
    """

    def __init__(self, path: Path, *, target: int = SCHEMA_VERSION) -> None:
        self.path = Path(path)
        self.read_only_cause: HawamishError | None = None
        try:
            self._connection = open_database(self.path, target=target)
        except HawamishError as exc:
            if exc.code not in (ErrorCode.LIBRARY_DISK_FULL, ErrorCode.READ_ONLY):
                raise
            self._connection = self._open_for_reading(exc, target)
            self.read_only_cause = exc
        self._lock = threading.RLock()

    def _open_for_reading(self, cause: HawamishError, target: int) -> sqlite3.Connection:
        """The fallback: the library as it is, read-only; `cause` when even that fails or it needs a
        migration (which would write)."""
        try:
            db = connect_read_only(self.path)
        except sqlite3.Error as exc:
            raise cause from exc
        try:
            version = schema_version(db)
        except sqlite3.Error as exc:
            db.close()
            raise cause from exc
        if version != target:
            db.close()
            raise cause
        return db

    def _raise_for(self, exc: sqlite3.Error) -> None:
        """Re-raise an SQLite error of a write as its library-level cause when it has one."""
        cause = library_error(self.path, exc)
        if cause is not None:
            raise cause from exc

    @contextmanager
    def write(self) -> Iterator[Transaction]:
        """One write transaction: committed when the block ends, rolled back on an exception.

        LIBRARY_BUSY when another process keeps the write lock for `busy_timeout()` seconds,
        LIBRARY_DISK_FULL or READ_ONLY when the change cannot be stored (nothing of it is).
        """
        with self._lock:
            if self.read_only_cause is not None:
                cause = self.read_only_cause
                raise HawamishError(cause.code, cause.path, cause.detail)
            try:
                self._connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                self._raise_for(exc)
                raise
            try:
                yield self._connection
            except BaseException as exc:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    self._raise_for(exc)
                raise
            try:
                self._connection.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                self._raise_for(exc)
                raise

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

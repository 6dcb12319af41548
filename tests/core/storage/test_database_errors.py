"""SQLite's errors become the library's causes (a full disk, a read-only folder, a busy library), never
"the library database is damaged" (tests/cli/test_full_disk_read_only.py does it on real mounts)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.storage import database
from reader.core.text import Block, BlockKind
from reader.messages import describe


def sqlite_error(message: str, name: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorname = name  # as the sqlite3 module sets it
    return exc


@pytest.mark.parametrize(
    ("message", "name", "code"),
    [
        ("database or disk is full", "SQLITE_FULL", ErrorCode.LIBRARY_DISK_FULL),
        ("attempt to write a readonly database", "SQLITE_READONLY", ErrorCode.READ_ONLY),
        ("attempt to write a readonly database", "SQLITE_READONLY_DBMOVED", ErrorCode.READ_ONLY),
        ("database is locked", "SQLITE_BUSY", ErrorCode.LIBRARY_BUSY),
        ("database table is locked", "SQLITE_LOCKED", ErrorCode.LIBRARY_BUSY),
    ],
)
def test_sqlite_codes_map_to_the_library_cause(
    tmp_path: Path, message: str, name: str, code: ErrorCode
) -> None:
    error = database.library_error(tmp_path / "library.sqlite3", sqlite_error(message, name))
    assert error is not None
    assert error.code is code
    assert error.path == str(tmp_path)  # the library folder is named, not its file


@pytest.mark.parametrize(
    ("state", "code"), [("read_only", ErrorCode.READ_ONLY), ("full", ErrorCode.LIBRARY_DISK_FULL), ("", None)]
)
def test_a_bare_io_error_is_told_apart_by_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str, code: ErrorCode | None
) -> None:
    """SQLite reports a -shm file it cannot grow as SQLITE_IOERR_SHMSIZE and a file it cannot create as
    SQLITE_CANTOPEN: the disk says which it is."""
    monkeypatch.setattr(database, "_folder_state", lambda folder: state)
    for exc in (
        sqlite_error("disk I/O error", "SQLITE_IOERR_SHMSIZE"),
        sqlite_error("unable to open database file", "SQLITE_CANTOPEN"),
    ):
        error = database.library_error(tmp_path / "library.sqlite3", exc)
        assert (error.code if error else None) is code


def test_damage_is_not_mapped(tmp_path: Path) -> None:
    assert (
        database.library_error(tmp_path / "x", sqlite_error("file is not a database", "SQLITE_NOTADB"))
        is None
    )
    assert database.library_error(tmp_path / "x", sqlite3.IntegrityError("UNIQUE constraint failed")) is None


def test_the_sentences_name_the_cause(tmp_path: Path) -> None:
    folder = str(tmp_path)
    assert describe(HawamishError(ErrorCode.LIBRARY_DISK_FULL, folder)) == (
        f"{folder}: no space left on the disk holding the library"
    )
    assert (
        describe(HawamishError(ErrorCode.READ_ONLY, folder)) == f"{folder}: the library folder is read-only"
    )
    assert describe(HawamishError(ErrorCode.LIBRARY_BUSY, folder)).startswith(
        f"{folder}: library busy: another Hawamish is writing to it"
    )


def add_article(library: Library, title: str) -> int:
    return library.articles.add(ArticleMeta(title=title), [Block(BlockKind.PARAGRAPH, title * 200)])


def test_a_database_that_cannot_grow_fails_the_write_with_disk_full_and_keeps_the_rest(
    library: Library,
) -> None:
    """SQLite's own SQLITE_FULL (its page limit reached: the path a full disk takes inside SQLite)."""
    kept = add_article(library, "محفوظ")
    with library.database.read() as tx:
        pages = tx.execute("PRAGMA page_count").fetchone()[0]
        tx.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(HawamishError) as error:
        add_article(library, "جديد")
    assert error.value.code is ErrorCode.LIBRARY_DISK_FULL
    assert [a.id for a in library.articles.list()] == [kept]
    with library.database.read() as tx:
        assert not tx.in_transaction  # rolled back: the next write starts clean
        tx.execute("PRAGMA max_page_count = 1073741823")
    add_article(library, "بعد")
    assert len(library.articles.list()) == 2


def test_a_writer_kept_waiting_says_library_busy_and_exits_1(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library(library_dir) as holder:
        add_article(holder, "مقال")
    monkeypatch.setenv("HAWAMISH_BUSY_TIMEOUT", "0.3")
    holding, release = threading.Event(), threading.Event()

    def hold_the_write_lock() -> None:
        with Library(library_dir) as other, other.database.write():
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold_the_write_lock)
    thread.start()
    try:
        assert holding.wait(10)
        code = main(["--library", str(library_dir), "tag", "1", "--add", "x"])
    finally:
        release.set()
        thread.join()
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == (
        f"hawamish: {library_dir}: library busy: another Hawamish is writing to it; try again in a moment"
    )
    assert main(["--library", str(library_dir), "tag", "1", "--add", "x"]) == 0  # the lock is free again


def test_the_busy_timeout_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAWAMISH_BUSY_TIMEOUT", "2.5")
    assert database.busy_timeout() == 2.5
    monkeypatch.setenv("HAWAMISH_BUSY_TIMEOUT", "soon")
    assert database.busy_timeout() == database.DEFAULT_BUSY_TIMEOUT

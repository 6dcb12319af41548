from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.storage import SCHEMA_VERSION, Database, open_database, schema_version
from reader.core.text import Block, BlockKind
from tests.conftest import FIXTURES


def test_new_database_is_at_current_version_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "lib" / "library.sqlite3")
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("library-v*.sqlite3")), ids=lambda p: p.stem)
def test_old_schema_fixture_opens_and_migrates(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / "library.sqlite3"
    shutil.copy(fixture, copy)
    old_version = schema_version(sqlite3.connect(copy))
    assert old_version < SCHEMA_VERSION
    library = Library(tmp_path)
    with library.database.read() as db:
        assert schema_version(db) == SCHEMA_VERSION
        labels = db.execute("SELECT COUNT(*) FROM color_labels").fetchone()[0]
    assert labels >= 6
    article = library.articles.get(1)
    assert article.title == "مقال قديم"
    assert article.text == "فقرة أولى"
    assert len(library.labels.list()) == labels
    library.close()


def test_database_from_a_newer_hawamish_is_refused(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "library.sqlite3")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(HawamishError) as err:
        Library(tmp_path)
    assert err.value.code is ErrorCode.LIBRARY_NEWER


def test_garbage_database_is_reported_as_corrupt(tmp_path: Path) -> None:
    (tmp_path / "library.sqlite3").write_bytes(b"not a database" * 100)
    with pytest.raises(HawamishError) as err:
        Library(tmp_path)
    assert err.value.code is ErrorCode.LIBRARY_CORRUPT


def test_failed_write_rolls_back(library: Library) -> None:
    with pytest.raises(RuntimeError), library.database.write() as db:
        db.execute("INSERT INTO settings(key, value) VALUES ('a', 'b')")
        raise RuntimeError("boom")
    assert library.get_setting("a") is None
    assert library.articles.count() == 0


def test_a_database_is_one_connection_used_under_its_lock(tmp_path: Path) -> None:
    database = Database(tmp_path / "library.sqlite3")
    with database.write() as db:
        db.execute("INSERT INTO settings(key, value) VALUES ('a', 'b')")
    with database.read() as db:
        assert db.execute("SELECT value FROM settings WHERE key = 'a'").fetchone()[0] == "b"
        assert schema_version(db) == SCHEMA_VERSION
    assert database.migrate() == SCHEMA_VERSION  # nothing left to do
    database.close()


@pytest.mark.parametrize("name", ["Research #2", "why?", "100% opinion"])
def test_a_folder_name_with_uri_characters_is_a_path_not_uri_syntax(tmp_path: Path, name: str) -> None:
    """Read-only connections (search snapshots, checking a backup, restoring) open the file as a URI: a '#',
    '?' or '%' in a folder name must not cut the path short (which opened, and created, another file)."""
    folder = tmp_path / name
    with Library(folder / "library") as library:
        article_id = library.articles.add(
            ArticleMeta(title="t"), [Block(BlockKind.PARAGRAPH, "مقال عن الخرطوم")]
        )
        assert [h.article_id for h in library.search("الخرطوم").hits] == [article_id]
        info = library.backup(folder / "backup.sqlite3")
        assert info.articles == 1
        assert library.restore(info.path).restored.articles == 1
        assert library.check().ok
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing opened or created beside it
    assert sorted(p.name for p in folder.iterdir()) == ["backup.sqlite3", "library"]

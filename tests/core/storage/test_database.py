from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.core.article_store import ArticleStore
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Change, Library
from reader.core.models import ArticleMeta
from reader.core.storage import SCHEMA_VERSION, open_database, schema_version
from reader.core.text import Block, BlockKind, content_hash

FIXTURES = Path(__file__).parents[1] / "fixtures"


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
    assert schema_version(library.db) == SCHEMA_VERSION
    article = ArticleStore(library).get(1)
    assert article.title == "مقال قديم"
    assert article.text == "فقرة أولى"
    labels = library.db.execute("SELECT COUNT(*) FROM color_labels").fetchone()[0]
    assert labels >= 6


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


def test_article_round_trip_and_change_notification(library: Library) -> None:
    changes: list[Change] = []
    library.add_listener(changes.append)
    store = ArticleStore(library)
    blocks = [Block(BlockKind.HEADING, "عنوان", 1), Block(BlockKind.PARAGRAPH, "فقرة عربية فيها CNN.")]
    article_id = store.add(ArticleMeta(title="عنوان", author="كاتب", source_path="/x.md"), blocks)
    article = store.get(article_id)
    assert article.blocks == blocks
    assert article.content_hash == content_hash("عنوان\nفقرة عربية فيها CNN.")
    assert article.language == "ar"
    assert store.find_by_hash(article.content_hash) == article_id
    assert [a.id for a in store.list()] == [article_id]
    assert changes == [Change("article", "added", (article_id,), (article_id,))]


def test_replace_blocks_and_delete(library: Library) -> None:
    store = ArticleStore(library)
    article_id = store.add(ArticleMeta(title="t"), [Block(BlockKind.PARAGRAPH, "قديم")])
    store.replace_blocks(article_id, [Block(BlockKind.PARAGRAPH, "جديد")])
    assert store.get(article_id).text == "جديد"
    store.delete(article_id)
    with pytest.raises(HawamishError) as err:
        store.get(article_id)
    assert err.value.code is ErrorCode.NOT_FOUND


def test_failed_write_rolls_back(library: Library) -> None:
    store = ArticleStore(library)
    with pytest.raises(RuntimeError), library.write() as db:
        db.execute("INSERT INTO settings(key, value) VALUES ('a', 'b')")
        raise RuntimeError("boom")
    assert library.get_setting("a") is None
    assert store.count() == 0

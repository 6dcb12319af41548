"""Automatic backups (reader/core/library/maintenance.py): one a day at the app's start, one before every
migration and restore, the last 7 kept, the user's own never pruned; and backup → restore gives back a
library equal to the one backed up."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from reader.core.library import Library
from reader.core.library.maintenance import (
    AUTOMATIC_KEPT,
    automatic_backups,
    daily_backup,
    describe_backup,
    list_backups,
    prune_automatic_backups,
)
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from tests.conftest import FIXTURES


def add_article(library: Library, title: str, text: str) -> int:
    return library.articles.add(ArticleMeta(title=title, author="ليلى"), [Block(BlockKind.PARAGRAPH, text)])


def test_one_daily_backup_a_day_and_none_for_an_empty_library(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        assert library.daily_backup() is None  # nothing to keep yet
        add_article(library, "أول", "نص أول")
        first = library.daily_backup()
        assert first is not None and first.articles == 1 and first.path.parent == library.backup_dir
        assert first.path.name.startswith("auto-")
        assert library.daily_backup() is None  # once a day
        tomorrow = daily_backup(library, day="29991231")
        assert tomorrow is not None and tomorrow.path != first.path
        assert describe_backup(tomorrow.path).articles == 1


def test_only_the_last_automatic_backups_are_kept_and_the_users_never_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    automatic = [folder / f"auto-202401{day:02d}-080000.sqlite3" for day in range(1, 10)]
    automatic += [
        folder / "before-restore-20240110-080000.sqlite3",
        folder / "auto-20240110-080000-2.sqlite3",
    ]
    mine = [folder / "hawamish-20240101-080000.sqlite3", folder / "my library.sqlite3"]
    for path in automatic + mine:
        path.write_bytes(b"x")
    removed = prune_automatic_backups(folder)
    kept = automatic_backups(folder)
    assert len(kept) == AUTOMATIC_KEPT
    assert kept[0].name == "auto-20240110-080000-2.sqlite3"  # newest first, -2 after the plain name
    assert kept[1].name == "before-restore-20240110-080000.sqlite3"
    assert set(removed) == set(automatic) - set(kept) and all(p.exists() for p in mine)
    listed = list_backups(folder)
    assert {e.path for e in listed} == set(kept) | set(mine)
    assert {e.path for e in listed if not e.automatic} == set(mine)


def test_a_library_from_an_older_hawamish_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(FIXTURES / "library-v1.sqlite3", folder / "library.sqlite3")
    with Library(folder) as library:
        saved = automatic_backups(library.backup_dir)
        assert [p.name.split("-2")[0] for p in saved] == ["before-migration"]
        assert describe_backup(saved[0]).schema == 1  # as it was before the migration
        count = len(library.articles.list())
    with Library(folder) as library:  # already migrated: no second copy
        assert len(automatic_backups(library.backup_dir)) == 1
        assert len(library.articles.list()) == count


def test_the_daily_backup_does_not_wait_for_a_write_in_progress(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        add_article(library, "أول", "نص أول")
        finished = threading.Event()
        result: list[Any] = []

        def back_up() -> None:
            result.append(library.daily_backup())
            finished.set()

        with library.database.write():  # a long write of the app, holding the library's lock
            thread = threading.Thread(target=back_up)
            thread.start()
            assert finished.wait(30), "the automatic backup waited for the app's write"
        thread.join()
        assert result[0] is not None and result[0].articles == 1


def test_a_restore_saves_the_current_library_first_and_prunes(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        add_article(library, "أول", "نص أول")
        backup = library.backup(tmp_path / "b.sqlite3")
        library.backup_dir.mkdir()
        for day in range(1, 10):
            (library.backup_dir / f"auto-202401{day:02d}-080000.sqlite3").write_bytes(b"x")
        report = library.restore(backup.path)
        kept = automatic_backups(library.backup_dir)
        assert report.saved_before.path in kept and len(kept) == AUTOMATIC_KEPT


# --- backup → restore: equal libraries ----------------------------------------------------------------


def build_rich_library(library: Library) -> None:
    """Articles with highlights, notes, tags, labels, collections and an article note."""
    first = add_article(library, "مقال أول", "أعلن الكاتب أن الحوار بين الثقافات ضرورة لا ترف.")
    second = library.articles.add(
        ArticleMeta(title="Second", author="Omar", outlet="Paper", published="2024-03-23", language="en"),
        [
            Block(BlockKind.HEADING, "A heading", 2),
            Block(BlockKind.PARAGRAPH, "English text with 😀 inside."),
        ],
    )
    library.labels.add("archive", "أرشيف", "#336699")
    library.labels.update("claim", name="ادعاء")
    library.highlights.create(first, 0, 5, color="archive", note="**ملاحظة**", tags=["تاريخ", "media"])
    library.highlights.create(second, 10, 20, style="underline", note="a note", tags=["quote"])
    library.articles.set_tags(first, ["رأي", "policy"])
    library.articles.set_note(second, "A note on the whole article.")
    library.collections.add("قراءات", [first, second])
    library.collections.add("Later", [second])


def snapshot(library: Library) -> dict[str, Any]:
    """Everything a researcher made, read through the Library."""
    articles = {}
    for article in library.articles.list():
        full = library.articles.get(article.id)
        articles[article.id] = {
            **full.to_json(with_text=True),
            "tags": library.articles.tags(article.id),
            "note": library.articles.note(article.id),
        }
    return {
        "articles": articles,
        "highlights": sorted((h.to_json() for h in library.highlights.query()), key=lambda h: str(h["id"])),
        "labels": [label.to_json() for label in library.labels.list()],
        "collections": {
            c.name: sorted(library.collections.articles(c.name)) for c in library.collections.list()
        },
        "tags": library.tags_in_use(),
    }


def test_backup_then_restore_gives_back_an_equal_library(tmp_path: Path) -> None:
    with Library(tmp_path / "original") as original:
        build_rich_library(original)
        before = snapshot(original)
        backup = original.backup(tmp_path / "backup.sqlite3")
        # the library goes on changing after the backup …
        ids = original.articles.ids()
        original.articles.delete(ids[0])
        original.labels.add("extra", "Extra", "#aa0000")
        original.collections.add("New", [ids[1]])
        assert snapshot(original) != before
        # … and the restore brings back exactly what was backed up
        original.restore(backup.path)
        assert snapshot(original) == before
    with Library(tmp_path / "fresh") as fresh:  # restored into another, new library: equal too
        fresh.restore(backup.path)
        assert snapshot(fresh) == before
        assert fresh.search(before["articles"][ids[0]]["title"].split()[0]).total >= 1  # and searchable


def test_no_migration_without_its_backup(tmp_path: Path) -> None:
    from reader.core.errors import ErrorCode, HawamishError
    from reader.core.storage.files import file_schema_version

    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(FIXTURES / "library-v1.sqlite3", folder / "library.sqlite3")
    (folder / "backups").write_text("a file where the backups folder should be", encoding="utf-8")
    with pytest.raises(HawamishError) as refused:
        Library(folder).close()
    assert refused.value.code is ErrorCode.UNWRITABLE and refused.value.path == str(folder / "backups")
    assert file_schema_version(folder / "library.sqlite3") == 1  # not migrated

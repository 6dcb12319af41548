"""`library.backup`, `restore` and `check(repair=)` (reader/core/library/maintenance.py), and the commands
`hawamish backup`, `restore` and `check [--repair]` over them: nothing in the library is lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.library.maintenance import describe_backup
from reader.core.models import ArticleMeta
from reader.core.search.index import CURRENT
from reader.core.storage.migrations import SCHEMA_VERSION
from reader.core.text import Block, BlockKind
from tests.conftest import FIXTURES
from tests.core.seed_helpers import add_seed, seed_blocks


@pytest.fixture
def seeded(library_dir: Path) -> tuple[Path, int, int]:
    with Library(library_dir) as library:
        seed_id = add_seed(library)
        text = "\n".join(b.text for b in seed_blocks())
        start = text.index("داعش-خراسان")
        highlight = library.highlights.create(seed_id, start, start + 11, note="فرع نشط في أفغانستان")
    return library_dir, seed_id, highlight.id


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def damage(folder: Path, sql: str) -> None:
    """Write `sql` with a connection of our own (foreign keys off, as in a file damaged outside Hawamish):
    no Library call writes a row that breaks the library."""
    db = sqlite3.connect(folder / "library.sqlite3", isolation_level=None)
    try:
        db.execute(sql)
    finally:
        db.close()


def add_article(library: Library, title: str, text: str) -> int:
    return library.articles.add(ArticleMeta(title=title), [Block(BlockKind.PARAGRAPH, text)])


def titles(library: Library) -> set[str]:
    return {a.title for a in library.articles.list()}


# --- backup ------------------------------------------------------------------------------------------


def test_backup_is_a_checked_sqlite_file_with_everything(seeded, tmp_path: Path, capsys) -> None:
    folder, _, _ = seeded
    code, out, err = run(capsys, "--library", folder, "--json", "backup", tmp_path / "b.sqlite3")
    assert (code, err) == (0, "")
    info = json.loads(out)
    assert (info["articles"], info["highlights"], info["schema"]) == (1, 1, SCHEMA_VERSION)
    db = sqlite3.connect(tmp_path / "b.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    assert db.execute("SELECT note FROM highlights").fetchone()[0] == "فرع نشط في أفغانستان"
    db.close()
    assert not list(tmp_path.glob(".*.tmp")) and not (tmp_path / "b.sqlite3-wal").exists()


def test_backup_into_a_folder_gets_a_dated_name(seeded, tmp_path: Path) -> None:
    folder, _, _ = seeded
    with Library(folder) as library:
        info = library.backup(tmp_path)
    assert info.path.parent == tmp_path and info.path.name.startswith("hawamish-")
    assert describe_backup(info.path).articles == 1


def test_backup_to_a_path_ending_with_a_slash_makes_the_folder_and_never_replaces_a_backup(
    seeded, tmp_path: Path, capsys
) -> None:
    """`backup ~/backups/` with no such folder: the folder is made and a dated file written in it (not a file
    named `backups`); a second backup in the same second gets its own name."""
    folder, _, _ = seeded
    target = tmp_path / "backups"
    paths = []
    for _ in range(3):
        code, out, err = run(capsys, "--library", folder, "--json", "backup", f"{target}/")
        assert (code, err) == (0, "")
        paths.append(Path(json.loads(out)["path"]))
    assert target.is_dir() and len(set(paths)) == 3
    assert all(p.parent == target and p.name.startswith("hawamish-") for p in paths)
    assert sorted(target.iterdir()) == sorted(paths)
    assert all(describe_backup(p).articles == 1 for p in paths)


def test_backup_refuses_to_replace_a_file_without_overwrite(seeded, tmp_path: Path, capsys) -> None:
    folder, _, _ = seeded
    target = tmp_path / "b.sqlite3"
    assert run(capsys, "--library", folder, "backup", target)[0] == 0
    before = target.read_bytes()
    with Library(folder) as library:
        add_article(library, "after the backup", "more text")
    code, out, err = run(capsys, "--library", folder, "backup", target)
    assert code == 1 and out == "" and "--overwrite" in err and str(target) in err
    assert target.read_bytes() == before
    code, out, err = run(capsys, "--library", folder, "--json", "backup", "--overwrite", target)
    assert (code, err) == (0, "") and json.loads(out)["articles"] == 2
    assert describe_backup(target).articles == 2


def test_backup_reads_a_snapshot_while_another_process_writes(seeded, tmp_path: Path) -> None:
    folder, _, _ = seeded
    other = sqlite3.connect(folder / "library.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the app in another process, half-way through a write
    other.execute("UPDATE articles SET title = 'half-written'")
    try:
        with Library(folder) as library:
            info = library.backup(tmp_path / "b.sqlite3")
    finally:
        other.execute("ROLLBACK")
        other.close()
    db = sqlite3.connect(info.path)
    assert db.execute("SELECT title FROM articles").fetchone()[0] != "half-written"
    db.close()


def test_a_failed_backup_leaves_the_older_one(seeded, tmp_path: Path, capsys) -> None:
    folder, _, _ = seeded
    target = tmp_path / "b.sqlite3"
    with Library(folder) as library:
        library.backup(target)
    before = target.read_bytes()
    (tmp_path / "a-file").write_text("not a folder")
    code, out, err = run(capsys, "--library", folder, "backup", tmp_path / "a-file" / "b.sqlite3")
    assert code == 1 and "a-file" in err and out == ""  # a message naming the path, no traceback
    with Library(folder) as library, pytest.raises(HawamishError) as info:
        library.backup(tmp_path / "a-file" / "b.sqlite3")
    assert info.value.code is ErrorCode.UNWRITABLE
    assert target.read_bytes() == before and not list(tmp_path.glob(".*.tmp"))


# --- restore -----------------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_saves_what_was_there(seeded, tmp_path: Path, capsys) -> None:
    folder, seed_id, highlight_id = seeded
    with Library(folder) as library:
        library.backup(tmp_path / "b.sqlite3")
        add_article(library, "مقال بعد النسخة", "نص جديد عن الاقتصاد")
        library.highlights.delete(highlight_id)
        assert library.search("الاقتصاد").hits
    code, out, err = run(capsys, "--library", folder, "restore", tmp_path / "b.sqlite3")
    assert (code, err) == (0, "")
    assert "restored 1 article and 1 highlight" in out
    with Library(folder) as library:
        assert titles(library) == {library.articles.get(seed_id).title}
        assert library.highlights.get(highlight_id).note == "فرع نشط في أفغانستان"
        assert not (library.index_dir / CURRENT).exists()  # derived data: rebuilt by the next search
        assert not library.search("الاقتصاد").hits and library.search("خراسان").hits
        saved = list(library.backup_dir.glob("before-restore-*.sqlite3"))
    assert len(saved) == 1 and describe_backup(saved[0]).articles == 2  # the restore can be undone


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", ErrorCode.MALFORMED),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), ErrorCode.MALFORMED),
        (b"SQLite format 3\x00" + bytes(100), ErrorCode.LIBRARY_CORRUPT),
    ],
)
def test_a_bad_backup_is_refused_and_the_library_untouched(seeded, tmp_path: Path, content, code) -> None:
    folder, _, _ = seeded
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with Library(folder) as library, pytest.raises(HawamishError) as info:
        library.restore(bad)
    assert info.value.code in (code, ErrorCode.MALFORMED, ErrorCode.LIBRARY_CORRUPT)
    assert info.value.path == str(bad)
    with Library(folder) as library:
        assert len(titles(library)) == 1
        assert not library.backup_dir.exists()  # refused before anything was done


def test_a_backup_from_a_newer_hawamish_is_refused(seeded, tmp_path: Path, capsys) -> None:
    folder, _, _ = seeded
    with Library(folder) as library:
        library.backup(tmp_path / "b.sqlite3")
    db = sqlite3.connect(tmp_path / "b.sqlite3")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    code, out, err = run(capsys, "--library", folder, "restore", tmp_path / "b.sqlite3")
    assert code == 1 and "b.sqlite3" in err and out == ""


def test_a_backup_from_an_older_schema_is_migrated(seeded, tmp_path: Path) -> None:
    folder, _, _ = seeded
    old = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURES / "library-v1.sqlite3", old)
    assert describe_backup(old).schema == 1
    with Library(folder) as library:
        report = library.restore(old)
        assert report.restored.schema == 1
        with library.database.read() as db:
            assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert library.articles.list()  # the v1 articles are there
        library.highlights.query()  # and the v2 tables exist


# --- check -------------------------------------------------------------------------------------------


def test_a_healthy_library_checks_clean(seeded, capsys) -> None:
    folder, _, _ = seeded
    code, out, err = run(capsys, "--library", folder, "check")
    assert (code, err) == (0, "")
    assert "1 article, 1 highlight" in out and "no problems found" in out


def test_a_highlight_that_no_longer_matches_is_found_and_re_anchored(seeded, capsys) -> None:
    folder, seed_id, highlight_id = seeded
    damage(folder, 'UPDATE highlights SET start = start + 40, "end" = "end" + 40')
    code, out, _ = run(capsys, "--library", folder, "check")
    assert code == 1 and f"highlight(s) {highlight_id} no longer match" in out and "--repair" in out
    code, out, _ = run(capsys, "--library", folder, "--json", "check", "--repair")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["problems"][0]["repaired"]
    with Library(folder) as library:
        h = library.highlights.get(highlight_id)
        assert library.articles.get(seed_id).text[h.start : h.end] == "داعش-خراسان" == h.exact
        assert describe_backup(Path(report["saved_before"]["path"])).highlights == 1
    assert run(capsys, "--library", folder, "check")[0] == 0


def test_rows_whose_article_is_gone_are_removed_by_repair(seeded) -> None:
    folder, _seed_id, _ = seeded
    damage(folder, "INSERT INTO article_tags(article_id, tag) VALUES (999, 'يتيم')")  # foreign keys off
    with Library(folder) as library:
        report = library.check()
        assert [p.kind for p in report.problems] == ["foreign_key"] and not report.ok
        assert report.problems[0].detail == "article_tags: 1 row refers to a missing articles row"
        repaired = library.check(repair=True)
        assert repaired.ok and repaired.problems[0].repaired
        assert library.articles.tags(999) == []
        with library.database.read() as db:
            assert db.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 0
        assert library.check().problems == []


def test_a_damaged_index_is_reported_and_rebuilt(seeded) -> None:
    folder, _, _ = seeded
    with Library(folder) as library:
        library.sync_index()
        library.search_index().close()
        (library.index_dir / CURRENT).write_text("{not json")
        report = library.check()
        assert report.index == "corrupt" and [p.kind for p in report.problems] == ["index"]
        assert library.check(repair=True).ok
        assert library.check().index == "ok"


def test_check_and_backup_never_create_a_library(tmp_path: Path, capsys) -> None:
    for argv in (["check"], ["backup", str(tmp_path / "b.sqlite3")]):
        code, _out, err = run(capsys, "--library", tmp_path / "nothing", *argv)
        assert code == 1 and "no library" in err
    assert not (tmp_path / "nothing").exists()

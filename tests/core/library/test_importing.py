"""`library.import_paths` (reader/core/library/importing.py): batches, duplicates, progress, cancel; one bad
file never stops a batch nor changes anything already in the library."""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ErrorCode
from reader.core.library import Library, importing
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from tests.conftest import SEED_TITLE
from tests.core.importers.test_importers import PNG_BYTES, _undecodable_bytes, seed_text


def test_batch_goes_on_past_bad_files_and_leaves_the_library_unchanged(
    library: Library, seed_path: Path, tmp_path: Path
) -> None:
    store = library.articles
    existing = store.add(ArticleMeta(title="Existing"), [Block(BlockKind.PARAGRAPH, "Already here.")])
    before = store.get(existing)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(PNG_BYTES)
    (bad / "noise.txt").write_bytes(_undecodable_bytes())
    with (bad / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (bad / "notes.odt").write_bytes(b"x")
    good = tmp_path / "good.md"
    good.write_text("# A good one\n\nIts only paragraph.\n", encoding="utf-8")
    paths = [
        bad / "empty.txt",
        seed_path,
        bad / "image.txt",
        bad / "noise.txt",
        bad / "huge.txt",
        tmp_path / "missing.txt",
        bad / "notes.odt",
        good,
    ]
    results = library.import_paths(paths)
    assert [r.path for r in results] == [str(p) for p in paths]
    assert [r.status for r in results] == [
        "failed",
        "imported",
        "failed",
        "failed",
        "failed",
        "failed",
        "failed",
        "imported",
    ]
    assert [r.error.code for r in results if r.error] == [
        ErrorCode.EMPTY,
        ErrorCode.BINARY,
        ErrorCode.UNDECODABLE,
        ErrorCode.TOO_LARGE,
        ErrorCode.MISSING,
        ErrorCode.UNSUPPORTED,
    ]
    assert all(r.error.path == r.path for r in results if r.error)
    assert store.count() == 3
    assert store.get(results[1].article_id).title == SEED_TITLE
    assert store.get(results[7].article_id).title == "A good one"
    after = store.get(existing)
    assert (after.title, after.text, after.content_hash, after.updated_at) == (
        before.title,
        before.text,
        before.content_hash,
        before.updated_at,
    )


def test_reimport_of_identical_content_is_a_duplicate(
    library: Library, seed_path: Path, tmp_path: Path
) -> None:
    first = library.import_paths([seed_path])
    assert first[0].status == "imported"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_text(seed_path).encode("cp1256"))  # same text, other bytes
    again = library.import_paths([seed_path, copy])
    assert [(r.status, r.article_id) for r in again] == [("duplicate", first[0].article_id)] * 2
    assert library.articles.count() == 1


def test_duplicates_within_one_batch_point_at_the_first(library: Library, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Title\nSame body.\n", encoding="utf-8")
    b.write_text("Title\r\n\r\nSame body.\r\n", encoding="utf-8")
    results = library.import_paths([a, b])
    assert [r.status for r in results] == ["imported", "duplicate"]
    assert results[1].article_id == results[0].article_id
    assert library.articles.count() == 1


def test_folders_recurse_take_supported_files_and_skip_hidden(library: Library, tmp_path: Path) -> None:
    root = tmp_path / "clips"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "one.txt").write_text("One\nbody one\n", encoding="utf-8")
    (root / "sub" / "two.md").write_text("# Two\n\nbody two\n", encoding="utf-8")
    (root / "sub" / "deeper" / "three.markdown").write_text("# Three\n\nbody three\n", encoding="utf-8")
    (root / "sub" / "picture.png").write_bytes(PNG_BYTES)
    (root / ".hidden" / "four.txt").write_text("Four\nbody\n", encoding="utf-8")
    (root / ".DS_Store.txt").write_text("junk\njunk\n", encoding="utf-8")
    results = library.import_paths([root])
    assert sorted(r.title for r in results) == ["One", "Three", "Two"]
    assert all(r.status == "imported" for r in results)
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    [result] = library.import_paths([empty])
    assert result.status == "failed" and result.error.code is ErrorCode.EMPTY


def test_many_files_span_several_batches_with_progress(library: Library, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(importing, "BATCH_SIZE", 7)
    for i in range(30):
        (tmp_path / f"{i:02d}.txt").write_text(f"Title {i}\nBody number {i}.\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    results = library.import_paths([tmp_path], progress=lambda done, total: seen.append((done, total)))
    assert [r.status for r in results] == ["imported"] * 30
    assert seen[-1] == (30, 30) and len(seen) == 30
    store = library.articles
    assert [store.get(r.article_id).title for r in results] == [f"Title {i}" for i in range(30)]


def test_cancel_stores_what_was_read_and_reports_the_rest(library: Library, tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"T{i}\nB{i}\n", encoding="utf-8")
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    results = library.import_paths([tmp_path], cancel=cancel)
    assert [r.status for r in results] == ["imported"] * 3 + ["failed"] * 3
    assert {r.error.code for r in results[3:]} == {ErrorCode.CANCELLED}
    assert library.articles.count() == 3


def test_language_is_detected_when_the_file_does_not_say(
    library: Library, seed_path: Path, tmp_path: Path
) -> None:
    english = tmp_path / "english.txt"
    english.write_text("A title\nAn English paragraph that mentions داعش once.\n", encoding="utf-8")
    results = library.import_paths([seed_path, english])
    store = library.articles
    assert [store.get(r.article_id).language for r in results] == ["ar", "en"]

"""A failed or cancelled export leaves no half-written file, and never replaces an older good one."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest, atomic
from reader.core.library import Library
from tests.core import export_seed
from tests.core.export_seed import FIXED_NOW

GOOD = b"an older, good export\n"


@pytest.fixture
def seeded(library: Library) -> Library:
    export_seed.build(library)
    return library


def _request(fmt: str = "md") -> ExportRequest:
    return ExportRequest(format=fmt, all_articles=True)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@contextmanager
def _unprivileged() -> Iterator[None]:
    """Root writes anywhere: as root, act as 'nobody' for the block so the OS really refuses."""
    if os.name != "posix" or os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_unwritable_folder_is_reported() -> None:
    """A real permission error from the OS, not a simulated one."""
    base = Path(tempfile.mkdtemp(prefix="hawamish-perm-"))
    locked = base / "locked"
    try:
        base.chmod(0o755)
        library_dir = base / "library"
        with Library(library_dir) as library:
            export_seed.build(library)
        for path in (library_dir, *library_dir.iterdir()):
            path.chmod(0o777 if path.is_dir() else 0o666)  # SQLite writes its -wal/-shm files beside
        locked.mkdir()
        target = locked / "notes.md"
        target.write_bytes(GOOD)
        locked.chmod(0o555)
        with _unprivileged(), Library(library_dir) as library, pytest.raises(HawamishError) as info:
            library.export(_request(), target, now=lambda: FIXED_NOW)
        assert info.value.code == ErrorCode.UNWRITABLE
        assert info.value.path == str(target)
        assert target.read_bytes() == GOOD
        assert _leftovers(locked) == []
    finally:
        if locked.exists():
            locked.chmod(0o755)
        shutil.rmtree(base)


def test_missing_folder_is_unwritable(seeded: Library, tmp_path: Path) -> None:
    with pytest.raises(HawamishError) as info:
        seeded.export(_request(), tmp_path / "no-such-folder" / "notes.md")
    assert info.value.code == ErrorCode.UNWRITABLE


def test_directory_as_destination_is_unwritable(seeded: Library, tmp_path: Path) -> None:
    with pytest.raises(HawamishError) as info:
        seeded.export(_request(), tmp_path)
    assert info.value.code == ErrorCode.UNWRITABLE


def test_disk_full_keeps_the_old_file(
    seeded: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.csv"
    target.write_bytes(GOOD)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(HawamishError) as info:
        seeded.export(_request("csv"), target)
    assert info.value.code == ErrorCode.DISK_FULL
    assert target.read_bytes() == GOOD
    assert _leftovers(tmp_path) == []


def test_cancel_during_render_writes_nothing(seeded: Library, tmp_path: Path) -> None:
    target = tmp_path / "notes.html"
    target.write_bytes(GOOD)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    def cancel() -> bool:
        return len(calls) >= 3  # after reading both articles and rendering the first

    with pytest.raises(HawamishError) as info:
        seeded.export(_request("html"), target, progress=progress, cancel=cancel)
    assert info.value.code == ErrorCode.CANCELLED
    assert target.read_bytes() == GOOD
    assert _leftovers(tmp_path) == []


def test_cancel_before_start_creates_no_file(seeded: Library, tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    with pytest.raises(HawamishError) as info:
        seeded.export(_request("json"), target, cancel=lambda: True)
    assert info.value.code == ErrorCode.CANCELLED
    assert not target.exists() and _leftovers(tmp_path) == []


def test_success_replaces_the_old_file_and_reports_progress(seeded: Library, tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_bytes(GOOD)
    calls: list[tuple[int, int]] = []
    summary = seeded.export(_request(), target, progress=lambda d, t: calls.append((d, t)))
    assert target.read_bytes() != GOOD and target.stat().st_size == summary.bytes
    assert (summary.articles, summary.highlights) == (2, 4)
    assert calls[-1] == (5, 5)  # two articles read, two rendered, one write
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert _leftovers(tmp_path) == []


def test_permission_denied_keeps_the_old_file(
    seeded: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as the chmod test, for runs as root (where permissions do not stop writes)."""
    target = tmp_path / "notes.md"
    target.write_bytes(GOOD)

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(HawamishError) as info:
        seeded.export(_request(), target)
    assert info.value.code == ErrorCode.UNWRITABLE
    assert target.read_bytes() == GOOD


def test_file_in_place_of_folder_is_unwritable(seeded: Library, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    with pytest.raises(HawamishError) as info:
        seeded.export(_request(), not_a_folder / "notes.md")
    assert info.value.code == ErrorCode.UNWRITABLE


def test_pdf_cancel_between_highlights(seeded: Library, tmp_path: Path) -> None:
    """A PDF reports progress per highlight too, and a cancel in the middle of an article stops it."""
    target = tmp_path / "notes.pdf"
    target.write_bytes(GOOD)
    calls: list[tuple[int, int]] = []
    with pytest.raises(HawamishError) as info:
        seeded.export(
            ExportRequest(format="pdf", article_ids=(1,)),
            target,
            progress=lambda d, t: calls.append((d, t)),
            cancel=lambda: len(calls) >= 3,
        )
    assert info.value.code == ErrorCode.CANCELLED
    assert target.read_bytes() == GOOD and _leftovers(tmp_path) == []
    assert len(calls) == 3 and calls[-1][0] < calls[-1][1]

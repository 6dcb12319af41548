"""Backup, restore and check of a library (DESIGN §6: `backup PATH`, `restore PATH`, `check [--repair]`).

What is saved is the SQLite database: the one source of truth. The search index is derived data and is
rebuilt from it, so a backup leaves it out and a restore throws it away.

- A backup is SQLite's online backup of the live database (a consistent snapshot even while the app is
  writing), written beside its destination, checked, fsynced and renamed into place: an older backup at
  that path survives a failed one. It is a plain SQLite file (journal_mode DELETE, no -wal beside it).
- A restore checks the backup first (a SQLite database, intact, with our tables, not from a newer
  Hawamish), saves the current database into the library's `backups/` folder, then copies the backup into
  the live database with the same online backup API (SQLite takes the locks; an app that has the library
  open sees the restored content on its next read), migrates it if it is older, and drops the index.
- A check runs SQLite's integrity and foreign-key checks, compares every placed highlight's quote with the
  article text at its offsets, and asks the search index whether it is whole; `repair` first saves the
  database into `backups/`, then re-anchors mismatched highlights, removes rows whose article is gone, and
  rebuilds the index.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import HawamishError
from reader.core.exporters.atomic import (
    error_for,
    fsync_folder,
    remove_dead_writers_files,
    remove_quietly,
    temporary_prefix,
)
from reader.core.storage import StorageError, disk_error
from reader.core.storage import files as file_rows
from reader.core.storage import highlights as highlight_rows
from reader.core.storage.migrations import SCHEMA_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.library.library import Library


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup file holds."""

    path: Path
    schema: int
    articles: int
    highlights: int
    size: int

    def to_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "schema": self.schema,
            "articles": self.articles,
            "highlights": self.highlights,
            "bytes": self.size,
        }


@dataclass(frozen=True, slots=True)
class RestoreReport:
    restored: BackupInfo
    saved_before: BackupInfo  # the database as it was before the restore, in the library's backups/

    def to_json(self) -> dict[str, object]:
        return {"restored": self.restored.to_json(), "saved_before": self.saved_before.to_json()}


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # 'database', 'foreign_key', 'highlight', 'index'
    detail: str
    repaired: bool = False

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "detail": self.detail, "repaired": self.repaired}


@dataclass(slots=True)
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    articles: int = 0
    highlights: int = 0
    index: str = (
        ""  # the search index: 'ok', 'missing' or 'stale' (both rebuilt by the next search), 'corrupt'
    )
    saved_before: BackupInfo | None = None  # with repair, when something was repaired

    @property
    def ok(self) -> bool:
        """Nothing left to repair."""
        return all(p.repaired for p in self.problems)

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "articles": self.articles,
            "highlights": self.highlights,
            "index": self.index,
            "problems": [p.to_json() for p in self.problems],
            "saved_before": self.saved_before.to_json() if self.saved_before else None,
        }


def _timestamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S", time.localtime())


def dated_backup_path(folder: Path, prefix: str = "hawamish") -> Path:
    """`folder/<prefix>-YYYYmmdd-HHMMSS.sqlite3`, with `-2`, `-3` … when a backup of that second exists:
    a dated name never replaces an earlier backup."""
    stem = f"{prefix}-{_timestamp()}"
    path = folder / f"{stem}.sqlite3"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.sqlite3"
        n += 1
    return path


def _write_error(path: Path, exc: BaseException) -> HawamishError:
    if isinstance(exc, OSError):
        return error_for(exc, path)
    assert isinstance(exc, StorageError)
    return disk_error(path, exc)


def backup_library(library: Library, destination: Path, *, into_folder: bool = False) -> BackupInfo:
    """Write a consistent copy of the library's database to `destination` (a file, or a folder to put a
    dated file in) and return what it holds.

    `into_folder`: `destination` is a folder even if it does not exist yet (the command line says so for a
    PATH ending with a slash); it is created. A file named explicitly is replaced (the caller asked first).
    """
    destination = Path(destination)
    if into_folder or destination.is_dir():
        try:
            destination.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise error_for(exc, destination) from exc
        destination = dated_backup_path(destination)
    return _write_backup(lambda tmp: file_rows.backup_to(library.database, tmp), library.db_path, destination)


def _write_backup(copy: Callable[[Path], None], source: Path, destination: Path) -> BackupInfo:
    """`copy(tmp)` beside `destination`, checked, fsynced and renamed into place (an older backup at that
    path survives a failed one; a killed writer's temporary file is removed by the next backup there)."""
    tmp = destination.with_name(f"{temporary_prefix(destination)}tmp")
    remove_dead_writers_files(destination)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        copy(tmp)
        try:  # checked before it may replace an older backup
            info = describe_backup(tmp)
        except HawamishError as exc:  # the copy is only as good as the library it came from
            raise HawamishError(exc.code, str(source), exc.detail) from exc
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        tmp.replace(destination)
        fsync_folder(destination.parent)
    except HawamishError:
        remove_quietly(tmp)
        raise
    except (OSError, StorageError) as exc:
        remove_quietly(tmp)
        raise _write_error(destination, exc) from exc
    return dataclasses.replace(info, path=destination)


# --- automatic backups ------------------------------------------------------------------------------------

#: Prefixes of the backups Hawamish makes by itself in the library's backups/ folder: the daily one at the
#: app's start, and the ones before a migration, a restore and a repair. Only these are pruned.
DAILY_PREFIX = "auto"
BEFORE_MIGRATION_PREFIX = "before-migration"
AUTOMATIC_PREFIXES = (DAILY_PREFIX, BEFORE_MIGRATION_PREFIX, "before-restore", "before-repair")
AUTOMATIC_KEPT = 7
_DATED_NAME = re.compile(r"^(?P<prefix>[a-z-]+?)-(?P<day>\d{8})-(?P<time>\d{6})(?:-(?P<n>\d+))?\.sqlite3$")


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, newest first (by the time in their names, then their -2, -3 …)."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    found: list[tuple[str, str, int, Path]] = []
    for path in entries:
        match = _DATED_NAME.match(path.name)
        if match and match["prefix"] in AUTOMATIC_PREFIXES and path.is_file():
            found.append((match["day"], match["time"], int(match["n"] or 1), path))
    return [entry[-1] for entry in sorted(found, reverse=True)]


@dataclass(frozen=True, slots=True)
class BackupEntry:
    """A backup file in the library's backups/ folder, as File → Restore… lists it."""

    path: Path
    modified: float  # seconds since the epoch
    size: int
    automatic: bool  # made by Hawamish itself (daily, before a migration, a restore or a repair)
    reason: str  # the name's prefix: 'auto', 'before-migration', 'before-restore', 'before-repair', or ''


def list_backups(folder: Path) -> list[BackupEntry]:
    """Every `*.sqlite3` file in `folder`, newest first (not opened: File → Restore… checks the one chosen)."""
    entries: list[BackupEntry] = []
    try:
        paths = [p for p in Path(folder).iterdir() if p.suffix == ".sqlite3" and not p.name.startswith(".")]
    except OSError:
        return []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        match = _DATED_NAME.match(path.name)
        reason = match["prefix"] if match and match["prefix"] in AUTOMATIC_PREFIXES else ""
        entries.append(BackupEntry(path, stat.st_mtime, stat.st_size, bool(reason), reason))
    return sorted(entries, key=lambda e: (e.modified, e.path.name), reverse=True)


def _made_on(path: Path, prefix: str, day: str) -> bool:
    match = _DATED_NAME.match(path.name)
    return match is not None and match["prefix"] == prefix and match["day"] == day


def prune_automatic_backups(folder: Path, keep: int = AUTOMATIC_KEPT) -> list[Path]:
    """Delete all but the newest `keep` automatic backups in `folder` (never a backup the user made);
    the deleted paths."""
    removed = []
    for old in automatic_backups(folder)[keep:]:
        try:
            old.unlink()
        except OSError:  # kept: pruning is housekeeping, never a reason to fail
            continue
        removed.append(old)
    return removed


def daily_backup(library: Library, *, day: str | None = None) -> BackupInfo | None:
    """The day's automatic backup in backups/ (at the app's start), unless one was made today already or
    the library holds nothing yet; older automatic ones beyond the last 7 are pruned.

    Copied through a connection of its own (SQLite's online backup API): the app keeps reading and writing
    while it runs."""
    folder = library.backup_dir
    today = day or time.strftime("%Y%m%d", time.localtime())
    if any(_made_on(path, DAILY_PREFIX, today) for path in automatic_backups(folder)):
        return None
    if not library.db_path.is_file():
        return None
    info = _automatic_copy(library.db_path, folder, DAILY_PREFIX, prune=False)
    if info.articles == 0:  # counted on the copy: asking the library would wait for its lock
        remove_quietly(info.path)
        return None
    prune_automatic_backups(folder)
    return info


def _automatic_copy(database: Path, folder: Path, prefix: str, *, prune: bool = True) -> BackupInfo:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise error_for(exc, folder) from exc
    destination = dated_backup_path(folder, prefix)
    info = _write_backup(lambda tmp: file_rows.backup_file_to(database, tmp), database, destination)
    if prune:
        prune_automatic_backups(folder)
    return info


def backup_before_migration(database: Path, folder: Path) -> BackupInfo | None:
    """Before a library written by an older Hawamish is migrated on open: its database as it was, in
    backups/ (None when there is nothing to migrate)."""
    version = file_rows.file_schema_version(database)
    if not version or version >= SCHEMA_VERSION:  # new, unreadable (the open reports it), current or newer
        return None
    return _automatic_copy(database, folder, BEFORE_MIGRATION_PREFIX)


def describe_backup(path: Path) -> BackupInfo:
    """Check that `path` is an intact Hawamish database this version can read; what it holds."""
    path = Path(path)
    version, articles, highlights = file_rows.describe_file(path)
    return BackupInfo(path, version, articles, highlights, path.stat().st_size)


def _drop_index(library: Library) -> None:
    """The index describes the old content: remove it (the next search rebuilds it from SQLite)."""
    shutil.rmtree(library.index_dir, ignore_errors=True)


def restore_library(library: Library, source: Path) -> RestoreReport:
    """Replace the library's content with a backup's, after saving the current content in backups/."""
    info = describe_backup(source)
    library.backup_dir.mkdir(parents=True, exist_ok=True)
    saved = backup_library(library, dated_backup_path(library.backup_dir, "before-restore"))
    file_rows.copy_into(library.database, Path(source))
    _drop_index(library)
    prune_automatic_backups(library.backup_dir)
    return RestoreReport(info, saved)


def check_library(library: Library, *, repair: bool = False) -> CheckReport:
    """Look for damage; with `repair`, fix what can be fixed (after saving the database in backups/)."""
    from reader.core.search.index import build_processes

    report = CheckReport()
    with library.database.read() as tx:
        report.articles, report.highlights = file_rows.counts(tx)
        integrity = file_rows.integrity_problems(tx)
        dangling = file_rows.dangling_rows(tx)
    if integrity:
        detail = "; ".join(integrity[:5])
        report.problems.append(Problem("database", f"SQLite integrity check: {detail}"))
    mismatched = _mismatched_highlights(library)
    index = library.search_index(procs=build_processes())
    try:
        report.index = index.status()
        index_broken = report.index == "corrupt"  # missing or stale is not damage: the next search builds it
        can_repair = repair and not integrity  # a damaged file is restored from a backup, not patched
        if can_repair and (dangling or mismatched or index_broken):
            library.backup_dir.mkdir(parents=True, exist_ok=True)
            report.saved_before = backup_library(
                library, dated_backup_path(library.backup_dir, "before-repair")
            )
        for (table, parent), count in Counter(dangling).items():
            if can_repair:
                with library.database.write() as tx:
                    file_rows.delete_dangling(tx, table, parent)
            rows = "1 row refers" if count == 1 else f"{count} rows refer"
            report.problems.append(
                Problem("foreign_key", f"{table}: {rows} to a missing {parent} row", can_repair)
            )
        for article_id, ids in mismatched.items():
            if can_repair:
                _reanchor_article(library, article_id)
            listed = ", ".join(map(str, ids))
            detail = f"article {article_id}: highlight(s) {listed} no longer match the text"
            report.problems.append(Problem("highlight", detail, can_repair))
        if index_broken:
            if can_repair:
                index.rebuild()
            report.problems.append(Problem("index", "the search index is damaged", can_repair))
    finally:
        index.close()
    return report


def _mismatched_highlights(library: Library) -> dict[int, list[int]]:
    """article id → ids of its placed highlights whose quote is not the text at their offsets."""
    with library.database.read() as tx:
        placed = highlight_rows.placed_of_articles(tx)
    mismatched: dict[int, list[int]] = {}
    for article_id, highlights in placed.items():
        try:
            text = library.articles.text(article_id)
        except HawamishError:  # the article is gone: the foreign-key check reports the row
            continue
        for h in highlights:
            if text[h.start : h.end] != h.exact:
                mismatched.setdefault(article_id, []).append(h.id)
    return mismatched


def _reanchor_article(library: Library, article_id: int) -> None:
    """Place the article's highlights again on its own text (what `import --update` does with a new one)."""
    library.articles.replace_text(article_id, library.articles.get(article_id).blocks)

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
import shutil
import time
from collections import Counter
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
    tmp = destination.with_name(f"{temporary_prefix(destination)}tmp")
    remove_dead_writers_files(destination)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        file_rows.backup_to(library.database, tmp)
        try:  # checked before it may replace an older backup
            info = describe_backup(tmp)
        except HawamishError as exc:  # the copy is only as good as the library it came from
            raise HawamishError(exc.code, str(library.db_path), exc.detail) from exc
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

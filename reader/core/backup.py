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
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters.atomic import error_for, fsync_folder, remove_quietly
from reader.core.library import Library
from reader.core.storage.database import migrate, schema_version
from reader.core.storage.migrations import SCHEMA_VERSION

#: Tables a Hawamish database has from schema version 1 on.
_REQUIRED_TABLES = {"articles", "blocks"}


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


def _counts(db: sqlite3.Connection) -> tuple[int, int]:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    highlights = db.execute("SELECT count(*) FROM highlights").fetchone()[0] if "highlights" in tables else 0
    return int(articles), int(highlights)


def _write_error(path: Path, exc: BaseException) -> HawamishError:
    if isinstance(exc, OSError):
        return error_for(exc, path)
    full = "full" in str(exc).lower()  # sqlite3: "database or disk is full"
    return HawamishError(ErrorCode.DISK_FULL if full else ErrorCode.UNWRITABLE, str(path), str(exc))


def backup_library(library: Library, destination: Path) -> BackupInfo:
    """Write a consistent copy of the library's database to `destination` (a file, or a folder to put a
    dated file in) and return what it holds."""
    destination = Path(destination)
    if destination.is_dir():
        destination = destination / f"hawamish-{_timestamp()}.sqlite3"
    tmp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(tmp)
        try:
            with library.read() as db:  # no write of this process lands half-way (other processes: SQLite)
                db.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
        try:  # checked before it may replace an older backup
            info = describe_backup(tmp)
        except HawamishError as exc:  # the copy is only as good as the library it came from
            raise HawamishError(exc.code, str(library.db_path), exc.detail) from exc
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, destination)
        fsync_folder(destination.parent)
    except HawamishError:
        remove_quietly(tmp)
        raise
    except (OSError, sqlite3.Error) as exc:
        remove_quietly(tmp)
        raise _write_error(destination, exc) from exc
    return dataclasses.replace(info, path=destination)


def describe_backup(path: Path) -> BackupInfo:
    """Check that `path` is an intact Hawamish database this version can read; what it holds."""
    path = Path(path)
    if not path.is_file():
        raise HawamishError(ErrorCode.MISSING, str(path))
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise HawamishError(ErrorCode.UNREADABLE, str(path), str(exc)) from exc
    try:
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:  # "file is not a database"
            raise HawamishError(ErrorCode.MALFORMED, str(path), f"not a Hawamish backup: {exc}") from exc
        if not _REQUIRED_TABLES <= tables:
            raise HawamishError(ErrorCode.MALFORMED, str(path), "not a Hawamish backup: no articles table")
        version = schema_version(db)
        if version > SCHEMA_VERSION:
            raise HawamishError(
                ErrorCode.LIBRARY_NEWER, str(path), f"schema {version}, this Hawamish knows {SCHEMA_VERSION}"
            )
        problems = db.execute("PRAGMA integrity_check").fetchall()
        if [tuple(r) for r in problems] != [("ok",)]:
            raise HawamishError(ErrorCode.LIBRARY_CORRUPT, str(path), str([tuple(r) for r in problems[:5]]))
        articles, highlights = _counts(db)
    except sqlite3.DatabaseError as exc:
        raise HawamishError(ErrorCode.LIBRARY_CORRUPT, str(path), str(exc)) from exc
    finally:
        db.close()
    return BackupInfo(path, version, articles, highlights, path.stat().st_size)


def _drop_index(library: Library) -> None:
    """The index describes the old content: remove it (the next search rebuilds it from SQLite)."""
    shutil.rmtree(library.index_dir, ignore_errors=True)


def restore_library(library: Library, source: Path) -> RestoreReport:
    """Replace the library's content with a backup's, after saving the current content in backups/."""
    info = describe_backup(source)
    saved = backup_library(library, library.backup_dir / f"before-restore-{_timestamp()}.sqlite3")
    try:
        src = sqlite3.connect(f"file:{Path(source)}?mode=ro", uri=True)
        try:
            with library.read() as db:
                src.backup(db)
        finally:
            src.close()
        migrate(library.db)  # a backup from an older Hawamish is brought up to this schema
    except sqlite3.Error as exc:
        raise HawamishError(ErrorCode.UNWRITABLE, str(library.db_path), str(exc)) from exc
    _drop_index(library)
    return RestoreReport(info, saved)


def check_library(library: Library, *, repair: bool = False) -> CheckReport:
    """Look for damage; with `repair`, fix what can be fixed (after saving the database in backups/)."""
    from reader.core.search import SearchIndex
    from reader.core.search.index import build_processes

    report = CheckReport()
    with library.read() as db:
        report.articles, report.highlights = _counts(db)
        integrity = [tuple(r) for r in db.execute("PRAGMA integrity_check").fetchall()]
        dangling = [tuple(r) for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    if integrity != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in integrity[:5])
        report.problems.append(Problem("database", f"SQLite integrity check: {detail}"))
    mismatched = _mismatched_highlights(library)
    index = SearchIndex(library, procs=build_processes())
    try:
        report.index = index.status()
        index_broken = report.index == "corrupt"  # missing or stale is not damage: the next search builds it
        can_repair = repair and integrity == [
            ("ok",)
        ]  # a damaged file is restored from a backup, not patched
        if can_repair and (dangling or mismatched or index_broken):
            report.saved_before = backup_library(
                library, library.backup_dir / f"before-repair-{_timestamp()}.sqlite3"
            )
        for (table, parent), count in Counter((row[0], row[2]) for row in dangling).items():
            if can_repair:
                _delete_dangling(library, table, parent)
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
    from reader.core.article_store import ArticleStore

    with library.read() as db:
        placed = db.execute(
            'SELECT id, article_id, start, "end", exact FROM highlights WHERE orphan = 0 ORDER BY article_id, start'
        ).fetchall()
    store = ArticleStore(library)
    texts: dict[int, str] = {}
    mismatched: dict[int, list[int]] = {}
    for highlight_id, article_id, start, end, exact in placed:
        if article_id not in texts:
            try:
                texts[article_id] = store.get(article_id).text
            except HawamishError:  # the article is gone: the foreign-key check reports the row
                continue
        if texts[article_id][start:end] != exact:
            mismatched.setdefault(article_id, []).append(highlight_id)
    return mismatched


def _delete_dangling(library: Library, table: str, parent: str) -> None:
    """Delete the rows of `table` whose `parent` row is gone. By the foreign key's columns, not by rowid:
    the tag tables are WITHOUT ROWID, and foreign_key_check reports no rowid for them."""
    with library.write() as db:
        for fk in db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            if fk["table"] == parent:
                column, target = fk["from"], fk["to"] or "rowid"
                db.execute(
                    f'DELETE FROM "{table}" WHERE "{column}" IS NOT NULL '
                    f'AND "{column}" NOT IN (SELECT "{target}" FROM "{parent}")'
                )


def _reanchor_article(library: Library, article_id: int) -> None:
    """Place the article's highlights again on its own text (what `import --update` does with a new one)."""
    from reader.core.anchors import update_article_text
    from reader.core.article_store import ArticleStore

    update_article_text(library, article_id, None, ArticleStore(library).get(article_id).blocks)

"""The search index: a whoosh index derived from SQLite, kept in step incrementally, rebuilt when needed.

Layout of `library.index_dir` (docs/search.md):
    CURRENT        JSON: the live generation's folder name and the schema/analyzer versions it was built with
    g<time>-<pid>/  one whoosh index (a generation); a rebuild writes a new one beside the live one, fsyncs
                   it (whoosh never does) and swaps CURRENT atomically, so a crash mid-build leaves the old
                   index in place and a reader in another process keeps a complete index
    write.lock     one writer at a time across threads and processes (an OS file lock: freed when a
                   process dies)

An index that is missing, stale (versions differ) or corrupt (any exception opening or reading it) is
rebuilt without asking. Searching lives in query.py; this module only keeps the index right.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.util.filelock import FileLock

from reader.core.changes import Change, ChangeKind
from reader.core.errors import ErrorCode, HawamishError
from reader.core.search import documents
from reader.core.search.analysis import ANALYZER_VERSION
from reader.core.search.schema import SCHEMA_VERSION, build_schema
from reader.core.search.scoring import CachedLengthBM25F
from reader.core.search.writers import ParallelWriter, segment_writer

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: errno values that mean the index folder cannot be written now (not that the index is damaged).
_CANNOT_WRITE = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EROFS, errno.EACCES})

CURRENT = "CURRENT"
LOCK_NAME = "write.lock"
_PROGRESS_EVERY = 50
#: Below this many documents a rebuild stays in one process: starting workers costs more than it saves,
#: and every worker leaves a segment of its own for searches to visit.
PARALLEL_MIN_DOCS = 2_000


def build_processes() -> int:
    """Indexing processes for a full rebuild outside the GUI process: one per core, at most 2.

    Measured at 10k articles on 2 cores (docs/search.md): 1 process 117 articles/s, 2 processes 211-233/s;
    each process writes its own segment, so more processes mean more segments for every search to visit.
    """
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(slots=True)
class SyncReport:
    """What a sync or rebuild did; `rebuilt` names why a full rebuild happened ('' when it did not)."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    rebuilt: str = ""  # '', 'requested', 'missing', 'stale', 'corrupt'
    total: int = 0  # documents in the index afterwards (after a rebuild)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted or self.rebuilt)


class _BrokenIndexError(Exception):
    """The index cannot be used as it is: reason is 'missing', 'stale' or 'corrupt'."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason


def _cancel_writer(writer: Any) -> None:
    """Cancel a whoosh writer, stopping its worker processes too.

    whoosh's MpWriter.cancel only flags its own copies of the worker objects: the workers would wait for
    jobs forever and the interpreter would wait for them at exit. Terminating them is safe: they write
    only into the generation folder that a cancelled rebuild removes.
    """
    for task in getattr(writer, "tasks", ()):
        with contextlib.suppress(Exception):
            task.terminate()
            task.join(timeout=10)
    writer.cancel()


def _fsync_tree(folder: Path) -> None:
    """whoosh writes without fsync: flush a finished generation before CURRENT points at it."""
    for path in folder.iterdir():
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on every platform (Windows): best effort
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class SearchIndex:
    """The library's search index. Thread-safe; several processes may use the same folder."""

    def __init__(
        self, folder: Path, source: documents.IndexSource, *, lock_timeout: float = 30.0, procs: int = 1
    ) -> None:
        self.folder = Path(folder)
        self.source = source
        self.lock_timeout = lock_timeout
        # >1 only outside the GUI process (whoosh forks its workers, unsafe in a threaded process, DESIGN §4):
        # the GUI's index process and the command line pass build_processes()
        self.procs = procs
        self.schema = build_schema()
        self._mutex = threading.RLock()  # guards the cached index and searcher
        self._ix: Any = None
        self._generation: str | None = None
        self._searcher: Any = None

    # --- state ----------------------------------------------------------------------------------------
    def roots_enabled(self) -> bool:
        """Whether the library asks for root search (its setting, read from SQLite: any process sees it)."""
        return self.source.roots_enabled()

    def _read_current(self) -> dict[str, Any]:
        path = self.folder / CURRENT
        if not path.exists():
            raise _BrokenIndexError("missing")
        try:
            current = json.loads(path.read_text(encoding="utf-8"))
            generation = str(current["generation"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise _BrokenIndexError("corrupt", str(exc)) from exc
        if current.get("schema") != SCHEMA_VERSION or current.get("analyzer") != ANALYZER_VERSION:
            raise _BrokenIndexError("stale")
        if bool(current.get("roots", False)) != self.roots_enabled():  # root search switched on or off
            raise _BrokenIndexError("stale")
        if not (self.folder / generation).is_dir():
            raise _BrokenIndexError("missing")
        checked: dict[str, Any] = current
        return checked

    def _open(self) -> Any:
        """The live whoosh index (cached while CURRENT names the same generation)."""
        current = self._read_current()
        with self._mutex:
            if self._ix is not None and self._generation == current["generation"]:
                return self._ix
            self._close_reader()
            try:
                ix = whoosh_index.open_dir(str(self.folder / current["generation"]))
            except Exception as exc:  # whoosh raises many kinds on a damaged index
                raise _BrokenIndexError("corrupt", repr(exc)) from exc
            self._ix, self._generation = ix, current["generation"]
            return ix

    def status(self) -> str:
        """'ok', 'missing', 'stale' or 'corrupt' (opening and reading every segment)."""
        try:
            ix = self._open()
            with ix.searcher() as s:
                for _ in s.reader().all_stored_fields():
                    pass
        except _BrokenIndexError as exc:
            return exc.reason
        except Exception:
            return "corrupt"
        return "ok"

    def searcher(self) -> Any:
        """A current whoosh searcher (refreshed when another writer committed). Callers hold `_mutex`."""
        ix = self._open()
        with self._mutex:
            if self._searcher is not None and not self._searcher.up_to_date():
                # not Searcher.refresh(): it reuses segment readers and misses new deletions in them
                self._searcher.close()
                self._searcher = None
            if self._searcher is None:
                self._searcher = ix.searcher(weighting=CachedLengthBM25F())
            return self._searcher

    def _close_reader(self) -> None:
        with self._mutex:
            if self._searcher is not None:
                with contextlib.suppress(Exception):
                    self._searcher.close()
            self._searcher = None
            self._ix = None
            self._generation = None

    def close(self) -> None:
        self._close_reader()
        self.source.close()

    # --- locking --------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the index's writer lock (threads and processes); INDEX_BUSY after `timeout` seconds."""
        lock = FileLock(str(self.folder / LOCK_NAME))
        deadline = time.monotonic() + (self.lock_timeout if timeout is None else timeout)
        while not self._try_lock(lock):
            if time.monotonic() >= deadline:
                raise HawamishError(ErrorCode.INDEX_BUSY, str(self.folder), "another writer holds the index")
            time.sleep(0.05)
        try:
            yield
        finally:
            lock.release()

    def _try_lock(self, lock: FileLock) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return bool(lock.acquire(blocking=False))
        except OSError as exc:  # a read-only library folder, a full disk
            raise self._write_failure(exc) from exc

    def _write_failure(self, exc: OSError) -> HawamishError:
        """The index lives in the library folder: its disk being full or read-only is the library's."""
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return HawamishError(ErrorCode.LIBRARY_DISK_FULL, str(self.folder.parent), str(exc))
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return HawamishError(ErrorCode.READ_ONLY, str(self.folder.parent), str(exc))
        return HawamishError(ErrorCode.UNWRITABLE, str(self.folder), str(exc))

    # --- keeping the index right ----------------------------------------------------------------------
    def sync(
        self,
        progress: Progress | None = None,
        cancel: Cancelled | None = None,
        *,
        timeout: float | None = None,
    ) -> SyncReport:
        """Bring the index in step with SQLite: cheap when nothing changed; a rebuild when it must."""
        return self._sync_or_rebuild(None, progress, cancel, timeout)

    def _sync_or_rebuild(
        self,
        article_ids: Sequence[int] | None,
        progress: Progress | None,
        cancel: Cancelled | None,
        timeout: float | None,
    ) -> SyncReport:
        """An incremental sync under the writer lock; a rebuild when the index turns out missing, stale or
        damaged (derived data: SQLite has everything)."""
        with self.write_lock(timeout):
            try:
                try:
                    return self._sync_locked(article_ids, progress, cancel)
                except _BrokenIndexError as exc:
                    return self._rebuild_locked(progress, cancel, exc.reason)
                except HawamishError:
                    raise
                except OSError as exc:
                    if exc.errno in _CANNOT_WRITE:  # rebuilding would meet the same disk
                        raise
                    return self._rebuild_locked(progress, cancel, "corrupt")
                except Exception:  # a damaged segment found while merging or reading
                    return self._rebuild_locked(progress, cancel, "corrupt")
            except OSError as exc:
                if exc.errno in _CANNOT_WRITE:
                    raise self._write_failure(exc) from exc
                raise

    def rebuild(
        self,
        progress: Progress | None = None,
        cancel: Cancelled | None = None,
        *,
        timeout: float | None = None,
    ) -> SyncReport:
        with self.write_lock(timeout):
            return self._rebuild_locked(progress, cancel, "requested")

    def update_for_change(self, change: Change, *, timeout: float | None = None) -> SyncReport:
        """Index what one library change touched (called by the GUI's worker after Library.notify)."""
        if change.kind == ChangeKind.LABELS:  # label names and colours are not indexed (only the key is)
            return SyncReport()
        if change.kind == ChangeKind.LIBRARY:
            return self._sync_or_rebuild(None, None, None, timeout)
        article_ids = tuple(change.article_ids or (change.ids if change.kind == ChangeKind.ARTICLE else ()))
        return self._sync_or_rebuild(article_ids or None, None, None, timeout)

    def _index_stamps(self, ix: Any, article_ids: Sequence[int] | None) -> dict[str, str]:
        try:
            with ix.searcher() as s:
                if article_ids is None:
                    return {f["doc_id"]: f.get("stamp", "") for f in s.reader().all_stored_fields()}
                out: dict[str, str] = {}
                for article_id in set(article_ids):
                    for f in s.documents(article_id=str(article_id)):
                        out[f["doc_id"]] = f.get("stamp", "")
                return out
        except Exception as exc:
            raise _BrokenIndexError("corrupt", repr(exc)) from exc

    def _sync_locked(
        self, article_ids: Sequence[int] | None, progress: Progress | None, cancel: Cancelled | None
    ) -> SyncReport:
        ix = self._open()
        have = self._index_stamps(ix, article_ids)
        with self.source.snapshot() as rows:
            want = documents.stamps(rows, article_ids)
            stale = sorted(d for d in have.keys() - want.keys())
            to_write = [d for d, s in want.items() if have.get(d) != s]
            report = SyncReport(
                added=sum(1 for d in to_write if d not in have),
                updated=sum(1 for d in to_write if d in have),
                deleted=len(stale),
            )
            if not report.changed:
                return report
            writer = self._writer(ix)
            try:
                for doc_id in stale:
                    writer.delete_by_term("doc_id", doc_id)
                roots = bool(self._read_current().get("roots", False))
                self._write_docs(writer, rows, to_write, progress, cancel, update=True, roots=roots)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
        return report

    def _writer(self, ix: Any, **kwargs: Any) -> Any:
        # compound=False: whoosh packs a segment into one compound file by default, and opening a reader on
        # it copies each of its files into memory (BufferFile wraps the mmap in a BytesIO): at 100k articles
        # every commit and the searcher after it spent ~1 s copying hundreds of MB. Separate files are read
        # in place. Both writers write whoosh's format faster (codec.py, writers.py).
        options = {"timeout": self.lock_timeout, "compound": False, **kwargs}
        try:
            if options.pop("procs", 1) > 1:
                return ParallelWriter(ix, **options)
            return segment_writer(ix, **options)
        except LockError as exc:
            raise HawamishError(ErrorCode.INDEX_BUSY, str(self.folder), str(exc)) from exc

    @staticmethod
    def _write_docs(
        writer: Any,
        rows: documents.IndexRows,
        doc_ids: Sequence[str],
        progress: Progress | None,
        cancel: Cancelled | None,
        *,
        update: bool,
        roots: bool,
    ) -> None:
        total = len(doc_ids)
        if progress:
            progress(0, total)
        add = writer.update_document if update else writer.add_document
        for done, doc in enumerate(documents.build_docs(rows, doc_ids, roots=roots), 1):
            add(**doc)
            if done % _PROGRESS_EVERY == 0:
                if cancel and cancel():
                    raise HawamishError(ErrorCode.CANCELLED)
                if progress:
                    progress(done, total)
        if progress:
            progress(total, total)

    def _rebuild_locked(self, progress: Progress | None, cancel: Cancelled | None, reason: str) -> SyncReport:
        generation = f"g{time.time_ns()}-{os.getpid()}"
        path = self.folder / generation
        path.mkdir(parents=True)
        try:
            ix = whoosh_index.create_in(str(path), self.schema)
            roots = self.roots_enabled()
            with self.source.snapshot() as rows:
                doc_ids = sorted(documents.stamps(rows))
                options: dict[str, Any] = {"limitmb": 128}
                if self.procs > 1 and len(doc_ids) >= PARALLEL_MIN_DOCS:
                    # each worker analyses and writes a segment of its own; no merge at the end (the
                    # merge would be one more single-process pass over every posting)
                    # (batches of at most 100 documents, whoosh's default, and enough of them to feed every worker)
                    batch = max(1, min(100, len(doc_ids) // (self.procs * 4)))
                    options |= {"procs": self.procs, "multisegment": True, "batchsize": batch}
                writer = self._writer(ix, **options)
                try:
                    self._write_docs(writer, rows, doc_ids, progress, cancel, update=False, roots=roots)
                except BaseException:
                    _cancel_writer(writer)
                    raise
                writer.commit()
            ix.close()
            _fsync_tree(path)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        previous = self._swap(generation, roots)
        self._remove_old_generations(keep={generation, previous})
        return SyncReport(added=len(doc_ids), rebuilt=reason, total=len(doc_ids))

    def _swap(self, generation: str, roots: bool) -> str:
        """Point CURRENT at a finished generation (atomic rename); return the generation it replaced."""
        previous = ""
        with contextlib.suppress(Exception):
            previous = json.loads((self.folder / CURRENT).read_text(encoding="utf-8"))["generation"]
        tmp = self.folder / f"{CURRENT}.{os.getpid()}.{threading.get_ident()}.tmp"
        data = {
            "generation": generation,
            "schema": SCHEMA_VERSION,
            "analyzer": ANALYZER_VERSION,
            "roots": roots,
        }
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(self.folder / CURRENT)
        _fsync_dir(self.folder)
        self._close_reader()
        return previous

    def _remove_old_generations(self, keep: set[str]) -> None:
        """Remove generations older than the one just replaced (a reader in another process may still be
        on that one; it moves to the new one at its next search)."""
        for child in self.folder.iterdir():
            if child.is_dir() and child.name.startswith("g") and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    def doc_count(self) -> int:
        with self._mutex:
            return int(self.searcher().doc_count())

    # --- searching ------------------------------------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        kinds: Sequence[str] | None = None,
        filters: Any = None,
    ) -> Any:
        """Run a query (query.py's language); a missing, stale or corrupt index is rebuilt first.

        Returns query.SearchResults; raises HawamishError(QUERY_SYNTAX) for a malformed query.
        """
        from reader.core.search.query import run_search

        return self._healing(run_search, text, limit=limit, kinds=kinds, filters=filters)

    def related(self, title: str, texts: Sequence[str], **options: Any) -> Any:
        """Articles like a text (related.find_related's options)."""
        from reader.core.search.related import find_related

        return self._healing(find_related, title, texts, **options)

    def matching_article_ids(self, text: str, filters: Any = None) -> set[int]:
        """Every article a query matches, through its document or its highlights (matching.py)."""
        from reader.core.search.matching import matching_article_ids

        found: set[int] = self._healing(matching_article_ids, text, filters)
        return found

    def _healing(self, read: Callable[..., Any], *args: Any, **options: Any) -> Any:
        """`read(self, ...)` with search's handling of a missing, stale or corrupt index: rebuilt, read again."""
        try:
            return read(self, *args, **options)
        except HawamishError:
            raise
        except _BrokenIndexError:
            self.sync()
        except Exception:  # damaged while reading: rebuild from SQLite, then try once more
            self._close_reader()
            self.rebuild()
        return read(self, *args, **options)

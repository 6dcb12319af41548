"""The index's writers: whoosh's SegmentWriter and MpWriter with a posting pool that sorts faster.

whoosh collects a segment's postings in a pool, sorts them, and when the pool outgrows `limitmb` writes
sorted runs to temporary files and merges them back. Its runs hold one pickled posting after another: a
rebuild of 10k articles (each worker's pool spills at a few hundred articles) spent a fifth of its time
pickling and unpickling single postings. FastPostingPool writes a run as marshalled chunks of postings and
reads them back a chunk at a time; the merge and everything around it is whoosh's own.

Each writer gets the pool before its first document (a pool is empty until then): `segment_writer` for one
process, `ParallelWriter` for whoosh's worker processes (each creates its writer in the worker).
"""

from __future__ import annotations

import itertools
import marshal
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import PostingPool, SegmentWriter

from reader.core.search.codec import HawamishCodec

#: Postings marshalled at once in a run file.
RUN_CHUNK = 8192


class FastPostingPool(PostingPool):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's PostingPool (same sizes, same merge) with runs written and read in chunks."""

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        # whoosh's add, without its per-posting type assertions (our fields always give bytes)
        self.fieldnames.add(item[0])
        value = item[4]
        self.currentsize += 154 + len(item[0]) + 2 * len(item[1]) + (len(value) if value else 0)
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        if isinstance(items, list):
            chunks: Iterator[list[Any]] = (items[i : i + RUN_CHUNK] for i in range(0, len(items), RUN_CHUNK))
        else:  # a merge of runs (reduce_to)
            it = iter(items)
            chunks = iter(lambda: list(itertools.islice(it, RUN_CHUNK)), [])
        for chunk in chunks:
            f.write(marshal.dumps(chunk))
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = marshal.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


def use_fast_pool(writer: Any) -> Any:
    """Give a writer that has no document yet a FastPostingPool in place of whoosh's."""
    pool = writer.pool
    if not isinstance(pool, FastPostingPool) and not pool.current and not pool.runs:
        writer.pool = FastPostingPool(pool.tempstore, pool.segment, limitmb=pool.limit // (1024 * 1024))
    return writer


def segment_writer(ix: Any, **options: Any) -> Any:
    """A one-process writer with HawamishCodec and the fast pool."""
    return use_fast_pool(SegmentWriter(ix, codec=HawamishCodec(), **options))


class _Task(SubWriterTask):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's worker process; its writer (made in the worker) gets the fast pool before its first job."""

    def _process_file(self, filename: str, doc_count: int) -> None:
        use_fast_pool(self.writer)
        super()._process_file(filename, doc_count)


class ParallelWriter(MpWriter):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's MpWriter whose workers use the fast pool, with HawamishCodec everywhere."""

    def __init__(self, ix: Any, **options: Any) -> None:
        super().__init__(ix, codec=HawamishCodec(), **options)
        use_fast_pool(self)

    def _new_task(self) -> Any:
        task = _Task(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task

"""The index's codec: whoosh's own file format (W3Codec), written faster.

Two things cost a rebuild much more than they should (benchmarks/bench_search.py, docs/search.md):

- Compressing every block of postings. Most terms of a library are in a handful of documents, and zlib
  on a block of a few postings spends its time on headers to save a few bytes. Blocks of fewer than
  COMPRESS_MIN_POSTINGS postings are written as they are; whoosh's reader looks at each block's own flag,
  so segments of either kind read alike.
- Looking up a document's field length once per posting while the postings are written (for the block's
  length bounds): a file read and a struct unpack each time. The per-document reader here reads a length
  column once, the way search does (scoring.segment_lengths).

And reading: a block's document numbers are decoded in C (LeafMatcher).

The codec object is pickled into the index's table of contents: renaming this module means a reindex,
like the schema (schema.py).
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

#: A block with fewer postings than this is not compressed (at most whoosh3's block size, 128).
COMPRESS_MIN_POSTINGS = 16


class _PostingsWriter(whoosh3.W3PostingsWriter):  # type: ignore[misc]  # whoosh ships no types
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._level: int = kwargs.get("compression", 3)

    def _write_block(self, last: bool = False) -> None:
        # whoosh reads the compression of each block from the block itself
        self._compression = self._level if len(self._ids) >= COMPRESS_MIN_POSTINGS else 0
        super()._write_block(last)


def read_lengths(perdoc: Any, fieldname: str, doccount: int) -> list[int] | None:
    """Every document's length of `fieldname` (0: none stored) in one read of whoosh's length column, for
    writing (_PerDocReader) and for scoring (scoring.segment_lengths); None when whoosh's private column
    layout is not what this expects (the caller then reads the lengths one by one)."""
    try:
        column = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is None or column._fixedlen != 1:
            return None
        raw = column._dbfile.get(column._basepos, column._count)
    except (AttributeError, TypeError, ValueError):
        return None
    # whoosh writes a column up to its last document with a length: the rest have none
    return [byte_to_length(b) if b else 0 for b in raw] + [0] * (doccount - len(raw))


class _PerDocReader(whoosh3.W3PerDocReader):  # type: ignore[misc]  # whoosh ships no types
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._length_lists: dict[str, list[int] | None] = {}

    def _lengths(self, fieldname: str) -> list[int] | None:
        if fieldname not in self._length_lists:
            self._length_lists[fieldname] = read_lengths(self, fieldname, self._doccount)
        return self._length_lists[fieldname]

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._lengths(fieldname)
        if lengths is None or docnum >= len(lengths):
            length: int = super().doc_field_length(docnum, fieldname, default)
            return length
        return lengths[docnum] or default


class LeafMatcher(whoosh3.W3LeafMatcher):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's posting list matcher, its block's document numbers decoded in C (itertools.accumulate)
    rather than by whoosh's generator, one Python step a posting: a third of a phrase's time on common
    words at 100k articles."""

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        ids = self._data[0]
        self._ids = ids if self._byteids else tuple(accumulate(ids))


class HawamishCodec(whoosh3.W3Codec):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's W3Codec with small blocks left uncompressed, length columns read at once, and block ids
    decoded faster."""

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return LeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _PerDocReader(storage, segment)

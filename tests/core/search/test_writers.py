"""The index's writers (codec.py, writers.py) write what whoosh's own writers write: the same terms and
postings, read back through whoosh's readers, whether the posting pool spills to run files or not."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import SegmentWriter

from reader.core.search.codec import COMPRESS_MIN_POSTINGS, HawamishCodec
from reader.core.search.schema import build_schema
from reader.core.search.writers import FastPostingPool, segment_writer

VOCABULARY = ["حكومة", "الحكومة", "وزير", "اتفاق", "سلام", "قال", "حرب", "مدينة", "economy", "market"]


def _documents(count: int) -> list[dict[str, object]]:
    rng = random.Random(count)
    docs = []
    for i in range(count):
        # one word in every document: posting blocks of whoosh's full size (128), compressed; rare words
        # leave small blocks, left as they are
        words = ["سلام", *rng.choices(VOCABULARY, k=rng.randint(1, 30)), f"نادرة{i % 40}"]
        docs.append(
            {
                "doc_id": f"a:{i}",
                "kind": "article",
                "article_id": str(i),
                "text": " ".join(words),
                "lang": "ar",
            }
        )
    return docs


def _postings(folder: Path) -> list[tuple[str, bytes, int, float, bytes]]:
    ix = whoosh_index.open_dir(str(folder))
    with ix.reader() as reader:
        found = []
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            while matcher.is_active():
                found.append((fieldname, text, matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
        lengths = [reader.doc_field_length(d, "text") for d in range(reader.doc_count_all())]
    ix.close()
    return [*found, ("lengths", b"", 0, 0.0, repr(lengths).encode())]


def _write(folder: Path, docs: list[dict[str, object]], *, ours: bool, pool_limit: int = 0) -> Path:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema())
    if ours:
        writer = segment_writer(ix, compound=False)
        assert isinstance(writer.pool, FastPostingPool)
    else:
        writer = SegmentWriter(ix, codec=W3Codec(), compound=False)
    if pool_limit:
        writer.pool.limit = pool_limit  # bytes: the pool spills to run files over and over
    for doc in docs:
        writer.add_document(**doc)
    spilled = bool(writer.pool.runs)
    writer.commit()
    ix.close()
    assert spilled == bool(pool_limit)
    return folder


def test_our_writer_writes_the_postings_whoosh_writes(tmp_path: Path) -> None:
    docs = _documents(300)
    theirs = _postings(_write(tmp_path / "whoosh", docs, ours=False))
    assert any(text == "سلام".encode() for _f, text, *_rest in theirs)
    assert _postings(_write(tmp_path / "ours", docs, ours=True)) == theirs


def test_a_pool_that_spills_to_many_runs_writes_the_same_postings(tmp_path: Path) -> None:
    docs = _documents(300)
    theirs = _postings(_write(tmp_path / "whoosh", docs, ours=False, pool_limit=4_000))
    # (more runs than whoosh merges at once, 128: runs are merged into runs first)
    assert _postings(_write(tmp_path / "ours", docs, ours=True, pool_limit=4_000)) == theirs


def test_small_blocks_are_left_uncompressed_and_large_ones_compressed(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    writer = segment_writer(ix, compound=False)
    for doc in _documents(300):
        writer.add_document(**doc)
    writer.commit()
    with whoosh_index.open_dir(str(tmp_path)).reader() as reader:
        assert isinstance(reader.segment().codec(), HawamishCodec)
        common = reader.postings("text", "سلام".encode())  # 300 documents: blocks of 128
        rare = reader.postings("text", "نادره3".encode())  # 7 or 8: one small block
        assert 1 < reader.doc_frequency("text", "نادره3".encode()) < COMPRESS_MIN_POSTINGS
        assert common._compression and not rare._compression

"""Merging a team's shared folder: 10 members × 10,000 annotations into one library (issue: research teams).

One member's library holds ARTICLES synthetic Arabic articles (words drawn with a fixed seed from the seed
article's vocabulary) and shares them with their texts. Nine other members' logs are written as those
members' libraries would write them: 10,000 annotation records each (a quote of 2-8 words of an article, a
note on a third of them, tags on half), then 20 % of them edited later by their member, 5 % deleted. The
tenth member is the library measured: it joins with its own 10,000 highlights (created through the Library),
then one `share sync` reads and applies everything. Reported: the time and peak memory of that sync, of a
second sync with nothing new (the cost of a sync the app runs when the folder changes), and the log size a
1,000 annotations.

Run: .venv/bin/python benchmarks/bench_share.py [--members 10] [--annotations 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.quotes import quote_at
from reader.core.sharing.bodies import SharedHighlight
from reader.core.sharing.clock import HybridClock
from reader.core.sharing.log import SharedFolder
from reader.core.sharing.records import Record
from reader.core.text import Block, BlockKind, canonical_text, content_hash, is_arabic_letter

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed.txt"
ARTICLES = 200


def make_articles(rng: random.Random) -> list[list[Block]]:
    words = [w for w in SEED.read_text(encoding="utf-8").split() if any(is_arabic_letter(c) for c in w)]
    articles = []
    for _ in range(ARTICLES):
        paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(40, 90))) for _ in range(8)]
        articles.append([Block(BlockKind.PARAGRAPH, p) for p in paragraphs])
    return articles


_SPACES: dict[str, list[int]] = {}


def passage(text: str, rng: random.Random) -> tuple[int, int]:
    spaces = _SPACES.get(text)
    if spaces is None:
        spaces = _SPACES[text] = [i for i, c in enumerate(text) if c == " "]
    first = rng.randrange(len(spaces) - 10)
    start = spaces[first] + 1
    end = spaces[first + rng.randint(2, 8)]
    return start, end


def write_member_log(
    folder: SharedFolder, name: str, targets: list[tuple[str, str]], count: int, rng: random.Random
) -> None:
    """`count` annotations by one member, then edits of a fifth and deletions of a twentieth of them."""
    member = uuid.uuid4().hex
    folder.join(member, name)
    clock = HybridClock()
    records: list[Record] = []
    made: list[Record] = []
    for n in range(count):
        article_target, text = targets[rng.randrange(len(targets))]
        start, end = passage(text, rng)
        exact, prefix, suffix = quote_at(text, start, end)
        shared = SharedHighlight(
            article_target, exact, prefix, suffix, start, end, content_hash(text),
            rng.choice(["claim", "evidence", "counter", "source"]), "background",
            f"ملاحظة {name} رقم {n}" if n % 3 == 0 else "",
            tuple(sorted({f"موضوع/{rng.randrange(20)}" for _ in range(rng.randrange(3))})) if n % 2 else (),
            "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z",
        )  # fmt: skip
        target = uuid.uuid4().hex
        record = Record(
            uuid.uuid4().hex, member, name, clock.now(), "annotation", target, "put",
            shared.to_annotation(target, name),
        )  # fmt: skip
        records.append(record)
        made.append(record)
    for record in rng.sample(made, count // 5):
        body = dict(record.body)
        body["body"] = [
            {"type": "TextualBody", "value": "تعديل لاحق", "purpose": "commenting"},
            *body["body"],
        ]
        records.append(
            Record(
                uuid.uuid4().hex,
                member,
                name,
                clock.now(),
                "annotation",
                record.target,
                "put",
                body,
                record.version,
            )
        )
    for record in rng.sample(made, count // 20):
        records.append(
            Record(
                uuid.uuid4().hex,
                member,
                name,
                clock.now(),
                "annotation",
                record.target,
                "delete",
                {},
                record.version,
            )
        )
    folder.append(member, records)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--annotations", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shared = root / "shared"
        owner = Library(root / "owner")
        articles = make_articles(rng)
        owner.articles.add_many([(ArticleMeta(f"مقال {i}"), blocks) for i, blocks in enumerate(articles)])
        owner.sharing.init(shared, "صاحبة المكتبة", with_texts=True)
        with owner.database.read() as tx:
            rows = tx.execute("SELECT target, local_id FROM share_links WHERE kind = 'article'").fetchall()
        texts = {i + 1: canonical_text(blocks) for i, blocks in enumerate(articles)}
        (owner_log,) = SharedFolder(shared).log_files()
        targets = [(str(t), texts[int(i)]) for t, i in rows]
        owner.close()

        folder = SharedFolder(shared)
        started = time.perf_counter()
        for n in range(args.members - 1):
            write_member_log(folder, f"عضو {n + 1}", targets, args.annotations, rng)
        written = time.perf_counter() - started
        # the owner's log carries the articles' texts: a record's size is measured on the annotators' logs
        annotator_logs = [p for p in folder.log_files() if p != owner_log]
        log_bytes = sum(p.stat().st_size for p in annotator_logs)
        log_records = sum(1 for p in annotator_logs for _ in p.open("rb"))

        measured = Library(root / "measured")
        measured.articles.add_many([(ArticleMeta(f"مقال {i}"), blocks) for i, blocks in enumerate(articles)])
        article_ids = measured.articles.ids()
        started = time.perf_counter()
        for n in range(args.annotations):
            article_id = article_ids[rng.randrange(len(article_ids))]
            start, end = passage(texts[article_id], rng)
            measured.highlights.create(article_id, start, end, note=f"own {n}" if n % 3 == 0 else "")
        own = time.perf_counter() - started

        rss_before = peak_rss_mb()
        started = time.perf_counter()
        report = measured.sharing.init(shared, "المقيسة", with_texts=True)
        first = time.perf_counter() - started
        rss_after = peak_rss_mb()
        started = time.perf_counter()
        again = measured.sharing.sync()
        second = time.perf_counter() - started
        started = time.perf_counter()
        measured.sharing.sync()
        idle = time.perf_counter() - started
        highlights = measured.highlights.count()
        measured.close()

    load = os.getloadavg()
    print(f"# {args.members} members × {args.annotations:,} annotations; nproc {os.cpu_count()}, "
          f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    print(f"{'what':<58} {'value':>14}")
    rows_out = [
        ("other members' logs written (s)", f"{written:.1f}"),
        ("log size per 1,000 annotation records (KB)", f"{log_bytes / log_records:.0f}"),
        ("annotation records in the folder", f"{log_records:,}"),
        (f"{args.annotations:,} own highlights created through the Library (s)", f"{own:.1f}"),
        ("first sync: publish own, read + apply everything (s)", f"{first:.1f}"),
        ("  records received / published", f"{report.received:,} / {report.published:,}"),
        ("  highlights and articles applied", f"{report.applied:,}"),
        ("  peak RSS before → after (MB)", f"{rss_before:.0f} → {rss_after:.0f}"),
        ("second sync, nothing new (compares the library once) (s)", f"{second:.2f}"),
        ("  records received / published", f"{again.received} / {again.published}"),
        ("third sync, nothing written since (s)", f"{idle:.3f}"),
        ("highlights in the measured library", f"{highlights:,}"),
    ]
    for what, value in rows_out:
        print(f"{what:<58} {value:>14}")


if __name__ == "__main__":
    main()

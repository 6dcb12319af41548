"""Re-anchoring 300 highlights on a 10,000-word Arabic article after an edit (issue 3: target <= 200 ms).

The article is synthetic: words drawn (with a fixed random seed) from the vocabulary of the seed article
(tests/fixtures/seed.txt), in paragraphs of 40-120 words, so quotes are as unique as in real prose. 300
highlights of 1-12 words are spread over it, some starting or ending mid-word. Three edits:
(a) a paragraph inserted at the top, (b) 30 scattered word replacements, (c) harakat added to every letter; and (d) a fifth of the
article deleted (the orphan path, where every search fails).
Each scenario is timed over several runs (reanchor() alone, then library.articles.replace_text() with the
database write). Run: .venv/bin/python benchmarks/bench_anchors.py
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.anchors import reanchor
from reader.core.library import Library
from reader.core.models import ArticleMeta, Highlight
from reader.core.quotes import quote_at
from reader.core.text import ARABIC_MARKS, Block, BlockKind, canonical_text, is_arabic_letter

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed.txt"
WORDS, HIGHLIGHTS, RUNS = 10_000, 300, 7


def make_article(rng: random.Random) -> list[str]:
    vocabulary = [w for w in SEED.read_text(encoding="utf-8").split() if any(is_arabic_letter(c) for c in w)]
    paragraphs: list[str] = []
    total = 0
    while total < WORDS:
        n = min(rng.randint(40, 120), WORDS - total)
        paragraphs.append(" ".join(rng.choice(vocabulary) for _ in range(n)))
        total += n
    return paragraphs


def make_highlights(text: str, rng: random.Random) -> list[Highlight]:
    starts = [i + 1 for i, c in enumerate(text) if c == " "]
    chosen = sorted(rng.sample(starts, HIGHLIGHTS))
    highlights = []
    for hid, chosen_start in enumerate(chosen, 1):
        start = end = chosen_start
        for _ in range(rng.randint(1, 12)):
            nxt = text.find(" ", end + 1)
            end = nxt if nxt != -1 else len(text)
        if rng.random() < 0.2:  # mid-word start
            start += 1
        exact, prefix, suffix = quote_at(text, start, end)
        highlights.append(Highlight(hid, 1, start, end, exact, prefix, suffix, "", "claim", "background", ""))
    return highlights


def edit_insert_top(paragraphs: list[str], rng: random.Random) -> list[str]:
    return [paragraphs[0], "فقرة جديدة في أعلى المقال تضيف سياقاً لما يأتي بعدها من تحليل.", *paragraphs[1:]]


def edit_scattered_words(paragraphs: list[str], rng: random.Random) -> list[str]:
    words = [p.split(" ") for p in paragraphs]
    for _ in range(30):
        p = rng.randrange(len(words))
        w = rng.randrange(len(words[p]))
        words[p][w] = rng.choice(["التنظيم", "الحكومة", "السلطات", "الهجوم", "قالت", "روسيا"])
    return [" ".join(ws) for ws in words]


def edit_harakat(paragraphs: list[str], rng: random.Random) -> list[str]:
    marks = ["\u064e", "\u064f", "\u0650", "\u0652"]
    out = []
    for p in paragraphs:
        chars = []
        for c in p:
            chars.append(c)
            if is_arabic_letter(c) and c not in ARABIC_MARKS:
                chars.append(rng.choice(marks))
        out.append("".join(chars))
    return out


def edit_delete_fifth(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Not in the issue's list: the orphan path, the most expensive one (every search fails)."""
    n = len(paragraphs)
    return paragraphs[: 2 * n // 5] + paragraphs[3 * n // 5 :]


def blocks(paragraphs: list[str]) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]


def main() -> None:
    rng = random.Random(20260101)
    paragraphs = make_article(rng)
    text = canonical_text(blocks(paragraphs))
    highlights = make_highlights(text, rng)
    print(f"article: {len(text.split())} words, {len(text)} code points; {len(highlights)} highlights")
    print("wall = elapsed time; cpu = this process's CPU time (steadier when other work shares the cores)")
    print(
        f"{'edit':<28} {'path':<20} {'median ms':>10} {'max ms':>8} {'cpu med':>8}   exact/moved/fuzzy/orphan"
    )
    for name, edit in (
        ("(a) paragraph at the top", edit_insert_top),
        ("(b) 30 scattered words", edit_scattered_words),
        ("(c) harakat everywhere", edit_harakat),
        ("(d) a fifth deleted", edit_delete_fifth),
    ):
        new_paragraphs = edit(paragraphs, random.Random(5))
        new_text = canonical_text(blocks(new_paragraphs))
        times, cpu = [], []
        for _ in range(RUNS):
            t0, c0 = time.perf_counter(), time.process_time()
            placements = reanchor(highlights, new_text)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        counts = Counter(p.how for p in placements)
        tally = "/".join(str(counts.get(k, 0)) for k in ("exact", "moved", "fuzzy", "orphan"))
        print(
            f"{name:<28} {'reanchor()':<20} {statistics.median(times):>10.1f} {max(times):>8.1f} "
            f"{statistics.median(cpu):>8.1f}   {tally}"
        )

        db_times, db_cpu = [], []
        for _ in range(3):
            with tempfile.TemporaryDirectory() as folder, Library(Path(folder)) as library:
                article_id = library.articles.add(ArticleMeta(title="bench"), blocks(paragraphs))
                store = library.highlights
                # bulk insert with a connection of our own: creating 300 one by one is not what we time
                db = sqlite3.connect(library.db_path)
                with db:
                    db.executemany(
                        'INSERT INTO highlights(article_id, start, "end", exact, prefix, suffix, text_hash, color, '
                        "created, updated) VALUES (?, ?, ?, ?, ?, ?, '', 'claim', '', '')",
                        [(article_id, h.start, h.end, h.exact, h.prefix, h.suffix) for h in highlights],
                    )
                db.close()
                t0, c0 = time.perf_counter(), time.process_time()
                library.articles.replace_text(article_id, blocks(new_paragraphs))
                db_times.append((time.perf_counter() - t0) * 1000)
                db_cpu.append((time.process_time() - c0) * 1000)
                assert len(store.for_article(article_id)) == len(highlights)
        print(
            f"{'':<28} {'replace_text()':<20} {statistics.median(db_times):>10.1f} {max(db_times):>8.1f} "
            f"{statistics.median(db_cpu):>8.1f}"
        )


if __name__ == "__main__":
    main()

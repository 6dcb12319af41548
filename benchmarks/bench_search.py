"""Search benchmark (issue 4): index build, query latency beside SQLite FTS5, and recall on variant spellings.

Library: the real corpora in ../shared/corpora (ar-saudinewsnet, ar-ant, en-bbc: about 5,200 articles, read
with reader.core.importers.read_article) plus generated Arabic articles to reach --articles (default 10,000).
Generated articles draw words, with their corpus frequencies, from the Arabic corpora's vocabulary (fixed
random seed), in paragraphs of 40-120 words, ~600 words an article. With --generated-only (for --articles
100000) every article is generated (the corpora give only the vocabulary, when present) and articles are
shorter (--words, default 300) to keep the run short.

1. Build: `SearchIndex.rebuild` with 1 and with 2 processes (whoosh's `procs`), articles/s and index size.
2. Latency: 200 queries of each kind, drawn from the corpus: one word, two words of one article, a phrase (two
   adjacent words), a prefix (first 4 letters + *). Timed three ways: `SearchIndex.search` (what the app and
   CLI get: parse, search, hits and snippets on the real text), whoosh's raw `searcher.search` on the same
   parsed query, and SQLite FTS5 on the same analysed texts (every variant our analyzer emits, space-joined;
   a word is the OR of its variants, a phrase is NEAR(stem stem, 4) because variants take positions in FTS5,
   a prefix is `pre*`). Ratio = whoosh raw / FTS5.
3. Recall@10 on variant spellings: 3 consecutive words of a real Arabic article (not stop words), rewritten
   without hamza, with ه for final ة, with a clitic (و, or ب before ال), with harakat; the relevant articles
   are those holding the original 3 words in sequence (FTS5 phrase on the raw text). Beside it, FTS5 with its
   own unicode61 tokenizer (remove_diacritics 2) on the raw text, queried with the variant words: what a
   search without our analysis finds.

Run: .venv/bin/python benchmarks/bench_search.py [--articles 10000] [--procs 1 2] [--queries 200]
     .venv/bin/python benchmarks/bench_search.py --articles 100000 --generated-only --procs 2 --no-recall
     --keep DIR builds the library in DIR once and reuses it on later runs; `--procs` with no value then
     also reuses its index (query timings only, after a code change that leaves the index as it is).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.errors import HawamishError
from reader.core.importers import read_article
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.search import SearchIndex
from reader.core.search.analysis import STOP_WORDS, WORD_PATTERN, analyze_word
from reader.core.search.query import parse_query
from reader.core.text import Block, BlockKind, normalize_arabic

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CORPORA = [("ar-saudinewsnet", "articles"), ("ar-ant", ""), ("en-bbc", "bbc")]
QUERIES_PER_KIND = 200
RECALL_QUERIES = 300
ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


# --- the library -----------------------------------------------------------------------------------


def load_real() -> list[tuple[ArticleMeta, list[Block]]]:
    items = []
    for name, sub in CORPORA:
        folder = SHARED / name / sub if sub else SHARED / name
        if not folder.exists():
            print(f"(no {folder}: skipped)", file=sys.stderr)
            continue
        for path in sorted(folder.rglob("*.txt")):
            if path.name.upper() in ("README.TXT",):
                continue
            with contextlib.suppress(HawamishError):  # e.g. en-bbc sport/199.txt (invalid UTF-8)
                items.append(read_article(path))
    return items


def vocabulary(items, rng: random.Random) -> tuple[list[str], list[int]]:
    counts: Counter[str] = Counter()
    for _meta, blocks in items:
        for b in blocks:
            counts.update(w for w in b.text.split() if ARABIC_WORD.match(w))
    if not counts:  # --generated-only without corpora: a synthetic vocabulary
        letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
        counts.update(
            {
                "".join(rng.choice(letters) for _ in range(rng.randint(3, 8))): int(1000 / (i + 1)) + 1
                for i in range(30000)
            }
        )
    words, weights = zip(*counts.most_common(60000), strict=True)
    return list(words), list(weights)


def generate(n: int, words: list[str], weights: list[int], rng: random.Random, n_words: int):
    cum = list(__import__("itertools").accumulate(weights))
    for i in range(n):
        total, paragraphs = 0, []
        target = rng.randint(n_words // 2, n_words * 3 // 2)
        while total < target:
            k = rng.randint(40, 120)
            paragraphs.append(" ".join(rng.choices(words, cum_weights=cum, k=k)))
            total += k
        title = " ".join(rng.choices(words, cum_weights=cum, k=6))
        blocks = [Block(BlockKind.HEADING, title, 1)] + [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
        yield (
            ArticleMeta(
                title=title,
                outlet=f"outlet {i % 7}",
                published=f"{2010 + i % 15}-0{1 + i % 9}",
                language="ar",
            ),
            blocks,
        )


def build_library(folder: Path, args, rng: random.Random) -> tuple[Library, list[int], int]:
    real = load_real()  # with --generated-only, only its vocabulary is used
    words, weights = vocabulary(real, rng)
    if args.generated_only:
        real = []  # the vocabulary came from it; no real article goes in
    library = Library(folder)
    store = library.articles
    real_ids = store.add_many(real[: args.articles]) if real else []
    batch = []
    for item in generate(max(0, args.articles - len(real_ids)), words, weights, rng, args.words):
        batch.append(item)
        if len(batch) == 1000:
            store.add_many(batch)
            batch.clear()
    if batch:
        store.add_many(batch)
    return library, real_ids, len(real)  # (0 real articles read with --generated-only)


def reuse_or_build_library(tmp_path: Path, args, rng: random.Random) -> tuple[Library, list[int], int]:
    """A library in --keep when given (reused as it is when it already holds one), else in tmp_path."""
    if args.keep is None:
        return build_library(tmp_path / "library", args, rng)
    if Library.exists_in(args.keep):
        library = Library(args.keep)
        real_ids = sorted(a.id for a in library.articles.list() if not a.outlet.lower().startswith("outlet "))
        print(f"(reusing the library in {args.keep})")
        return library, real_ids, len(real_ids)
    return build_library(args.keep, args, rng)


def canonical_texts(library: Library) -> dict[int, str]:
    return {aid: library.articles.text(aid) for aid in library.articles.ids()}


# --- FTS5 beside it ----------------------------------------------------------------------------------


def analysed(text: str) -> str:
    out = []
    for m in WORD_PATTERN.finditer(text):
        out.extend(analyze_word(m.group(0))[0])
    return " ".join(out)


def build_fts(path: Path, library: Library, texts: dict[int, str]) -> tuple[sqlite3.Connection, float, float]:
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE ana USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
    db.execute("CREATE VIRTUAL TABLE raw USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    titles = {a.id: a.title for a in library.articles.list()}
    started = time.perf_counter()
    db.executemany(
        "INSERT INTO ana(rowid, body) VALUES (?, ?)",
        ((aid, analysed(titles[aid] + "\n" + text)) for aid, text in texts.items()),
    )
    db.commit()
    ana_seconds = time.perf_counter() - started
    started = time.perf_counter()
    db.executemany(
        "INSERT INTO raw(rowid, body) VALUES (?, ?)",
        ((aid, titles[aid] + "\n" + text) for aid, text in texts.items()),
    )
    db.commit()
    return db, ana_seconds, time.perf_counter() - started


def fts_word(raw: str) -> str:
    terms = analyze_word(raw)[0]
    return "(" + " OR ".join(f'"{t}"' for t in terms) + ")"


def fts_query(kind: str, words: list[str]) -> str:
    if kind == "phrase":
        return "NEAR(" + " ".join(f'"{analyze_word(w)[1]}"' for w in words) + ", 4)"
    if kind == "prefix":
        return f'"{normalize_arabic(words[0])}"*'
    return " AND ".join(fts_word(w) for w in words)


# --- queries -----------------------------------------------------------------------------------------


def content_words(text: str) -> list[str]:
    return [
        m.group(0)
        for m in WORD_PATTERN.finditer(text)
        if analyze_word(m.group(0))[0]
        and normalize_arabic(m.group(0)) not in STOP_WORDS
        and len(m.group(0)) >= 3
    ]


def sample_queries(
    texts: dict[int, str], ids: list[int], rng: random.Random, per_kind: int = QUERIES_PER_KIND
) -> dict[str, list[tuple[str, list[str]]]]:
    queries: dict[str, list[tuple[str, list[str]]]] = {
        "one word": [],
        "two words": [],
        "phrase": [],
        "prefix": [],
    }
    while min(len(v) for v in queries.values()) < per_kind:
        words = content_words(texts[rng.choice(ids)])
        if len(words) < 10:
            continue
        i = rng.randrange(len(words) - 1)
        j = rng.randrange(len(words))
        queries["one word"].append((words[i], [words[i]]))
        queries["two words"].append((f"{words[i]} {words[j]}", [words[i], words[j]]))
        queries["phrase"].append((f'"{words[i]} {words[i + 1]}"', [words[i], words[i + 1]]))
        if len(normalize_arabic(words[j])) >= 5:
            pre = normalize_arabic(words[j])[:4]
            queries["prefix"].append((pre + "*", [pre]))
    return {k: v[:per_kind] for k, v in queries.items()}


def cpu_probe() -> float:
    """ms for a fixed pure-Python loop, best of three: the same code runs up to 1.5x slower from one minute
    to the next on a shared virtual machine, so every table is printed beside this (docs/search.md)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def latency(
    index: SearchIndex, fts: sqlite3.Connection, queries
) -> Iterator[tuple[str, float, float, float, float, float, float]]:
    searcher = index.searcher()
    for kind, items in queries.items():
        full, raw, lite = [], [], []
        for text, words in items:
            index.search(text, limit=10)  # warm the caches the way a second search would find them
            full.append(timed(lambda t=text: index.search(t, limit=10)))
            q = parse_query(text, index.schema)
            raw.append(timed(lambda q=q: searcher.search(q, limit=10)))
            sql = fts_query(kind, words)
            lite.append(
                timed(
                    lambda s=sql: fts.execute(
                        "SELECT rowid FROM ana WHERE ana MATCH ? ORDER BY rank LIMIT 10", (s,)
                    ).fetchall()
                )
            )
        yield (
            (
                kind,
                statistics.median(full),
                pct(full, 0.95),
                statistics.median(raw),
                pct(raw, 0.95),
                statistics.median(lite),
                pct(lite, 0.95),
            )
        )


def freshness(index: SearchIndex, library: Library, ids: list[int], rng: random.Random, runs: int = 20):
    """ms from a new highlight with a note being saved to it being found: update_for_change + search."""
    store = library.highlights
    changes = []
    library.add_listener(changes.append)
    times = []
    for i in range(runs):
        aid = rng.choice(ids)
        store.create(aid, 0, 5, note=f"ملاحظة فريدة{i}x")
        started = time.perf_counter()
        index.update_for_change(changes[-1])
        found = index.search(f"فريدة{i}x").hits
        times.append((time.perf_counter() - started) * 1000)
        assert found and found[0].kind == "note", found
    library.remove_listener(changes.append)
    return statistics.median(times), pct(times, 0.95)


# --- recall on variant spellings ---------------------------------------------------------------------

HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي"})
HARAKAT = ["\u064e", "\u064f", "\u0650"]
_HARAKAT_RNG = random.Random(7)


def no_hamza(w: str) -> str:
    return w.translate(HAMZA)


def heh_for_teh(w: str) -> str:
    return w[:-1] + "ه" if w.endswith("ة") else w


def clitic(w: str) -> str:
    return "ب" + w if w.startswith("ال") else "و" + w


def harakat(w: str) -> str:
    rng = _HARAKAT_RNG
    out = "".join(c + (rng.choice(HARAKAT) if rng.random() < 0.7 else "") for c in w[:-1]) + w[-1]
    return out + rng.choice(["\u064b", "\u064c", "\u064d", "\u0651", ""])


VARIANTS = {
    "without hamza": no_hamza,
    "ه for final ة": heh_for_teh,
    "clitic prefix": clitic,
    "harakat": harakat,
}


def recall(
    index: SearchIndex,
    fts: sqlite3.Connection,
    texts: dict[int, str],
    arabic_ids: list[int],
    rng: random.Random,
) -> list[tuple[str, int, float, float, float]]:
    rows = []
    for name, fn in VARIANTS.items():
        ours = base = theirs = 0.0
        n = tries = 0
        while n < RECALL_QUERIES and tries < RECALL_QUERIES * 50:
            tries += 1
            words = [m.group(0) for m in WORD_PATTERN.finditer(texts[rng.choice(arabic_ids)])]
            if len(words) < 20:
                continue
            i = rng.randrange(len(words) - 3)
            triple = words[i : i + 3]
            if not all(
                ARABIC_WORD.match(w) and normalize_arabic(w) not in STOP_WORDS and len(w) >= 3 for w in triple
            ):
                continue
            varied = [fn(w) for w in triple]
            if varied == triple:
                continue
            relevant = {
                r[0]
                for r in fts.execute(
                    "SELECT rowid FROM raw WHERE raw MATCH ?", ('"' + " ".join(triple) + '"',)
                )
            }
            if not relevant or len(relevant) > 10:
                continue
            want = min(len(relevant), 10)
            top = {h.article_id for h in index.search(" ".join(varied), limit=10, kinds=["article"]).hits}
            ours += len(top & relevant) / want
            top = {h.article_id for h in index.search(" ".join(triple), limit=10, kinds=["article"]).hits}
            base += len(top & relevant) / want
            plain = " AND ".join('"' + w.replace('"', "") + '"' for w in varied)
            top = {
                r[0]
                for r in fts.execute(
                    "SELECT rowid FROM raw WHERE raw MATCH ? ORDER BY rank LIMIT 10", (plain,)
                )
            }
            theirs += len(top & relevant) / want
            n += 1
        if n:
            rows.append((name, n, ours / n, base / n, theirs / n))
    return rows


# --- main ----------------------------------------------------------------------------------------------


def live_generation(index: SearchIndex) -> Path:
    import json

    return index.folder / json.loads((index.folder / "CURRENT").read_text())["generation"]


def analysis_rate(library: Library, texts: dict[int, str]) -> float:
    """Articles/s of the analysis chain alone (what indexing costs before whoosh's writer)."""
    from reader.core.search.analysis import clear_cache, hawamish_analyzer

    clear_cache()
    analyzer = hawamish_analyzer()
    sample = list(texts.values())[:2000]
    started = time.perf_counter()
    for text in sample:
        for _ in analyzer(text, positions=True):
            pass
    return len(sample) / (time.perf_counter() - started)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600, help="mean words of a generated article")
    parser.add_argument("--generated-only", action="store_true")
    parser.add_argument(
        "--procs",
        type=int,
        nargs="*",
        default=[1, 2],
        help="builds to time (none: use the kept index as it is)",
    )
    parser.add_argument("--no-recall", action="store_true")
    parser.add_argument("--queries", type=int, default=QUERIES_PER_KIND, help="queries of each kind")
    parser.add_argument(
        "--keep",
        type=Path,
        help="build the library in this folder, or reuse the one already there (repeated runs skip the import)",
    )
    args = parser.parse_args()
    if args.generated_only and args.words == 600:
        args.words = 300
    rng = random.Random(20240322)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        started = time.perf_counter()
        library, real_ids, n_real = reuse_or_build_library(tmp_path, args, rng)
        texts = canonical_texts(library)
        n_words = sum(len(t.split()) for t in texts.values())
        print(
            f"library: {len(texts)} articles ({len(real_ids)} real of {n_real} read, "
            f"{len(texts) - len(real_ids)} generated), {n_words / len(texts):.0f} words an article, "
            f"built in {time.perf_counter() - started:.0f} s"
        )

        print(f"\nanalysis chain alone: {analysis_rate(library, texts):.0f} articles/s (cold cache)")
        print(f"load average before the build: {os.getloadavg()[0]:.1f} (2 cores; other work shares them)")
        print(f"machine speed before the build: {cpu_probe():.0f} ms for a fixed loop (lower is faster)")
        print("\nindex build (SearchIndex.rebuild)")
        print(f"{'processes':>10} {'seconds':>9} {'articles/s':>11} {'index MB':>9}")
        index = None if args.procs else library.search_index()
        for procs in args.procs:
            index = library.search_index(procs=procs)
            seconds = timed(lambda i=index: i.rebuild()) / 1000
            size = folder_size(live_generation(index)) / 2**20
            print(f"{procs:>10} {seconds:>9.1f} {len(texts) / seconds:>11.0f} {size:>9.1f}")
        assert index is not None
        fts, ana_s, raw_s = build_fts(tmp_path / "fts.sqlite3", library, texts)
        print(
            f"FTS5 on the analysed texts: {ana_s:.1f} s (analysis included), "
            f"{(tmp_path / 'fts.sqlite3').stat().st_size / 2**20:.1f} MB with the raw-text table "
            f"(raw table {raw_s:.1f} s)"
        )

        ids = real_ids or list(texts)
        rng = random.Random(20240323)  # the same queries whether the library was built now or reused
        queries = sample_queries(texts, ids, rng, args.queries)
        print(
            f"\nquery latency, ms ({args.queries} queries each, top 10; machine speed {cpu_probe():.0f} ms)"
        )
        print(
            f"{'query':<10} {'app med':>8} {'app p95':>8} {'whoosh med':>11} {'whoosh p95':>11} "
            f"{'FTS5 med':>9} {'FTS5 p95':>9} {'ratio med':>10}"
        )
        for kind, fm, fp, wm, wp, lm, lp in latency(index, fts, queries):
            print(
                f"{kind:<10} {fm:>8.1f} {fp:>8.1f} {wm:>11.1f} {wp:>11.1f} {lm:>9.2f} {lp:>9.2f} "
                f"{wm / lm if lm else float('inf'):>9.1f}x",
                flush=True,
            )

        med, p95 = freshness(index, library, ids, rng)
        print(
            f"\nnew highlight with a note → found by search: median {med:.0f} ms, p95 {p95:.0f} ms "
            "(update_for_change + search, 20 runs)"
        )

        if not args.no_recall:
            arabic = [i for i in real_ids if re.search("[\u0621-\u064a]", texts[i][:200])]
            if arabic:
                print(
                    f"\nrecall@10 on variant spellings (3 consecutive words of a real article, "
                    f"{RECALL_QUERIES} queries a row)"
                )
                print(f"{'variant':<15} {'queries':>8} {'hawamish':>9} {'unvaried':>9} {'FTS5 raw':>9}")
                for name, n, ours, base, theirs in recall(index, fts, texts, arabic, rng):
                    print(f"{name:<15} {n:>8} {ours:>9.3f} {base:>9.3f} {theirs:>9.3f}")
            else:
                print("\n(recall: needs the real Arabic corpora)")
        index.close()
        fts.close()
        library.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())

"""Search ranking evaluation (issue 14): variant queries (MRR, recall@10) and graded topics (nDCG@10).

Library: 400 articles of ../shared/corpora/ar-saudinewsnet drawn with a fixed seed (the same 400 on every
run), imported with reader.core.importers.read_article and searched through `Library.search` (what the app
and the command line get).

1. Variant queries. Each query is a rare word of one article (its folded form, without the article and a
   leading conjunction or one-letter clitic, is in no other article of the library; 5+ letters) rewritten
   the way researchers type it, 48 queries of each kind:
     hamza    without hamza (أ إ آ → ا, ؤ → و, ئ → ي)
     ta       ه for a final ة
     clitic   with a clitic before it (و ف ب, or ل before a word with the article, which then reads لل)
     harakat  with harakat added on about half of its letters (or removed, when the corpus wrote some)
     article  without the article (الاستثمارات → استثمارات)
   The target is the article the word came from; MRR (1/rank in the top 100, else 0) and recall@10.
   Held out: the 400 articles are split in two halves with a seed; the TUNE set draws its words from one
   half (seed 1), the REPORT set from the other (seed 2). Ranking constants were tuned on TUNE only;
   docs/search.md reports REPORT.
2. Graded topics (benchmarks/search_topics.json): 50 topical queries, each with the articles judged
   relevant (manifest key: outlet/number, as in the corpus's manifest.jsonl) graded 1-3 (unlisted = 0),
   judged by reading the articles. nDCG@10 with gain 2^grade - 1.

Run: .venv/bin/python benchmarks/eval_search.py [--set report|tune|both] [--keep DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.importers import read_article
from reader.core.library import Library
from reader.core.text import normalize_arabic

SHARED = Path(os.environ.get("HAWAMISH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpora" / "ar-saudinewsnet"
TOPICS = Path(__file__).resolve().parent / "search_topics.json"
LIBRARY_SIZE = 400
LIBRARY_SEED = 400
PER_KIND = 48
KINDS = ("hamza", "ta", "clitic", "harakat", "article")
SEEDS = {"tune": 1, "report": 2}
ARABIC_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652]+")
HARAKAT = "\u064e\u064f\u0650\u0652"
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي"})


def sample_keys() -> list[str]:
    """The manifest keys (outlet/NNNN) of the library's 400 articles."""
    keys = sorted(
        str(p.relative_to(CORPUS / "articles").with_suffix("")) for p in CORPUS.glob("articles/*/*.txt")
    )
    return sorted(random.Random(LIBRARY_SEED).sample(keys, LIBRARY_SIZE))


def build_library(folder: Path, keys: list[str]) -> tuple[Library, dict[int, str]]:
    """The library in `folder` (reused when it already holds these articles) and article id → key."""
    existed = Library.exists_in(folder)
    library = Library(folder)
    if not existed:
        items = [read_article(CORPUS / "articles" / f"{key}.txt") for key in keys]
        library.articles.add_many(items)
    by_path = {str(CORPUS / "articles" / f"{k}.txt"): k for k in keys}
    ids = {a.id: by_path[a.source_path] for a in library.articles.list() if a.source_path in by_path}
    if len(ids) != len(keys):
        raise SystemExit(f"{folder} holds another library ({len(ids)} of {len(keys)} articles): remove it")
    started = time.perf_counter()
    library.rebuild_index()
    print(f"(index of {len(ids)} articles built in {time.perf_counter() - started:.1f} s)")
    return library, ids


# --- variant queries -----------------------------------------------------------------------------------


def core(folded: str) -> str:
    """A folded word without a leading conjunction, one-letter clitic and article (the evaluation's own
    crude rule, independent of the analyzer under test): what makes a word 'the same word'."""
    w = folded
    if w[:1] in ("و", "ف") and len(w) > 5:
        w = w[1:]
    if w[:1] in ("ب", "ك", "ل") and len(w) > 5:
        w = w[1:]
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    elif w.startswith("ل") and folded.startswith(("لل", "ولل", "فلل")) and len(w) > 4:
        w = w[1:]
    return w


def article_words(library: Library, ids: dict[int, str]) -> dict[int, list[str]]:
    out = {}
    for aid in ids:
        text = library.articles.get(aid).title + "\n" + library.articles.text(aid)
        # presentation forms (ﻻ in اﻻجتماعي) as the letters they stand for: the word is one word
        out[aid] = ARABIC_WORD.findall(unicodedata.normalize("NFKC", text))
    return out


def variant(kind: str, word: str, rng: random.Random) -> str | None:
    """`word` typed the `kind` way, or None when that kind does not apply to it."""
    if kind == "hamza":
        return word.translate(_HAMZA) if any(ch in word for ch in "أإآؤئ") else None
    if kind == "ta":
        return word[:-1] + "ه" if word.endswith("ة") else None
    if kind == "clitic":
        if word.startswith("ال"):
            return rng.choice(["و", "ب", "ف"]) + word if rng.random() < 0.75 else "ل" + word[1:]
        if word[0] in "وفبكل":
            return None
        return rng.choice(["و", "ف", "ب"]) + word
    if kind == "harakat":
        if any("\u064b" <= ch <= "\u0652" for ch in word):
            return "".join(ch for ch in word if not "\u064b" <= ch <= "\u0652")
        return "".join(ch + (rng.choice(HARAKAT) if rng.random() < 0.5 else "") for ch in word)
    if kind == "article":
        return word[2:] if word.startswith("ال") and len(word) >= 7 else None
    raise ValueError(kind)


def variant_queries(words: dict[int, list[str]], which: str) -> list[tuple[str, str, int, str]]:
    """(kind, query, target article id, original word) for the TUNE or REPORT set."""
    aids = sorted(words)
    random.Random(7).shuffle(aids)
    half = set(aids[: len(aids) // 2] if which == "tune" else aids[len(aids) // 2 :])
    cores: dict[str, set[int]] = defaultdict(set)
    for aid, ws in words.items():
        for w in ws:
            cores[core(normalize_arabic(w))].add(aid)
    rng = random.Random(SEEDS[which])
    out = []
    for kind in KINDS:
        candidates = []
        for aid in sorted(half):
            for w in dict.fromkeys(words[aid]):
                c = core(normalize_arabic(w))
                if len(c) >= 5 and cores[c] == {aid}:
                    candidates.append((aid, w))
        rng.shuffle(candidates)
        used: set[int] = set()
        for aid, w in candidates:
            if aid in used:
                continue
            q = variant(kind, w, rng)
            if q is None:
                continue
            used.add(aid)
            out.append((kind, q, aid, w))
            if len(used) == PER_KIND:
                break
    return out


def evaluate_variants(library: Library, queries, show_misses: bool) -> dict[str, tuple[float, float, int]]:
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, q, target, original in queries:
        ranked = [h.article_id for h in library.search(q, limit=100, kinds=["article"]).hits]
        rank = ranked.index(target) + 1 if target in ranked else 0
        by_kind[kind].append(rank)
        if show_misses and rank != 1:
            print(f"  {kind:8} rank {rank or '-':>3}  {q}  (original {original}, article {target})")
    rows = {}
    for kind, ranks in [*by_kind.items(), ("all", [r for rs in by_kind.values() for r in rs])]:
        mrr = statistics.fmean(1 / r if r else 0 for r in ranks)
        recall = statistics.fmean(1 if 0 < r <= 10 else 0 for r in ranks)
        rows[kind] = (mrr, recall, len(ranks))
    return rows


# --- graded topics -------------------------------------------------------------------------------------


def ndcg_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    dcg = sum((2 ** grades.get(k, 0) - 1) / math.log2(i + 2) for i, k in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def evaluate_topics(library: Library, ids: dict[int, str], show: bool) -> tuple[float, int]:
    topics = json.loads(TOPICS.read_text(encoding="utf-8"))
    scores = []
    for topic in topics:
        ranked = [ids[h.article_id] for h in library.search(topic["query"], limit=10, kinds=["article"]).hits]
        score = ndcg_at_10(ranked, topic["judged"])
        scores.append(score)
        if show:
            print(f"  nDCG {score:.3f}  {topic['query']}")
    return statistics.fmean(scores), len(scores)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=("report", "tune", "both"), default="report")
    parser.add_argument("--keep", type=Path, help="build the library here once and reuse it")
    parser.add_argument("--show-misses", action="store_true", help="list queries whose target is not first")
    parser.add_argument("--dump-queries", action="store_true", help="print the queries and stop")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"no corpus at {CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        library, ids = build_library(args.keep or Path(tmp) / "library", sample_keys())
        words = article_words(library, ids)
        sets = ("tune", "report") if args.set == "both" else (args.set,)
        print("| set | kind | queries | MRR | recall@10 |\n| --- | --- | --- | --- | --- |")
        for which in sets:
            queries = variant_queries(words, which)
            if args.dump_queries:
                for kind, q, aid, w in queries:
                    print(which, kind, q, ids[aid], w)
                continue
            started = time.perf_counter()
            rows = evaluate_variants(library, queries, args.show_misses)
            for kind, (mrr, recall, n) in rows.items():
                print(f"| {which} | {kind} | {n} | {mrr:.3f} | {recall:.3f} |")
            print(f"({len(queries)} queries in {time.perf_counter() - started:.1f} s)")
        if TOPICS.exists() and not args.dump_queries:
            score, n = evaluate_topics(library, ids, args.show_misses)
            print(
                f"\n| graded topics | queries | nDCG@10 |\n| --- | --- | --- |\n| {TOPICS.name} | {n} | {score:.3f} |"
            )
        library.close()


if __name__ == "__main__":
    main()

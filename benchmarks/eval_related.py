"""Related pieces ("more like this", issue 14): how often an article's neighbours share its outlet section.

Two libraries, each one corpus of ../shared/corpora imported with `Library.import_paths` (its manifest
applied): ar-saudinewsnet (13 outlets; the manifest names outlet and author, no section) and ar-ant (five
outlets × six sections, read from the <SRC> and <CAT> tags, i.e. the folder Outlet/section/). For every
sampled article (fixed seed) `Library.related` gives the top 5; the table reports the share of them that come
from the same outlet section (ANT: outlet and section; Saudi: outlet, and the same author), beside the share a
random pick would give (chance), and the related query's latency. Then --show articles per corpus are
printed with their top 5 (title, outlet/section), for a person to judge "same event or topic".

Run: .venv/bin/python benchmarks/eval_related.py [--sample 200] [--show 15] [--keep DIR]
     --keep DIR imports each corpus once into DIR/<corpus> and reuses it on later runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.library import Library
from reader.core.models import Article

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
TOP = 5


def ant_section(article: Article) -> str:
    """ANT: Outlet/section from the file's folder (…/ar-ant/BBC/sport/BB-sport-…txt)."""
    parts = Path(article.source_path).parts
    return f"{parts[-3]}/{parts[-2]}" if len(parts) >= 3 else article.outlet


def ant_category(article: Article) -> str:
    """ANT: the section alone (sport, economy, …), whichever outlet."""
    return ant_section(article).rpartition("/")[2]


def outlet(article: Article) -> str:
    return article.outlet


def author(article: Article) -> str:
    return article.author


Measure = tuple[str, Callable[[Article], str]]
#: corpus → (folder, what a sample is shown with, the measures: same <name> as the source)
CORPORA: dict[str, tuple[Path, Callable[[Article], str], list[Measure]]] = {
    "ar-saudinewsnet": (
        SHARED / "ar-saudinewsnet",
        outlet,
        [("outlet", outlet), ("author", author)],
    ),
    "ar-ant": (
        SHARED / "ar-ant",
        ant_section,
        [("outlet and section", ant_section), ("section (any outlet)", ant_category), ("outlet", outlet)],
    ),
}


def open_library(name: str, folder: Path, keep: Path | None) -> Library:
    target = (keep / name) if keep else Path(tempfile.mkdtemp(prefix=f"related-{name}-"))
    fresh = not Library.exists_in(target)
    library = Library(target)
    if fresh:
        started = time.perf_counter()
        report = library.import_paths([folder])
        library.sync_index()
        took = time.perf_counter() - started
        print(f"{name}: imported {library.articles.count()} articles in {took:.0f} s ({report!r:.80})")
    else:
        library.sync_index()
    return library


def evaluate(
    name: str,
    library: Library,
    section_of: Callable[[Article], str],
    measures: list[Measure],
    sample: int,
    show: int,
) -> None:
    articles = {a.id: a for a in library.articles.list()}
    ids = sorted(articles)
    rng = random.Random(14)
    picked = rng.sample(ids, min(sample, len(ids)))
    counts = [Counter(key(a) for a in articles.values()) for _name, key in measures]
    total = len(ids)
    same: list[list[float]] = [[] for _m in measures]
    chance: list[list[float]] = [[] for _m in measures]
    empty = 0
    latencies: list[float] = []
    shown: list[tuple[Article, list[tuple[Article, float]], list[str]]] = []
    for article_id in picked:
        source = articles[article_id]
        started = time.perf_counter()
        related = library.related(article_id, limit=TOP)
        latencies.append(time.perf_counter() - started)
        hits = [(articles[h.article_id], h.score) for h in related.hits]
        if not hits:
            empty += 1
            continue
        for (_name, key), count, same_list, chance_list in zip(measures, counts, same, chance, strict=True):
            value = key(source)
            if not value:  # no author: not counted for that measure
                continue
            same_list.append(sum(key(a) == value for a, _s in hits) / len(hits))
            chance_list.append((count[value] - 1) / (total - 1))
        if len(shown) < show:
            shown.append((source, hits, [t.word for t in related.terms[:8]]))

    print(f"\n## {name}: {total} articles, {len(picked)} sampled, top {TOP}  (nproc {os.cpu_count()})")
    print(f"{'measure':<34} {'related':>8} {'chance':>8}")
    for (measure, _key), same_list, chance_list in zip(measures, same, chance, strict=True):
        label = f"same {measure}"
        print(f"{label:<34} {statistics.mean(same_list):8.3f} {statistics.mean(chance_list):8.3f}")
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"{'latency median / p95 (ms)':<34} {1000 * statistics.median(latencies):8.1f} {1000 * p95:8.1f}")
    print(f"{'articles with no related result':<34} {empty:8d}")
    for number, (source, hits, words) in enumerate(shown, 1):
        print(f"\n[{name} {number}] {source.id} {source.title}  — {section_of(source)} · {source.author}")
        print(f"    key words: {' '.join(words)}")
        for article, score in hits:
            mark = "=" if section_of(article) == section_of(source) else " "
            print(f"  {mark} {score:6.2f}  {article.id:<5} {article.title[:90]}  — {section_of(article)}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sample", type=int, default=200, help="articles measured per corpus")
    parser.add_argument("--show", type=int, default=15, help="articles printed per corpus for judging")
    parser.add_argument("--keep", type=Path, help="import each corpus once into this folder")
    args = parser.parse_args()
    for name, (folder, section_of, measures) in CORPORA.items():
        if not folder.exists():
            print(f"(no {folder}: skipped)", file=sys.stderr)
            continue
        with open_library(name, folder, args.keep) as library:
            evaluate(name, library, section_of, measures, args.sample, args.show)


if __name__ == "__main__":
    main()

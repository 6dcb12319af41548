"""Saved web pages: how much of the article, and how little else, the HTML importer keeps.

    python benchmarks/bench_html_extraction.py             # trafilatura as Hawamish uses it vs readability-lxml
    python benchmarks/bench_html_extraction.py --variants  # also trafilatura's precision, recall and fast modes
    python benchmarks/bench_html_extraction.py --rate      # import rate (pages/s) of .html and .mhtml files

The pages with an expected extraction in ../shared/html (never copied into the project):
- fundus: 15 pages of 10 publishers (one Arabic), expected paragraphs, title, authors, date;
- aeb: the article-extraction benchmark's 16 opinion and Middle-East pages, expected article body;
- readability: Mozilla Readability's 10 test pages (4 right-to-left), expected article HTML and metadata;
- trafilatura: trafilatura's 10 evaluation pages (one Arabic), snippets that must and must not be kept.

Text is scored by words (lower-cased `\\w+` tokens, counted with repeats): precision = shared words / words
extracted, recall = shared words / words expected, F1 their harmonic mean, averaged over the pages of a set.
The trafilatura set has snippets instead of a text: precision and recall count them as trafilatura's own
evaluation does (a "with" snippet found is a hit, a "without" snippet found is a false positive).

readability-lxml is only needed for its column (`pip install readability-lxml`); it is not a dependency.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import email.policy
import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.errors import HawamishError  # noqa: E402
from reader.core.importers import read_article  # noqa: E402
from reader.core.importers.html import extract as html_extract  # noqa: E402
from reader.core.importers.html.charset import decode_page  # noqa: E402
from reader.core.importers.html.page import import_page  # noqa: E402
from reader.core.importers.html.tree import parse_page  # noqa: E402
from reader.core.text import canonical_text  # noqa: E402

SHARED = ROOT.parent / "shared" / "html"
_WORD = re.compile(r"\w+")


@dataclass
class Case:
    corpus: str
    name: str
    html: bytes
    expected: str | None = None  # the article's text, when the set has it
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""


# --- the page sets -------------------------------------------------------------------------------------


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def fundus_cases() -> Iterator[Case]:
    for expected_file in sorted((SHARED / "fundus").glob("*/*.json")):
        versions = json.loads(expected_file.read_text(encoding="utf-8"))
        pages = sorted(expected_file.parent.glob(f"{expected_file.stem}_*.html.gz"))
        for index, page in enumerate(pages):
            html = _read(page)
            text = html.decode("utf-8", errors="replace")
            # each page matches the parser version of its date: the one whose title it contains
            key = next((k for k, v in versions.items() if v.get("title") and v["title"][:30] in text), None)
            version = versions[key] if key else list(versions.values())[min(index, len(versions) - 1)]
            body = version.get("body", {})
            parts = list(body.get("summary", []))
            for section in body.get("sections", []):
                parts += section.get("headline", []) + section.get("paragraphs", [])
            yield Case(
                "fundus",
                page.name,
                html,
                expected="\n".join(parts),
                title=version.get("title") or "",
                authors=list(version.get("authors") or []),
                date=(version.get("publishing_date") or "")[:10],
            )


def aeb_cases() -> Iterator[Case]:
    folder = SHARED / "scrapinghub_aeb"
    truth = json.loads((folder / "ground-truth_subset.json").read_text(encoding="utf-8"))
    for key, item in sorted(truth.items()):
        page = folder / "html" / f"{key}.html.gz"
        if page.exists():
            yield Case("aeb", key[:12], _read(page), expected=item["articleBody"])


def readability_cases() -> Iterator[Case]:
    import lxml.html

    for folder in sorted(p for p in (SHARED / "mozilla_readability").iterdir() if p.is_dir()):
        expected_html = (folder / "expected.html").read_text(encoding="utf-8")
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        yield Case(
            "readability",
            folder.name,
            (folder / "source.html").read_bytes(),
            expected=" ".join(lxml.html.fromstring(expected_html).itertext()),
            title=meta.get("title") or "",
            authors=[meta["byline"]] if meta.get("byline") else [],
            date=(meta.get("publishedTime") or "")[:10],
        )


def trafilatura_cases() -> Iterator[Case]:
    folder = SHARED / "trafilatura_eval"
    items = json.loads((folder / "evaldata_subset.json").read_text(encoding="utf-8"))
    for item in items.values():
        yield Case(
            "trafilatura",
            item["file"],
            (folder / item["file"]).read_bytes(),
            with_snippets=item.get("with", []),
            without_snippets=item.get("without", []),
            title=item.get("title") or "",
            authors=[item["author"]] if item.get("author") else [],
            date=item.get("date") or "",
        )


def all_cases() -> list[Case]:
    return [*fundus_cases(), *aeb_cases(), *readability_cases(), *trafilatura_cases()]


# --- extractors ------------------------------------------------------------------------------------------


def hawamish(case: Case) -> str:
    try:
        _meta, blocks = import_page(case.html, Path(tempfile.gettempdir()) / "page.html")
    except HawamishError:
        return ""
    return canonical_text(blocks)


def with_options(**options: object) -> Callable[[Case], str]:
    """Hawamish's importer with other trafilatura settings."""

    def extract(case: Case) -> str:
        saved = dict(html_extract.TRAFILATURA_OPTIONS)
        html_extract.TRAFILATURA_OPTIONS.update(options)
        try:
            return hawamish(case)
        finally:
            html_extract.TRAFILATURA_OPTIONS.clear()
            html_extract.TRAFILATURA_OPTIONS.update(saved)

    return extract


def readability_lxml(case: Case) -> str:
    import lxml.html
    from readability import Document

    text = decode_page(case.html, case.name)
    try:
        summary = Document(text).summary(html_partial=True)
    except Exception:  # readability's own failures count as nothing extracted
        return ""
    return " ".join(lxml.html.fromstring(summary).itertext()) if summary.strip() else ""


# --- scores ----------------------------------------------------------------------------------------------


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.casefold()))


def word_scores(extracted: str, expected: str) -> tuple[float, float, float]:
    got, want = words(extracted), words(expected)
    shared = sum((got & want).values())
    precision = shared / sum(got.values()) if got else 0.0
    recall = shared / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _flat(text: str) -> str:
    return " ".join(text.split())


def snippet_counts(extracted: str, case: Case) -> tuple[int, int, int]:
    """(found "with", missing "with", found "without") snippets."""
    flat = _flat(extracted)
    hits = sum(1 for s in case.with_snippets if _flat(s) in flat)
    wrong = sum(1 for s in case.without_snippets if _flat(s) in flat)
    return hits, len(case.with_snippets) - hits, wrong


def score_set(cases: list[Case], extractor: Callable[[Case], str]) -> tuple[float, float, float, float]:
    """(precision, recall, F1, seconds a page) of `extractor` on one set."""
    started = time.perf_counter()
    outputs = [extractor(case) for case in cases]
    seconds = (time.perf_counter() - started) / len(cases)
    if cases[0].expected is None:
        tp = fn = fp = 0
        for case, text in zip(cases, outputs, strict=True):
            hits, missing, wrong = snippet_counts(text, case)
            tp, fn, fp = tp + hits, fn + missing, fp + wrong
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, seconds
    scores = [word_scores(text, case.expected or "") for case, text in zip(cases, outputs, strict=True)]
    p, r, f = (statistics.mean(s[i] for s in scores) for i in range(3))
    return p, r, f, seconds


# --- metadata --------------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[\"'“”‘’«»]", "", text).casefold().split())


def metadata_hits(cases: list[Case]) -> dict[str, dict[str, tuple[int, int]]]:
    """Per source ('hawamish', 'trafilatura'): field -> (right, pages that state it)."""
    import trafilatura

    tally: dict[str, dict[str, list[int]]] = {
        who: {f: [0, 0] for f in ("title", "author", "date")} for who in ("hawamish", "trafilatura")
    }
    for case in cases:
        path = Path(tempfile.gettempdir()) / "page.html"
        try:
            meta, _blocks = import_page(case.html, path)
            ours = (meta.title, re.split(r"، |, ", meta.author) if meta.author else [], meta.published)
        except HawamishError:
            ours = ("", [], "")
        tree = parse_page(decode_page(case.html, case.name), case.name)
        found = trafilatura.extract_metadata(tree, date_config=dict(html_extract.DATE_PARAMS))
        theirs = (
            found.title or "",
            (found.author or "").split("; ") if found.author else [],
            found.date or "",
        )
        for who, (title, authors, date) in (("hawamish", ours), ("trafilatura", theirs)):
            for name, want, got in (
                ("title", _norm(case.title), _norm(title)),
                ("author", sorted(_norm(a) for a in case.authors), sorted(_norm(a) for a in authors)),
                ("date", case.date, date[:10]),
            ):
                if want:
                    tally[who][name][1] += 1
                    tally[who][name][0] += int(want == got)
    return {who: {f: (v[0], v[1]) for f, v in fields.items()} for who, fields in tally.items()}


# --- import rate -----------------------------------------------------------------------------------------


def as_mhtml(case: Case) -> bytes:
    """The page as Chrome saves it: multipart/related, the HTML quoted-printable, then an image part."""
    message = EmailMessage(policy=email.policy.default)
    message["Snapshot-Content-Location"] = f"https://example.org/{case.name}"
    message.make_related()
    page = EmailMessage(policy=email.policy.default)
    page.set_content(case.html, maintype="text", subtype="html", cte="quoted-printable")
    page.set_param("charset", "utf-8")
    page["Content-Location"] = f"https://example.org/{case.name}"
    message.attach(page)
    image = EmailMessage(policy=email.policy.default)
    image.set_content(bytes(range(256)) * 64, maintype="image", subtype="png")
    message.attach(image)
    return message.as_bytes()


def import_rate(cases: list[Case]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        read_article(_write(folder / "warm.html", cases[0].html))  # loads lxml and trafilatura
        print(f"first page (loads trafilatura): {time.perf_counter() - started:.2f} s")
        for suffix, encode in ((".html", lambda c: c.html), (".mhtml", as_mhtml)):
            paths = [_write(folder / f"{i:03d}{suffix}", encode(case)) for i, case in enumerate(cases)]
            started = time.perf_counter()
            failed = 0
            for path in paths:
                try:
                    read_article(path)
                except HawamishError:
                    failed += 1
            seconds = time.perf_counter() - started
            size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
            print(
                f"{suffix:7} {len(paths)} pages (mean {size:.0f} KiB): {len(paths) / seconds:.1f} pages/s, "
                f"{failed} failed"
            )


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- main ------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", action="store_true", help="also trafilatura's other modes")
    parser.add_argument("--rate", action="store_true", help="also the import rate of .html and .mhtml files")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the shared test data beside the checkout)")
        return 0
    cases = all_cases()
    extractors: dict[str, Callable[[Case], str]] = {"trafilatura (Hawamish)": hawamish}
    if args.variants:
        extractors["trafilatura favor_precision"] = with_options(favor_precision=True)
        extractors["trafilatura favor_recall"] = with_options(favor_recall=True)
        extractors["trafilatura fast"] = with_options(fast=True)
    try:
        import readability  # noqa: F401
    except ImportError:
        print("readability-lxml is not installed: its column is skipped")
    else:
        extractors["readability-lxml"] = readability_lxml
    hawamish(cases[0])  # load trafilatura before timing

    print("| pages | n | extractor | precision | recall | F1 | ms/page |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for corpus in ("fundus", "aeb", "readability", "trafilatura"):
        subset = [c for c in cases if c.corpus == corpus]
        for label, extractor in extractors.items():
            p, r, f, seconds = score_set(subset, extractor)
            print(
                f"| {corpus} | {len(subset)} | {label} | {p:.3f} | {r:.3f} | {f:.3f} | {seconds * 1000:.0f} |"
            )

    print("\nmetadata: right / pages that state it (title and author compared case- and quote-blind)")
    with_meta = [c for c in cases if c.title or c.authors or c.date]
    for who, fields in metadata_hits(with_meta).items():
        print(
            f"  {who:12} " + "  ".join(f"{name} {right}/{total}" for name, (right, total) in fields.items())
        )
    if args.rate:
        print()
        import_rate(cases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

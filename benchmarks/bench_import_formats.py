"""Import rate by format on the command line, and peak memory on a 200 MB file.

    python benchmarks/bench_import_formats.py           # every set that ../shared provides
    python benchmarks/bench_import_formats.py --quick   # skip the 200 MB files

Each set is imported by `hawamish import` in a fresh process into a fresh library (the command a researcher
runs), so the time includes start-up and the peak RSS is the whole process's. The window's figures for the
same files come from benchmarks/bench_import_gui.py. Reads ../shared when it is there; never copies it into
the project (gzipped pages are unpacked into a temporary folder for the run).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: Runs the command in this process and prints its peak RSS (ru_maxrss is KiB on Linux).
_RUN = """
import json, resource, sys
from reader.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)
"""


def html_pages(work: Path) -> list[Path]:
    """Every saved page in ../shared/html, unpacked when gzipped."""
    out = work / "html"
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for source in sorted((SHARED / "html").rglob("*")):
        if source.name.endswith(".html.gz"):
            target = out / f"{source.parent.name}-{source.name[:-3]}"
            target.write_bytes(gzip.decompress(source.read_bytes()))
            pages.append(target)
        elif source.name == "source.html" or (source.suffix == ".html" and "trafilatura" in str(source)):
            target = out / f"{source.parent.name}-{source.name}"
            shutil.copyfile(source, target)
            pages.append(target)
    return pages


def big_files(work: Path) -> list[Path]:
    """A 200 MB text file and a 200 MB web page (Arabic paragraphs repeated)."""
    paragraph = "هذه فقرة طويلة من مقال رأي عن الاقتصاد والسياسة والمجتمع في المنطقة العربية. " * 20
    text = work / "huge.txt"
    page = work / "huge.html"
    with text.open("w", encoding="utf-8") as fh:
        fh.write("عنوان\n")
        while fh.tell() < 200 * 1024 * 1024:
            fh.write(paragraph + "\n")
    with page.open("w", encoding="utf-8") as fh:
        fh.write("<html lang=ar><body><article><h1>عنوان</h1>")
        while fh.tell() < 200 * 1024 * 1024:
            fh.write(f"<p>{paragraph}</p>\n")
        fh.write("</article></body></html>")
    return [text, page]


def run_import(paths: list[Path], library: Path, *extra: str) -> dict[str, object]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, "--library", str(library), "--json", "import", *map(str, paths), *extra],
        check=False,  # a failed file exits 1: its results are still printed
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=1800,
    )
    seconds = time.perf_counter() - start
    stats = json.loads(proc.stderr.strip().splitlines()[-1])
    results = json.loads(proc.stdout) if proc.stdout.strip() else []
    return {
        "files": len(paths),
        "seconds": seconds,
        "rss_mb": int(stats["rss_kib"]) / 1024,
        "statuses": Counter(r["status"] for r in results),
        "failures": [f"{Path(r['path']).name}: {r['error']['message']}" for r in results if r["error"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="skip the 200 MB files")
    args = parser.parse_args()
    if not SHARED.exists():
        print("../shared is not there: nothing to measure")
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sets: list[tuple[str, list[Path], tuple[str, ...]]] = [
            ("web pages (../shared/html)", html_pages(work), ()),
            ("PDF (../shared/books)", sorted((SHARED / "books").glob("*.pdf")), ()),
            ("EPUB (../shared/books)", sorted((SHARED / "books").glob("*.epub")), ()),
            ("EPUB, --split chapters", sorted((SHARED / "books").glob("*.epub")), ("--split", "chapters")),
            ("1,500 Saudi .txt (folder + manifest)", [SHARED / "corpora" / "ar-saudinewsnet"], ()),
        ]
        if not args.quick:
            sets += [(f"200 MB {p.suffix}", [p], ()) for p in big_files(work)]
        print(f"{'set':40} {'files':>6} {'seconds':>8} {'files/s':>8} {'peak RSS MB':>12}  outcome")
        for number, (name, paths, extra) in enumerate(sets):
            if not paths:
                continue
            row = run_import(paths, work / f"lib{number}", *extra)
            count = sum(row["statuses"].values()) or row["files"]  # type: ignore[attr-defined]
            rate = count / row["seconds"]  # type: ignore[operator]
            outcome = ", ".join(f"{k} {v}" for k, v in sorted(row["statuses"].items()))  # type: ignore[attr-defined]
            print(
                f"{name:40} {count:>6} {row['seconds']:>8.2f} {rate:>8.1f} {row['rss_mb']:>12.0f}  {outcome}"
            )
            for failure in row["failures"][:5]:  # type: ignore[index]
                print(f"{'':40}   failed: {failure}")
        print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1 and 5 min)")


if __name__ == "__main__":
    main()

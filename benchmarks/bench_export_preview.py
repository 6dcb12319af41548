"""Export dialog benchmark: how long the user waits for the dialog and for its first-page preview.

The preview renders only what page 1 can hold (reader/gui/export/export_preview.preview_document) and
renders page 1 with pdftoppm; this measures that against previewing the full export, on the libraries of
bench_export.py (one article with 300 highlights; 1,000 highlights across 100 articles). Medians of a few
runs, after one warm-up (fonts and modules loaded).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_export_preview.py [--runs 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _bench_export_module():
    spec = importlib.util.spec_from_file_location("bench_export", ROOT / "benchmarks" / "bench_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from reader.core.exporters import ExportRequest
    from reader.core.library import Library
    from reader.gui.export.export_dialog import ExportDialog
    from reader.gui.export.export_preview import make_preview, render_first_page

    app = QApplication.instance() or QApplication([])
    cases = _bench_export_module().CASES
    rows: list[tuple[str, str, float]] = []
    never = lambda: False  # noqa: E731
    quiet = lambda done, total: None  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        for name, (articles, per_article) in cases.items():
            folder = Path(tmp) / name.replace(" ", "_")
            _bench_export_module().build_library(folder, articles, per_article)
            with Library(folder) as library:
                request = ExportRequest(all_articles=True)
                make_preview(library, request, quiet, never)  # warm-up: fonts, modules
                rows.append(
                    (
                        name,
                        "preview (what page 1 holds, + page 1)",
                        _median(lambda r=request: make_preview(library, r, quiet, never), args.runs),
                    )
                )
                out = Path(tmp) / "full.pdf"
                rows.append(
                    (
                        name,
                        "full PDF export",
                        _median(lambda r=request, o=out: library.export(r, o), args.runs),
                    )
                )
                rows.append(
                    (
                        name,
                        "pdftoppm page 1 at 110 dpi",
                        _median(lambda o=out: render_first_page(o, Path(tmp)), args.runs),
                    )
                )

                def open_dialog() -> None:
                    dialog = ExportDialog(library)
                    dialog.preview.cancel()
                    dialog.deleteLater()
                    app.processEvents()

                rows.append((name, "open the dialog (choices read)", _median(open_dialog, args.runs)))
    width = max(len(r[0]) for r in rows)
    what = max(len(r[1]) for r in rows)
    print(f"{'library':<{width}}  {'step':<{what}}  {'median s':>9}")
    for case, step, seconds in rows:
        print(f"{case:<{width}}  {step:<{what}}  {seconds:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

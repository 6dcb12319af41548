"""Compile the translations: i18n/*.ts -> reader/resources/i18n/*.qm (built, never committed).

    python packaging/build_translations.py            compile every .ts with lrelease
    python packaging/build_translations.py --stale    only the .ts newer than its .qm (what setup.sh runs)
    python packaging/build_translations.py --update   first refresh the .ts sources from reader/ (lupdate)

The set-up script runs it for the editable install in .venv; a wheel compiles them itself (setup.py calls
`compile_all` into its build folder). lrelease comes from the virtual environment's bin folder
(pyside6-lrelease) or, failing that, the lrelease binary bundled inside the PySide6 package.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "i18n"
TARGET = ROOT / "reader" / "resources" / "i18n"


def find_tool(name: str) -> list[str]:
    """The command for a Qt linguist tool (`lrelease` or `lupdate`)."""
    wrapper = Path(sys.executable).parent / f"pyside6-{name}"
    if wrapper.exists():
        return [str(wrapper)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    try:
        import PySide6
    except ImportError as exc:  # pragma: no cover - the package depends on PySide6
        raise SystemExit(f"build_translations: PySide6 is not installed ({exc})") from exc
    bundled = Path(PySide6.__file__).parent / name
    if bundled.exists():
        return [str(bundled)]
    raise SystemExit(f"build_translations: cannot find pyside6-{name} or PySide6's bundled {name}")


def update_sources() -> None:
    """Refresh every .ts from the Python sources, keeping the translations already made."""
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reader").rglob("*.py") if "core" not in p.parts)
    for ts in sorted(SOURCES.glob("*.ts")):
        subprocess.run([*find_tool("lupdate"), *files, "-no-obsolete", "-ts", str(ts)], cwd=ROOT, check=True)


def is_stale(ts: Path, qm: Path) -> bool:
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def compile_all(target: Path = TARGET, *, only_stale: bool = False) -> list[Path]:
    """Compile every .ts (or only those newer than their .qm) into `target`; the .qm files written."""
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(SOURCES.glob("*.ts")):
        qm = target / f"{ts.stem}.qm"
        if only_stale and not is_stale(ts, qm):
            continue
        # write beside it and rename: QTranslator mmaps the .qm, so rewriting it in place under a running
        # app (or a parallel test worker) kills that process with SIGBUS
        tmp = target / f".{ts.stem}.{os.getpid()}.qm.tmp"
        subprocess.run([*find_tool("lrelease"), "-silent", str(ts), "-qm", str(tmp)], cwd=ROOT, check=True)
        tmp.replace(qm)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files with lupdate first")
    parser.add_argument("--stale", action="store_true", help="only the .ts files newer than their .qm")
    args = parser.parse_args(argv)
    if args.update:
        update_sources()
    for qm in compile_all(only_stale=args.stale and not args.update):
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

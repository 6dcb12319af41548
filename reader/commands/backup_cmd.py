"""`hawamish backup PATH`: a consistent copy of the library's database (the search index is rebuilt from it).

PATH is a file, or a folder to put `hawamish-YYYYmmdd-HHMMSS.sqlite3` in. Safe while the app is running:
SQLite's online backup reads one snapshot (reader/core/library/maintenance.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.messages import counted


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "backup", parents=[common], help="save a copy of the library", description=__doc__.splitlines()[0]
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="backup file, or a folder for a dated one")
    parser.set_defaults(func=run)


def require_library(ctx) -> bool:
    """False (with a message) when the library folder holds no library: never create one by accident."""
    from reader.core.library import Library

    if Library.exists_in(ctx.library_dir):
        return True
    ctx.error(f"there is no library in {ctx.library_dir}")
    return False


def run(args: argparse.Namespace, ctx) -> int:
    if not require_library(ctx):
        return 1
    library = ctx.library
    info = library.backup(args.path)
    if ctx.json:
        ctx.emit_json(info.to_json())
    else:
        print(
            f"saved {counted(info.articles, 'article')} and {counted(info.highlights, 'highlight')} to {info.path} "
            f"({info.size / 2**20:.1f} MB)",
            file=ctx.out,
        )
    return 0

"""`hawamish backup PATH`: a consistent copy of the library's database (the search index is rebuilt from it).

PATH is a file, or a folder to put `hawamish-YYYYmmdd-HHMMSS.sqlite3` in (an existing folder, or any PATH
ending with a slash: the folder is created). An existing file is never replaced without --overwrite, and a
dated name gets `-2`, `-3` … rather than replace a backup of the same second. Safe while the app is running:
SQLite's online backup reads one snapshot (reader/core/library/maintenance.py).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from reader.messages import counted


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "backup", parents=[common], help="save a copy of the library", description=__doc__.splitlines()[0]
    )
    # a str, not a Path: Path("backups/") drops the slash that says "a folder"
    parser.add_argument(
        "path",
        metavar="PATH",
        help="backup file, or a folder for a dated one (a PATH ending with / is a folder)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace PATH when it is an existing file")
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
    separators = tuple({"/", os.sep, os.altsep or "/"})
    into_folder = args.path.endswith(separators)
    path = Path(args.path).expanduser()
    if not into_folder and path.is_file() and not args.overwrite:
        ctx.error(f"{path} exists: give a folder (a dated file is made in it), another name, or --overwrite")
        return 1
    if not into_folder and path.exists() and not path.is_dir() and not path.is_file():
        ctx.error(f"{path} is neither a file nor a folder")
        return 1
    library = ctx.library
    info = library.backup(path, into_folder=into_folder)
    if ctx.json:
        ctx.emit_json(info.to_json())
    else:
        print(
            f"saved {counted(info.articles, 'article')} and {counted(info.highlights, 'highlight')} to {info.path} "
            f"({info.size / 2**20:.1f} MB)",
            file=ctx.out,
        )
    return 0

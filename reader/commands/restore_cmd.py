"""`hawamish restore PATH`: replace the library's content with a backup's.

The backup is checked first (an intact Hawamish database, not from a newer version); the current content
is saved into the library's backups/ folder before anything is replaced, and its path is printed, so a
restore can itself be undone with another restore. The search index is rebuilt by the next search.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "restore",
        parents=[common],
        help="replace the library with a backup",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="a file written by `hawamish backup`")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    from reader.core.library.maintenance import describe_backup
    from reader.messages import counted

    describe_backup(args.path)  # a bad backup is refused before the library folder is even created
    library = ctx.library
    report = library.restore(args.path)
    if ctx.json:
        ctx.emit_json(report.to_json())
    else:
        r, saved = report.restored, report.saved_before
        print(
            f"restored {counted(r.articles, 'article')} and {counted(r.highlights, 'highlight')} from {r.path}",
            file=ctx.out,
        )
        print(f"the library as it was before is saved in {saved.path}", file=ctx.out)
    return 0

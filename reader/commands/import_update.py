"""`hawamish import --update ID PATH`: replace an article's text with a new version and re-anchor.

Kept beside reader/commands/import_cmd.py (which only routes `--update` here) because it is the command-line
face of reader.core.anchors: it reports how many highlights stayed exact, moved, were placed fuzzily and
became orphans (kept, never deleted). The update itself is `Library.update_from_file`, which the window's
"Update them" calls too.
"""

from __future__ import annotations

import argparse


def run_update(args: argparse.Namespace, ctx) -> int:
    if len(args.paths) != 1:
        ctx.error("import --update ID takes exactly one PATH (the new version of the article)")
        return 2
    path = args.paths[0]
    library = ctx.library
    report = library.update_from_file(args.update, path)
    title = library.articles.get(args.update).title
    if ctx.json:
        ctx.emit_json(
            {"path": str(path), "status": "updated", "article_id": args.update, "title": title}
            | report.to_json()
        )
    else:
        print(
            f"updated   {args.update:>6}  {title}: {report.exact} exact, {report.moved} moved, "
            f"{report.fuzzy} fuzzy, {report.orphaned} orphaned",
            file=ctx.out,
        )
    return 0

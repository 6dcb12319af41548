"""`hawamish import --update ID PATH`: replace an article's text with a new version and re-anchor.

Kept beside reader/commands/import_cmd.py (which only routes `--update` here) because it is the command-line
face of reader.core.anchors: it reports how many highlights stayed exact, moved, were placed fuzzily and
became orphans (kept, never deleted).
"""

from __future__ import annotations

import argparse
from dataclasses import fields

from reader.core.importers import read_article
from reader.core.library.importing import merged_meta
from reader.core.models import ArticleMeta


def run_update(args: argparse.Namespace, ctx) -> int:
    if len(args.paths) != 1:
        ctx.error("import --update ID takes exactly one PATH (the new version of the article)")
        return 2
    path = args.paths[0]
    meta, blocks = read_article(path)
    library = ctx.library
    article = library.articles.get(args.update)
    old = ArticleMeta(**{f.name: getattr(article, f.name) for f in fields(ArticleMeta)})
    report = library.articles.replace_text(article.id, blocks, merged_meta(old, meta))
    title = library.articles.get(article.id).title
    if ctx.json:
        ctx.emit_json(
            {"path": str(path), "status": "updated", "article_id": article.id, "title": title}
            | report.to_json()
        )
    else:
        print(
            f"updated   {article.id:>6}  {title}: {report.exact} exact, {report.moved} moved, "
            f"{report.fuzzy} fuzzy, {report.orphaned} orphaned",
            file=ctx.out,
        )
    return 0

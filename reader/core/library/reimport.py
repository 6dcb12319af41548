"""Re-importing a file over an article already in the library: its new text, its highlights re-anchored.

One path for `hawamish import --update ID PATH` and the window's "Update them" after an import found
changed pages: read the file, keep the stored metadata the file does not give, `Articles.replace_text`.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.library.articles import Articles
from reader.core.models import ArticleMeta

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.anchors import ReanchorReport


def merged_meta(old: ArticleMeta, new: ArticleMeta) -> ArticleMeta:
    """The new file's metadata, falling back to the stored article's for what the file does not say
    (a plain-text update has no author or URL; that is no reason to forget them)."""
    return ArticleMeta(**{f.name: getattr(new, f.name) or getattr(old, f.name) for f in fields(ArticleMeta)})


def update_from_file(articles: Articles, article_id: int, path: Path | str) -> ReanchorReport:
    """Replace article `article_id`'s text with the file's (HawamishError: NOT_FOUND, or the file's own)."""
    from reader.core.importers import read_article

    meta, blocks = read_article(Path(path))
    article = articles.get(article_id)
    old = ArticleMeta(**{f.name: getattr(article, f.name) for f in fields(ArticleMeta)})
    return articles.replace_text(article.id, blocks, merged_meta(old, meta))

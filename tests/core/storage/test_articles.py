"""Article rows: the columns read are Article's fields, in order (rows become Articles positionally)."""

from __future__ import annotations

import dataclasses

from reader.core.library import Library
from reader.core.models import Article, ArticleMeta
from reader.core.storage.articles import _ARTICLE_COLUMNS
from reader.core.text import Block, BlockKind


def test_article_columns_are_the_article_fields_in_order(library: Library) -> None:
    article_id = library.articles.add(
        ArticleMeta(
            title="عنوان", author="كاتب", outlet="منبر", url="https://example.org/a", published="2024-03"
        ),
        [Block(BlockKind.PARAGRAPH, "نص.")],
    )
    library.highlights.create(article_id, 0, 2)
    with library.database.read() as tx:
        names = list(tx.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a").fetchone().keys())
    fields = [f.name for f in dataclasses.fields(Article)]
    assert names == fields[: len(names)] and fields[len(names) :] == ["blocks"]
    listed = library.articles.list()[0]
    assert (listed.title, listed.author, listed.outlet, listed.url, listed.published) == (
        "عنوان",
        "كاتب",
        "منبر",
        "https://example.org/a",
        "2024-03",
    )
    assert listed.highlight_count == 1 and listed.blocks == []
    assert library.articles.get(article_id).blocks == [Block(BlockKind.PARAGRAPH, "نص.")]

"""Library management in core: metadata edits, delete and its undo, tags, collections, list filters."""

from __future__ import annotations

import pytest

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import ArticleFilter, ArticleMeta
from reader.core.text import Block, BlockKind
from tests.core.seed_helpers import add_seed


def add(library: Library, title: str, text: str, **meta: str) -> int:
    return library.articles.add(ArticleMeta(title=title, **meta), [Block(BlockKind.PARAGRAPH, text)])


def test_metadata_is_edited_normalised_and_announced(library: Library) -> None:
    article_id = add_seed(library)
    changes: list[Change] = []
    library.add_listener(changes.append)
    article = library.articles.update_meta(
        article_id, title="  عنوان   جديد ", author="سطام المقرن", published="2015/7/21", language="AR"
    )
    assert (article.title, article.author, article.published, article.language) == (
        "عنوان جديد", "سطام المقرن", "2015-07-21", "ar",
    )  # fmt: skip
    assert changes == [Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (article_id,), (article_id,))]
    assert library.articles.get(article_id).title == "عنوان جديد"


@pytest.mark.parametrize(
    ("field", "value"),
    [("published", "yesterday"), ("published", "2015-13-01"), ("title", "  "), ("language", "ar 1")],
)
def test_bad_metadata_is_refused_and_nothing_changes(library: Library, field: str, value: str) -> None:
    article_id = add_seed(library)
    before = library.articles.get(article_id)
    with pytest.raises(HawamishError) as error:
        library.articles.update_meta(article_id, **{field: value})
    assert error.value.code is ErrorCode.INVALID_METADATA
    assert error.value.fields["field"] == field
    assert library.articles.get(article_id).to_json() == before.to_json()


def test_delete_many_and_restore_bring_everything_back(library: Library) -> None:
    first = add_seed(library)
    second = add(library, "ثان", "نص المقال الثاني")
    highlight = library.highlights.create(first, 0, 10, color="claim", note="ملاحظة", tags=["أمن/إرهاب"])
    library.articles.set_note(first, "ملاحظة المقال")
    library.articles.set_tags(first, ["سياسة"])
    library.collections.add("غزة", [first, second])
    before = library.articles.get(first).to_json(with_text=True)

    deleted = library.articles.delete_many([first, second])
    assert library.articles.count() == 0 and library.highlights.count() == 0
    library.collections.delete("غزة")  # gone meanwhile: the undo brings the membership back

    assert library.articles.restore_deleted(deleted) == [first, second]
    assert library.articles.get(first).to_json(with_text=True) == before
    restored = library.highlights.get(highlight.id)
    assert (restored.note, restored.tags) == ("ملاحظة", ["أمن/إرهاب"])
    assert library.articles.note(first) == "ملاحظة المقال"
    assert library.articles.tags(first) == ["سياسة"]
    assert library.collections.articles("غزة") == [first, second]


def test_restore_gives_a_reused_highlight_id_a_new_one(library: Library) -> None:
    first = add_seed(library)
    other = add(library, "آخر", "نص آخر طويل بما يكفي")
    old = library.highlights.create(first, 0, 10, color="claim", tags=["وسم"])
    deleted = library.articles.delete_many([first])
    newer = library.highlights.create(other, 0, 3, color="claim")
    assert newer.id == old.id  # SQLite reused the largest id
    library.articles.restore_deleted(deleted)
    [back] = library.highlights.for_article(first)
    assert back.id != newer.id and back.tags == ["وسم"]
    assert library.highlights.get(newer.id).article_id == other


def test_delete_of_a_missing_article_deletes_nothing(library: Library) -> None:
    first = add_seed(library)
    with pytest.raises(HawamishError) as error:
        library.articles.delete_many([first, 999])
    assert error.value.code is ErrorCode.NOT_FOUND
    assert library.articles.exists(first)


def test_tags_added_and_removed_on_several_articles(library: Library) -> None:
    a, b = add(library, "أ", "نص أ"), add(library, "ب", "نص ب")
    library.articles.set_tags(a, ["قديم"])
    after = library.articles.change_tags([a, b], add=["#جديد", "اقتصاد"], remove=["قديم"])
    assert after == {a: ["اقتصاد", "جديد"], b: ["اقتصاد", "جديد"]}


def test_collections_create_rename_delete_and_membership(library: Library) -> None:
    a, b = add(library, "أ", "نص أ"), add(library, "ب", "نص ب")
    library.collections.create("مقالات الرأي")
    with pytest.raises(HawamishError) as error:
        library.collections.create("مقالات الرأي")
    assert error.value.code is ErrorCode.COLLECTION_EXISTS
    assert library.collections.add("مقالات الرأي", [a, b, a]) == [a, b]
    assert library.collections.add("مقالات الرأي", [a]) == []
    assert library.collections.remove("مقالات الرأي", [b]) == [b]
    library.collections.rename("مقالات الرأي", "رأي")
    assert [(c.name, c.count) for c in library.collections.list()] == [("رأي", 1)]
    assert library.articles.collections_of([a, b]) == {a: ["رأي"], b: []}
    with pytest.raises(HawamishError) as error:
        library.collections.add("رأي", [999])
    assert error.value.code is ErrorCode.NOT_FOUND
    assert library.collections.delete("رأي") == [a]
    assert library.articles.exists(a) and library.collections.list() == []
    with pytest.raises(HawamishError) as error:
        library.collections.create("   ")
    assert error.value.code is ErrorCode.INVALID_NAME


def test_list_filters(library: Library) -> None:
    a = add(
        library,
        "عقود مشبوهة في وزارة الصحة",
        "نص",
        author="سطام المقرن",
        outlet="الوطن",
        published="2015-07-21",
    )
    b = add(
        library,
        "Oil prices",
        "text here",
        author="Jane Roe",
        outlet="BBC",
        published="2016-01-02",
        language="en",
    )
    c = add(library, "إيران والاتفاق", "نص آخر", author="فواز العلمي", outlet="الوطن", published="2015-08")
    library.articles.set_tags(a, ["أمن/إرهاب"])
    library.highlights.create(c, 0, 2, color="claim", tags=["أمن"])
    library.collections.add("رأي", [a, b])

    def ids(**fields: object) -> list[int]:
        return [r.id for r in library.articles.list_rows(ArticleFilter(**fields))]  # type: ignore[arg-type]

    assert ids() == [c, b, a]
    assert ids(tag="أمن") == [c, a]  # a parent tag matches its children, and highlights' tags count
    assert ids(tag="أمن/إرهاب") == [a]
    assert ids(collection="رأي") == [b, a]
    assert ids(author="المقرن") == [a]
    assert ids(outlet="الوطن") == [c, a]
    assert ids(text="مشبوهه") == [a]  # folded: ة typed as ه
    assert ids(text="oil") == [b]
    assert ids(language="en") == [b]
    assert ids(since="2015-08") == [c, b]
    assert ids(until="2015-08") == [c, a]  # the whole month
    assert ids(since="2015", until="2015") == [c, a]
    assert ids(has_highlights=True) == [c]
    assert ids(collection="رأي", language="ar") == [a]
    assert [x.id for x in library.articles.list(ArticleFilter(outlet="bbc"))] == [b]


def test_collection_search_field_and_filter(library: Library) -> None:
    from reader.core.search.query import SearchFilters

    a = add(library, "مقال عن الاقتصاد", "النفط والاقتصاد في الخليج")
    b = add(library, "مقال آخر عن الاقتصاد", "الاقتصاد والنفط")
    library.collections.add("حرب غزة", [a])
    library.collections.add("opinion", [b])
    library.sync_index()

    def found(query: str, **filters: object) -> set[int]:
        results = library.search(query, filters=SearchFilters(**filters) if filters else None)  # type: ignore[arg-type]
        return {hit.article_id for hit in results.hits}

    assert found('الاقتصاد collection:"حرب غزة"') == {a}
    assert found("الاقتصاد collection:Opinion") == {b}
    assert found("الاقتصاد", collections=["حرب غزة"]) == {a}
    library.collections.rename("opinion", "رأي")
    library.sync_index()
    assert found("الاقتصاد collection:رأي") == {b}

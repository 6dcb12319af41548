"""Saved searches: save, list, the smart collection following the library, rename, delete and undo."""

from __future__ import annotations

import pytest

from reader.core.changes import Change, ChangeKind
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.library.saved_searches import SETTING_KEY
from tests.core.search.test_search import add_article


def test_round_trip_follows_the_library(library: Library) -> None:
    changes: list[Change] = []
    library.add_listener(changes.append)
    oil = add_article(library, "أسعار النفط", "ارتفعت أسعار النفط بعد قرار أوبك.")
    add_article(library, "مباراة", "فاز الهلال على النصر.")
    saved = library.saved_searches.save("نفط", "النفط")
    assert saved.name == "نفط" and saved.query == "النفط" and saved.created
    assert any(c.kind == ChangeKind.SAVED_SEARCHES for c in changes)
    assert library.saved_searches.names() == ["نفط"]
    library.sync_index()
    assert library.saved_searches.articles("نفط") == {oil}

    # the library changes: a new article on the topic joins the smart collection, a deleted one leaves it
    newer = add_article(library, "أوبك", "تراجع إنتاج النفط في الخليج.")
    library.sync_index()
    assert library.saved_searches.articles("نفط") == {oil, newer}
    library.articles.delete(oil)
    library.sync_index()
    assert library.saved_searches.articles("نفط") == {newer}

    renamed = library.saved_searches.rename("نفط", "Oil")
    assert renamed.query == "النفط" and library.saved_searches.names() == ["Oil"]
    deleted = library.saved_searches.delete("Oil")
    assert library.saved_searches.list() == []
    library.saved_searches.restore(deleted)  # undo
    assert library.saved_searches.get("Oil") == deleted
    assert library.saved_searches.articles("Oil") == {newer}


def test_a_highlight_or_note_match_counts_for_its_article(library: Library) -> None:
    article = add_article(library, "مقال", "نص عادي عن الطقس.")
    library.highlights.create(article, 0, 3, note="ملاحظة عن التضخم")
    add_article(library, "آخر", "نص آخر.")
    library.saved_searches.save("تضخم", "التضخم")
    library.sync_index()
    assert library.saved_searches.articles("تضخم") == {article}


def test_filters_are_kept_and_applied(library: Library) -> None:
    first = add_article(library, "النفط ١", "النفط في السوق.", outlet="Okaz")
    add_article(library, "النفط ٢", "النفط في السوق.", outlet="Sabq")
    library.collections.add("اقتصاد", [first])
    saved = library.saved_searches.save(
        "نفط عكاظ", "النفط", {"outlets": ["Okaz"], "kinds": "article", "tags": []}
    )
    assert saved.filters == {"outlets": ["Okaz"], "kinds": ["article"]}
    library.saved_searches.save("في مجموعة", "النفط", {"collections": ["اقتصاد"]})
    library.sync_index()
    assert library.saved_searches.articles("نفط عكاظ") == {first}
    assert library.saved_searches.articles("في مجموعة") == {first}


def test_names_and_queries_are_checked(library: Library) -> None:
    library.saved_searches.save("a", "النفط")
    with pytest.raises(HawamishError) as taken:
        library.saved_searches.save("a", "الغاز")
    assert taken.value.code is ErrorCode.SAVED_SEARCH_EXISTS
    assert library.saved_searches.save("a", "الغاز", replace=True).query == "الغاز"
    assert [s.query for s in library.saved_searches.list()] == ["الغاز"]
    with pytest.raises(HawamishError) as bad:
        library.saved_searches.save("b", 'title:"unclosed')
    assert bad.value.code is ErrorCode.QUERY_UNCLOSED_QUOTE
    with pytest.raises(HawamishError) as empty:
        library.saved_searches.save("  ", "النفط")
    assert empty.value.code is ErrorCode.INVALID_NAME
    with pytest.raises(HawamishError) as kind:
        library.saved_searches.save("c", "النفط", {"kinds": ["poem"]})
    assert kind.value.code is ErrorCode.QUERY_UNKNOWN_KIND
    library.saved_searches.save("b", "x")
    with pytest.raises(HawamishError) as clash:
        library.saved_searches.rename("b", "a")
    assert clash.value.code is ErrorCode.SAVED_SEARCH_EXISTS
    for call in (lambda: library.saved_searches.get("zz"), lambda: library.saved_searches.delete("zz")):
        with pytest.raises(HawamishError) as missing:
            call()
        assert missing.value.code is ErrorCode.NOT_FOUND


def test_kept_in_the_library_and_a_damaged_value_reads_as_none(library_dir) -> None:
    with Library(library_dir) as library:
        library.saved_searches.save("نفط", "النفط", {"date_from": "2015"})
    with Library(library_dir) as library:
        assert library.saved_searches.get("نفط").filters == {"date_from": "2015"}
        library.set_setting(SETTING_KEY, "{not json")
        assert library.saved_searches.list() == []


def test_search_history_keeps_the_last_queries_once_each(library_dir) -> None:
    from reader.core.library.search_history import HISTORY_SIZE

    with Library(library_dir) as library:
        history = library.search_history
        assert history.list() == []
        history.add("النفط")
        history.add("أوبك")
        history.add("  النفط ")  # searched again: moves up, kept once
        history.add("   ")
        assert history.list() == ["النفط", "أوبك"]
        history.add("Oil  prices")
        history.add("oil prices")  # same but for case and spaces
        assert history.list() == ["oil prices", "النفط", "أوبك"]
        for i in range(HISTORY_SIZE + 5):
            history.add(f"query {i}")
        assert len(history.list()) == HISTORY_SIZE
        assert history.list()[0] == f"query {HISTORY_SIZE + 4}"
    with Library(library_dir) as library:  # kept with the library
        assert len(library.search_history.list()) == HISTORY_SIZE
        library.search_history.clear()
        assert library.search_history.list() == []
        library.set_setting("search_history", "[damaged")
        assert library.search_history.list() == []
        assert library.search_history.add("x") == ["x"]

"""The tag vocabulary: list with hierarchy and counts, rename / merge / delete across highlights and articles,
and the exact undo (`restore`)."""

from __future__ import annotations

import pytest

from reader.core.changes import Change, ChangeKind
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import ArticleFilter
from reader.core.quotes import normalize_tag, normalize_tags
from tests.core.tags_seed import TagsSeed, build


@pytest.fixture
def seeded(library: Library) -> TagsSeed:
    return build(library)


def all_tags(library: Library) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    highlights = {h.id: h.tags for h in library.highlights.query()}
    articles = library.articles.tags_of(library.articles.ids())
    return highlights, articles


def test_normalize_tag_tidies_levels() -> None:
    assert normalize_tag(" #security / /terrorism/ ") == "security/terrorism"
    assert normalize_tag("/") == ""
    assert normalize_tags(["a//b", "a/b", " ", "#c"]) == ["a/b", "c"]


def test_list_names_parents_and_counts_children(library: Library, seeded: TagsSeed) -> None:
    infos = {t.name: t for t in library.tags.list()}
    assert list(infos) == sorted(infos)
    assert set(infos) == {
        "economy", "economy/oil", "english", "security", "security/borders", "security/terrorism",
    }  # fmt: skip
    # security: 3 own highlights, 2 through security/terrorism, one of which also has security/borders;
    # every article carries it through a highlight (the third also itself)
    assert (infos["security"].highlights, infos["security"].articles) == (5, 4)
    assert infos["security/terrorism"].highlights == 2
    assert infos["security/borders"].highlights == 1
    assert infos["economy"].used and infos["economy/oil"].parent == "economy"
    assert (infos["economy"].highlights, infos["economy"].articles) == (2, 2)
    assert (infos["english"].highlights, infos["english"].articles) == (0, 1)


def test_list_shows_an_unused_parent(library: Library, seeded: TagsSeed) -> None:
    library.tags.delete("economy")
    h = library.highlights.update(seeded.highlight_ids[0], tags=["region/gulf/saudi"])
    assert h.tags == ["region/gulf/saudi"]
    infos = {t.name: t for t in library.tags.list()}
    assert not infos["region"].used and not infos["region/gulf"].used and infos["region/gulf/saudi"].used
    assert infos["region"].highlights == 1 and infos["region"].depth == 0 and infos["region/gulf"].depth == 1


def test_rename_a_parent_renames_its_children_and_undo_restores_exactly(
    library: Library, seeded: TagsSeed
) -> None:
    before = all_tags(library)
    changes: list[Change] = []
    library.add_listener(changes.append)
    edit = library.tags.rename("security", "safety")
    highlights, articles = all_tags(library)
    assert not any(t.startswith("security") for tags in highlights.values() for t in tags)
    assert highlights[seeded.highlight_ids[4]] == ["safety/borders", "safety/terrorism"]
    assert articles[seeded.article_ids[2]] == ["english", "safety/terrorism"]
    assert set(edit.highlights) == {seeded.highlight_ids[i] for i in (0, 1, 3, 4, 5)}
    assert set(edit.articles) == {seeded.article_ids[2]}
    kinds = {c.kind for c in changes}
    assert kinds == {ChangeKind.HIGHLIGHT, ChangeKind.ARTICLE}
    touched = {a for c in changes for a in c.article_ids}
    assert touched == {seeded.article_ids[i] for i in (0, 1, 2, 3)}

    library.tags.restore(edit)
    assert all_tags(library) == before


def test_rename_onto_an_existing_tag_merges(library: Library, seeded: TagsSeed) -> None:
    before = all_tags(library)
    edit = library.tags.rename("security/terrorism", "security")
    highlights, articles = all_tags(library)
    assert highlights[seeded.highlight_ids[4]] == ["security", "security/borders"]
    assert highlights[seeded.highlight_ids[0]] == ["security"]
    assert articles[seeded.article_ids[2]] == ["english", "security"]
    assert "security/terrorism" not in library.tags.names()
    library.tags.restore(edit)
    assert all_tags(library) == before


def test_merge_several_into_one(library: Library, seeded: TagsSeed) -> None:
    before = all_tags(library)
    edit = library.tags.merge(["economy", "english"], "misc")
    names = library.tags.names()
    assert "economy" not in names and "english" not in names and "misc/oil" in names
    assert edit.action == "merge" and edit.tags == ("economy", "english") and edit.target == "misc"
    library.tags.restore(edit)
    assert all_tags(library) == before


def test_delete_takes_children_and_undo_gives_them_back(library: Library, seeded: TagsSeed) -> None:
    before = all_tags(library)
    edit = library.tags.delete("security")
    highlights, articles = all_tags(library)
    assert not any(t.startswith("security") for tags in highlights.values() for t in tags)
    assert articles[seeded.article_ids[2]] == ["english"]
    library.tags.restore(edit)
    assert all_tags(library) == before


def test_delete_a_child_keeps_the_parent(library: Library, seeded: TagsSeed) -> None:
    library.tags.delete("security/terrorism")
    highlights, _ = all_tags(library)
    assert highlights[seeded.highlight_ids[1]] == ["security"]
    assert highlights[seeded.highlight_ids[4]] == ["security/borders"]


def test_restore_skips_a_highlight_deleted_since(library: Library, seeded: TagsSeed) -> None:
    edit = library.tags.delete("security")
    library.highlights.delete(seeded.highlight_ids[0])
    library.tags.restore(edit)
    assert library.highlights.get(seeded.highlight_ids[1]).tags == ["security"]


def test_a_prefix_that_is_not_a_level_is_not_a_parent(library: Library, seeded: TagsSeed) -> None:
    library.highlights.update(seeded.highlight_ids[2], tags=["economy2"])
    library.tags.rename("economy", "money")
    assert library.highlights.get(seeded.highlight_ids[2]).tags == ["economy2"]


@pytest.mark.parametrize("bad", ["", " / ", "#", "a,b"])
def test_bad_names_are_refused(library: Library, seeded: TagsSeed, bad: str) -> None:
    with pytest.raises(HawamishError) as caught:
        library.tags.rename("security", bad)
    assert caught.value.code == ErrorCode.INVALID_NAME


def test_unknown_tag_is_not_found(library: Library, seeded: TagsSeed) -> None:
    with pytest.raises(HawamishError) as caught:
        library.tags.delete("nothing")
    assert caught.value.code == ErrorCode.NOT_FOUND
    assert library.tags.rename("security", " security ").highlights == {}  # to itself: nothing


def test_a_parent_filters_its_children(library: Library, seeded: TagsSeed) -> None:
    found = {h.id for h in library.highlights.query(tags=["security"])}
    assert found == {seeded.highlight_ids[i] for i in (0, 1, 3, 4, 5)}
    assert {h.id for h in library.highlights.query(tags=["security/terrorism"])} == {
        seeded.highlight_ids[0], seeded.highlight_ids[4],
    }  # fmt: skip
    assert set(library.articles.tagged("economy")) == {seeded.article_ids[1], seeded.article_ids[3]}
    assert {a.id for a in library.articles.list(ArticleFilter(tag="security"))} == set(seeded.article_ids)


def test_changes_reach_the_search_index(library: Library, seeded: TagsSeed) -> None:
    library.sync_index()
    library.add_listener(library.index_keeper.add)  # as the app's index worker and the commands do
    library.tags.rename("security", "safety")
    change = library.index_keeper.take()
    assert change is not None
    library.index_keeper.apply(change)
    hits = library.search("tag:safety/terrorism", kinds=["highlight"], limit=20)
    assert {h.highlight_id for h in hits.hits} == {seeded.highlight_ids[0], seeded.highlight_ids[4]}
    assert not library.search("tag:security", kinds=["highlight"], limit=20).hits


def test_rename_into_its_own_child(library: Library, seeded: TagsSeed) -> None:
    before = all_tags(library)
    edit = library.tags.rename("security", "security/general")
    highlights, articles = all_tags(library)
    assert highlights[seeded.highlight_ids[1]] == ["security/general"]
    assert highlights[seeded.highlight_ids[4]] == ["security/general/borders", "security/general/terrorism"]
    assert articles[seeded.article_ids[2]] == ["english", "security/general/terrorism"]
    library.tags.restore(edit)
    assert all_tags(library) == before


def test_merge_keeps_one_of_two_names_an_object_carried(library: Library, seeded: TagsSeed) -> None:
    library.highlights.update(seeded.highlight_ids[1], tags=["security", "safety"])
    library.tags.merge(["security"], "safety")
    assert library.highlights.get(seeded.highlight_ids[1]).tags == ["safety"]

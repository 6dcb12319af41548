"""The notebook's core (reader.core.notes): Arabic-aware text filtering, hierarchical tags, article fields,
date ranges, sorting and every grouping, on a library read with `Library.notebook()`."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.notes import GROUP_KEYS, Notebook, NotesFilter
from tests.core import notebook_seed
from tests.core.notebook_seed import ECONOMY, SECURITY, NotebookSeed


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> NotebookSeed:
    return notebook_seed.build(tmp_path_factory.mktemp("notebook") / "library")


@pytest.fixture(scope="module")
def notebook(seeded: NotebookSeed) -> Notebook:
    with Library(seeded.dir) as library:
        return library.notebook()


def kept(notebook: Notebook, **filters: object) -> list[int]:
    return [item.highlight.id for item in notebook.select(NotesFilter(**filters))]  # type: ignore[arg-type]


def test_the_notebook_holds_every_highlight_with_its_article(
    notebook: Notebook, seeded: NotebookSeed
) -> None:
    by_id = {item.highlight.id: item for item in notebook.items}
    assert list(by_id) == [seeded.responsibility, seeded.economy, seeded.council]
    economy = by_id[seeded.economy]
    assert (economy.article_title, economy.article_author, economy.article_outlet) == (
        "اقتصاد ينمو",
        "تركي الدخيل",
        "عكاظ",
    )
    assert economy.article_published == "2020-04-02"
    assert economy.collections == (SECURITY, ECONOMY)
    assert by_id[seeded.council].collections == ()
    assert by_id[seeded.responsibility].highlight.tags == ["security/terrorism"]
    assert by_id[seeded.council].highlight.note == "check the date"


@pytest.mark.parametrize(
    "query",
    [
        "المسؤولية الإسلامية",  # without the shadda the passage carries
        "المسووليه",  # the hamza's seat alone, ه for ة
        "الاسلاميه",  # no hamza under the alef, ه for ة
        "الإسلاميّة المسؤوليّة",  # words in any order
        "ملاحظه",  # in the note
        "الراشد",  # the article's author
    ],
)
def test_text_folds_arabic_as_search_does(notebook: Notebook, seeded: NotebookSeed, query: str) -> None:
    assert kept(notebook, text=query) == [seeded.responsibility]


def test_text_needs_every_word_and_ignores_case(notebook: Notebook, seeded: NotebookSeed) -> None:
    assert kept(notebook, text="SECURITY council") == [seeded.council]
    assert kept(notebook, text="security الاقتصاد") == []
    assert kept(notebook, text="  ") == [seeded.responsibility, seeded.economy, seeded.council]


def test_a_parent_tag_matches_its_children(notebook: Notebook, seeded: NotebookSeed) -> None:
    assert kept(notebook, tags=("security",)) == [seeded.responsibility, seeded.council]
    assert kept(notebook, tags=("security/terrorism",)) == [seeded.responsibility]
    assert kept(notebook, tags=("secur",)) == []  # a prefix of a name is not a parent
    assert kept(notebook, tags=("#economy", "security/terrorism")) == [seeded.responsibility, seeded.economy]


def test_colour_author_outlet_and_collection(notebook: Notebook, seeded: NotebookSeed) -> None:
    assert kept(notebook, colors=("claim", "question")) == [seeded.economy, seeded.council]
    assert kept(notebook, author="الدخيل") == [seeded.economy]
    assert kept(notebook, author="عبد الرحمن") == []
    assert kept(notebook, outlet="الاوسط") == [seeded.responsibility]  # folded: no hamza typed
    assert kept(notebook, collection=SECURITY) == [seeded.responsibility, seeded.economy]
    assert kept(notebook, collection=ECONOMY, colors=("evidence",)) == []


def test_dates_are_the_articles_and_undated_ones_drop_out(notebook: Notebook, seeded: NotebookSeed) -> None:
    assert kept(notebook, since="2020-04") == [seeded.economy]
    assert kept(notebook, until="2020-03") == [seeded.responsibility]  # the whole of March
    assert kept(notebook, since="2020", until="2020") == [seeded.responsibility, seeded.economy]


def test_sorting(notebook: Notebook, seeded: NotebookSeed) -> None:
    by = {
        sort: [i.highlight.id for i in notebook.select(sort=sort)] for sort in ("position", "date", "created")
    }
    assert by["position"] == [seeded.responsibility, seeded.economy, seeded.council]
    assert by["date"] == [seeded.responsibility, seeded.economy, seeded.council]  # undated last
    assert by["created"] == [seeded.council, seeded.economy, seeded.responsibility]
    with pytest.raises(ValueError, match="sort"):
        notebook.select(sort="title")


def groups(notebook: Notebook, group_by: str, **filters: object) -> list[tuple[object, list[int]]]:
    found = notebook.groups(NotesFilter(**filters), group_by)  # type: ignore[arg-type]
    return [(g.key, [i.highlight.id for i in g.items]) for g in found]


def test_group_by_month_of_the_article_date(notebook: Notebook, seeded: NotebookSeed) -> None:
    assert groups(notebook, "month") == [
        ("2020-03", [seeded.responsibility]),
        ("2020-04", [seeded.economy]),
        ("", [seeded.council]),
    ]


def test_group_by_collection_repeats_an_article_in_two(notebook: Notebook, seeded: NotebookSeed) -> None:
    assert groups(notebook, "collection") == [
        (SECURITY, [seeded.responsibility, seeded.economy]),
        (ECONOMY, [seeded.economy]),
        ("", [seeded.council]),
    ]


def test_group_by_tag_author_colour_and_article(notebook: Notebook, seeded: NotebookSeed) -> None:
    assert groups(notebook, "tag") == [
        ("economy", [seeded.economy]),
        ("security", [seeded.council]),
        ("security/terrorism", [seeded.responsibility]),
    ]
    assert [key for key, _ in groups(notebook, "author")] == ["Jane Doe", "تركي الدخيل", "عبدالرحمن الراشد"]
    assert [key for key, _ in groups(notebook, "color")] == ["claim", "evidence", "question"]
    by_date = notebook.groups(None, "article", sort="created")
    assert [g.key for g in by_date] == [seeded.en, seeded.ar2, seeded.ar1]  # as their first card comes
    assert groups(notebook, "outlet", text="الاقتصاد") == [("عكاظ", [seeded.economy])]
    with pytest.raises(ValueError, match="group_by"):
        notebook.groups(None, "date")
    assert set(GROUP_KEYS) == {"tag", "color", "article", "author", "outlet", "collection", "month"}


def test_choices_for_the_filter_bar(notebook: Notebook) -> None:
    assert notebook.authors() == ["Jane Doe", "تركي الدخيل", "عبدالرحمن الراشد"]
    assert notebook.collections() == [SECURITY, ECONOMY]
    assert notebook.tags() == ["economy", "security", "security/terrorism"]


def test_library_notes_takes_a_filter_and_keeps_its_tag_and_colour_arguments(seeded: NotebookSeed) -> None:
    with Library(seeded.dir) as library:
        [group] = library.notes(NotesFilter(text="council"), colors=["question"])
        assert [i.highlight.id for i in group.items] == [seeded.council]
        assert library.notes(NotesFilter(author="Jane"), tags=["economy"]) == [
            library.notes(group_by=None, tags=["nothing"])[0]
        ]


def test_an_empty_library(tmp_path: Path) -> None:
    with Library(tmp_path / "empty") as library:
        notebook = library.notebook()
        assert len(notebook) == 0 and notebook.groups(None, "month") == []

"""`hawamish notes`: filters, each grouping, text and JSON output, orphans, errors; through main()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library
from tests.conftest import HIGHLIGHT_JSON_FIELDS, SEED_TITLE
from tests.core import notebook_seed, notes_seed
from tests.core.notebook_seed import ECONOMY, SECURITY, NotebookSeed
from tests.core.notes_seed import EN_TITLE, Q_AGENCY, Q_KHORASAN, Seeded


@pytest.fixture
def seeded(library_dir: Path) -> Seeded:
    return notes_seed.build(library_dir)


def run(capsys: pytest.CaptureFixture[str], library_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(library_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, library_dir: Path, *argv: str) -> dict:
    code, out, err = run(capsys, library_dir, "notes", "--json", *argv)
    assert (code, err) == (0, "")
    return json.loads(out)


def ids(group: dict) -> list[int]:
    return [h["id"] for h in group["highlights"]]


def sections(out: str) -> dict[str, list[str]]:
    """Text output split at blank lines: {heading: [lines below it]}."""
    result = {}
    for chunk in out.strip("\n").split("\n\n"):
        heading, *lines = chunk.split("\n")
        result[heading] = lines
    return result


# --- without grouping -------------------------------------------------------------------------------------


def test_ungrouped_text_lists_every_highlight_by_article_then_position(capsys, seeded: Seeded) -> None:
    code, out, err = run(capsys, seeded.dir, "notes")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    starts = [line.split()[0] for line in lines if not line.startswith(" ")]
    # article 1 (seed): khorasan, agency (orphan, clamped position) and the long one in text order; then article 2
    assert starts[-1] == f"{seeded.en}#{seeded.mistake}"
    assert set(starts[:-1]) == {f"{seeded.ar}#{i}" for i in (seeded.khorasan, seeded.long, seeded.agency)}
    first = next(i for i, line in enumerate(lines) if line.startswith(f"{seeded.ar}#{seeded.khorasan} "))
    assert lines[first].endswith(Q_KHORASAN)
    assert lines[first + 1 : first + 3] == ["    فرع نشط", "    في أفغانستان"]  # the note, indented below
    [agency] = [line for line in lines if line.startswith(f"{seeded.ar}#{seeded.agency}")]
    assert agency == f"{seeded.ar}#{seeded.agency} [orphan]  {Q_AGENCY}"
    [mistake] = [i for i, line in enumerate(lines) if line.startswith(f"{seeded.en}#")]
    assert lines[mistake + 1] == "    the key claim"
    assert "[orphan]" not in lines[first] and "[orphan]" not in lines[mistake]


def test_long_quotes_are_shortened_to_one_line(capsys, seeded: Seeded) -> None:
    _code, out, _ = run(capsys, seeded.dir, "notes")
    [line] = [line for line in out.splitlines() if line.startswith(f"{seeded.ar}#{seeded.long} ")]
    quote = line.split("  ", 1)[1]
    assert quote.endswith("…") and 150 <= len(quote) <= 200
    with Library(seeded.dir) as library:
        exact = library.highlights.get(seeded.long).exact
    assert "\n" in exact  # the passage crosses a paragraph break ...
    assert quote[:-1].strip() == " ".join(exact.split())[: len(quote) - 1].strip()  # ... shown as a space


def test_ungrouped_json_is_one_group_with_key_null(capsys, seeded: Seeded) -> None:
    data = run_json(capsys, seeded.dir)
    assert data["group_by"] is None
    [group] = data["groups"]
    assert group["key"] is None and group["label"] is None
    assert ids(group)[-1] == seeded.mistake and sorted(ids(group)) == sorted(
        [seeded.khorasan, seeded.long, seeded.agency, seeded.mistake]
    )
    with Library(seeded.dir) as library:
        store = library.highlights
        for h in group["highlights"]:
            expected = store.get(h["id"]).to_json()
            expected["article_title"] = SEED_TITLE if h["article_id"] == seeded.ar else EN_TITLE
            article = library.articles.get(h["article_id"])
            expected |= {
                "article_author": article.author,
                "article_outlet": article.outlet,
                "article_published": article.published,
                "collections": [],
            }
            assert h == expected
    by_id = {h["id"]: h for h in group["highlights"]}
    design = {*HIGHLIGHT_JSON_FIELDS, "article_title"}
    assert all(design <= h.keys() for h in by_id.values())
    assert by_id[seeded.agency]["orphan"] is True and by_id[seeded.khorasan]["orphan"] is False
    assert by_id[seeded.khorasan]["tags"] == ["afghanistan", "isis"]
    assert by_id[seeded.khorasan]["note"] == "فرع نشط\nفي أفغانستان"
    assert by_id[seeded.long]["exact"].count("\n") == 1  # JSON keeps the passage whole


# --- grouping ---------------------------------------------------------------------------------------------


def test_group_by_color_heads_each_group_with_the_label_name_and_key(capsys, seeded: Seeded) -> None:
    code, out, _ = run(capsys, seeded.dir, "notes", "--group-by", "color")
    assert code == 0
    groups = sections(out)
    assert list(groups) == ["Claim (claim)", "Evidence (evidence)", "Source quoted (source)"]  # label order
    assert [line.split()[0] for line in groups["Claim (claim)"] if not line.startswith("    ")] == [
        f"{seeded.ar}#{seeded.long}",
        f"{seeded.en}#{seeded.mistake}",
    ]
    assert groups["Source quoted (source)"] == [f"  {seeded.ar}#{seeded.agency} [orphan]  {Q_AGENCY}"]
    data = run_json(capsys, seeded.dir, "--group-by", "color")
    assert data["group_by"] == "color"
    assert [(g["key"], g["label"], ids(g)) for g in data["groups"]] == [
        ("claim", "Claim", [seeded.long, seeded.mistake]),
        ("evidence", "Evidence", [seeded.khorasan]),
        ("source", "Source quoted", [seeded.agency]),
    ]


def test_group_by_tag_repeats_multi_tagged_highlights_and_lists_untagged_last(capsys, seeded: Seeded) -> None:
    code, out, _ = run(capsys, seeded.dir, "notes", "--group-by", "tag")
    assert code == 0
    groups = sections(out)
    assert list(groups) == ["afghanistan", "isis", "russia", "(untagged)"]
    heads = {k: [line.split()[0] for line in v if not line.startswith("    ")] for k, v in groups.items()}
    assert heads == {
        "afghanistan": [f"{seeded.ar}#{seeded.khorasan}"],
        "isis": [f"{seeded.ar}#{seeded.khorasan}", f"{seeded.ar}#{seeded.long}"],
        "russia": [f"{seeded.en}#{seeded.mistake}"],
        "(untagged)": [f"{seeded.ar}#{seeded.agency}"],
    }
    data = run_json(capsys, seeded.dir, "--group-by", "tag")
    assert [(g["key"], g["label"], ids(g)) for g in data["groups"]] == [
        ("afghanistan", "afghanistan", [seeded.khorasan]),
        ("isis", "isis", [seeded.khorasan, seeded.long]),
        ("russia", "russia", [seeded.mistake]),
        ("", "(untagged)", [seeded.agency]),
    ]


def test_group_by_article_heads_each_group_with_its_title(capsys, seeded: Seeded) -> None:
    code, out, _ = run(capsys, seeded.dir, "notes", "--group-by", "article")
    assert code == 0
    groups = sections(out)
    assert list(groups) == [SEED_TITLE, EN_TITLE]
    assert groups[EN_TITLE] == [f"  {seeded.en}#{seeded.mistake}  serious mistake", "      the key claim"]
    data = run_json(capsys, seeded.dir, "--group-by", "article")
    assert [(g["key"], g["label"], len(g["highlights"])) for g in data["groups"]] == [
        (seeded.ar, SEED_TITLE, 3),
        (seeded.en, EN_TITLE, 1),
    ]
    assert all(h["article_title"] == EN_TITLE for h in data["groups"][1]["highlights"])


@pytest.mark.parametrize(
    ("key", "value", "missing"), [("author", "Peter Bergen", "(no author)"), ("outlet", "CNN", "(no outlet)")]
)
def test_group_by_author_and_outlet_name_the_missing_value(
    capsys, seeded: Seeded, key, value, missing
) -> None:
    code, out, _ = run(capsys, seeded.dir, "notes", "--group-by", key)
    assert code == 0
    groups = sections(out)
    assert list(groups) == [value, missing]
    assert groups[missing][0] == f"  {seeded.en}#{seeded.mistake}  serious mistake"
    data = run_json(capsys, seeded.dir, "--group-by", key)
    assert data["group_by"] == key
    assert [(g["key"], g["label"], len(g["highlights"])) for g in data["groups"]] == [
        (value, value, 3),
        ("", missing, 1),
    ]


# --- filters ----------------------------------------------------------------------------------------------


def test_tag_filter_keeps_highlights_with_any_of_the_tags(capsys, seeded: Seeded) -> None:
    [group] = run_json(capsys, seeded.dir, "--tag", "isis")["groups"]
    assert ids(group) == [seeded.khorasan, seeded.long]
    [group] = run_json(capsys, seeded.dir, "--tag", "afghanistan", "--tag", "#russia")["groups"]
    assert ids(group) == [seeded.khorasan, seeded.mistake]
    code, out, _ = run(capsys, seeded.dir, "notes", "--tag", "russia")
    assert code == 0 and out.splitlines() == [
        f"{seeded.en}#{seeded.mistake}  serious mistake",
        "    the key claim",
    ]


def test_color_filter_keeps_any_of_the_labels_and_combines_with_tags(capsys, seeded: Seeded) -> None:
    [group] = run_json(capsys, seeded.dir, "--color", "claim")["groups"]
    assert ids(group) == [seeded.long, seeded.mistake]
    [group] = run_json(capsys, seeded.dir, "--color", "evidence", "--color", "source")["groups"]
    assert sorted(ids(group)) == sorted([seeded.khorasan, seeded.agency])
    data = run_json(capsys, seeded.dir, "--color", "claim", "--tag", "isis", "--group-by", "article")
    assert [(g["key"], ids(g)) for g in data["groups"]] == [(seeded.ar, [seeded.long])]


def test_a_filter_matching_nothing_says_so(capsys, seeded: Seeded) -> None:
    code, out, err = run(capsys, seeded.dir, "notes", "--tag", "nothing-tagged-so")
    assert (code, out, err) == (0, "no highlights\n", "")
    code, out, err = run(capsys, seeded.dir, "notes", "--color", "question", "--group-by", "tag")
    assert (code, out, err) == (0, "no highlights\n", "")
    data = run_json(capsys, seeded.dir, "--color", "question", "--group-by", "tag")
    assert data == {"group_by": "tag", "sort": "position", "groups": []}


def test_unknown_color_is_a_usage_error_naming_the_valid_keys(capsys, seeded: Seeded) -> None:
    code, out, err = run(capsys, seeded.dir, "notes", "--color", "claim", "--color", "purple")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("hawamish: notes: ") and "purple" in err
    for key in ("claim", "evidence", "counter", "source", "question", "important"):
        assert key in err
    code, out, err = run(capsys, seeded.dir, "--json", "notes", "--color", "purple")
    assert (code, out) == (2, "") and "valid keys" in err


def test_unknown_group_by_is_a_usage_error(capsys, seeded: Seeded) -> None:
    code, out, err = run(capsys, seeded.dir, "notes", "--group-by", "date")
    assert code == 2 and out == "" and "--group-by" in err


def test_a_deleted_labels_key_still_filters_and_groups(capsys, seeded: Seeded) -> None:
    with Library(seeded.dir) as library:
        library.labels.delete("source")  # its highlight keeps the key
    [group] = run_json(capsys, seeded.dir, "--color", "source")["groups"]
    assert ids(group) == [seeded.agency]
    code, out, _ = run(capsys, seeded.dir, "notes", "--group-by", "color")
    assert code == 0 and list(sections(out)) == ["Claim (claim)", "Evidence (evidence)", "source"]


# --- empty library --------------------------------------------------------------------


def test_empty_library(capsys, library_dir: Path) -> None:
    code, out, err = run(capsys, library_dir, "notes")
    assert (code, out, err) == (0, "no highlights\n", "")
    code, out, err = run(capsys, library_dir, "notes", "--group-by", "author")
    assert (code, out, err) == (0, "no highlights\n", "")
    assert run_json(capsys, library_dir) == {
        "group_by": None,
        "sort": "position",
        "groups": [{"group": None, "items": [], "key": None, "label": None, "highlights": []}],
    }
    assert run_json(capsys, library_dir, "--group-by", "outlet") == {
        "group_by": "outlet",
        "sort": "position",
        "groups": [],
    }


# --- the notebook's filters and groupings (issue 12) -------------------------------------------------------


@pytest.fixture
def notebook(library_dir: Path) -> NotebookSeed:
    return notebook_seed.build(library_dir)


def all_ids(data: dict) -> list[int]:
    return [h["id"] for g in data["groups"] for h in g["items"]]


def test_article_filters_and_an_arabic_aware_query(capsys, notebook: NotebookSeed) -> None:
    assert all_ids(run_json(capsys, notebook.dir, "--author", "الدخيل")) == [notebook.economy]
    assert all_ids(run_json(capsys, notebook.dir, "--outlet", "BBC")) == [notebook.council]
    assert all_ids(run_json(capsys, notebook.dir, "--collection", SECURITY)) == [
        notebook.responsibility,
        notebook.economy,
    ]
    assert all_ids(run_json(capsys, notebook.dir, "--since", "2020-04")) == [notebook.economy]
    assert all_ids(run_json(capsys, notebook.dir, "--until", "٢٠٢٠-٠٣")) == [notebook.responsibility]
    # no hamza, ه for ة, no shadda: still the passage
    assert all_ids(run_json(capsys, notebook.dir, "--query", "المسووليه الاسلاميه")) == [
        notebook.responsibility
    ]
    assert all_ids(run_json(capsys, notebook.dir, "--tag", "security")) == [
        notebook.responsibility,
        notebook.council,
    ]


def test_group_by_month_and_collection_in_json_and_text(capsys, notebook: NotebookSeed) -> None:
    data = run_json(capsys, notebook.dir, "--group-by", "month")
    assert [(g["group"], [h["id"] for h in g["items"]]) for g in data["groups"]] == [
        ("2020-03", [notebook.responsibility]),
        ("2020-04", [notebook.economy]),
        ("", [notebook.council]),
    ]
    data = run_json(capsys, notebook.dir, "--group-by", "collection", "--query", "الاقتصاد")
    assert [g["group"] for g in data["groups"]] == [SECURITY, ECONOMY]
    code, out, err = run(capsys, notebook.dir, "notes", "--group-by", "collection")
    assert code == 0 and err == ""
    assert list(sections(out)) == [SECURITY, ECONOMY, "(in no collection)"]
    code, out, _ = run(capsys, notebook.dir, "notes", "--group-by", "month", "--sort", "created")
    assert list(sections(out)) == ["2020-03", "2020-04", "(no date)"]


def test_a_bad_date_is_one_clear_message(capsys, notebook: NotebookSeed) -> None:
    code, out, err = run(capsys, notebook.dir, "notes", "--since", "last spring")
    assert code != 0 and out == ""
    assert "last spring" in err and "Traceback" not in err

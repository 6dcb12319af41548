"""Library management on the command line: edit, delete, tag, collection, list filters, import tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], library_dir: Path, *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--library", str(library_dir), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], library_dir: Path, *argv: str | Path) -> object:
    code, out, err = run(capsys, library_dir, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def two_articles(capsys, library_dir: Path, tmp_path: Path) -> list[int]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("عقود مشبوهة\n\nنشرت الوطن تقريرا.\n", "utf-8")
    (folder / "b.txt").write_text("Oil prices\n\nPrices rose again.\n", "utf-8")
    (folder / "metadata.csv").write_text(
        "file,author,source,date,tags,collection\na.txt,سطام المقرن,الوطن,2015-07-21,أمن/إرهاب;فساد,رأي\n"
        "b.txt,Jane Roe,BBC,2016-01-02,,\nc.txt,nobody,,,,\n",
        "utf-8",
    )
    code, out, err = run(capsys, library_dir, "import", folder)
    assert code == 0
    assert "metadata.csv:4: no imported file matches c.txt" in err
    return [int(line.split()[1]) for line in out.splitlines()]


def test_list_json_has_tags_collections_and_filters(
    capsys, library_dir: Path, two_articles: list[int]
) -> None:
    a, b = two_articles
    rows = run_json(capsys, library_dir, "list")
    assert {
        r["id"]: (r["author"], r["outlet"], r["published"], r["tags"], r["collections"]) for r in rows
    } == {
        a: ("سطام المقرن", "الوطن", "2015-07-21", ["أمن/إرهاب", "فساد"], ["رأي"]),
        b: ("Jane Roe", "BBC", "2016-01-02", [], []),
    }
    assert [r["id"] for r in run_json(capsys, library_dir, "list", "--tag", "أمن")] == [a]
    assert [r["id"] for r in run_json(capsys, library_dir, "list", "--collection", "رأي")] == [a]
    assert [r["id"] for r in run_json(capsys, library_dir, "list", "--author", "roe", "--lang", "en")] == [b]
    assert [r["id"] for r in run_json(capsys, library_dir, "list", "--outlet", "الوطن")] == [a]
    assert [r["id"] for r in run_json(capsys, library_dir, "list", "--since", "2016")] == [b]
    assert [r["id"] for r in run_json(capsys, library_dir, "list", "--until", "2015-07")] == [a]
    assert run_json(capsys, library_dir, "list", "--has-highlights") == []
    code, _, err = run(capsys, library_dir, "list", "--since", "July")
    assert code == 1 and "'July' is not a valid since" in err


def test_edit_changes_metadata_and_refuses_a_bad_date(
    capsys, library_dir: Path, two_articles: list[int]
) -> None:
    a, _ = two_articles
    edited = run_json(
        capsys,
        library_dir,
        "edit",
        a,
        "--title",
        "عنوان آخر",
        "--date",
        "2015/7/22",
        "--url",
        "https://x.sa/1",
    )
    assert (edited["title"], edited["published"], edited["url"]) == (
        "عنوان آخر",
        "2015-07-22",
        "https://x.sa/1",
    )
    code, _, err = run(capsys, library_dir, "edit", a, "--date", "غدا")
    assert code == 1 and "is not a valid published" in err
    code, _, err = run(capsys, library_dir, "edit", a)
    assert code == 2 and "nothing to change" in err
    code, _, err = run(capsys, library_dir, "edit", 999, "--title", "x")
    assert code == 1 and "not found" in err


def test_delete_needs_yes(capsys, library_dir: Path, two_articles: list[int]) -> None:
    a, b = two_articles
    code, _, err = run(capsys, library_dir, "delete", a)
    assert code == 2 and "nothing deleted" in err
    assert len(run_json(capsys, library_dir, "list")) == 2
    code, _, _ = run(capsys, library_dir, "delete", a, 999, "--yes")
    assert code == 1  # a wrong id: nothing is deleted
    assert len(run_json(capsys, library_dir, "list")) == 2
    assert run_json(capsys, library_dir, "delete", a, "--yes") == [
        {"id": a, "title": "عقود مشبوهة", "highlights": 0}
    ]
    assert [r["id"] for r in run_json(capsys, library_dir, "list")] == [b]


def test_tag_and_collection_commands(capsys, library_dir: Path, two_articles: list[int]) -> None:
    a, b = two_articles
    assert run_json(capsys, library_dir, "tag", a, b, "--add", "نفط", "--remove", "فساد") == [
        {"id": a, "tags": ["أمن/إرهاب", "نفط"]},
        {"id": b, "tags": ["نفط"]},
    ]
    code, out, _ = run(capsys, library_dir, "collection", "add", "اقتصاد", a, b)
    assert (code, out.strip()) == (0, "2 articles added to اقتصاد")
    run(capsys, library_dir, "collection", "remove", "اقتصاد", a)
    run(capsys, library_dir, "collection", "rename", "رأي", "مقالات رأي")
    assert run_json(capsys, library_dir, "collection", "list") == [
        {"id": 2, "name": "اقتصاد", "articles": 1},
        {"id": 1, "name": "مقالات رأي", "articles": 1},
    ]
    code, _, err = run(capsys, library_dir, "collection", "rename", "اقتصاد", "مقالات رأي")
    assert code == 1 and "already exists" in err
    run(capsys, library_dir, "collection", "delete", "اقتصاد")
    assert [c["name"] for c in run_json(capsys, library_dir, "collection", "list")] == ["مقالات رأي"]
    search = run_json(capsys, library_dir, "search", 'collection:"مقالات رأي"')
    assert {hit["article_id"] for hit in search["hits"]} == {a}


def test_import_reports_a_changed_page_and_updates_it_on_request(
    capsys, library_dir: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    table = tmp_path / "t.jsonl"
    table.write_text('{"file": "page.txt", "url": "https://example.org/p"}\n', "utf-8")
    page.write_text("صفحة\n\nالنص الأول.\n", "utf-8")
    [first] = run_json(capsys, library_dir, "import", page, "--metadata", table)
    page.write_text("صفحة\n\nالنص الأول مع تصحيح.\n", "utf-8")
    code, out, err = run(capsys, library_dir, "import", page, "--metadata", table)
    assert code == 0 and out.startswith(f"changed   {first['article_id']:>6}") and "--update-changed" in err
    [again] = run_json(capsys, library_dir, "import", page, "--metadata", table, "--update-changed")
    assert (again["status"], again["article_id"]) == ("updated", first["article_id"])
    code, _, err = run(capsys, library_dir, "import", page, "--metadata", tmp_path / "none.csv")
    assert code == 1 and "none.csv: no such file or folder" in err

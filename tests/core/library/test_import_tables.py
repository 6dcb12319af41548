"""Imports with metadata tables, pages seen before (same URL), duplicates that a table describes, splitting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import SPLITTERS, register_splitter
from reader.core.library import Library
from reader.core.library.importing import ImportOptions
from reader.core.models import ArticleFilter, ArticleMeta
from reader.core.text import Block, BlockKind


def write_article(folder: Path, relative: str, title: str, body: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_article(root, "articles/alwatan/0000.txt", "عقود مشبوهة", "نشرت الوطن تقريرا عن العقود.")
    write_article(root, "articles/alyaum/0000.txt", "مشروع داعش", "فقرة عن مشروع التنظيم.")
    write_article(root, "articles/alyaum/0001.txt", "بلا صف", "مقال لا يذكره الجدول.")
    rows = [
        {"file": "articles/alwatan/0000.txt", "source": "alwatan", "author": "سطام المقرن",
         "date_extracted": "2015-07-21 02:29:26", "url": "http://example.sa/1", "title": "عقود مشبوهة في وزارة الصحة!"},
        {"file": "articles/alyaum/0000.txt", "source": "alyaum", "author": "عبير العلي", "date": "2015-07-22",
         "tags": ["أمن", "داعش"], "collection": "رأي"},
        {"file": "articles/missing/0009.txt", "source": "alyaum"},
    ]  # fmt: skip
    (root / "manifest.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    return root


def test_a_folder_manifest_gives_authors_outlets_dates_tags_and_collections(
    library: Library, corpus: Path
) -> None:
    report = library.import_paths([corpus])
    assert [r.status for r in report] == ["imported"] * 3
    by_title = {a.title: a for a in library.articles.list()}
    first = by_title["عقود مشبوهة في وزارة الصحة!"]  # the table's title wins over the file's
    assert (first.author, first.outlet, first.published, first.url) == (
        "سطام المقرن", "alwatan", "2015-07-21", "http://example.sa/1",
    )  # fmt: skip
    second = by_title["مشروع داعش"]
    assert (second.author, second.outlet, second.published) == ("عبير العلي", "alyaum", "2015-07-22")
    assert library.articles.tags(second.id) == ["أمن", "داعش"]
    assert library.collections.articles("رأي") == [second.id]
    assert report.tables == [str(corpus / "manifest.jsonl")]
    assert report.unmatched_rows == [(str(corpus / "manifest.jsonl"), 3, "articles/missing/0009.txt")]
    assert report.files_without_row == [str(corpus / "articles/alyaum/0001.txt")]


def test_a_table_named_by_the_user_matches_by_path_tail_and_name(library: Library, tmp_path: Path) -> None:
    files = tmp_path / "files"
    write_article(files, "a/one.txt", "واحد", "نص أول")
    write_article(files, "b/two.txt", "اثنان", "نص ثان")
    table = tmp_path / "elsewhere" / "meta.csv"
    table.parent.mkdir()
    # Windows-1256 with semicolons, as a spreadsheet on an Arabic Windows saves it
    table.write_bytes(
        "path;الكاتب;outlet;date\na/one.txt;كاتب أول;الرياض;2015-08\ntwo.txt;كاتب ثان;عكاظ;\n".encode(
            "cp1256"
        )
    )
    report = library.import_paths([files], options=ImportOptions(metadata=[table]))
    assert [r.status for r in report] == ["imported", "imported"]
    meta = {a.title: (a.author, a.outlet, a.published) for a in library.articles.list()}
    assert meta == {"واحد": ("كاتب أول", "الرياض", "2015-08"), "اثنان": ("كاتب ثان", "عكاظ", "")}
    assert report.unmatched_rows == [] and report.files_without_row == []


def test_a_utf8_csv_with_bom_and_a_broken_user_table(library: Library, tmp_path: Path) -> None:
    article = write_article(tmp_path, "x.txt", "عنوان", "نص")
    table = tmp_path / "t.csv"
    table.write_bytes("\ufefffile,title,language\nx.txt,عنوان من الجدول,ar\n".encode())
    library.import_paths([article], options=ImportOptions(metadata=[table]))
    assert [a.title for a in library.articles.list()] == ["عنوان من الجدول"]

    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"file": "x.txt"}\n{not json\n', "utf-8")
    with pytest.raises(HawamishError) as error:
        library.import_paths([article], options=ImportOptions(metadata=[broken]))
    assert error.value.code is ErrorCode.MALFORMED and "line 2" in error.value.detail
    no_file = tmp_path / "nofile.csv"
    no_file.write_text("title,author\na,b\n", "utf-8")
    with pytest.raises(HawamishError):
        library.import_paths([article], options=ImportOptions(metadata=[no_file]))


def test_a_broken_manifest_in_a_folder_is_reported_and_the_files_still_come_in(
    library: Library, tmp_path: Path
) -> None:
    write_article(tmp_path / "f", "a.txt", "عنوان", "نص")
    (tmp_path / "f" / "manifest.jsonl").write_text("[1, 2]\n", "utf-8")
    report = library.import_paths([tmp_path / "f"])
    statuses = {Path(r.path).name: r.status for r in report}
    assert statuses == {"manifest.jsonl": "failed", "a.txt": "imported"}


def test_a_duplicate_that_a_table_describes_gets_its_metadata(library: Library, corpus: Path) -> None:
    library.import_paths([corpus], options=ImportOptions(folder_tables=False))
    assert {a.author for a in library.articles.list()} == {""}
    report = library.import_paths([corpus])
    assert {r.status for r in report} == {"duplicate"}
    assert "سطام المقرن" in {a.author for a in library.articles.list()}
    assert [r.id for r in library.articles.list_rows(ArticleFilter(collection="رأي"))] != []


def test_a_page_seen_before_with_a_changed_text_is_offered_as_an_update(
    library: Library, tmp_path: Path
) -> None:
    old = library.articles.add(
        ArticleMeta(title="صفحة", url="https://example.org/page"),
        [Block(BlockKind.PARAGRAPH, "النص القديم للمقال")],
    )
    highlight = library.highlights.create(old, 0, 5, color="claim")
    page = write_article(tmp_path, "page.txt", "صفحة", "النص القديم للمقال مع إضافة")
    table = tmp_path / "t.jsonl"
    table.write_text(json.dumps({"file": "page.txt", "url": "https://example.org/page"}), "utf-8")

    [result] = library.import_paths([page], options=ImportOptions(metadata=[table]))
    assert (result.status, result.article_id) == ("changed", old)
    assert library.articles.count() == 1 and "إضافة" not in library.articles.text(old)

    [result] = library.import_paths([page], options=ImportOptions(metadata=[table], update_changed=True))
    assert (result.status, result.article_id) == ("updated", old)
    assert "إضافة" in library.articles.text(old)
    assert library.highlights.get(highlight.id).exact == "النص "


def test_split_chapters_gives_one_result_per_chapter(library: Library, tmp_path: Path, monkeypatch) -> None:
    def two_chapters(path: Path) -> list[tuple[ArticleMeta, list[Block]]]:
        return [
            (ArticleMeta(title=f"فصل {n}"), [Block(BlockKind.PARAGRAPH, f"نص الفصل {n}")]) for n in (1, 2)
        ]

    monkeypatch.setattr("reader.core.importers.SPLITTERS", dict(SPLITTERS))  # the real one stays as it is
    register_splitter("TXT", two_chapters)
    book = write_article(tmp_path, "book.txt", "كتاب", "نص")
    whole = library.import_paths([book])
    assert [(r.status, r.part) for r in whole] == [("imported", None)]
    split = library.import_paths([book], options=ImportOptions(split_chapters=True))
    assert [(r.status, r.part, r.title) for r in split] == [
        ("imported", 1, "فصل 1"),
        ("imported", 2, "فصل 2"),
    ]
    assert ".txt" not in SPLITTERS  # register_splitter wrote into the test's copy


def test_importing_a_described_corpus_again_writes_nothing(library: Library, corpus: Path) -> None:
    from reader.core.changes import Change

    library.import_paths([corpus])
    changes: list[Change] = []
    library.add_listener(changes.append)
    again = library.import_paths([corpus])
    assert {r.status for r in again} == {"duplicate"}
    assert changes == []  # same metadata, tags and collections: no write, nothing to index again

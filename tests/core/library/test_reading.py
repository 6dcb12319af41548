"""Reading an import's files in reader processes: same outcomes, in order, and a dying reader fails one file."""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ErrorCode
from reader.core.library import Library
from reader.core.library.importing import ImportOptions
from reader.core.library.reading import Reads
from tests.core.library.crashing_reader import read_or_die


def _files(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, name in enumerate(names):
        path = folder / name
        if path.suffix == ".html":
            text = f"<html lang=ar><body><article><h1>عنوان {i}</h1><p>فقرة رقم {i} من المقال، وفيها ما يكفي من الكلمات ليعدها المستخرج نصا.</p></article></body></html>"
        else:
            text = f"عنوان {i}\n\nفقرة رقم {i} من المقال.\n"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_processes_give_the_same_results_in_the_same_order(library: Library, tmp_path: Path) -> None:
    files = _files(tmp_path / "in", [f"{i:02}.txt" for i in range(8)] + ["08.html"])
    (tmp_path / "in" / "empty.txt").write_text("   ", encoding="utf-8")
    here = [(Path(p).name, o.error is None) for p, o in Reads([*files, tmp_path / "in" / "empty.txt"])]
    there = [
        (Path(p).name, o.error is None)
        for p, o in Reads([*files, tmp_path / "in" / "empty.txt"], processes=2)
    ]
    assert here == there and here[-1] == ("empty.txt", False)
    results = library.import_paths([tmp_path / "in"], options=ImportOptions(processes=2))
    assert [r.status for r in results] == ["imported"] * 9 + ["failed"]
    assert results[-1].error is not None and results[-1].error.code is ErrorCode.EMPTY


def test_a_reader_process_that_dies_fails_its_file_and_the_rest_go_on(tmp_path: Path) -> None:
    files = _files(tmp_path, ["a.txt", "b.html", "crash.txt", "c.txt", "d.txt", "e.txt"])
    outcomes = list(Reads(files, processes=2, read=read_or_die))
    assert [p.name for p, _ in outcomes] == [p.name for p in files]
    failed = {p.name: o.error for p, o in outcomes if o.error is not None}
    assert list(failed) == ["crash.txt"]
    assert failed["crash.txt"][0] == "malformed" and "stopped" in failed["crash.txt"][2]


def test_plain_text_alone_is_read_in_the_thread(tmp_path: Path) -> None:
    files = _files(tmp_path, ["a.txt", "crash.txt"])
    reads = Reads(files, processes=2, read=read_or_die)
    assert reads._processes == 0  # (read_or_die would end this very process otherwise: not called here)


def test_a_missing_parser_library_fails_its_format_with_a_clear_reason(
    library: Library, tmp_path: Path, monkeypatch
) -> None:
    from reader.core import importers

    def needs_a_missing_module(path: Path):
        raise ModuleNotFoundError("No module named 'lxml_html_clean'")

    monkeypatch.setitem(importers.READERS, ".html", needs_a_missing_module)
    files = _files(tmp_path, ["a.txt", "b.html"])
    results = library.import_paths(files)
    assert [r.status for r in results] == ["imported", "failed"]
    error = results[1].error
    assert error is not None and error.code is ErrorCode.READER_MISSING and "lxml_html_clean" in error.detail


def test_a_reader_stuck_on_a_file_is_stopped_and_the_rest_go_on(tmp_path: Path) -> None:
    from tests.core.library.crashing_reader import read_or_hang

    files = _files(tmp_path, ["a.txt", "b.html", "hang.txt", "c.txt", "d.txt"])
    outcomes = list(Reads(files, processes=2, read=read_or_hang, time_limit=20))
    assert [p.name for p, _ in outcomes] == [p.name for p in files]
    failed = {p.name: o.error for p, o in outcomes if o.error is not None}
    assert list(failed) == ["hang.txt"], failed
    assert failed["hang.txt"][0] == "too_large" and "not read within 20 s" in failed["hang.txt"][2]

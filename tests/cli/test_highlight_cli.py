"""`hawamish highlight`, `show --json` with highlights, and `import --update` re-anchoring, through main()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.library import Library
from reader.core.text import normalize_arabic

Q_CNN = "وأخبر مسؤول أمريكي شبكة CNN"
Q_STRENGTH = "بدأ يستعيد قوته مرة أخرى"
Q_AGENCY = "قالت وكالة أنباء روسية حكومية"
Q_KHORASAN = "داعش-خراسان في أفغانستان"


def run(capsys: pytest.CaptureFixture[str], library_dir: Path, *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--library", str(library_dir), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(capsys, library_dir: Path, seed_path: Path) -> int:
    code, out, err = run(capsys, library_dir, "import", "--json", seed_path)
    assert code == 0, err
    return json.loads(out)[0]["article_id"]


def show(capsys, library_dir: Path, article_id: int) -> dict:
    code, out, err = run(capsys, library_dir, "show", str(article_id), "--json")
    assert code == 0, err
    return json.loads(out)


def test_highlight_prints_the_highlight_and_show_lists_it(capsys, library_dir: Path, imported: int) -> None:
    code, out, err = run(
        capsys,
        library_dir,
        "highlight",
        str(imported),
        "--quote",
        Q_CNN,
        "--color",
        "evidence",
        "--note",
        "مصدر: CNN, a US official",
        "--tag",
        "مصادر",
        "--tag",
        "usa",
        "--json",
    )
    assert (code, err) == (0, "")
    h = json.loads(out)
    assert (h["exact"], h["color"], h["style"], h["orphan"]) == (Q_CNN, "evidence", "background", False)
    assert h["tags"] == ["usa", "مصادر"] and h["note"] == "مصدر: CNN, a US official"
    article = show(capsys, library_dir, imported)
    [listed] = article["highlights"]
    assert listed == h
    assert article["text"][listed["start"] : listed["end"]] == Q_CNN
    assert len(listed["prefix"]) == 32 and article["text"][: listed["start"]].endswith(listed["prefix"])
    assert article["note"] == "" and article["tags"] == []
    code, out, _ = run(capsys, library_dir, "show", str(imported))
    assert code == 0 and Q_CNN in out.split("highlights (1):")[1]
    with Library(library_dir) as library:
        library.articles.set_note(imported, "ملاحظة على المقال")
        library.articles.set_tags(imported, ["روسيا"])
    article = show(capsys, library_dir, imported)
    assert (article["note"], article["tags"]) == ("ملاحظة على المقال", ["روسيا"])


def test_quote_typed_without_harakat_or_hamza_finds_the_real_words(
    capsys, library_dir: Path, imported: int
) -> None:
    code, out, err = run(
        capsys, library_dir, "highlight", str(imported), "--quote", "مقتل ما لا يقل عن 133 شخصا", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["exact"] == "مقتل ما لا يقل عن 133 شخصًا"
    code, out, err = run(
        capsys, library_dir, "highlight", str(imported), "--quote", "اعلن تنظيم داعش", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["exact"] == "أعلن تنظيم داعش"


def test_errors_are_one_clear_line_and_exit_1(capsys, library_dir: Path, imported: int) -> None:
    cases = [
        (["--quote", "نص غير موجود في المقال"], "not in the article"),
        (["--quote", "داعش"], "--occurrence"),
        (["--quote", "داعش", "--occurrence", "999"], "not in the article"),
        (["--quote", Q_CNN, "--color", "purple"], "claim"),  # the known keys are listed
    ]
    for extra, expected in cases:
        code, out, err = run(capsys, library_dir, "highlight", str(imported), *extra)
        assert code == 1 and out == ""
        assert err.startswith("hawamish: ") and err.count("\n") == 1 and expected in err, err
    code, _out, err = run(capsys, library_dir, "highlight", "999", "--quote", Q_CNN)
    assert code == 1 and "not found" in err
    assert show(capsys, library_dir, imported)["highlights"] == []


def test_occurrence_chooses_among_repeats(capsys, library_dir: Path, imported: int) -> None:
    code, out, err = run(
        capsys, library_dir, "highlight", str(imported), "--quote", "داعش", "--occurrence", "2", "--json"
    )
    assert code == 0, err
    text = show(capsys, library_dir, imported)["text"]
    first = text.index("داعش")
    assert json.loads(out)["start"] == text.index("داعش", first + 1)


def _edited_seed(seed_path: Path, folder: Path) -> Path:
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "تحديث: أضيفت هذه الفقرة بعد نشر المقال الأصلي 🙂.")  # everything after moves
    lines = [line.replace("أنباء روسية حكومية", "أنباء روسيّة رسمية") for line in lines]  # a word changed
    lines = [
        line.replace("داعش-خراسان في أفغانستان", "داعش-خراسان في أفغانستانَ") for line in lines
    ]  # a haraka
    lines = [line for line in lines if not line.startswith("شاهد ايضاً")]  # a paragraph deleted
    path = folder / "seed-updated.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_update_keeps_highlights_on_the_same_words(
    capsys, library_dir, imported, seed_path, tmp_path
) -> None:
    quotes = [Q_CNN, Q_STRENGTH, Q_AGENCY, Q_KHORASAN, "مساهمونا أعادوا مشاهدة مناظرات"]
    for q in quotes:
        code, _out, err = run(capsys, library_dir, "highlight", str(imported), "--quote", q)
        assert code == 0, err
    code, out, err = run(
        capsys, library_dir, "import", "--update", str(imported), _edited_seed(seed_path, tmp_path), "--json"
    )
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["article_id"] == imported and report["status"] == "updated"
    assert (report["exact"], report["moved"], report["fuzzy"], report["orphaned"]) == (0, 3, 1, 1)
    article = show(capsys, library_dir, imported)
    text = article["text"]
    placed = {h["exact"]: h for h in article["highlights"] if not h["orphan"]}
    assert set(placed) == {Q_CNN, Q_STRENGTH, "قالت وكالة أنباء روسيّة رسمية", "داعش-خراسان في أفغانستانَ"}
    for exact, h in placed.items():
        assert text[h["start"] : h["end"]] == exact
    [orphan] = [h for h in article["highlights"] if h["orphan"]]
    assert orphan["exact"] == "مساهمونا أعادوا مشاهدة مناظرات"  # the original quote, kept
    assert normalize_arabic(text).count(normalize_arabic(orphan["exact"])) == 0


def test_import_update_text_output_and_usage_errors(
    capsys, library_dir, imported, seed_path, tmp_path
) -> None:
    run(capsys, library_dir, "highlight", str(imported), "--quote", Q_CNN)
    code, out, err = run(
        capsys, library_dir, "import", "--update", str(imported), _edited_seed(seed_path, tmp_path)
    )
    assert code == 0 and err == ""
    assert "0 exact, 1 moved, 0 fuzzy, 0 orphaned" in out
    code, _out, err = run(capsys, library_dir, "import", "--update", str(imported), seed_path, seed_path)
    assert code == 2 and "exactly one PATH" in err
    code, _out, err = run(capsys, library_dir, "import", "--update", "999", seed_path)
    assert code == 1 and "not found" in err
    code, _out, err = run(capsys, library_dir, "import", "--update", str(imported), tmp_path / "missing.txt")
    assert code == 1 and "missing.txt" in err


def test_edit_changes_only_what_is_given(capsys, library_dir: Path, imported: int) -> None:
    code, out, err = run(
        capsys, library_dir, "--json", "highlight", imported, "--quote", Q_CNN, "--note", "أول", "--tag", "a"
    )
    assert code == 0, err
    hid = json.loads(out)["id"]
    code, out, err = run(capsys, library_dir, "--json", "highlight", "--edit", hid, "--color", "evidence")
    assert code == 0, err
    edited = json.loads(out)
    assert (edited["color"], edited["note"], edited["tags"]) == ("evidence", "أول", ["a"])
    code, out, err = run(capsys, library_dir, "highlight", "--edit", hid, "--tag", "x/y", "--tag", "b")
    assert code == 0, err
    assert out.startswith(f"changed highlight {hid} on article {imported}")
    assert show(capsys, library_dir, imported)["highlights"][0]["tags"] == ["b", "x/y"]
    code, out, err = run(capsys, library_dir, "--json", "highlight", "--edit", hid, "--no-tags", "--note", "")
    assert code == 0, err
    assert (json.loads(out)["tags"], json.loads(out)["note"]) == ([], "")


def test_delete_removes_the_highlight(capsys, library_dir: Path, imported: int) -> None:
    code, out, err = run(capsys, library_dir, "--json", "highlight", imported, "--quote", Q_AGENCY)
    hid = json.loads(out)["id"]
    code, out, err = run(capsys, library_dir, "highlight", "--delete", hid)
    assert code == 0, err
    assert out.startswith(f"deleted highlight {hid}")
    assert show(capsys, library_dir, imported)["highlights"] == []
    code, out, err = run(capsys, library_dir, "highlight", "--delete", hid)
    assert code == 1 and err.startswith("hawamish: ") and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["highlight"],
        ["highlight", "1"],
        ["highlight", "--edit", "1"],
        ["highlight", "1", "--quote", "x", "--edit", "1"],
        ["highlight", "--edit", "1", "--delete", "1"],
        ["highlight", "--delete", "1", "--note", "x"],
        ["highlight", "--edit", "1", "--tag", "a", "--no-tags"],
        ["highlight", "1", "--quote", "x", "--no-tags"],
    ],
)
def test_usage_errors_exit_2(capsys, library_dir: Path, argv: list[str]) -> None:
    code, _out, err = run(capsys, library_dir, *argv)
    assert code == 2 and err.strip()

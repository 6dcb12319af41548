"""`hawamish share init | sync | status` and the `by`/`history` of `show --json`, through main(); and two
libraries sharing through two clones of a bare git repository (a team whose engine is a git remote)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.cli import main

Q_CNN = "وأخبر مسؤول أمريكي شبكة CNN"


def run(capsys: pytest.CaptureFixture[str], library: Path, *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--library", str(library), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, library: Path, *argv: str | Path) -> str:
    code, out, err = run(capsys, library, *argv)
    assert code == 0, err
    return out


def test_share_commands(capsys, tmp_path: Path, seed_path: Path) -> None:
    salma, omar, folder = tmp_path / "salma", tmp_path / "omar", tmp_path / "shared"
    code, _out, err = run(capsys, salma, "share", "sync")
    assert code == 1 and "shares no folder" in err and "Traceback" not in err
    ok(capsys, salma, "import", seed_path)
    report = json.loads(
        ok(capsys, salma, "--json", "share", "init", folder, "--name", "سلمى", "--with-texts")
    )
    assert report["published"] == 1  # the article, with its text
    first = json.loads(ok(capsys, salma, "--json", "highlight", "1", "--quote", Q_CNN, "--note", "مصدر"))
    ok(capsys, salma, "share", "sync")
    out = ok(capsys, omar, "share", "init", folder, "--name", "Omar")
    assert out.startswith("published 0, received 2, applied 2")  # the article and the highlight
    shown = json.loads(ok(capsys, omar, "--json", "show", "1"))
    (highlight,) = shown["highlights"]
    assert (highlight["exact"], highlight["note"], highlight["by"], highlight["history"]) == (
        Q_CNN,
        "مصدر",
        "سلمى",
        [],
    )
    # both edit the note before they sync: one version wins everywhere, the other is kept as history
    ok(capsys, salma, "highlight", "--edit", str(first["id"]), "--note", "سلمى تقول")
    ok(capsys, omar, "highlight", "--edit", str(highlight["id"]), "--note", "Omar says")
    for library in (salma, omar, salma):
        ok(capsys, library, "share", "sync")
    views = [json.loads(ok(capsys, lib, "--json", "show", "1"))["highlights"][0] for lib in (salma, omar)]
    assert views[0]["note"] == views[1]["note"]
    assert views[0]["history"] == views[1]["history"]
    (kept,) = views[0]["history"]
    assert {views[0]["note"], kept["note"]} == {"سلمى تقول", "Omar says"}
    text = ok(capsys, omar, "show", "1")
    assert "edited at the same time by" in text
    status = json.loads(ok(capsys, omar, "--json", "share", "status"))
    assert status["conflicts"] == 1 and status["pending"] == 0 and status["name"] == "Omar"
    assert [m["name"] for m in status["members"]] == ["Omar", "سلمى"]  # you first
    assert status["members"][0]["you"] is True


def test_a_half_written_log_line_waits_and_is_reported_as_waiting(capsys, tmp_path: Path, seed_path) -> None:
    a, b, folder = tmp_path / "a", tmp_path / "b", tmp_path / "shared"
    ok(capsys, a, "import", seed_path)
    ok(capsys, a, "share", "init", folder, "--name", "A", "--with-texts")
    ok(capsys, b, "share", "init", folder, "--name", "B")
    log = next((folder / "logs").glob("*.jsonl"))
    with log.open("ab") as stream:
        stream.write(b'{"format": 1, "id": "half')
    report = json.loads(ok(capsys, b, "--json", "share", "sync"))
    assert report["pending"] == 1 and report["problems"] == []


def _git(cwd: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]
    result = subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _publish_with_git(clone: Path) -> None:
    """What a member's script or git client does: commit the folder, take the others' commits, push."""
    _git(clone, "add", "-A")
    if _git(clone, "status", "--porcelain").strip():
        _git(clone, "commit", "-q", "-m", "hawamish")
    _git(clone, "pull", "-q", "--rebase", "origin", "main")
    _git(clone, "push", "-q", "origin", "HEAD:main")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_two_clones_of_a_bare_git_repository_converge(capsys, tmp_path: Path, seed_path: Path) -> None:
    bare = tmp_path / "team.git"
    _git(tmp_path, "init", "-q", "--bare", str(bare))
    seed_clone = tmp_path / "seed"
    _git(tmp_path, "clone", "-q", str(bare), str(seed_clone))
    (seed_clone / "README").write_text("shared Hawamish folder\n", "utf-8")
    _git(seed_clone, "add", "README")
    _git(seed_clone, "commit", "-q", "-m", "a shared folder")
    _git(seed_clone, "push", "-q", "origin", "HEAD:main")
    clone_a, clone_b = tmp_path / "clone-a", tmp_path / "clone-b"
    _git(tmp_path, "clone", "-q", str(bare), str(clone_a))
    _git(tmp_path, "clone", "-q", str(bare), str(clone_b))
    a, b = tmp_path / "lib-a", tmp_path / "lib-b"
    ok(capsys, a, "import", seed_path)
    ok(capsys, b, "import", seed_path)  # both have the piece: texts stay home
    ok(capsys, a, "share", "init", clone_a, "--name", "A")
    ok(capsys, b, "share", "init", clone_b, "--name", "B")
    ok(capsys, a, "highlight", "1", "--quote", Q_CNN, "--note", "from A", "--tag", "source")
    ok(capsys, b, "highlight", "1", "--quote", "قالت وكالة أنباء روسية حكومية", "--note", "from B")
    for _round in range(2):
        for library, clone in ((a, clone_a), (b, clone_b)):
            ok(capsys, library, "share", "sync")
            _publish_with_git(clone)
            ok(capsys, library, "share", "sync")
    # a deletion on one side and an edit on the other, then another round
    hid_b = json.loads(ok(capsys, b, "--json", "show", "1"))["highlights"]
    by_note = {h["note"]: h["id"] for h in hid_b}
    ok(capsys, b, "highlight", "--delete", str(by_note["from B"]))
    ok(capsys, b, "highlight", "--edit", str(by_note["from A"]), "--tag", "source", "--tag", "russia")
    for _round in range(2):
        for library, clone in ((a, clone_a), (b, clone_b)):
            ok(capsys, library, "share", "sync")
            _publish_with_git(clone)
            ok(capsys, library, "share", "sync")
    states = []
    for library in (a, b):
        highlights = json.loads(ok(capsys, library, "--json", "show", "1"))["highlights"]
        states.append(sorted((h["exact"], h["note"], tuple(h["tags"]), h["by"]) for h in highlights))
    assert states[0] == states[1] == [(Q_CNN, "from A", ("russia", "source"), "A")]


def test_an_export_can_leave_out_the_others_highlights(capsys, tmp_path: Path, seed_path: Path) -> None:
    a, b, folder = tmp_path / "a", tmp_path / "b", tmp_path / "shared"
    ok(capsys, a, "import", seed_path)
    ok(capsys, a, "share", "init", folder, "--name", "A", "--with-texts")
    ok(capsys, b, "share", "init", folder, "--name", "B")
    ok(capsys, a, "highlight", "1", "--quote", Q_CNN, "--note", "A's note")
    ok(capsys, b, "highlight", "1", "--quote", "قالت وكالة أنباء روسية حكومية", "--note", "B's note")
    for library in (a, b, a):
        ok(capsys, library, "share", "sync")
    everything, mine = tmp_path / "all.md", tmp_path / "mine.md"
    ok(capsys, a, "export", "1", "-o", everything)
    ok(capsys, a, "export", "1", "--mine", "-o", mine)
    assert "A's note" in everything.read_text("utf-8") and "B's note" in everything.read_text("utf-8")
    assert "A's note" in mine.read_text("utf-8") and "B's note" not in mine.read_text("utf-8")
    notes = json.loads(ok(capsys, a, "--json", "notes", "--by", "b"))
    items = [item for group in notes["groups"] for item in group["items"]]
    assert [(item["note"], item["by"]) for item in items] == [("B's note", "B")]

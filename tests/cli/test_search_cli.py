"""`hawamish search` and `hawamish reindex`: text and JSON output, batch mode on stdin, errors, exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.search.index import CURRENT
from reader.core.search.schema import USER_FIELDS
from reader.messages import ERROR_MESSAGES, describe
from tests.conftest import ROOT
from tests.core.seed_helpers import add_seed, seed_blocks

FIELDS = ", ".join(USER_FIELDS)


@pytest.fixture
def seeded_dir(library_dir: Path) -> Path:
    with Library(library_dir) as library:
        seed_id = add_seed(library)
        text = "\n".join(b.text for b in seed_blocks())
        start = text.index("داعش-خراسان")
        library.highlights.create(seed_id, start, start + 11, note="فرع نشط في أفغانستان")
    return library_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_search_prints_hits_with_marked_snippets(capsys, seeded_dir: Path) -> None:
    code, out, err = run(capsys, "--library", seeded_dir, "search", "ايران")
    assert (code, err) == (0, "")
    assert "article" in out and "[إيران]" in out


def test_search_json_has_design_fields(capsys, seeded_dir: Path) -> None:
    code, out, _ = run(capsys, "--library", seeded_dir, "search", "خراسان", "--json")
    assert code == 0
    data = json.loads(out)
    # one hit per article, its matching highlights nested under it
    assert [h["kind"] for h in data["hits"]] == ["article"]
    nested = data["hits"][0]["highlights"]
    assert [h["kind"] for h in nested] == ["highlight"]
    assert nested[0]["article_id"] == data["hits"][0]["article_id"]
    for hit in [*data["hits"], *nested]:
        assert {"kind", "article_id", "highlight_id", "title", "score", "snippet", "hits"} <= hit.keys()
        assert all(len(span) == 2 for span in hit["hits"])
    # --kind highlight: the highlights themselves, one by one
    code, out, _ = run(capsys, "--library", seeded_dir, "search", "خراسان", "--json", "--kind", "highlight")
    assert [h["kind"] for h in json.loads(out)["hits"]] == ["highlight"]


def test_kind_and_limit_options(capsys, seeded_dir: Path) -> None:
    code, out, _ = run(capsys, "--library", seeded_dir, "--json", "search", "افغانستان", "--kind", "note")
    assert code == 0
    assert [h["kind"] for h in json.loads(out)["hits"]] == ["note"]
    code, out, _ = run(capsys, "--library", seeded_dir, "--json", "search", "داعش", "--limit", "1")
    data = json.loads(out)
    assert len(data["hits"]) == 1 and data["total"] > 1
    assert run(capsys, "--library", seeded_dir, "search", "داعش", "--limit", "0")[0] == 2
    assert run(capsys, "--library", seeded_dir, "search", "داعش", "--kind", "bogus")[0] == 2


def test_malformed_query_is_a_message_not_a_traceback(capsys, seeded_dir: Path) -> None:
    code, out, err = run(capsys, "--library", seeded_dir, "search", '"غير مغلق')
    assert code == 1 and out == ""
    assert err == f"hawamish: {ERROR_MESSAGES[ErrorCode.QUERY_UNCLOSED_QUOTE]}\n" and "Traceback" not in err
    code, out, err = run(capsys, "--library", seeded_dir, "search", "titel:موسكو")
    assert code == 1 and out == ""
    assert (
        err
        == "hawamish: "
        + describe(HawamishError(ErrorCode.QUERY_UNKNOWN_FIELD, token="titel", fields=FIELDS))
        + "\n"
    )
    assert err.startswith("hawamish: unknown field 'titel' (use one of title, ")


def test_malformed_query_in_json_carries_code_token_and_position(capsys, seeded_dir: Path) -> None:
    code, out, err = run(capsys, "--library", seeded_dir, "--json", "search", "داعش )")
    assert code == 1 and err == f"hawamish: {ERROR_MESSAGES[ErrorCode.QUERY_UNMATCHED_PAREN]}\n"
    assert json.loads(out) == {
        "query": "داعش )",
        "error": {
            "code": "query_unmatched_paren",
            "message": ERROR_MESSAGES[ErrorCode.QUERY_UNMATCHED_PAREN],
            "detail": "",
            "token": ")",
            "position": 5,
        },
    }


def test_batch_mode_one_json_line_per_query(capsys, seeded_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("خراسان\n(غير\nوبوتين\n"))
    code, out, _ = run(capsys, "--library", seeded_dir, "search", "-")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1  # one query failed
    assert [line["query"] for line in lines] == ["خراسان", "(غير", "وبوتين"]
    assert lines[0]["hits"] and lines[2]["hits"]
    assert lines[1]["error"]["code"] == "query_unclosed_paren" and "hits" not in lines[1]
    assert (lines[1]["error"]["token"], lines[1]["error"]["position"]) == ("(", 0)
    assert lines[1]["error"]["message"] == ERROR_MESSAGES[ErrorCode.QUERY_UNCLOSED_PAREN]


def test_search_rebuilds_a_corrupt_index(capsys, seeded_dir: Path) -> None:
    assert run(capsys, "--library", seeded_dir, "search", "خراسان")[0] == 0
    (seeded_dir / "index" / CURRENT).write_text("garbage")
    code, out, _ = run(capsys, "--library", seeded_dir, "search", "خراسان")
    assert code == 0 and "[خراسان]" in out


def test_reindex_shows_progress_on_stderr(capsys, seeded_dir: Path) -> None:
    code, out, err = run(capsys, "--library", seeded_dir, "reindex")
    assert code == 0
    assert out.startswith("indexed 2 documents")
    assert "100%" in err and "2/2" in err
    code, out, _ = run(capsys, "--library", seeded_dir, "--json", "reindex")
    assert json.loads(out)["documents"] == 2


def test_batch_search_through_the_real_entry_point(seeded_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(seeded_dir), "search", "-", "--limit", "1"],
        input="ايران\nالولايات المتحده\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [len(line["hits"]) for line in lines] == [1, 1]


def test_search_catches_the_index_up_through_the_library_s_keeper(
    capsys, seeded_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.library.index_keeper import IndexKeeper

    calls: list[object] = []
    catch_up = IndexKeeper.catch_up

    def recorded(self: IndexKeeper, *args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("index"))
        return catch_up(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(IndexKeeper, "catch_up", recorded)
    code, out, _ = run(capsys, "--library", seeded_dir, "search", "موسكو", "--json")
    assert code == 0 and json.loads(out)["hits"]
    assert len(calls) == 1 and calls[0] is not None  # the command's own (two-process) index

"""Several command-line writers on one library at once, and what must hold afterwards.

Each writer is a process of its own that runs `hawamish` commands one after another (`reader.cli.main`, a new
`Library` opened and closed for every command, as separate `hawamish` runs do): import a small article, then
highlight it with a note, edit its title, tag it, put it in a collection, and now and then search (which
brings the search index up to date, so the writers also meet at the index's writer lock). Every command
that reported success is written down; `verify` then checks the library holds each of them.

Used by tests/cli/test_concurrent_writers.py (a few operations) and benchmarks/concurrent_writers.py (4 × 200).
A writer process runs as `python -m tests.cli.concurrent_writers LIBRARY WRITER OPS LOG`.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The cycle of operations a writer runs; `search` comes every SEARCH_EVERY operations instead.
CYCLE = ("import", "highlight", "edit", "tag", "collection")
SEARCH_EVERY = 10


def token(writer: int, n: int) -> str:
    """A word found in one article only (Latin letters: the analysis chain keeps it whole)."""
    return f"kw{writer}x{n}"


def note_token(writer: int, n: int) -> str:
    return f"nt{writer}x{n}"


def _run(library: Path, *argv: str) -> tuple[int, str, str]:
    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--library", str(library), "--json", *argv])
    return code, out.getvalue(), err.getvalue()


def run_writer(library: Path, writer: int, ops: int, log: Path) -> None:
    """Run `ops` commands and write one JSON line per command: what was asked, its exit status, its time."""
    inbox = Path(tempfile.mkdtemp(prefix=f"writer{writer}-"))
    article: int | None = None
    imported = 0
    with log.open("w", encoding="utf-8") as out:
        for op_number in range(ops):
            if op_number % SEARCH_EVERY == SEARCH_EVERY - 1 and article is not None:
                kind = "search"
            else:
                kind = CYCLE[op_number % len(CYCLE)] if article is not None else "import"
            record: dict[str, object] = {"writer": writer, "op": op_number, "kind": kind}
            started = time.perf_counter()
            if kind == "import":
                n = imported
                path = inbox / f"w{writer}-{n}.txt"
                path.write_text(
                    f"مقال الكاتب {writer} رقم {n}\n\nفقرة أولى فيها الكلمة {token(writer, n)} وحدها.\n",
                    encoding="utf-8",
                )
                code, stdout, stderr = _run(library, "import", str(path))
                record.update(token=token(writer, n), title=f"مقال الكاتب {writer} رقم {n}")
                if code == 0:
                    article = int(json.loads(stdout)[0]["article_id"])
                    imported += 1
            elif kind == "highlight":
                assert article is not None
                note = note_token(writer, op_number)
                code, stdout, stderr = _run(
                    library, "highlight", str(article), "--quote", "فقرة أولى", "--note", note, "--tag", "مهم"
                )
                record.update(note=note)
                if code == 0:
                    record["highlight"] = int(json.loads(stdout)["id"])
            elif kind == "edit":
                title = f"عنوان {writer}-{op_number}"
                code, stdout, stderr = _run(library, "edit", str(article), "--title", title)
                record.update(title=title)
            elif kind == "tag":
                tag = f"وسم{writer}-{op_number}"
                code, stdout, stderr = _run(library, "tag", str(article), "--add", tag)
                record.update(tag=tag)
            elif kind == "collection":
                name = f"مجموعة {writer}"
                code, stdout, stderr = _run(library, "collection", "add", name, str(article))
                record.update(collection=name)
            else:
                code, stdout, stderr = _run(library, "search", token(writer, imported - 1))
                if code == 0:
                    record["hits"] = [h["article_id"] for h in json.loads(stdout)["hits"]]
            record.update(
                article=article, code=code, stderr=stderr.strip(), seconds=time.perf_counter() - started
            )
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()


@dataclass
class Outcome:
    """What a run of several writers did and what the library holds afterwards."""

    writers: int
    ops: int
    seconds: float = 0.0
    records: list[dict[str, object]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return sum(1 for r in self.records if r["code"] == 0)

    @property
    def failed(self) -> list[dict[str, object]]:
        return [r for r in self.records if r["code"] != 0]

    def latencies(self) -> list[float]:
        return sorted(float(r["seconds"]) for r in self.records)  # type: ignore[arg-type]


def run_writers(library: Path, writers: int, ops: int, *, busy_timeout: float | None = None) -> Outcome:
    """Start `writers` writer processes at once on `library` (made first, so none of them creates it) and
    wait for them all."""
    from reader.core.library import Library

    Library(library).close()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    if busy_timeout is not None:
        env["HAWAMISH_BUSY_TIMEOUT"] = str(busy_timeout)
    logs = [library.parent / f"writer-{w}.jsonl" for w in range(writers)]
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.cli.concurrent_writers", str(library), str(w), str(ops), str(log)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w, log in enumerate(logs)
    ]
    outcome = Outcome(writers, ops)
    for process in processes:
        _, stderr = process.communicate(timeout=3600)
        if process.returncode != 0:
            outcome.problems.append(f"writer exited {process.returncode}: {stderr[-2000:]}")
    outcome.seconds = time.perf_counter() - started
    for log in logs:
        outcome.records += [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return outcome


def verify(library_dir: Path, outcome: Outcome) -> list[str]:
    """Everything wrong with the library after the run (an empty list when it is consistent)."""
    from reader.core.library import Library

    problems = list(outcome.problems)
    if len(outcome.records) != outcome.writers * outcome.ops:
        problems.append(f"{len(outcome.records)} records for {outcome.writers * outcome.ops} operations")
    for record in outcome.failed:
        if "library busy" not in str(record["stderr"]):
            problems.append(f"a failure that is not 'library busy': {record}")
    code, stdout, stderr = _run(library_dir, "check")
    report = json.loads(stdout) if stdout else {}
    if code != 0 or report.get("problems"):
        problems.append(f"hawamish check: exit {code}, {report.get('problems')} {stderr}")
    with Library(library_dir) as library:
        titles: dict[int, str] = {}
        for record in outcome.records:
            if record["code"] != 0:
                continue
            article_id = int(record["article"])  # type: ignore[call-overload]
            kind = record["kind"]
            if kind in ("import", "edit"):
                titles[article_id] = str(record["title"])  # each article has one writer: the last one wins
            elif kind == "highlight":
                highlight = library.highlights.get(int(record["highlight"]))  # type: ignore[call-overload]
                if highlight.note != record["note"] or highlight.article_id != article_id:
                    problems.append(f"highlight {record['highlight']} differs: {highlight}")
            elif kind == "tag" and record["tag"] not in library.articles.tags(article_id):
                problems.append(f"tag {record['tag']} missing on article {article_id}")
            elif kind == "collection":
                if article_id not in library.collections.articles(str(record["collection"])):
                    problems.append(f"article {article_id} is not in {record['collection']}")
            elif kind == "search" and article_id not in record.get("hits", []):  # type: ignore[operator]
                problems.append(f"search did not find article {article_id} just imported: {record}")
        for article_id, title in titles.items():
            if library.articles.get(article_id).title != title:
                problems.append(f"article {article_id}: title {library.articles.get(article_id).title!r}")
        library.sync_index()
        for record in outcome.records:
            if record["code"] == 0 and record["kind"] == "import":
                hits = {hit.article_id for hit in library.search(str(record["token"])).hits}
                if hits != {record["article"]}:
                    problems.append(f"search {record['token']} found {hits}, not {record['article']}")
            if record["code"] == 0 and record["kind"] == "highlight":
                hits = {hit.highlight_id for hit in library.search(str(record["note"])).hits}
                if record["highlight"] not in hits:
                    problems.append(f"search {record['note']} did not find highlight {record['highlight']}")
    return problems


if __name__ == "__main__":
    run_writer(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))

"""The crash harness: start the command line or the app on a library, SIGKILL it at a random moment of a
change, then check that nothing acknowledged was lost (issue: reliability measured).

Each round picks a phase (an import of each format, highlight creation, note, tag and metadata edits,
re-indexing, export, backup) and a driver (the command line, `python -m reader --library DIR --json …`, or
the app, tests/crash/app_driver.py), lets it work for a random while and kills its process group. The
driver's acknowledgements (a command's JSON after it exited 0; the app driver's `ack` lines, printed after
each call returned) build a model of what must be in the library. After each kill:

- `PRAGMA integrity_check` is ok (a read-only sqlite3 connection: the only SQL here);
- every acknowledged article and highlight is there with the acknowledged values, read through a `Library`
  (the change in flight at the kill may have landed or not: both are right, and what landed is adopted);
- search works: the index is brought up to date the way commands do (`index_keeper.catch_up`), and the
  tokens of acknowledged articles and notes are found;
- export and backup targets are absent, the previous good file, or a complete new one; temporary files
  left beside them by the killed writer are counted, and must be gone after the next write there.

benchmarks/crash_harness.py runs the full count and prints the table; tests/crash/test_crash.py a reduced,
seeded run.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.crash.operations import APP_PHASES, CLI_PHASES, backup_path, cli_operation
from tests.crash.samples import new_token, write_sample

ROOT = Path(__file__).resolve().parents[2]
#: rounds on one library before a fresh one: the library grows with every import
GENERATION = 50
#: how long a command line driver works before the kill (it runs commands one after another until then)
CLI_WINDOW = (0.2, 2.5)
#: how long the app driver works after its window is up before the kill
APP_WINDOW = (0.0, 4.0)
READY_TIMEOUT = 90.0


@dataclass
class Model:
    """What the drivers acknowledged: partial states of articles and highlights, and complete files."""

    articles: dict[int, dict[str, Any]] = field(default_factory=dict)
    highlights: dict[int, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # path -> format
    written: set[str] = field(default_factory=set)  # paths acknowledged in the current round
    newest_article: int | None = None

    def apply(self, ack: dict[str, Any]) -> int:
        """Record an acknowledgement; the number of changes it carried."""
        for change in ack.get("changes", []):
            table = self.articles if change["entity"] == "article" else self.highlights
            table.setdefault(int(change["id"]), {}).update(change["state"])
            if change["entity"] == "article" and "token" in change["state"]:
                self.newest_article = int(change["id"])
        for written in ack.get("files", []):
            self.files[written["path"]] = written["format"]
            self.written.add(written["path"])
        return len(ack.get("changes", [])) + len(ack.get("files", []))

    def random_article(self, rng: random.Random) -> tuple[int, dict[str, Any]]:
        with_token = sorted(i for i, state in self.articles.items() if "token" in state)
        article_id = rng.choice(with_token)
        return article_id, self.articles[article_id]


@dataclass
class Tally:
    kills: Counter[str] = field(default_factory=Counter)  # "driver phase" -> kills
    in_call: Counter[str] = field(default_factory=Counter)  # kills while a call was running
    calls: Counter[str] = field(default_factory=Counter)  # calls that returned and were acknowledged
    acknowledged: Counter[str] = field(default_factory=Counter)  # changes and files those calls made
    integrity_failures: int = 0
    lost: list[str] = field(default_factory=list)
    search_failures: list[str] = field(default_factory=list)
    broken_targets: list[str] = field(default_factory=list)  # a target neither absent, old nor complete
    temp_after_kill: int = 0  # temporary files beside a target right after a kill (expected after SIGKILL)
    temp_after_next_write: list[str] = field(default_factory=list)  # still there after the next write
    driver_errors: list[str] = field(default_factory=list)  # a call that failed without being killed
    checks: int = 0
    targets_seen: set[str] = field(default_factory=set)  # export/backup targets once there: never to vanish

    @property
    def total_kills(self) -> int:
        return sum(self.kills.values())

    @property
    def ok(self) -> bool:
        return not (
            self.integrity_failures
            or self.lost
            or self.search_failures
            or self.broken_targets
            or self.temp_after_next_write
            or self.driver_errors
        )

    def table(self) -> str:
        rows = [f"{'driver phase':<24}{'kills':>7}{'in a call':>11}{'calls acked':>13}{'changes acked':>15}"]
        for key in sorted(self.kills):
            rows.append(
                f"{key:<24}{self.kills[key]:>7}{self.in_call[key]:>11}{self.calls[key]:>13}"
                f"{self.acknowledged[key]:>15}"
            )
        rows.append(
            f"{'total':<24}{self.total_kills:>7}{sum(self.in_call.values()):>11}"
            f"{sum(self.calls.values()):>13}{sum(self.acknowledged.values()):>15}"
        )
        rows += [
            "",
            f"checks after a kill              {self.checks}",
            f"integrity failures               {self.integrity_failures}",
            f"acknowledged changes lost        {len(self.lost)}",
            f"searches that failed             {len(self.search_failures)}",
            f"targets left broken              {len(self.broken_targets)}",
            f"temp files beside a target       {self.temp_after_kill}  (right after a kill)",
            f"temp files left after next write {len(self.temp_after_next_write)}",
            f"calls that failed unkilled       {len(self.driver_errors)}",
        ]
        for title, items in (
            ("lost", self.lost),
            ("search", self.search_failures),
            ("broken", self.broken_targets),
            ("temp", self.temp_after_next_write),
            ("errors", self.driver_errors),
        ):
            rows += [f"  {title}: {item}" for item in items[:10]]
        return "\n".join(rows)


# --- running a driver ---------------------------------------------------------------------------------


def _environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("HAWAMISH_LIBRARY", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HAWAMISH_CONFIG_DIR=str(work / "config"),
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    return env


class Child:
    """A driver process in its own process group, its stdout read line by line on a thread."""

    def __init__(self, args: list[str], work: Path) -> None:
        self.process = subprocess.Popen(
            args,
            cwd=ROOT,
            env=_environment(work),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            start_new_session=True,  # its own group: a kill reaches any worker process it started
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.stderr = ""

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it had already ended
            os.killpg(self.process.pid, signal.SIGKILL)

    def finish(self) -> list[str]:
        """Wait for the process and its output; every complete line it wrote."""
        self.process.wait()
        self._reader.join()
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()
        lines = []
        while True:
            line = self.lines.get()
            if line is None:
                return lines
            if line.endswith("\n"):  # a line cut by the kill was not acknowledged
                lines.append(line)


def _cli(library: Path, args: list[str], work: Path) -> Child:
    return Child([sys.executable, "-m", "reader", "--library", str(library), "--json", *args], work)


def run_cli_round(
    phase: str, library: Path, work: Path, model: Model, rng: random.Random, tally: Tally
) -> list[dict[str, Any]]:
    """Commands of `phase` one after another until a random moment, then a kill; the pending changes."""
    key = f"cli {phase}"
    deadline = time.monotonic() + rng.uniform(*CLI_WINDOW)
    while True:
        operation = cli_operation(phase, model, work, rng)
        child = _cli(library, operation.args, work)
        try:
            child.process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.finish()
            tally.in_call[key] += 1
            return list(operation.begin.get("pending", []))
        output = "".join(child.finish())
        if child.process.returncode != 0:
            tally.driver_errors.append(
                f"{key}: exit {child.process.returncode}: {child.stderr.strip()[-300:]}"
            )
            continue
        tally.acknowledged[key] += model.apply(operation.read_ack(output))
        tally.calls[key] += 1
        if time.monotonic() >= deadline:  # it ended just as the kill was due: nothing in flight
            return []


def run_app_round(
    phase: str, library: Path, work: Path, model: Model, rng: random.Random, tally: Tally
) -> list[dict[str, Any]]:
    """The app driver on `phase` until a random moment after its window is up, then a kill."""
    key = f"app {phase}"
    args = [
        sys.executable,
        "-m",
        "tests.crash.app_driver",
        str(library),
        str(work),
        phase,
        str(rng.randrange(1 << 30)),
    ]
    child = Child(args, work)
    early: list[str] = []
    started = time.monotonic()
    while time.monotonic() - started < READY_TIMEOUT:
        try:
            line = child.lines.get(timeout=1.0)
        except queue.Empty:
            continue
        if line is None:
            break
        early.append(line)
        if line.startswith('{"ready"'):
            break
    time.sleep(rng.uniform(*APP_WINDOW))
    child.kill()
    lines = early + child.finish()
    if not any(line.startswith('{"ready"') for line in lines):
        tally.driver_errors.append(f"{key}: the app did not start: {child.stderr.strip()[-500:]}")
        return []
    pending: list[dict[str, Any]] = []
    in_call = False
    for line in lines:
        message = json.loads(line)
        if "begin" in message:
            pending, in_call = list(message["begin"].get("pending", [])), True
        elif "ack" in message:
            tally.acknowledged[key] += model.apply(message["ack"])
            tally.calls[key] += 1
            pending, in_call = [], False
        elif "error" in message:
            tally.driver_errors.append(f"{key}: {message['error']['error']}")
            pending, in_call = [], False
    if in_call:
        tally.in_call[key] += 1
    return pending


# --- checking after a kill ----------------------------------------------------------------------------


def integrity_ok(database: Path) -> bool:
    """SQLite's own check, on a read-only connection (it reads the WAL the killed writer left)."""
    uri = f"{database.resolve().as_uri()}?mode=ro"
    try:
        with sqlite3.connect(uri, uri=True) as db:
            rows = db.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error:
        return False
    finally:
        db.close()
    return [tuple(r) for r in rows] == [("ok",)]


def _article_state(library: Any, article_id: int, wanted: dict[str, Any]) -> dict[str, Any]:
    article = library.articles.get(article_id)
    state: dict[str, Any] = {}
    for name in wanted:
        if name == "token":
            token = wanted["token"]
            state[name] = token if token in library.articles.text(article_id) else None
        elif name == "tags":
            state[name] = sorted(library.articles.tags(article_id))
        else:
            state[name] = getattr(article, name)
    return state


def _highlight_state(library: Any, highlight_id: int, wanted: dict[str, Any]) -> dict[str, Any]:
    highlight = library.highlights.get(highlight_id)
    values = {
        "article_id": highlight.article_id,
        "exact": highlight.exact,
        "note": highlight.note,
        "color": highlight.color,
        "tags": sorted(highlight.tags),
    }
    return {name: values[name] for name in wanted}


def check_changes(library: Any, model: Model, pending: list[dict[str, Any]], tally: Tally) -> None:
    """Every acknowledged value is there; a value written by the change in flight is adopted."""
    from reader.core.errors import HawamishError

    in_flight = {(p["entity"], int(p["id"])): p["changes"] for p in pending}
    for entity, table, read in (
        ("article", model.articles, _article_state),
        ("highlight", model.highlights, _highlight_state),
    ):
        for entity_id, wanted in table.items():
            try:
                found = read(library, entity_id, wanted)
            except HawamishError as exc:
                tally.lost.append(f"{entity} {entity_id}: {exc}")
                continue
            if found == wanted:
                continue
            landed = {**wanted, **in_flight.get((entity, entity_id), {})}
            if (entity, entity_id) in in_flight and found == landed:
                wanted.update(landed)  # the change in flight was committed before the kill
                continue
            tally.lost.append(f"{entity} {entity_id}: acknowledged {wanted}, found {found}")


def check_search(library: Any, model: Model, rng: random.Random, tally: Tally) -> None:
    """The index heals the way commands heal it, then finds acknowledged articles and notes."""
    try:
        library.index_keeper.catch_up()
        articles = [i for i, s in model.articles.items() if "token" in s]
        sample = set(rng.sample(articles, min(2, len(articles))))
        if model.newest_article is not None:
            sample.add(model.newest_article)
        for article_id in sorted(sample):
            token = model.articles[article_id]["token"]
            if article_id not in library.search(token, limit=50).article_ids():
                tally.search_failures.append(f"article {article_id} not found by {token}")
        notes = [(i, s["note"].split()[-1]) for i, s in model.highlights.items() if s.get("note")]
        for highlight_id, token in rng.sample(notes, min(2, len(notes))):
            hits = library.search(token, limit=50).hits
            if highlight_id not in {getattr(hit, "highlight_id", None) for hit in hits}:
                tally.search_failures.append(f"highlight {highlight_id} not found by {token}")
    except Exception as exc:  # any failure of search is what this check counts
        tally.search_failures.append(f"search raised {exc!r}")


def _complete(path: Path, fmt: str) -> bool:
    from reader.core.errors import HawamishError
    from reader.core.library.maintenance import describe_backup

    data = path.read_bytes()
    if fmt == "json":
        try:
            json.loads(data)
        except ValueError:
            return False
        return True
    if fmt == "pdf":
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if fmt == "html":
        return data.rstrip().lower().endswith(b"</html>")
    try:
        describe_backup(path)
    except HawamishError:
        return False
    return True


def _temporary_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix in (".part", ".tmp")]


def check_files(work: Path, tally: Tally, previous_temp: set[Path], written: set[str]) -> set[Path]:
    """Targets absent, old or complete; temporary files counted. `written`: targets a call of this round
    wrote (acknowledged): a temporary file of that target left by an earlier, killed writer must be gone.
    Returns the temporary files there now."""
    targets = {
        work / "exports" / "notes.json": "json",
        work / "exports" / "notes.pdf": "pdf",
        work / "exports" / "notes.html": "html",
        backup_path(work): "backup",
    }
    for path, fmt in targets.items():
        if path.exists() and not _complete(path, fmt):
            tally.broken_targets.append(f"{path.name} is not a complete {fmt} file")
        elif not path.exists() and str(path) in tally.targets_seen:
            tally.broken_targets.append(f"{path.name} was written and is gone")
        if path.exists():
            tally.targets_seen.add(str(path))
    now = {p for folder in (work / "exports", work / "backups") for p in _temporary_files(folder)}
    tally.temp_after_kill += len(now - previous_temp)
    for temp in previous_temp & now:
        if any(temp.name.startswith(f".{Path(target).name}.") for target in written):
            tally.temp_after_next_write.append(temp.name)
    return now


# --- the run ------------------------------------------------------------------------------------------


def _new_library(folder: Path, work: Path, rng: random.Random, model: Model) -> None:
    """A fresh library with a few articles, imported through the Library (those calls returned)."""
    from reader.core.library import Library

    with Library(folder) as library:
        paths = {
            write_sample(work / "in" / "seed", "txt", token)[0]: token
            for token in (new_token(rng) for _ in range(3))
        }
        for result in library.import_paths(list(paths)):
            assert result.article_id is not None, result.error
            article = library.articles.get(result.article_id)
            state = {
                "title": article.title,
                "author": article.author,
                "tags": [],
                "token": paths[Path(result.path)],
            }
            model.apply({"changes": [{"entity": "article", "id": article.id, "state": state}]})


def schedule(kills: int, rng: random.Random) -> list[tuple[str, str]]:
    """(driver, phase) for each kill: every pair in turn, shuffled, so that every phase gets its share."""
    pairs = [("cli", p) for p in CLI_PHASES] + [("app", p) for p in APP_PHASES]
    order: list[tuple[str, str]] = []
    while len(order) < kills:
        batch = list(pairs)
        rng.shuffle(batch)
        order.extend(batch)
    return order[:kills]


def run_harness(
    kills: int,
    seed: int,
    work: Path,
    *,
    plan: list[tuple[str, str]] | None = None,
    generation: int = GENERATION,
    log: Any = None,
) -> Tally:
    from reader.core.library import Library

    rng = random.Random(seed)
    tally = Tally()
    rounds = plan or schedule(kills, rng)
    model = Model()
    library_dir = work / "library-0"
    previous_temp: set[Path] = set()
    for number, (driver, phase) in enumerate(rounds):
        if number % generation == 0:
            model = Model()
            library_dir = work / f"library-{number // generation}"
            _new_library(library_dir, work, rng, model)
        run_round = run_cli_round if driver == "cli" else run_app_round
        model.written.clear()
        pending = run_round(phase, library_dir, work, model, rng, tally)
        written = set(model.written)
        tally.kills[f"{driver} {phase}"] += 1
        tally.checks += 1
        if not integrity_ok(library_dir / "library.sqlite3"):
            tally.integrity_failures += 1
        with Library(library_dir) as library:
            check_changes(library, model, pending, tally)
            check_search(library, model, rng, tally)
        seen = check_files(work, tally, previous_temp, written)
        previous_temp = seen
        if log is not None:
            log(
                f"{number + 1:>4}/{len(rounds)} {driver} {phase:<12} pending={len(pending)} lost={len(tally.lost)}"
            )
    return tally

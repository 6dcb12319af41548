"""The changes the crash harness makes while it kills their maker, and what each one promises once acknowledged.

A change is described twice. `begin` names what it is about to touch (`pending`: entity, id and the values it
will write), so that after a kill in the middle of it either the old or the new values are right. Its
acknowledgement (`ack`, built only after the call returned) gives the state the call left: `changes`, each
`{"entity": "article"|"highlight", "id": N, "state": {field: value}}` (a partial state: the fields this change
knows), and `files` it wrote completely (`{"path": …, "format": …}`).

`app_operation` builds one for the app driver (run in the app's process, through its `Library`);
`cli_operation` builds one for the command line (arguments for `python -m reader`, and how to read its JSON).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.crash.samples import FORMATS, new_token, write_sample

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.models import Highlight

TAGS = ("economy", "history", "media", "policy", "quote")
AUTHORS = ("Laila", "ليلى", "Omar", "عمر")
EXPORT_FORMATS = ("json", "pdf", "html")
FILES_PER_IMPORT = 2

APP_PHASES = (
    "highlight",
    "note",
    "tags",
    "metadata",
    *(f"import-{fmt}" for fmt in FORMATS),
    "reindex",
    "export",
    "backup",
)
CLI_PHASES = (
    "highlight",
    "tags",
    "metadata",
    *(f"import-{fmt}" for fmt in FORMATS),
    "reindex",
    "export",
    "backup",
)

Ack = dict[str, Any]


@dataclass
class Operation:
    """One change in the app driver: what it will touch, the call, and whether the app runs it in a worker."""

    begin: dict[str, Any]
    run: Callable[[], Ack]
    in_worker: bool = False


@dataclass
class CliOperation:
    """One command: its arguments after `--library DIR --json`, what it will touch, how to read its output."""

    args: list[str]
    begin: dict[str, Any]
    read_ack: Callable[[str], Ack]
    files: list[dict[str, str]] = field(default_factory=list)


def highlight_state(highlight: Highlight) -> dict[str, Any]:
    return {
        "article_id": highlight.article_id,
        "exact": highlight.exact,
        "note": highlight.note,
        "color": highlight.color,
        "tags": sorted(highlight.tags),
    }


def export_path(work: Path, fmt: str) -> Path:
    """Always the same few paths: a kill during an export must leave the previous good file there."""
    return work / "exports" / f"notes.{fmt}"


def backup_path(work: Path) -> Path:
    return work / "backups" / "manual.sqlite3"


def _pending(entity: str, entity_id: int, **values: Any) -> dict[str, Any]:
    return {"entity": entity, "id": entity_id, "changes": values}


# --- the app ------------------------------------------------------------------------------------------


def app_operation(phase: str, library: Library, work: Path, rng: random.Random) -> Operation | None:
    """The next change of `phase`, through the app's `Library`; None while there is no article to work on."""
    from reader.core.exporters import ExportRequest

    if phase.startswith("import-"):
        return _app_import(phase.removeprefix("import-"), library, work, rng)
    if phase == "reindex":
        return Operation({"phase": phase}, lambda: (library.rebuild_index(), {"changes": []})[1], True)
    if phase == "export":
        fmt = rng.choice(EXPORT_FORMATS)
        path = export_path(work, fmt)
        path.parent.mkdir(parents=True, exist_ok=True)

        def export() -> Ack:
            library.export(ExportRequest(format=fmt, all_articles=True), path)
            return {"changes": [], "files": [{"path": str(path), "format": fmt}]}

        return Operation({"phase": phase, "files": [str(path)]}, export, True)
    if phase == "backup":
        path = backup_path(work)

        def backup() -> Ack:
            library.backup(path)
            return {"changes": [], "files": [{"path": str(path), "format": "backup"}]}

        return Operation({"phase": phase, "files": [str(path)]}, backup, True)

    article_ids = library.articles.ids()
    if not article_ids:
        return None
    article_id = rng.choice(article_ids)
    if phase == "metadata":
        title, author = f"Title {new_token(rng)}", rng.choice(AUTHORS)

        def edit() -> Ack:
            article = library.articles.update_meta(article_id, title=title, author=author)
            state = {"title": article.title, "author": article.author}
            return {"changes": [{"entity": "article", "id": article_id, "state": state}]}

        return Operation(
            {"phase": phase, "pending": [_pending("article", article_id, title=title, author=author)]}, edit
        )
    highlights = library.highlights.query()
    if phase == "highlight" or not highlights:
        return _app_highlight(phase, library, article_id, rng)
    highlight = rng.choice(highlights)
    if phase == "note":
        note = f"note {new_token(rng)}"

        def write_note() -> Ack:
            after = library.highlights.update(highlight.id, note=note)
            return {"changes": [{"entity": "highlight", "id": after.id, "state": highlight_state(after)}]}

        return Operation(
            {"phase": phase, "pending": [_pending("highlight", highlight.id, note=note)]}, write_note
        )
    # tags: a highlight's or an article's, as the tag editors of the panel and the library list do
    tags = sorted(rng.sample(TAGS, rng.randint(0, 3)))
    if rng.random() < 0.5:

        def tag_highlight() -> Ack:
            after = library.highlights.update(highlight.id, tags=tags)
            return {"changes": [{"entity": "highlight", "id": after.id, "state": highlight_state(after)}]}

        return Operation(
            {"phase": phase, "pending": [_pending("highlight", highlight.id, tags=tags)]}, tag_highlight
        )

    def tag_article() -> Ack:
        after = library.articles.set_tags(article_id, tags)
        return {"changes": [{"entity": "article", "id": article_id, "state": {"tags": sorted(after)}}]}

    return Operation({"phase": phase, "pending": [_pending("article", article_id, tags=tags)]}, tag_article)


def _app_highlight(phase: str, library: Library, article_id: int, rng: random.Random) -> Operation:
    text = library.articles.text(article_id)
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == " ")]
    start = rng.choice(starts[:-1] or [0])
    end = min(len(text), start + rng.randint(4, 40))
    colors = library.labels.keys()
    color, note, tags = rng.choice(colors), f"note {new_token(rng)}", sorted(rng.sample(TAGS, 1))

    def create() -> Ack:
        made = library.highlights.create(article_id, start, end, color=color, note=note, tags=tags)
        return {"changes": [{"entity": "highlight", "id": made.id, "state": highlight_state(made)}]}

    return Operation({"phase": phase, "pending": []}, create)


def _app_import(fmt: str, library: Library, work: Path, rng: random.Random) -> Operation:
    tokens = [new_token(rng) for _ in range(FILES_PER_IMPORT)]
    folder = work / "in" / tokens[0]
    paths = {write_sample(folder, fmt, token)[0]: token for token in tokens}

    def run_import() -> Ack:
        report = library.import_paths(list(paths))
        changes = []
        for result in report:
            if result.status != "imported" or result.article_id is None:
                continue
            article = library.articles.get(result.article_id)
            token = paths[Path(result.path)]
            state = {"title": article.title, "author": article.author, "tags": [], "token": token}
            changes.append({"entity": "article", "id": article.id, "state": state})
        return {"changes": changes}

    return Operation({"phase": f"import-{fmt}", "pending": []}, run_import, True)


# --- the command line ---------------------------------------------------------------------------------


def cli_operation(phase: str, model: Any, work: Path, rng: random.Random) -> CliOperation:
    """The next command of `phase`; `model` (harness.Model) knows the acknowledged articles to work on."""
    if phase.startswith("import-"):
        fmt = phase.removeprefix("import-")
        tokens = [new_token(rng) for _ in range(FILES_PER_IMPORT)]
        folder = work / "in" / tokens[0]
        by_name = {write_sample(folder, fmt, token)[0].name: token for token in tokens}

        def read_import(out: str) -> Ack:
            changes = []
            for result in json.loads(out):
                if result["status"] == "imported":
                    state = {
                        "title": result["title"],
                        "tags": [],
                        "token": by_name[Path(result["path"]).name],
                    }
                    changes.append({"entity": "article", "id": result["article_id"], "state": state})
            return {"changes": changes}

        return CliOperation(["import", str(folder)], {"phase": phase, "pending": []}, read_import)
    if phase == "reindex":
        return CliOperation(["reindex"], {"phase": phase}, lambda _out: {"changes": []})
    if phase == "export":
        fmt = rng.choice(EXPORT_FORMATS)
        path = export_path(work, fmt)
        path.parent.mkdir(parents=True, exist_ok=True)
        files = [{"path": str(path), "format": fmt}]
        args = ["export", "--all", "--format", fmt, "-o", str(path)]
        return CliOperation(
            args, {"phase": phase, "files": [str(path)]}, lambda _out: {"changes": [], "files": files}
        )
    if phase == "backup":
        path = backup_path(work)
        path.parent.mkdir(parents=True, exist_ok=True)
        files = [{"path": str(path), "format": "backup"}]
        return CliOperation(
            ["backup", str(path), "--overwrite"],
            {"phase": phase, "files": [str(path)]},
            lambda _out: {"changes": [], "files": files},
        )

    article_id, article = model.random_article(rng)
    if phase == "metadata":
        title, author = f"Title {new_token(rng)}", rng.choice(AUTHORS)
        pending = [_pending("article", article_id, title=title, author=author)]

        def read_edit(out: str) -> Ack:
            data = json.loads(out)
            state = {"title": data["title"], "author": data["author"]}
            return {"changes": [{"entity": "article", "id": data["id"], "state": state}]}

        args = ["edit", str(article_id), "--title", title, "--author", author]
        return CliOperation(args, {"phase": phase, "pending": pending}, read_edit)
    if phase == "tags":
        tag = rng.choice(TAGS)
        known = article.get("tags")
        pending = [] if known is None else [_pending("article", article_id, tags=sorted({*known, tag}))]

        def read_tags(out: str) -> Ack:
            changes = [
                {"entity": "article", "id": row["id"], "state": {"tags": sorted(row["tags"])}}
                for row in json.loads(out)
            ]
            return {"changes": changes}

        return CliOperation(
            ["tag", str(article_id), "--add", tag], {"phase": phase, "pending": pending}, read_tags
        )
    # highlight: the article's own token is a quote found exactly once
    note, tag = f"note {new_token(rng)}", rng.choice(TAGS)

    def read_highlight(out: str) -> Ack:
        data = json.loads(out)
        state = {key: data[key] for key in ("article_id", "exact", "note", "color")}
        state["tags"] = sorted(data["tags"])
        return {"changes": [{"entity": "highlight", "id": data["id"], "state": state}]}

    args = ["highlight", str(article_id), "--quote", article["token"], "--note", note, "--tag", tag]
    return CliOperation(args, {"phase": phase, "pending": []}, read_highlight)

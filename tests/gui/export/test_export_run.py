"""ExportRun: one export at a time on a worker, its outcome as a signal (done, stopped or failed)."""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest
from reader.core.library import Library
from reader.gui.export.export_run import ExportRun

WAIT_MS = 20_000


def _run(qtbot, library: Library) -> tuple[ExportRun, list[tuple[str, object]]]:
    run = ExportRun(library)
    seen: list[tuple[str, object]] = []
    run.done.connect(lambda summary: seen.append(("done", summary)))
    run.stopped.connect(lambda: seen.append(("stopped", None)))
    run.failed.connect(lambda error: seen.append(("failed", error)))
    return run, seen


def test_a_finished_export_reports_its_summary(qtbot, library: Library, sample_ids, tmp_path: Path) -> None:
    run, seen = _run(qtbot, library)
    target = tmp_path / "notes.md"
    task = run.start(ExportRequest(format="md", article_ids=(sample_ids[0],)), target)
    assert run.running and run.start(ExportRequest(format="md", all_articles=True), target) is task
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    kind, summary = seen[0]
    assert kind == "done" and Path(getattr(summary, "path", "")) == target and target.is_file()
    assert not run.running and not run.cancel()


def test_a_cancelled_export_writes_nothing(qtbot, library: Library, sample_ids, tmp_path: Path) -> None:
    run, seen = _run(qtbot, library)
    target = tmp_path / "notes.pdf"
    run.start(ExportRequest(format="pdf", all_articles=True), target)
    assert run.cancel()  # before the worker's first check: the core stops and leaves no file
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert seen == [("stopped", None)] and not target.exists()


def test_a_failed_export_reports_the_error(qtbot, library: Library, sample_ids, tmp_path: Path) -> None:
    run, seen = _run(qtbot, library)
    folder = tmp_path / "a folder"
    folder.mkdir()
    run.start(ExportRequest(format="md", all_articles=True), folder)  # a folder where the file should go
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    kind, error = seen[0]
    assert kind == "failed" and isinstance(error, HawamishError) and error.code is ErrorCode.UNWRITABLE

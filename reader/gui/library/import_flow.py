"""File → Import: choose files or a folder, import them off the UI thread, then report what happened.

The import itself is `library.import_paths`; this module only runs it through `run_task`, shows progress
with a cancel button, and summarises the results, naming every file that failed and why, in the UI
language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from reader.core.errors import ErrorCode
from reader.core.library import Library
from reader.gui.common.error_text import describe_error, error_reason
from reader.gui.common.workers import CancelledFn, ProgressFn, Task, run_task
from reader.gui.shell import Shell

if TYPE_CHECKING:  # the importers (markdown-it and all) load with the first import, not with the app
    from reader.core.importers import ImportResult


def import_patterns() -> str:
    """File-dialog patterns for every extension an importer reads (new importers appear by themselves)."""
    from reader.core.importers import supported_extensions

    return " ".join(f"*{ext}" for ext in supported_extensions())


class ImportFlow(QObject):
    """Owns the running import task, its progress dialog and the summary box of the last import."""

    #: The list of ImportResult of a finished import (also after a cancel: what was done so far).
    finished = Signal(list)
    failed = Signal(object)

    def __init__(
        self, library: Library, settings: QSettings, shell: Shell, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._settings = settings
        self._shell = shell
        self.task: Task | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary_box: QMessageBox | None = None

    # choosing ------------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._shell.dialog_parent(),
            self.tr("Import Articles"),
            str(self._start_dir()),
            self.tr("Articles ({patterns});;All files (*)").format(patterns=import_patterns()),
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder_and_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._shell.dialog_parent(), self.tr("Import a Folder"), str(self._start_dir())
        )
        if folder:
            self.import_paths([Path(folder)])

    def _start_dir(self) -> Path:
        value = self._settings.value("import/last_dir")
        return Path(str(value)) if value else Path.home()

    # running -------------------------------------------------------------------------------------
    def import_paths(self, paths: Sequence[Path]) -> Task | None:
        """Import `paths` in the background; returns the task (None when an import is already running)."""
        if self.task is not None and self.task.is_running:
            return None
        paths = [Path(p) for p in paths]
        if paths:
            first = paths[0]
            self._settings.setValue("import/last_dir", str(first if first.is_dir() else first.parent))
        library = self._library

        def work(progress: ProgressFn, cancelled: CancelledFn) -> list[ImportResult]:
            return library.import_paths(paths, progress=progress, cancel=cancelled)

        dialog = QProgressDialog(
            self.tr("Importing articles…"), self.tr("Cancel"), 0, 0, self._shell.dialog_parent()
        )
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog
        self.task = run_task(self, work, on_done=self._done, on_error=self._error, on_progress=self._progress)
        dialog.canceled.connect(self.task.cancel)
        return self.task

    def cancel(self) -> None:
        if self.task is not None and self.task.is_running:
            self.task.cancel()

    def _progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog  # setValue() of a modal dialog processes events: _done may run inside
        if dialog is not None:
            dialog.setLabelText(
                self.tr("Importing articles… {done} of {total}").format(done=done, total=total)
            )
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()  # closing a QProgressDialog emits canceled()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _done(self, results: list[ImportResult]) -> None:
        self._close_progress()
        self._summarise(results)
        first_new = next(
            (r.article_id for r in results if r.status in ("imported", "updated") and r.article_id), None
        )
        if first_new is not None and self._shell.article_view.article is None:
            self._shell.open_article(first_new)
        self.finished.emit(results)

    def _error(self, error: BaseException) -> None:
        self._close_progress()
        self._show_box(QMessageBox.Icon.Warning, self.tr("Import failed"), describe_error(error), "")
        self.failed.emit(error)

    # reporting -----------------------------------------------------------------------------------
    def summary_text(self, results: Sequence[ImportResult]) -> tuple[str, str]:
        """A one-paragraph summary and the details (one failed file a line, with its reason)."""
        cancelled = [
            r
            for r in results
            if r.status == "failed" and r.error is not None and r.error.code is ErrorCode.CANCELLED
        ]
        results = [r for r in results if r not in cancelled]
        counts = Counter(r.status for r in results)
        parts = [self.tr("Imported: {n}").format(n=counts.get("imported", 0))]
        if counts.get("updated"):
            parts.append(self.tr("Updated: {n}").format(n=counts["updated"]))
        if counts.get("duplicate"):
            parts.append(self.tr("Already in the library: {n}").format(n=counts["duplicate"]))
        if counts.get("failed"):
            parts.append(self.tr("Failed: {n}").format(n=counts["failed"]))
        if cancelled or (self.task is not None and self.task.is_cancelled):
            parts.append(self.tr("The import was cancelled; %n file(s) were not read.", "", len(cancelled)))
        failures = [
            f"\u2068{Path(r.path).name}\u2069 — {error_reason(r.error) if r.error is not None else ''}"
            for r in results
            if r.status == "failed"
        ]
        return "\n".join(parts), "\n".join(failures)

    def _summarise(self, results: Sequence[ImportResult]) -> None:
        text, details = self.summary_text(results)
        if details:
            intro = self.tr("Some files could not be imported:")
            shown = "\n".join(details.splitlines()[:12])
            more = len(details.splitlines()) - 12
            if more > 0:
                shown += "\n" + self.tr("… and {n} more (see the details)").format(n=more)
            self._show_box(
                QMessageBox.Icon.Warning, self.tr("Import finished"), f"{text}\n\n{intro}\n{shown}", details
            )
        else:
            self._shell.show_status(text.replace("\n", " · "), 8000)
            self.summary_box = None

    def _show_box(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._shell.dialog_parent())
        box.setObjectName("importSummary")
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_box = box
        box.open()  # window-modal, does not block (tests read it, the user closes it)

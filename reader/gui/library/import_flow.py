"""File → Import Files… / Import Folder… and files dropped on the window: import off the UI thread, report.

The import itself is `library.import_paths`, run a batch of files at a time in a worker
(import_run.import_all). The worker writes its progress into an `ImportProgress`; a timer shows it
ten times a second in a dialog that is not modal (import_progress.py), so a folder of thousands of files
neither floods the event loop nor stops the user from reading while the library list fills in. Cancel keeps
what was imported. At the end, a summary: a line in the status bar when all went well, otherwise a box (never
blocking: `open()`) naming every file that failed and why, and the pages that changed since they were
imported, which "Update Them" re-imports over the stored articles as `hawamish import --update` does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.gui.common.error_text import describe_error, error_reason
from reader.gui.common.file_dialogs import dialog_directions
from reader.gui.common.numbers import local_number
from reader.gui.common.workers import CancelledFn, ProgressFn, Task, run_task
from reader.gui.library.import_progress import ImportProgressDialog
from reader.gui.library.import_run import ImportProgress, import_all
from reader.gui.shell import Menu, Shell

if TYPE_CHECKING:  # the importers (markdown-it and all) load with the first import, not with the app
    from reader.core.importers import ImportResult

#: The progress dialog appears only for an import that takes longer than this (no flash for one file).
SHOW_PROGRESS_AFTER_MS = 400
#: How often the progress dialog reads the worker's progress (about ten times a second).
PROGRESS_MS = 100
#: Lines of failures and changed pages the summary box lists before "… and N more".
SUMMARY_LINES = 12


def import_patterns() -> str:
    """File-dialog patterns for every extension an importer reads (new importers appear by themselves)."""
    from reader.core.importers import supported_extensions

    return " ".join(f"*{ext}" for ext in supported_extensions())


def _isolated_name(path: str) -> str:
    return f"\u2068{Path(path).name}\u2069"


class ImportFlow(QObject):
    """Owns the import actions, the running import task, its progress dialog and the last summary."""

    #: The list of ImportResult of a finished import (also after a cancel: what was done so far).
    finished = Signal(list)
    failed = Signal(object)
    #: (number of articles updated, list of (path, error) that could not be) after "Update Them".
    updated = Signal(int, list)

    def __init__(
        self, library: Library, settings: QSettings, shell: Shell, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._settings = settings
        self._shell = shell
        self.task: Task | None = None
        self.update_task: Task | None = None
        self.progress: ImportProgress | None = None
        self.progress_dialog: ImportProgressDialog | None = None
        self.summary_box: QMessageBox | None = None
        self.update_button: QPushButton | None = None
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_PROGRESS_AFTER_MS)
        self._show_timer.timeout.connect(self._show_progress)
        self._progress_timer = QTimer(self, interval=PROGRESS_MS)
        self._progress_timer.timeout.connect(self._update_progress)
        self._add_actions(shell)

    def _add_actions(self, shell: Shell) -> None:
        self.import_files_action = QAction(qta.icon("fa5s.file-import"), self.tr("&Import Files…"), self)
        self.import_files_action.setObjectName("importFilesAction")
        self.import_files_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Open), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I)]
        )
        self.import_files_action.setStatusTip(
            self.tr("Add articles from files (you can also drop files or folders on the window)")
        )
        self.import_files_action.triggered.connect(lambda _checked=False: self.choose_and_import())
        self.import_folder_action = QAction(qta.icon("fa5s.folder-open"), self.tr("Import &Folder…"), self)
        self.import_folder_action.setObjectName("importFolderAction")
        self.import_folder_action.setStatusTip(self.tr("Add every article in a folder and its subfolders"))
        self.import_folder_action.triggered.connect(lambda _checked=False: self.choose_folder_and_import())
        shell.add_action(self.import_files_action, Menu.FILE)
        shell.add_action(self.import_folder_action, Menu.FILE)

    # choosing ------------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        if self._refuse_second_import():
            return
        with dialog_directions():
            paths, _ = QFileDialog.getOpenFileNames(
                self._shell.dialog_parent(),
                self.tr("Import Articles"),
                str(self._start_dir()),
                self.tr("Articles ({patterns});;All files (*)").format(patterns=import_patterns()),
            )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder_and_import(self) -> None:
        if self._refuse_second_import():
            return
        with dialog_directions():
            folder = QFileDialog.getExistingDirectory(
                self._shell.dialog_parent(), self.tr("Import a Folder"), str(self._start_dir())
            )
        if folder:
            self.import_paths([Path(folder)])

    def _start_dir(self) -> Path:
        value = self._settings.value("import/last_dir")
        return Path(str(value)) if value else Path.home()

    # running -------------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running

    def _refuse_second_import(self) -> bool:
        """True (and a word in the status bar) while an import runs: one import at a time."""
        if self.is_running:
            self._shell.show_status(
                self.tr("An import is already running: wait for it to finish, or cancel it."), 5000
            )
            return True
        return False

    def import_paths(self, paths: Sequence[Path]) -> Task | None:
        """Import `paths` in the background; returns the task (None when an import is already running)."""
        if self._refuse_second_import():
            return None
        paths = [Path(p) for p in paths]
        if paths:
            first = paths[0]
            self._settings.setValue("import/last_dir", str(first if first.is_dir() else first.parent))
        library = self._library
        progress = self.progress = ImportProgress()

        def work(_progress: ProgressFn, cancelled: CancelledFn) -> list[ImportResult]:
            return import_all(library, paths, progress, cancelled)

        dialog = ImportProgressDialog(self._shell.dialog_parent())
        dialog.cancel_requested.connect(self.cancel)
        self.progress_dialog = dialog
        self.task = run_task(self, work, on_done=self._done, on_error=self._error)
        self._show_timer.start()
        self._progress_timer.start()
        return self.task

    def cancel(self) -> None:
        if self.task is not None and self.task.is_running:
            self.task.cancel()
            if self.progress_dialog is not None:
                self.progress_dialog.show_cancelling()

    def _show_progress(self) -> None:
        if self.progress_dialog is not None:
            self._update_progress()
            self.progress_dialog.show()

    def _update_progress(self) -> None:
        if self.progress_dialog is not None and self.progress is not None:
            self.progress_dialog.show_snapshot(self.progress.snapshot())

    def _close_progress(self) -> None:
        self._show_timer.stop()
        self._progress_timer.stop()
        if self.progress_dialog is not None:
            self.progress_dialog.cancel_requested.disconnect()
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
        """A one-paragraph summary and the details: one failed file a line with its reason, then one line
        a page that changed since it was imported, then one line a metadata table's row that matched no file."""
        # a metadata table's rows that named no file, and files it did not describe: worth knowing, not failures
        # (an ImportReport carries them; a plain list of results, as tests make, does not)
        tables = list(getattr(results, "tables", []))
        unmatched = list(getattr(results, "unmatched_rows", []))
        without_row = list(getattr(results, "files_without_row", []))
        cancelled = [
            r
            for r in results
            if r.status == "failed" and r.error is not None and r.error.code is ErrorCode.CANCELLED
        ]
        results = [r for r in results if r not in cancelled]
        counts = Counter(r.status for r in results)
        parts = [self.tr("Imported: {n}").format(n=local_number(counts.get("imported", 0)))]
        if counts.get("updated"):
            parts.append(self.tr("Updated: {n}").format(n=local_number(counts["updated"])))
        if counts.get("duplicate"):
            parts.append(self.tr("Already in the library: {n}").format(n=local_number(counts["duplicate"])))
        if counts.get("changed"):
            parts.append(
                self.tr("Changed since they were imported: {n}").format(n=local_number(counts["changed"]))
            )
        if counts.get("failed"):
            parts.append(self.tr("Failed: {n}").format(n=local_number(counts["failed"])))
        if cancelled or (self.task is not None and self.task.is_cancelled):
            parts.append(self.tr("The import was cancelled; %Ln file(s) were not read.", "", len(cancelled)))
        if tables:
            parts.append(self.tr("Metadata from %Ln table(s)", "", len(tables)))
        if unmatched:
            parts.append(self.tr("%Ln row(s) of the metadata table matched no file", "", len(unmatched)))
        if without_row:
            parts.append(self.tr("%Ln file(s) had no row in the metadata table", "", len(without_row)))
        mark = self._line_mark()
        lines = [
            f"{mark}{_isolated_name(r.path)} — {error_reason(r.error) if r.error is not None else ''}"
            for r in results
            if r.status == "failed"
        ]
        lines += [
            mark + self.tr("{name} — changed since it was imported").format(name=_isolated_name(r.path))
            for r in results
            if r.status == "changed"
        ]
        lines += [
            mark
            + self.tr("{table}, line {line}: no file matches {name}").format(
                table=_isolated_name(table), line=f"\u2068{line}\u2069", name=f"\u2068{name}\u2069"
            )
            for table, line, name in unmatched
        ]
        return "\n".join(parts), "\n".join(lines)

    def _line_mark(self) -> str:
        """A mark that makes a line that starts with a (Latin) file name read in the UI's direction: without
        it, an Arabic summary showed "name — reason" lines left to right, the reason first for the eye."""
        return "\u200f" if self._shell.dialog_parent().isRightToLeft() else "\u200e"

    def _summarise(self, results: Sequence[ImportResult]) -> None:
        text, details = self.summary_text(results)
        changed = [r for r in results if r.status == "changed" and r.article_id is not None]
        if not details:
            self._shell.show_status(text.replace("\n", " · "), 8000)
            self.summary_box = None
            return
        failed = any(r.status == "failed" for r in results if r.error and r.error.code != ErrorCode.CANCELLED)
        intros = []
        if failed:
            intros.append(self.tr("Some files could not be imported:"))
        if changed:
            intros.append(
                self.tr(
                    "Some pages are already in the library but their text has changed; "
                    "Update Them replaces the stored text and keeps the highlights:"
                )
            )
        lines = details.splitlines()
        shown = "\n".join(lines[:SUMMARY_LINES])
        if len(lines) > SUMMARY_LINES:
            shown += "\n" + self.tr("… and {n} more (see the details)").format(
                n=local_number(len(lines) - SUMMARY_LINES)
            )
        icon = QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information
        box = self._show_box(
            icon,
            self.tr("Import finished"),
            f"{text}\n\n{' '.join(intros)}\n{shown}",
            details,
            open_now=False,
        )
        self.update_button = None
        if changed:
            button = box.addButton(self.tr("Update Them"), QMessageBox.ButtonRole.ActionRole)
            button.setObjectName("updateChangedButton")
            button.clicked.connect(lambda _checked=False: self.update_changed(changed))
            self.update_button = button
        box.open()  # window-modal, does not block (tests read it, the user closes it)

    def _show_box(
        self, icon: QMessageBox.Icon, title: str, text: str, details: str, *, open_now: bool = True
    ) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._shell.dialog_parent())
        box.setObjectName("importSummary")
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_box = box
        if open_now:
            box.open()  # window-modal, does not block (tests read it, the user closes it)
        return box

    # updating changed pages ----------------------------------------------------------------------
    def update_changed(self, results: Sequence[ImportResult]) -> Task | None:
        """Replace each changed article's text with its file's (highlights re-anchored), in a worker."""
        if self.update_task is not None and self.update_task.is_running:
            return None
        library = self._library
        targets = [(r.path, r.article_id) for r in results if r.article_id is not None]

        def work(
            _progress: ProgressFn, cancelled: CancelledFn
        ) -> tuple[int, list[tuple[str, HawamishError]]]:
            done, failures = 0, []
            for path, article_id in targets:
                if cancelled():
                    break
                try:
                    library.update_from_file(article_id, path)
                except HawamishError as exc:
                    failures.append((path, exc))
                else:
                    done += 1
            return done, failures

        self.update_task = run_task(self, work, on_done=self._updated, on_error=self._error)
        return self.update_task

    def _updated(self, outcome: tuple[int, list[tuple[str, HawamishError]]]) -> None:
        done, failures = outcome
        text = self.tr("Updated: {n}").format(n=local_number(done))
        if failures:
            mark = self._line_mark()
            details = "\n".join(
                f"{mark}{_isolated_name(path)} — {error_reason(error)}" for path, error in failures
            )
            self._show_box(
                QMessageBox.Icon.Warning, self.tr("Import finished"), f"{text}\n\n{details}", details
            )
        else:
            self._shell.show_status(text, 8000)
        self.updated.emit(done, failures)

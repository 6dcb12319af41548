"""File → Back Up Library…: a consistent copy of the library's database, saved where the user chooses.

The copy is made off the UI thread by `library.backup` (SQLite's online backup: safe while the app keeps
writing); the status bar says where it went, an error dialog says why it could not. At the app's start it
also makes the day's automatic backup in the library's backups/ folder (`start_daily_backup`). Restoring is
File → Restore… (restore_flow.py).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from reader.core.library import Library
from reader.core.library.maintenance import BackupInfo
from reader.gui.common.error_text import describe_error
from reader.gui.common.file_dialogs import dialog_directions
from reader.gui.common.workers import Task, run_task
from reader.gui.shell import Menu, Shell

log = logging.getLogger(__name__)

_STATUS_MS = 10_000


def default_backup_path() -> Path:
    """`hawamish-YYYYmmdd.sqlite3` in the user's documents folder (home when there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    return Path(folder) / f"hawamish-{time.strftime('%Y%m%d')}.sqlite3"


class BackupFlow(QObject):
    """File → Back Up Library…, placed before Quit, and the backup it runs."""

    def __init__(self, library: Library, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self.task: Task | None = None
        self.daily_task: Task | None = None
        self.action = QAction(qta.icon("fa5s.save"), self.tr("&Back Up Library…"), self)
        self.action.setObjectName("backupAction")
        self.action.setStatusTip(self.tr("Save a copy of every article, highlight and note to a file"))
        self.action.triggered.connect(lambda _checked=False: self.choose_and_back_up())
        shell.add_action(self.action, Menu.FILE)

    def choose_and_back_up(self) -> None:
        with dialog_directions():
            chosen, _ = QFileDialog.getSaveFileName(
                self._shell.dialog_parent(),
                self.tr("Back Up Library"),
                str(default_backup_path()),
                self.tr("Hawamish backup (*.sqlite3)"),
            )
        if chosen:
            self.back_up(Path(chosen))

    def back_up(self, path: Path) -> None:
        """Write the backup to `path` in a worker; report in the status bar or an error dialog."""
        library, shell, action = self._library, self._shell, self.action
        action.setEnabled(False)
        shell.show_status(self.tr("Saving a backup of the library…"))

        def done(info: BackupInfo) -> None:
            action.setEnabled(True)
            # the path isolated (FSI … PDI): inside an Arabic sentence its slashes would otherwise move around
            message = self.tr("Backup of %Ln article(s) saved to %1", "", info.articles).replace(
                "%1", f"\u2068{info.path}\u2069"
            )
            shell.show_status(message, _STATUS_MS)

        def failed(error: BaseException) -> None:
            action.setEnabled(True)
            shell.clear_status()
            shell.show_error(error, self.tr("The backup was not saved"))

        self.task = run_task(
            self, lambda _progress, _cancelled: library.backup(path), on_done=done, on_error=failed
        )

    def start_daily_backup(self) -> Task:
        """The day's automatic backup in the library's backups/ folder, in a worker (the app's start): at most
        one a day, the last 7 kept. Quiet when it works; a failure is a status message, not a dialog."""
        shell = self._shell

        def failed(error: BaseException) -> None:
            log.warning("automatic backup failed: %s", error)
            message = self.tr("The automatic backup was not saved: %1").replace("%1", describe_error(error))
            shell.show_status(message, _STATUS_MS)

        self.daily_task = run_task(
            self, lambda _p, _c: self._library.daily_backup(), on_done=lambda _info: None, on_error=failed
        )
        return self.daily_task

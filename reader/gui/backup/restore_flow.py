"""File → Restore…: put a backup's content in place of the library's, and the window shows it.

The user chooses a backup (`RestoreDialog`: the library's backups/ folder, or any file); the file is checked
off the UI thread (an intact Hawamish database this version can read: what it holds is shown in the
confirmation); after confirmation the restore runs in a worker. `Library.restore` saves the library as it is
now in backups/ first, and tells every listener that everything changed (`ChangeKind.LIBRARY`): the library
list, the open article, its annotation panel and the search index refresh from that one change.
"""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from reader.core.library import Library
from reader.core.library.maintenance import BackupInfo, RestoreReport
from reader.gui.backup.restore_dialog import RestoreDialog
from reader.gui.common.workers import Task, run_task
from reader.gui.shell import Menu, Shell

_STATUS_MS = 15_000


class RestoreFlow(QObject):
    """File → Restore…: choose, check, confirm, restore."""

    def __init__(self, library: Library, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self.task: Task | None = None
        self.action = QAction(qta.icon("fa5s.history"), self.tr("&Restore From Backup…"), self)
        self.action.setObjectName("restoreAction")
        self.action.setStatusTip(self.tr("Replace the library's content with a backup's"))
        self.action.triggered.connect(lambda _checked=False: self.choose_and_restore())
        shell.add_action(self.action, Menu.FILE)

    def choose_and_restore(self) -> None:
        dialog = RestoreDialog(self._library.backups(), self._shell.dialog_parent())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen_path()
        dialog.deleteLater()
        if accepted and chosen is not None:
            self.check_and_restore(chosen)

    def check_and_restore(self, path: Path) -> None:
        """Check `path` in a worker, then ask, then restore."""
        library, shell = self._library, self._shell
        self.action.setEnabled(False)
        shell.show_status(self.tr("Reading the backup…"))

        def checked(info: BackupInfo) -> None:
            shell.clear_status()
            if self.confirm(info):
                self.restore(path)
            else:
                self.action.setEnabled(True)

        self.task = run_task(
            self, lambda _p, _c: library.describe_backup(path), on_done=checked, on_error=self._failed
        )

    def confirm(self, info: BackupInfo) -> bool:
        """Ask before replacing everything (what the backup holds, and that nothing is thrown away)."""
        text = self.tr(
            "Replace everything in the library with this backup (articles: %1, highlights: %2)? "
            "The library as it is now is saved in its backups folder first."
        )
        locale = QLocale()
        text = text.replace("%1", locale.toString(info.articles)).replace(
            "%2", locale.toString(info.highlights)
        )
        answer = QMessageBox.question(
            self._shell.dialog_parent(),
            self.tr("Restore Library"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, path: Path) -> None:
        """Restore `path` in a worker; the window refreshes from the library's change."""
        library, shell = self._library, self._shell
        self.action.setEnabled(False)
        shell.show_status(self.tr("Restoring the library…"))

        def done(report: RestoreReport) -> None:
            self.action.setEnabled(True)
            saved = f"\u2068{report.saved_before.path}\u2069"  # isolated: a path inside an Arabic sentence
            message = self.tr("Library restored. What it held before is saved in %1").replace("%1", saved)
            shell.show_status(message, _STATUS_MS)

        self.task = run_task(self, lambda _p, _c: library.restore(path), on_done=done, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.action.setEnabled(True)
        self._shell.clear_status()
        self._shell.show_error(error, self.tr("The library was not restored"))

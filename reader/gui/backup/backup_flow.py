"""File → Back Up Library…: a consistent copy of the library's database, saved where the user chooses.

The copy is made off the UI thread by reader.core.backup (SQLite's online backup: safe while the app keeps
writing); the status bar says where it went, an error dialog says why it could not. Restoring a backup is
`hawamish restore FILE` (docs/cli.md): it replaces what the window shows, so it is not a menu item yet.
"""

from __future__ import annotations

import time
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from reader.gui.common.workers import run_task

_STATUS_MS = 10_000


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("BackupFlow", text, "", n)


def default_backup_path() -> Path:
    """`hawamish-YYYYmmdd.sqlite3` in the user's documents folder (home when there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    return Path(folder) / f"hawamish-{time.strftime('%Y%m%d')}.sqlite3"


def back_up(window, path: Path) -> None:
    """Write the backup to `path` in a worker; report in the status bar or an error dialog."""
    from reader.core.backup import backup_library

    library = window.library
    window.backup_action.setEnabled(False)
    window.statusBar().showMessage(_tr("Saving a backup of the library…"))

    def done(info) -> None:  # noqa: ANN001 (reader.core.backup.BackupInfo)
        window.backup_action.setEnabled(True)
        # the path isolated (FSI … PDI): inside an Arabic sentence its slashes would otherwise move around
        message = _tr("Backup of %n article(s) saved to %1", info.articles).replace(
            "%1", f"\u2068{info.path}\u2069"
        )
        window.statusBar().showMessage(message, _STATUS_MS)

    def failed(error: BaseException) -> None:
        window.backup_action.setEnabled(True)
        window.statusBar().clearMessage()
        window.show_error(error, _tr("The backup was not saved"))

    window.backup_task = run_task(
        window, lambda _progress, _cancelled: backup_library(library, path), on_done=done, on_error=failed
    )


def choose_and_back_up(window) -> None:
    chosen, _ = QFileDialog.getSaveFileName(
        window,
        _tr("Back Up Library"),
        str(default_backup_path()),
        _tr("Hawamish backup (*.sqlite3)"),
    )
    if chosen:
        back_up(window, Path(chosen))


def attach_backup(window) -> QAction:
    """File → Back Up Library…, placed before Quit. One call in MainWindow.__init__."""
    action = QAction(qta.icon("fa5s.save"), _tr("&Back Up Library…"), window)
    action.setObjectName("backupAction")
    action.setStatusTip(_tr("Save a copy of every article, highlight and note to a file"))
    action.triggered.connect(lambda checked=False: choose_and_back_up(window))
    window.add_file_action(action)
    window.backup_action = action
    window.backup_task = None
    return action

"""Sharing in the app: File → Share Library…, Sync Now, a panel and a status-bar line, and syncs that run by
themselves — when a file in the shared folder changes (another member's log arrived: QFileSystemWatcher)
and shortly after this library changed (so the others get it) — always on a worker thread.

A sync that is asked for while one runs is run once more after it, never in parallel.
"""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel

from reader.core.changes import Change
from reader.core.library import Library
from reader.core.sharing.log import LOGS
from reader.gui.common.workers import Task, run_task
from reader.gui.sharing.share_dialog import ShareDialog
from reader.gui.sharing.sharing_panel import SharingPanel
from reader.gui.shell import Menu, Shell

#: A log still being written by a sync engine changes several times in a row: wait for it to settle.
FOLDER_SETTLE_MS = 1500
#: Local edits come in bursts (typing a note): publish once they pause.
LOCAL_SETTLE_MS = 4000


class SharingController(QObject):
    def __init__(self, library: Library, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self.task: Task | None = None
        self._again = False
        self._syncing_own_changes = False
        self.panel = SharingPanel()
        self.dock = QDockWidget(self.tr("Team"), shell.dialog_parent())
        self.dock.setObjectName("sharingDock")
        self.dock.setWidget(self.panel)
        shell.add_dock(self.dock)
        self.dock.hide()  # a tab behind the notes panel once View → Team Panel shows it
        self.status_label = QLabel()
        self.status_label.setObjectName("shareStatus")
        shell.add_status_widget(self.status_label)

        self.share_action = QAction(qta.icon("fa5s.users"), self.tr("&Share Library…"), self)
        self.share_action.setObjectName("shareAction")
        self.share_action.triggered.connect(lambda _checked=False: self.choose_folder())
        shell.add_action(self.share_action, Menu.FILE, separated=True)
        self.sync_action = QAction(qta.icon("fa5s.sync"), self.tr("S&ync Now"), self)
        self.sync_action.setObjectName("syncAction")
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_action.triggered.connect(lambda _checked=False: self.sync())
        shell.add_action(self.sync_action, Menu.FILE)
        self.panel_action = self.dock.toggleViewAction()
        self.panel_action.setText(self.tr("&Team Panel"))
        shell.add_action(self.panel_action, Menu.VIEW)
        self.panel.sync_requested.connect(self.sync)
        self.panel.share_requested.connect(self.choose_folder)

        self._folder_timer: QTimer = self._single_shot(FOLDER_SETTLE_MS)
        self._local_timer: QTimer = self._single_shot(LOCAL_SETTLE_MS)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self._folder_timer.start())
        self._watcher.fileChanged.connect(lambda _path: self._folder_timer.start())
        shell.library_changed.connect(self._on_library_change)
        self._watch()
        self.refresh()
        if library.sharing.config() is not None:
            shell.after_first_paint(self.sync)  # what arrived while the app was closed

    def _single_shot(self, milliseconds: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(milliseconds)
        timer.timeout.connect(self.sync)
        return timer

    @property
    def shared(self) -> bool:
        return self._library.sharing.config() is not None

    def _watch(self) -> None:
        """Watch the logs folder and each log in it (a file appended to changes no directory entry)."""
        config = self._library.sharing.config()
        if config is None:
            return
        logs = Path(config.folder) / LOGS
        paths = [str(logs)] + [str(p) for p in sorted(logs.glob("*.jsonl"))] if logs.is_dir() else []
        missing = [p for p in paths if p not in self._watcher.files() + self._watcher.directories()]
        if missing:
            self._watcher.addPaths(missing)

    def _on_library_change(self, change: Change) -> None:
        if self.shared and not (self.task is not None and self._syncing_own_changes):
            self._local_timer.start()

    # actions ---------------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        config = self._library.sharing.config()
        dialog = ShareDialog(
            self._shell.dialog_parent(),
            str(config.folder) if config else "",
            config.name if config else "",
            config.with_texts if config else False,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        folder, name, with_texts = dialog.values()
        self._run(lambda: self._library.sharing.init(folder, name, with_texts=with_texts))

    def sync(self) -> None:
        """Sync now (or right after the sync that is running)."""
        if not self.shared:
            return
        self._run(self._library.sharing.sync)

    def _run(self, work) -> None:
        if self.task is not None:
            self._again = True
            return
        self._folder_timer.stop()
        self._local_timer.stop()
        self._syncing_own_changes = True
        self.sync_action.setEnabled(False)
        self.refresh(syncing=True)

        def finished() -> None:
            self.task = None
            self._syncing_own_changes = False
            self.sync_action.setEnabled(self.shared)
            self._watch()
            self.refresh()
            if self._again:
                self._again = False
                QTimer.singleShot(0, self.sync)

        def done(report) -> None:
            finished()
            if report.problems:
                self._shell.show_status(
                    self.tr(
                        "Sync: %Ln line(s) of the shared logs skipped (not records)", "", len(report.problems)
                    ),
                    10_000,
                )

        def failed(error: BaseException) -> None:
            finished()
            self._shell.show_error(error, self.tr("The library could not be synced"))

        self.task = run_task(self, lambda _progress, _cancelled: work(), on_done=done, on_error=failed)

    # showing ---------------------------------------------------------------------------------------
    def refresh(self, *, syncing: bool = False) -> None:
        status = self._library.sharing.status() if self.shared else None
        self.panel.show_status(status, syncing)
        self.sync_action.setEnabled(status is not None and not syncing)
        if status is None:
            self.status_label.setText("")
            self.status_label.setVisible(False)
            return
        self.status_label.setVisible(True)
        if syncing:
            text = self.tr("Syncing…")
        else:
            text = self.tr("Shared with %Ln other(s)", "", max(0, len(status.members) - 1))
            if status.conflicts:
                text += " · " + self.tr("%Ln kept concurrent edit(s)", "", status.conflicts)
        self.status_label.setText(text)
        self.status_label.setToolTip(self.panel.details.text())
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)

    def close(self) -> None:
        self._folder_timer.stop()
        self._local_timer.stop()
        if self.task is not None:
            self.task.cancel()

"""The dialog of File → Restore…: the library's backups (date, size, who made it) and "Other File…".

It only lets the user choose; `RestoreFlow` checks the file, asks for confirmation and restores.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.maintenance import BackupEntry
from reader.gui.common.file_dialogs import dialog_directions

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Choose a backup to restore: the library's backups/ folder, newest first, or any file."""

    def __init__(self, backups: list[BackupEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore Library"))
        self.resize(560, 360)
        intro = QLabel(
            self.tr(
                "Choose a backup. Everything in the library is replaced by what the backup holds; the library "
                "as it is now is saved in its backups folder first."
            )
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("Made")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Backups"))
        for entry in backups:
            self._add(entry.path, entry.modified, entry.size, self._reason(entry.reason))
        self.empty = QLabel(self.tr("No backups in the library's folder yet: choose a file with Other File…"))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not backups)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("&Other File…"))
        self.other_button.setObjectName("otherBackupButton")
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(lambda _checked=False: self.choose_other_file())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item, _column: self.accept())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        for column in range(2):
            self.list.resizeColumnToContents(column)
        self._update_buttons()

    def _reason(self, reason: str) -> str:
        return {
            "auto": self.tr("Automatically, at start"),
            "before-migration": self.tr("Before an update of the library"),
            "before-restore": self.tr("Before a restore"),
            "before-repair": self.tr("Before a repair"),
        }.get(reason, self.tr("By you"))

    def _add(self, path: Path, modified: float, size: int, made: str) -> QTreeWidgetItem:
        locale = QLocale()
        when = locale.toString(QDateTime.fromSecsSinceEpoch(int(modified)), QLocale.FormatType.ShortFormat)
        item = QTreeWidgetItem([when, locale.formattedDataSize(size), made])
        item.setData(0, PATH_ROLE, str(path))
        item.setToolTip(0, str(path))
        self.list.addTopLevelItem(item)
        return item

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen_path() is not None)

    def chosen_path(self) -> Path | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return Path(str(item.data(0, PATH_ROLE)))

    def choose_other_file(self) -> None:
        with dialog_directions():
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Restore From a Backup"),
                "",
                self.tr("Hawamish backup (*.sqlite3);;All files (*)"),
            )
        if chosen:
            self.add_other_file(Path(chosen))

    def add_other_file(self, path: Path) -> None:
        """List a file chosen outside the library's folder, selected, at the top."""
        try:
            stat = path.stat()
            modified, size = stat.st_mtime, stat.st_size
        except OSError:  # the restore reports why it cannot be read
            modified, size = 0.0, 0
        item = self._add(path, modified, size, path.name)
        self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(item))
        self.list.insertTopLevelItem(0, item)
        self.list.setCurrentItem(item)
        self.empty.hide()

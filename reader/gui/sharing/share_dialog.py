"""File → Share Library…: choose the synced folder and the name the others will see."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.gui.common.file_dialogs import dialog_directions


class ShareDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, folder: str = "", name: str = "", with_texts: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.setWindowTitle(self.tr("Share Library"))
        explanation = QLabel(
            self.tr(
                "Choose a folder that a sync engine (Syncthing, Nextcloud, Dropbox, a git clone) keeps in step "
                "between your team's machines. Hawamish writes your highlights, notes and tags there and reads "
                "everyone else's; the library itself stays on this computer."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.folder_edit = QLineEdit(folder, self)
        self.folder_edit.setObjectName("shareFolder")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("shareName")
        self.name_edit.setPlaceholderText(self.tr("How the others will see you"))
        self.texts_box = QCheckBox(self.tr("Also share the articles' texts"), self)
        self.texts_box.setChecked(with_texts)
        self.texts_box.setToolTip(
            self.tr("Pieces are copyrighted: share their texts only where your team may. Without them, each "
                    "member imports the articles and the highlights follow.")
        )  # fmt: skip
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Your name:"), self.name_edit)
        form.addRow("", self.texts_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Share"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.folder_edit, self.name_edit):
            edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(520, self.sizeHint().height())

    def _update_ok(self) -> None:
        ready = bool(self.folder_edit.text().strip() and self.name_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _browse(self) -> None:
        with dialog_directions():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Shared Folder"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def values(self) -> tuple[Path, str, bool]:
        return (
            Path(self.folder_edit.text().strip()),
            self.name_edit.text().strip(),
            self.texts_box.isChecked(),
        )

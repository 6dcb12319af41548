"""The colour label editor: rename a label and change its colour (QColorDialog).

Labels are what colours *mean* (claim, evidence, ...); a highlight stores the label's key, so a change here
recolours every highlight that uses the label. Changes are written when the dialog is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.labels import Labels
from reader.gui.common.label_display import label_display_name, swatch_icon


class LabelEditorDialog(QDialog):
    """One row a label: its colour (a button that opens QColorDialog) and its name."""

    def __init__(self, store: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelEditor")
        self.setWindowTitle(self.tr("Colour Labels"))
        self.setMinimumWidth(420)
        self.store = store
        self.labels = store.list()
        self._colors = {label.key: label.color for label in self.labels}
        self.name_edits: dict[str, QLineEdit] = {}
        self.color_buttons: dict[str, QToolButton] = {}

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "What each highlight colour means. Renaming or recolouring a label changes "
                "every highlight that uses it."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        for row, label in enumerate(self.labels):
            button = QToolButton(self)
            button.setObjectName(f"labelColor_{label.key}")
            button.setIconSize(QSize(22, 22))
            button.setIcon(swatch_icon(label.color, 22))
            button.setToolTip(self.tr("Choose a colour"))
            button.clicked.connect(lambda _=False, key=label.key: self.choose_color(key))
            edit = QLineEdit(label_display_name(label), self)
            edit.setObjectName(f"labelName_{label.key}")
            shortcut = QLabel(f"Ctrl+{row + 1}" if row < 6 else "", self)
            shortcut.setEnabled(False)
            grid.addWidget(button, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(shortcut, row, 2)
            self.name_edits[label.key] = edit
            self.color_buttons[label.key] = button
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(10)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def color_of(self, key: str) -> str:
        return self._colors[key]

    def set_color(self, key: str, color: str) -> None:
        self._colors[key] = QColor(color).name()
        self.color_buttons[key].setIcon(swatch_icon(self._colors[key], 22))

    def choose_color(self, key: str) -> None:
        chosen = QColorDialog.getColor(QColor(self._colors[key]), self, self.tr("Label colour"))
        if chosen.isValid():
            self.set_color(key, chosen.name())

    def accept(self) -> None:
        """Write the labels that changed (names shown translated are only saved if the user edited them)."""
        for label in self.labels:
            shown = label_display_name(label)
            name = self.name_edits[label.key].text().strip()
            new_name = name if name and name != shown else None
            new_color = self._colors[label.key] if self._colors[label.key] != label.color else None
            if new_name is not None or new_color is not None:
                self.store.update(label.key, name=new_name, color=new_color)
        super().accept()

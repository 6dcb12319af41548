"""The colour label editor: rename a label and change its colour (QColorDialog).

Labels are what colours *mean* (claim, evidence, ...); a highlight stores the label's key, so a change here
recolours every highlight that uses the label. Changes are written when the dialog is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
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

from reader.core.labels import ColorLabel, LabelStore
from reader.core.storage.migrations import DEFAULT_LABELS

_DEFAULT_NAMES = {key: name for key, name, _color, _pos in DEFAULT_LABELS}


def label_display_name(label: ColorLabel) -> str:
    """A label's name in the UI language: the default names are translated, names users gave are kept."""
    if _DEFAULT_NAMES.get(label.key) == label.name:
        return QCoreApplication.translate("ColorLabels", label.name)
    return label.name


#: The default names, for lupdate: they are stored in English in the library and translated when shown.
DEFAULT_NAMES_FOR_TRANSLATORS = (
    QT_TRANSLATE_NOOP("ColorLabels", "Claim"),
    QT_TRANSLATE_NOOP("ColorLabels", "Evidence"),
    QT_TRANSLATE_NOOP("ColorLabels", "Counter-argument"),
    QT_TRANSLATE_NOOP("ColorLabels", "Source quoted"),
    QT_TRANSLATE_NOOP("ColorLabels", "Question"),
    QT_TRANSLATE_NOOP("ColorLabels", "Important"),
)


def swatch_icon(color: str, size: int = 16, *, ring: bool = False) -> QIcon:
    """A round colour swatch (the label's colour), optionally ringed to show it is the current one."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(color)
    painter.setPen(fill.darker(140))
    painter.setBrush(fill)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    if ring:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("#202020"))
        painter.drawEllipse(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class LabelEditorDialog(QDialog):
    """One row a label: its colour (a button that opens QColorDialog) and its name."""

    def __init__(self, store: LabelStore, parent: QWidget | None = None) -> None:
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

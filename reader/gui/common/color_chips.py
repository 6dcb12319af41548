"""A row of checkable chips, one per colour label, for choosing which labels a view or an export includes.

Each chip wears its label's colour when on and a pale tint with a coloured ring when off, with a tick or an
empty ring as well, so the state is never told by colour alone; the text is black or white, whichever
contrasts more with the colour (WCAG relative luminance, reader.core.labels).
"""

from __future__ import annotations

from collections.abc import Sequence

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from reader.core.labels import contrast_ratio, parse_color
from reader.core.models import ColorLabel
from reader.gui.common.label_display import label_display_name


def ink_for(color: str) -> str:
    """Black or white, whichever contrasts more with `color`."""
    rgb = parse_color(color)
    return "#000000" if contrast_ratio(rgb, (0, 0, 0)) >= contrast_ratio(rgb, (255, 255, 255)) else "#ffffff"


def chip_style(color: str) -> str:
    base = QColor(color)
    r, g, b = base.red(), base.green(), base.blue()
    return (
        f"QToolButton {{ border: 2px solid {base.name()}; border-radius: 12px; padding: 3px 10px;"
        f" background: rgba({r}, {g}, {b}, 40); color: palette(window-text); }}"
        f" QToolButton:checked {{ background: {base.name()}; color: {ink_for(color)}; }}"
        f" QToolButton:focus {{ border-color: palette(highlight); }}"
    )


class ColorChips(QWidget):
    """Chips in rows of `per_row`; `chips` maps label keys to their buttons, all on at the start."""

    changed = Signal()

    def __init__(self, labels: Sequence[ColorLabel], parent: QWidget | None = None, per_row: int = 3) -> None:
        super().__init__(parent)
        self.setObjectName("colorChips")
        self.chips: dict[str, QToolButton] = {}
        self._colors: dict[str, str] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for n, label in enumerate(labels):
            name = label_display_name(label)
            chip = QToolButton(self)
            chip.setObjectName(f"chip_{label.key}")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.setText(name)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            chip.setToolTip(self.tr("Include the highlights labelled “{name}”").format(name=name))
            chip.setStyleSheet(chip_style(label.color))
            self.chips[label.key] = chip
            self._colors[label.key] = label.color
            self._mark(label.key)
            chip.toggled.connect(lambda _on, key=label.key: self._toggled(key))
            grid.addWidget(chip, n // per_row, n % per_row)

    def checked(self) -> list[str]:
        """The keys of the chips that are on, in label order."""
        return [key for key, chip in self.chips.items() if chip.isChecked()]

    def all_checked(self) -> bool:
        return all(chip.isChecked() for chip in self.chips.values())

    def _toggled(self, key: str) -> None:
        self._mark(key)
        self.changed.emit()

    def _mark(self, key: str) -> None:
        chip, color = self.chips[key], self._colors[key]
        if chip.isChecked():
            chip.setIcon(qta.icon("mdi6.check-circle", color=ink_for(color)))
        else:
            chip.setIcon(qta.icon("mdi6.circle-outline", color=QColor(color).darker(130).name()))

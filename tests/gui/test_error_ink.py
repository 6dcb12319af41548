"""A problem's sentence stays readable in every theme (WCAG contrast ≥ 4.5 on the panels' background)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from reader.gui.common.appearance.themes import THEMES, contrast_ratio
from reader.gui.common.error_ink import error_ink


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()


@pytest.mark.parametrize("name", sorted(THEMES))
def test_error_ink_contrasts_with_each_theme(name: str) -> None:
    window = QColor(str(THEMES[name].window))
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, window)
    assert contrast_ratio(_rgb(error_ink(palette)), _rgb(window)) >= 4.5

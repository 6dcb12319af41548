"""Applies the look the preferences describe: the palette of every panel, the article's colours and
typography, the digits; follows the desktop's light or dark while the theme is "follow the system"."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from reader.gui.common.appearance.digits import DigitStyle
from reader.gui.common.appearance.palette import apply_palette, system_is_dark, system_palette
from reader.gui.common.appearance.themes import SYSTEM, Theme, theme_named
from reader.gui.common.appearance.typography import Typography
from reader.gui.reading.article_view import ArticleView


class Appearance(QObject):
    """The current theme, typography and digits, applied to the app and the article view."""

    def __init__(self, view: ArticleView, digits: DigitStyle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._digits = digits
        self._theme_choice = SYSTEM
        self._override: str | None = None
        system_palette()  # remembered before any theme replaces it
        app = QGuiApplication.instance()
        hints = app.styleHints() if isinstance(app, QGuiApplication) else None
        if hints is not None and hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda *_: self._on_system_scheme())

    @property
    def theme(self) -> Theme:
        return self._view.theme

    def set_override(self, theme: str | None) -> None:
        """A theme named on the command line (`gui --theme`) wins over the preference for this run."""
        self._override = theme
        self.set_theme(self._theme_choice)

    def set_theme(self, choice: str) -> None:
        self._theme_choice = choice
        name = self._override or choice
        theme = theme_named(name, system_is_dark())
        # following the system, the panels keep the desktop's own palette; the article takes light or dark
        apply_palette(None if name == SYSTEM else theme)
        self._view.set_theme(theme)

    def set_typography(self, typography: Typography) -> None:
        self._view.set_typography(typography)

    def set_digits(self, system: str) -> None:
        self._digits.set_system(system)

    def _on_system_scheme(self) -> None:
        if (self._override or self._theme_choice) == SYSTEM:
            self.set_theme(SYSTEM)

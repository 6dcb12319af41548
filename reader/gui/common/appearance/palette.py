"""Themes applied with Qt: the application's QPalette (every panel) and the system's light or dark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from reader.gui.common.appearance.themes import Theme

Role, Group = QPalette.ColorRole, QPalette.ColorGroup


_system_palette: list[QPalette] = []  # the palette the app started with (the desktop's), kept once


def system_palette() -> QPalette:
    """The desktop's own palette: the one the app had before a theme was first applied."""
    if not _system_palette:
        _system_palette.append(QPalette(QGuiApplication.palette()))
    return QPalette(_system_palette[0])


def system_is_dark() -> bool:
    """Whether the desktop asks for dark colours (QStyleHints.colorScheme, Qt 6.5 and later; else whether
    its palette is dark)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    scheme = getattr(app.styleHints(), "colorScheme", None)
    value = scheme() if scheme is not None else Qt.ColorScheme.Unknown
    if value == Qt.ColorScheme.Unknown:
        return system_palette().color(Role.Window).lightness() < 128
    return bool(value == Qt.ColorScheme.Dark)


def palette_for(theme: Theme) -> QPalette:
    """A full QPalette for the panels, dialogs and menus of a theme."""
    c = QColor
    palette = QPalette()
    for role, value in (
        (Role.Window, theme.window),
        (Role.WindowText, theme.text),
        (Role.Base, theme.base),
        (Role.AlternateBase, theme.alternate_base),
        (Role.ToolTipBase, theme.base),
        (Role.ToolTipText, theme.text),
        (Role.PlaceholderText, theme.muted_ink),
        (Role.Text, theme.text),
        (Role.Button, theme.button),
        (Role.ButtonText, theme.text),
        (Role.BrightText, "#ffffff"),
        (Role.Highlight, theme.selection),
        (Role.HighlightedText, theme.selected_text),
        (Role.Link, theme.link),
        (Role.LinkVisited, theme.link),
    ):
        palette.setColor(role, c(value))
    window = c(theme.window)
    for role, shade in (
        (Role.Light, window.lighter(125) if not theme.dark else window.lighter(150)),
        (Role.Midlight, window.lighter(110)),
        (Role.Mid, window.darker(130) if not theme.dark else window.lighter(130)),
        (Role.Dark, window.darker(160) if not theme.dark else window.darker(140)),
        (Role.Shadow, c("#000000")),
    ):
        palette.setColor(role, shade)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, c(theme.disabled_text))
    palette.setColor(Group.Disabled, Role.Base, window)
    palette.setColor(Group.Inactive, Role.Highlight, c(theme.selection))
    palette.setColor(Group.Inactive, Role.HighlightedText, c(theme.selected_text))
    return palette


def apply_palette(theme: Theme | None) -> None:
    """Give every widget of the app the theme's palette (None: the desktop's own)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        QGuiApplication.setPalette(palette_for(theme) if theme is not None else system_palette())

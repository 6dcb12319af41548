"""Accessible names for controls that show no text of their own (icon buttons, line edits, lists).

A screen reader announces a control by its accessible name, else by its text; an icon button or a list has
neither, so it would be announced as "button" or "list". Controls get an explicit name where they are
built; this fills in any that still lack one from what a sighted user sees instead: the tooltip, the
placeholder text, or the dock or group it sits in. `unnamed_controls` is what the accessibility test walks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def is_interactive(widget: QWidget) -> bool:
    return isinstance(widget, INTERACTIVE)


def own_text(widget: QWidget) -> str:
    """The text a control shows and a screen reader reads when it has no accessible name."""
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds and names itself (scroll bars, a combo box's popup list, the menu bar's extension
    button): its accessibility layer already describes them."""
    if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    return parent is not None and type(parent).__name__ == "QComboBoxPrivateContainer"


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Interactive controls under `root` (itself included) with neither a text nor an accessible name."""
    widgets = [root, *root.findChildren(QWidget)]
    return [
        w
        for w in widgets
        if is_interactive(w) and not _qt_internal(w) and not own_text(w) and not w.accessibleName().strip()
    ]


def fallback_name(widget: QWidget) -> str:
    """What a sighted user reads for a control without text: its tooltip, placeholder, or container."""
    tip = widget.toolTip().strip()
    if tip:
        return tip.split("\n", 1)[0]
    if isinstance(widget, QLineEdit) and widget.placeholderText().strip():
        return widget.placeholderText().strip()
    if isinstance(widget, QPlainTextEdit | QTextEdit) and widget.placeholderText().strip():
        return widget.placeholderText().strip()
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text().replace("&", "").rstrip(":：").strip()
    if isinstance(widget, QTabBar) and isinstance(widget.parentWidget(), QMainWindow):
        return QCoreApplication.translate("Accessibility", "Side panels")
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QDockWidget) and parent.windowTitle():
            return parent.windowTitle().replace("&", "")
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title().replace("&", "")
        if parent.accessibleName().strip():
            return parent.accessibleName().strip()
        parent = parent.parentWidget()
    return ""


def name_unlabelled_controls(root: QWidget) -> list[QWidget]:
    """Give every unnamed control under `root` its fallback name; returns those still without one."""
    left = []
    for widget in unnamed_controls(root):
        name = fallback_name(widget)
        if name:
            widget.setAccessibleName(name)
        else:
            left.append(widget)
    return left

"""Shortcut text in menus that reads the same in a right-to-left UI.

A menu shows an action's shortcut after a tab in the item's text. In an Arabic (RTL) menu the trailing
neutral characters of "Ctrl++" or "Ctrl+-" take the paragraph's direction and move to the other end
("++Ctrl"); wrapping the shortcut in a left-to-right isolate (U+2066 … U+2069) keeps it in order.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

LRI, PDI = "\u2066", "\u2069"


def shortcut_label(sequence: QKeySequence) -> str:
    """The shortcut as the menu shows it, isolated left to right ('' when there is none)."""
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return f"{LRI}{text}{PDI}" if text else ""


def isolate_shortcut_text(action: QAction) -> None:
    """Show the action's first shortcut isolated (QMenu uses the text after a tab instead of the shortcut)."""
    label = shortcut_label(action.shortcut())
    text = action.text().split("\t", 1)[0]
    if label:
        action.setText(f"{text}\t{label}")

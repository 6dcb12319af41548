"""The window's keyboard shortcuts, read from its actions: grouped by the menu that lists them, and checked
for clashes.

Nothing here is a hand-written list: a feature that adds an action with a shortcut (through
`Shell.add_action`) shows up in Help → Keyboard Shortcuts and in the clash test by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

#: Left-to-right isolate around a shortcut, so `Ctrl+1` never reads `1+Ctrl` inside Arabic text.
LRI, PDI = "\u2066", "\u2069"


@dataclass
class ShortcutEntry:
    action: QAction
    name: str
    sequences: list[QKeySequence]


@dataclass
class ShortcutGroup:
    title: str
    entries: list[ShortcutEntry] = field(default_factory=list)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ampersands (`&&` stays one `&`)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def isolated(sequence: QKeySequence) -> str:
    """A key sequence as the platform writes it, isolated left-to-right."""
    return LRI + sequence.toString(QKeySequence.SequenceFormat.NativeText) + PDI


def _menu_actions(menu: QMenu, prefix: str) -> list[tuple[QAction, str]]:
    """Every action of `menu` and its submenus, with the submenu path to show before its name."""
    found: list[tuple[QAction, str]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_actions(sub, prefix + plain_text(sub.title()) + " › ")
        elif not action.isSeparator():
            found.append((action, prefix))
    return found


def window_actions(window: QMainWindow) -> list[QAction]:
    """Every action of the window (its own and its features') that has a shortcut."""
    seen: set[int] = set()
    result: list[QAction] = []
    for action in window.findChildren(QAction):
        if action.shortcuts() and id(action) not in seen:
            seen.add(id(action))
            result.append(action)
    for action in window.actions():
        if action.shortcuts() and id(action) not in seen:
            seen.add(id(action))
            result.append(action)
    return result


def shortcut_groups(window: QMainWindow) -> list[ShortcutGroup]:
    """The shortcuts grouped by the menu bar's menus (submenus inside their menu), then the ones no menu
    lists under "Other"."""
    with_shortcut = {id(a): a for a in window_actions(window)}
    listed: set[int] = set()
    groups: list[ShortcutGroup] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        group = ShortcutGroup(plain_text(menu.title()))
        for action, prefix in _menu_actions(menu, ""):
            if id(action) in with_shortcut and id(action) not in listed:
                listed.add(id(action))
                group.entries.append(
                    ShortcutEntry(action, prefix + plain_text(action.text()), action.shortcuts())
                )
        if group.entries:
            groups.append(group)
    other = ShortcutGroup(QCoreApplication.translate("ShortcutsSheet", "Other"))
    for key, action in with_shortcut.items():
        if key not in listed and plain_text(action.text()):
            other.entries.append(ShortcutEntry(action, plain_text(action.text()), action.shortcuts()))
    if other.entries:
        groups.append(other)
    return groups


def _scopes(action: QAction) -> list[QWidget] | None:
    """The widgets an action's shortcut is limited to; None when it works in the whole window."""
    if action.shortcutContext() in (
        Qt.ShortcutContext.WindowShortcut,
        Qt.ShortcutContext.ApplicationShortcut,
    ):
        return None
    return [w for w in action.associatedObjects() if isinstance(w, QWidget) and not isinstance(w, QMenu)]


def _overlap(a: list[QWidget] | None, b: list[QWidget] | None) -> bool:
    if a is None or b is None:
        return True  # a window-wide shortcut is ambiguous with any other of the same keys
    return any(x is y or x.isAncestorOf(y) or y.isAncestorOf(x) for x in a for y in b)


def shortcut_conflicts(window: QMainWindow) -> list[tuple[str, QAction, QAction]]:
    """Pairs of actions that answer the same keys where both are active (Qt would run neither)."""
    by_keys: dict[str, list[QAction]] = {}
    for action in window_actions(window):
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if keys:
                by_keys.setdefault(keys, []).append(action)
    clashes: list[tuple[str, QAction, QAction]] = []
    for keys, actions in by_keys.items():
        for i, first in enumerate(actions):
            for second in actions[i + 1 :]:
                if first is not second and _overlap(_scopes(first), _scopes(second)):
                    clashes.append((keys, first, second))
    return clashes

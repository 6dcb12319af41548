"""`hawamish gui --layout-json FILE`: where every named widget sits, for tests and scripts.

`{"window": [x, y, w, h], "widgets": {objectName: [x, y, w, h, visible]}}`, the widgets' geometry in the
window's coordinates. Qt gives some of its own widgets the same name (every scroll area's viewport is
`qt_scrollarea_viewport`): a name that is not unique is keyed by the nearest uniquely named ancestor,
`articleView/qt_scrollarea_viewport`, and numbered (`#2`, `#3`) if that still repeats. `visible` is false
for a widget Qt shows but places out of sight (a dock behind another dock's tab).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

Geometry = list[int | bool]


def _position(widget: QWidget, window: QWidget) -> QPoint:
    if widget.window() is window:
        return widget.mapTo(window, QPoint(0, 0))
    # a widget in a window of its own (a menu, a floating dock): relative to the main window on screen
    return widget.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))


def shown(widget: QWidget) -> bool:
    """Shown and not clipped away: a dock behind another dock's tab is "visible" to Qt, but off the window."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def layout_report(window: QWidget) -> dict[str, object]:
    named = [w for w in window.findChildren(QWidget) if w.objectName()]
    counts = Counter(w.objectName() for w in named)
    widgets: dict[str, Geometry] = {}
    for widget in named:
        name = widget.objectName()
        key = name
        if counts[name] > 1:
            parent = widget.parentWidget()
            while parent is not None and parent is not window and counts.get(parent.objectName(), 0) != 1:
                parent = parent.parentWidget()
            if parent is not None and parent is not window:
                key = f"{parent.objectName()}/{name}"
        unique, n = key, 1
        while unique in widgets:
            n += 1
            unique = f"{key}#{n}"
        pos = _position(widget, window)
        widgets[unique] = [pos.x(), pos.y(), widget.width(), widget.height(), shown(widget)]
    frame = window.geometry()
    return {"window": [frame.x(), frame.y(), frame.width(), frame.height()], "widgets": widgets}


def write_layout_report(window: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(layout_report(window), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

"""The article's context menu entries for the highlights under the pointer (or the caret).

Highlights may overlap, so every one under the point gets its entries: one highlight keeps them in a
section of the menu itself; several get a submenu each, named by its label (with the label's colour chip)
and the start of its quote, innermost first. Each entry only asks: the controller does the work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from reader.core.models import ColorLabel, Highlight
from reader.gui.common.label_display import label_display_name, swatch_icon

#: How many characters of a quote name its submenu.
QUOTE_START = 32


@dataclass(frozen=True)
class HighlightHandlers:
    """What the entries ask for (the annotation controller's methods)."""

    edit_note: Callable[[int], object]
    recolor: Callable[[int, str], None]
    restyle: Callable[[int, str], None]
    delete: Callable[[int], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("HighlightMenu", text)


def quote_start(h: Highlight) -> str:
    """The start of a highlight's quote, isolated so an English quote keeps its order in an Arabic menu."""
    quote = " ".join(h.exact.split())
    if len(quote) > QUOTE_START:
        quote = quote[:QUOTE_START].rstrip() + "…"
    return "\u2068" + quote.replace("&", "&&") + "\u2069"


def submenu_title(h: Highlight, labels: Sequence[ColorLabel]) -> str:
    label = next((lb for lb in labels if lb.key == h.color), None)
    name = label_display_name(label) if label is not None else h.color
    return _tr("%1: “%2”").replace("%1", name.replace("&", "&&")).replace("%2", quote_start(h))


def add_highlight_entries(
    menu: QMenu,
    hits: Sequence[Highlight],
    labels: Sequence[ColorLabel],
    colors: dict[str, str],
    handlers: HighlightHandlers,
    neutral: str,
) -> list[QMenu]:
    """Entries for every highlight in `hits` (innermost first); returns the submenus made (one each when
    there are several highlights, none for one)."""
    if not hits:
        return []
    if len(hits) == 1:
        menu.addSection(_tr("This highlight"))
        _add_actions(menu, hits[0], labels, handlers)
        return []
    menu.addSection(_tr("Highlights here"))
    submenus = []
    for h in hits:
        sub = menu.addMenu(swatch_icon(colors.get(h.color, neutral)), submenu_title(h, labels))
        sub.setObjectName(f"highlightMenu_{h.id}")
        _add_actions(sub, h, labels, handlers)
        submenus.append(sub)
    return submenus


def _add_actions(
    menu: QMenu, h: Highlight, labels: Sequence[ColorLabel], handlers: HighlightHandlers
) -> None:
    menu.addAction(_tr("Edit Note…"), lambda: handlers.edit_note(h.id))
    colors = menu.addMenu(_tr("Colour"))
    for label in labels:
        action = colors.addAction(
            swatch_icon(label.color, ring=label.key == h.color), label_display_name(label)
        )
        action.triggered.connect(lambda _=False, key=label.key: handlers.recolor(h.id, key))
    style = "background" if h.style == "underline" else "underline"
    menu.addAction(
        _tr("Use Background") if style == "background" else _tr("Use Underline"),
        lambda: handlers.restyle(h.id, style),
    )
    menu.addAction(_tr("Delete Highlight…"), lambda: handlers.delete(h.id))

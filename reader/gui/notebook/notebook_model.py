"""The notebook's list model: group headers and highlight cards in one flat list (reader.core.notes groups).

One row a header or a card, never a widget: painted by the card delegate (notebook_cards.py) only where they
are visible. The rows are two parallel lists, each row's card (None for a header) and its group: filling them
is list concatenation in C, where an object a row cost most of a keystroke at 10,000 highlights. Cards drag
their highlights out as MIME `application/x-hawamish-highlights` (a UTF-8 JSON list of highlight ids), which
a research page accepts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from reader.core.notes import NoteGroup, NoteItem

#: A drag of highlights: a UTF-8 JSON list of highlight ids (what research pages accept).
HIGHLIGHTS_MIME = "application/x-hawamish-highlights"

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the Row
HIGHLIGHT_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # a card's highlight id (None on a header)


@dataclass(slots=True)
class Row:
    """A header (`group`; item None) or a card (`item`; `group` is the group it is shown in)."""

    group: NoteGroup
    item: NoteItem | None = None

    @property
    def is_header(self) -> bool:
        return self.item is None


def _same_card(a: NoteItem | None, b: NoteItem | None) -> bool:
    return a is b or (a is not None and b is not None and a.highlight.id == b.highlight.id)


class NotebookModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[NoteItem | None] = []
        self.groups: list[NoteGroup] = []
        self._group_keys: list[object] = []

    # filling -------------------------------------------------------------------------------------------
    def set_groups(self, groups: Sequence[NoteGroup], *, headers: bool) -> bool:
        """Show `groups` (each one's header when `headers`, then its cards). True when the list was reset
        (its rows changed); False when the same rows got new data in place (a note edited elsewhere: the
        scroll position and the selection stay as they are)."""
        items: list[NoteItem | None] = []
        owners: list[NoteGroup] = []
        for group in groups:
            if headers:
                items.append(None)
            items.extend(group.items)
            owners.extend([group] * (len(group.items) + (1 if headers else 0)))
        same = (
            len(items) == len(self.items)
            and [g.key for g in groups] == self._group_keys
            and all(map(_same_card, items, self.items))
        )
        self._group_keys = [g.key for g in groups]
        if same:
            self.items, self.groups = items, owners
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return False
        self.beginResetModel()
        self.items, self.groups = items, owners
        self.endResetModel()
        return True

    @property
    def rows(self) -> list[Row]:
        """Every row as a Row (to walk the list; the view asks for one row at a time)."""
        return [Row(group, item) for group, item in zip(self.groups, self.items, strict=True)]

    def row_of_highlight(self, highlight_id: int) -> int:
        """The first row showing `highlight_id` (-1 when none does)."""
        for n, item in enumerate(self.items):
            if item is not None and item.highlight.id == highlight_id:
                return n
        return -1

    def card_count(self) -> int:
        return len(self.items) - self.items.count(None)

    # QAbstractListModel --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        n = index.row()
        item = self.items[n]
        if role == ROW_ROLE:
            return Row(self.groups[n], item)
        if role == HIGHLIGHT_ID_ROLE:
            return item.highlight.id if item is not None else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.groups[n].label if item is None else item.highlight.exact
        return None

    # flags(): not overridden. The tree view asks for every row's flags each time it lays the list out, and
    # a Python override made that four times slower; Qt's own (enabled, selectable, no children) serve. The
    # list keeps headers out of the selection and starts drags itself (notebook_view.NotebookList).

    def mimeTypes(self) -> list[str]:
        return [HIGHLIGHTS_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged cards' highlight ids (in list order, each once) and their quotes as plain text."""
        ids: list[int] = []
        quotes: list[str] = []
        for index in sorted(indexes, key=lambda i: i.row()):
            item = self.items[index.row()]
            if item is not None and item.highlight.id not in ids:
                ids.append(item.highlight.id)
                quotes.append(item.highlight.exact)
        mime = QMimeData()
        mime.setData(HIGHLIGHTS_MIME, json.dumps(ids).encode("utf-8"))
        mime.setText("\n\n".join(quotes))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

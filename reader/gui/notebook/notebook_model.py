"""The notebook's list model: group headers and highlight cards in one flat list (reader.core.notes groups).

One row a header or a card, never a widget: a library of 10,000 highlights is 10,000 rows of plain Python
objects, painted by the card delegate (notebook_cards.py) only where they are visible. Cards drag their
highlights out as MIME `application/x-hawamish-highlights` (a UTF-8 JSON list of highlight ids), which a
research page accepts.
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
    """A header (`group`, `count`; item None) or a card (`item`; `group` is the group it is shown in)."""

    group: NoteGroup
    item: NoteItem | None = None

    @property
    def is_header(self) -> bool:
        return self.item is None

    def identity(self) -> tuple[object, ...]:
        """What the row is, whatever its data: the same identities in the same order need no reset."""
        if self.item is None:
            return ("group", self.group.key)
        return ("card", self.group.key, self.item.highlight.id)


def rows_of(groups: Sequence[NoteGroup], *, headers: bool) -> list[Row]:
    """The flat list the view shows: each group's header (when grouped) then its cards."""
    rows: list[Row] = []
    for group in groups:
        if headers:
            rows.append(Row(group))
        rows.extend(Row(group, item) for item in group.items)
    return rows


class NotebookModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    # filling -------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row]) -> bool:
        """Show `rows`; True when the list was reset (its rows changed), False when the same rows got new
        data in place (a note edited elsewhere: the scroll position and selection stay as they are)."""
        same = len(rows) == len(self.rows) and all(
            a.identity() == b.identity() for a, b in zip(rows, self.rows, strict=True)
        )
        if same:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return False
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()
        return True

    def row_of_highlight(self, highlight_id: int) -> int:
        """The first row showing `highlight_id` (-1 when none does)."""
        for n, row in enumerate(self.rows):
            if row.item is not None and row.item.highlight.id == highlight_id:
                return n
        return -1

    def card_count(self) -> int:
        return sum(1 for r in self.rows if r.item is not None)

    # QAbstractListModel --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == HIGHLIGHT_ID_ROLE:
            return row.item.highlight.id if row.item is not None else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.item is None:
                return row.group.label
            return row.item.highlight.exact
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
            item = self.rows[index.row()].item
            if item is not None and item.highlight.id not in ids:
                ids.append(item.highlight.id)
                quotes.append(item.highlight.exact)
        mime = QMimeData()
        mime.setData(HIGHLIGHTS_MIME, json.dumps(ids).encode("utf-8"))
        mime.setText("\n\n".join(quotes))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

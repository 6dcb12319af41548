"""A list model over a Python list of row objects: the row access every such list model needs (the search
results, the compare view's passages), with `data` left to each."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

IndexLike = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class RowListModel(QAbstractListModel, Generic[RowT]):
    """Rows held in a list; `RowRole` gives a row object to delegates and views."""

    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: list[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, index: IndexLike | int) -> RowT | None:
        i = index if isinstance(index, int) else (index.row() if index.isValid() else -1)
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

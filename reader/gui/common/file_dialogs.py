"""Qt's own file dialog in a right-to-left UI: paths, dates and sizes read left to right.

Qt lays its file dialog out mirrored in Arabic, as it should, but a path in the "Look in" box, the file
name box, and the dates and sizes of the file list then follow the paragraph direction: `/home/a/b` shows as
`home/a/b/` and `05/12/2026 13:50` as `13:50 2026 12 05`. The dialog is Qt's (the static getOpenFileNames
and friends build it when there is no native one), so the fix is applied from outside: an application-wide
event filter, installed only while a dialog is open (`with dialog_directions():` around the static call,
which blocks until the dialog closes), sees the dialog as it is shown and sets those widgets' direction, or
isolates their text, without touching the dialog's mirrored layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.gui.common.combo_text import fit_combo_text

#: The file list's columns that hold numbers and dates (name is column 0: it keeps its own direction).
_NUMERIC_COLUMNS = (1, 3)
#: Object names Qt gives the dialog's path and name fields.
_PATH_FIELDS = ("lookInCombo", "fileNameEdit")


class _IsolatingDelegate(QStyledItemDelegate):
    """Shows sizes and dates left to right inside a right-to-left list (LRI … PDI)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() in _NUMERIC_COLUMNS and option.text:
            option.text = f"\u2066{option.text}\u2069"


class FileDialogDirections(QObject):
    """The event filter (installed by `dialog_directions` while a file dialog is open)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QFileDialog)
            and watched.isRightToLeft()
            and not watched.property("hawamishDirections")
        ):
            watched.setProperty("hawamishDirections", True)
            fix_directions(watched)
        return False


def fix_directions(dialog: QFileDialog) -> None:
    for name in _PATH_FIELDS:
        field = dialog.findChild(QWidget, name)
        if field is not None:
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            if isinstance(field, QComboBox):
                # Qt draws a combo box's text in the application's direction whatever the box's own: the
                # "Look in" path /home/a/b showed as home/a/b/. Isolating the text is the one thing that helps.
                fit_combo_text(field, Qt.TextElideMode.ElideMiddle, isolate=True)
    for view in dialog.findChildren(QAbstractItemView):
        if view.objectName() in ("treeView", "listView"):
            view.setItemDelegate(_IsolatingDelegate(view))


@contextmanager
def dialog_directions() -> Iterator[None]:
    """Fix the directions of the file dialogs shown inside this block (an application-wide filter sees every
    event: it is there only while a file dialog is)."""
    app = QApplication.instance()
    if app is None:
        yield
        return
    directions = FileDialogDirections(app)
    app.installEventFilter(directions)
    try:
        yield
    finally:
        app.removeEventFilter(directions)
        directions.deleteLater()

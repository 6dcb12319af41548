"""The library list's table: columns, sizes, the header's column chooser. Only lays the table out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reader.gui.library.library_model import COL_TITLE, DirectionDelegate, LibraryModel, LibrarySortModel


def make_library_view(
    model: LibraryModel, proxy: LibrarySortModel, parent: QWidget | None = None
) -> QTableView:
    """A table over `proxy`: whole rows selected (several at once, to export them), newest first until the
    user sorts, and a right click on the header shows or hides the optional columns."""
    view = QTableView(parent)
    view.setObjectName("libraryView")
    view.setModel(proxy)
    view.setItemDelegate(DirectionDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several rows: export them
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
    for column, width in ((1, 100), (2, 90), (3, 86), (4, 36)):
        header.resizeSection(column, width)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column in range(1, model.columnCount()):
        name = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        toggle = QAction(name, header)
        toggle.setCheckable(True)
        toggle.setChecked(not header.isSectionHidden(column))
        toggle.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        header.sectionResized.connect(
            lambda *_, a=toggle, c=column: a.setChecked(not header.isSectionHidden(c))
        )
        header.addAction(toggle)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until the user sorts
    header.setSortIndicatorClearable(True)
    view.setSortingEnabled(True)
    return view

"""Help → Keyboard Shortcuts: every shortcut of the window, grouped by menu, read from the actions
themselves (reader/gui/help/shortcuts.py), so the sheet never goes out of date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reader.gui.help.shortcuts import isolated, shortcut_groups


class ShortcutsSheet(QDialog):
    """A searchable two-column list: what an action does, and its keys (isolated left-to-right)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 640)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("shortcutsFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter shortcuts"))
        self.filter_box.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter_box.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.filter_box.textChanged.connect(self._filter)
        self._fill(window)

    def _fill(self, window: QMainWindow) -> None:
        separator = self.tr(", ")
        for group in shortcut_groups(window):
            top = QTreeWidgetItem(self.tree, [group.title])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for entry in group.entries:
                keys = separator.join(isolated(s) for s in entry.sequences)
                item = QTreeWidgetItem(top, [entry.name, keys])
                item.setData(0, Qt.ItemDataRole.UserRole, entry.action.objectName())
            top.setExpanded(True)

    def _groups(self) -> list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None:
                children = [top.child(j) for j in range(top.childCount())]
                out.append((top, [c for c in children if c is not None]))
        return out

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) of every row (tests and screen readers' order)."""
        return [(top.text(0), c.text(0), c.text(1)) for top, children in self._groups() for c in children]

    def shown_names(self) -> list[str]:
        """The actions the filter leaves shown."""
        return [c.text(0) for _top, children in self._groups() for c in children if not c.isHidden()]

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for top, children in self._groups():
            shown = 0
            for child in children:
                hit = not needle or needle in child.text(0).casefold() or needle in child.text(1).casefold()
                child.setHidden(not hit)
                shown += hit
            top.setHidden(shown == 0)

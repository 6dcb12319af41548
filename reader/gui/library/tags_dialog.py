"""Tags… for the selected articles: tick or untick the tags they carry, type new ones to add.

A tag on some of the articles shows half-ticked and is left alone unless the user ticks or unticks it. The
dialog only reads the user's choice back (`changes()`); the library actions make it an undoable command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.common.text_direction import follow_text_direction
from reader.gui.library.metadata_dialog import TagListCompleter, split_tags


class ArticleTagsDialog(QDialog):
    """The tags of several articles; `save_requested(add, remove)` when the user saves."""

    save_requested = Signal(list, list)

    def __init__(
        self, tags_of: Mapping[int, Sequence[str]], tag_choices: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleTagsDialog")
        self.setWindowTitle(self.tr("Article Tags"))
        self.setMinimumWidth(360)
        count = len(tags_of)
        self._before: dict[str, Qt.CheckState] = {}
        for tag in sorted({t for tags in tags_of.values() for t in tags}):
            carried = sum(1 for tags in tags_of.values() if tag in tags)
            full = carried == count
            self._before[tag] = Qt.CheckState.Checked if full else Qt.CheckState.PartiallyChecked

        intro = QLabel(self.tr("Tags of %Ln selected article(s):", "", count), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("articleTagsList")
        for tag, state in self._before.items():
            item = QListWidgetItem(tag, self.list)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if state == Qt.CheckState.PartiallyChecked:
                flags |= Qt.ItemFlag.ItemIsUserTristate
            item.setFlags(flags)
            item.setCheckState(state)
        if not self._before:
            self.list.hide()
            intro.setText(self.tr("The selected articles have no tags yet."))
        self.add_edit = QLineEdit(self)
        self.add_edit.setObjectName("articleTagsAdd")
        self.add_edit.setPlaceholderText(self.tr("Add tags, separated by commas"))
        self.add_edit.setCompleter(TagListCompleter(tag_choices, self))
        follow_text_direction(self.add_edit)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.add_edit)
        layout.addWidget(buttons)

    def set_checked(self, tag: str, state: Qt.CheckState) -> None:
        for item in self.list.findItems(tag, Qt.MatchFlag.MatchExactly):
            item.setCheckState(state)

    def changes(self) -> tuple[list[str], list[str]]:
        """(tags to add to every article, tags to remove from every article)."""
        add = split_tags(self.add_edit.text())
        remove: list[str] = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            tag, state = item.text(), item.checkState()
            if state == self._before.get(tag):
                continue
            if state == Qt.CheckState.Checked:
                add.append(tag)
            elif state == Qt.CheckState.Unchecked:
                remove.append(tag)
        return list(dict.fromkeys(add)), remove

    def save(self) -> None:
        add, remove = self.changes()
        self.save_requested.emit(add, remove)
        self.accept()

"""The metadata dialog: an article's title, byline, date, address, language, tags and collections.

It only lays the fields out and reads them back; whether the values are valid and what saving them does is
decided by the library actions (library_actions.py), which show a field's problem under it through
`show_error`. Each text field takes the direction of what is typed in it (an English title in the Arabic UI
reads left-to-right).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.quotes import normalize_tags
from reader.gui.common.error_ink import show_as_error
from reader.gui.common.text_direction import follow_text_direction
from reader.gui.library.library_commands import ArticleDetails

#: The metadata fields, in the dialog's order.
META_FIELDS = ("title", "author", "outlet", "published", "url", "language")
#: Tags are separated by commas, Latin or Arabic.
_TAG_SEPARATOR = re.compile("[,،]")


def split_tags(text: str) -> list[str]:
    return normalize_tags(_TAG_SEPARATOR.split(text))


def join_tags(tags: Iterable[str]) -> str:
    """Tags as the field shows them: joined with the UI's comma."""
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return ("، " if rtl else ", ").join(tags)


class TagListCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def __init__(self, tags: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(list(tags), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:
        return [_TAG_SEPARATOR.split(path)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = super().pathFromIndex(index)
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        parts = _TAG_SEPARATOR.split(text)
        before = [p.strip() for p in parts[:-1] if p.strip()]
        return join_tags([*before, chosen])


class MetadataDialog(QDialog):
    """Edits one article's details; `save_requested` carries them, the dialog stays open until `accept()`."""

    save_requested = Signal(object)  # ArticleDetails

    def __init__(
        self,
        details: ArticleDetails,
        tag_choices: Sequence[str],
        collection_choices: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDialog")
        self.setWindowTitle(self.tr("Edit Metadata"))
        self.setMinimumWidth(480)
        self.details = details

        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name in ("title", "author", "outlet", "published", "url"):
            edit = QLineEdit(details.meta.get(name, ""), self)
            edit.setObjectName(f"metadata_{name}")
            edit.setCursorPosition(0)  # a long address shows its start
            self.edits[name] = edit
        self.edits["published"].setPlaceholderText(self.tr("2015, 2015-07 or 2015-07-21"))
        self.edits["url"].setPlaceholderText("https://")
        for name in ("title", "author", "outlet"):
            follow_text_direction(self.edits[name])
        for name in ("published", "url"):  # dates and addresses are written left-to-right in any UI
            self.edits[name].setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("metadata_language")
        self.language_combo.setEditable(True)
        self.language_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language_combo.addItem(self.tr("Arabic"), "ar")
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.addItem(self.tr("Unknown"), "")
        self.language_combo.setToolTip(self.tr("Choose a language, or type its code (fr, de, fa…)"))
        self.set_language(details.meta.get("language", ""))

        self.tags_edit = QLineEdit(join_tags(details.tags), self)
        self.tags_edit.setObjectName("metadata_tags")
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_completer = TagListCompleter(tag_choices, self)
        self.tags_edit.setCompleter(self.tags_completer)
        follow_text_direction(self.tags_edit)

        self.collections_list = QListWidget(self)
        self.collections_list.setObjectName("metadata_collections")
        self.collections_list.setMaximumHeight(120)
        self.collections_list.setAccessibleName(self.tr("Collections"))
        for name in sorted({*collection_choices, *details.collections}):
            self._add_collection_item(name, name in details.collections)
        self.new_collection_edit = QLineEdit(self)
        self.new_collection_edit.setObjectName("metadata_new_collection")
        self.new_collection_edit.setPlaceholderText(self.tr("New collection"))
        follow_text_direction(self.new_collection_edit)
        self.add_collection_button = QPushButton(self.tr("Add"), self)
        self.add_collection_button.clicked.connect(self.add_new_collection)
        self.new_collection_edit.returnPressed.connect(self.add_new_collection)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        labels = {
            "title": self.tr("&Title:"),
            "author": self.tr("&Author:"),
            "outlet": self.tr("&Outlet:"),
            "published": self.tr("&Date:"),
            "url": self.tr("&Web address:"),
            "language": self.tr("&Language:"),
        }
        for name in META_FIELDS:
            field: QWidget = self.language_combo if name == "language" else self.edits[name]
            error = QLabel(self)
            error.setObjectName(f"metadata_{name}_error")
            error.setWordWrap(True)
            show_as_error(error)
            error.hide()
            self.errors[name] = error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(error)
            label = QLabel(labels[name], self)
            label.setBuddy(field)
            form.addRow(label, column)
        tags_label = QLabel(self.tr("Ta&gs:"), self)
        tags_label.setBuddy(self.tags_edit)
        form.addRow(tags_label, self.tags_edit)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_collection_edit, 1)
        new_row.addWidget(self.add_collection_button)
        collections = QVBoxLayout()
        collections.addWidget(self.collections_list)
        collections.addLayout(new_row)
        collections_label = QLabel(self.tr("&Collections:"), self)
        collections_label.setBuddy(self.collections_list)
        form.addRow(collections_label, collections)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    # the fields ----------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        index = self.language_combo.findData(code)
        if index < 0:
            self.language_combo.addItem(code, code)
            index = self.language_combo.count() - 1
        self.language_combo.setCurrentIndex(index)

    def language(self) -> str:
        """The chosen language's code (a typed code as it is)."""
        text = self.language_combo.currentText().strip()
        index = self.language_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.language_combo.itemData(index)) if index >= 0 else text

    def _add_collection_item(self, name: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(name, self.collections_list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def add_new_collection(self) -> None:
        """The typed name joins the list, ticked (made when the dialog is saved)."""
        name = " ".join(self.new_collection_edit.text().split())
        if not name:
            return
        found = self.collections_list.findItems(name, Qt.MatchFlag.MatchExactly)
        item = found[0] if found else self._add_collection_item(name, True)
        item.setCheckState(Qt.CheckState.Checked)
        self.collections_list.scrollToItem(item)
        self.new_collection_edit.clear()

    def checked_collections(self) -> frozenset[str]:
        items = (self.collections_list.item(i) for i in range(self.collections_list.count()))
        return frozenset(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def values(self) -> ArticleDetails:
        """What the fields say now (a collection name typed but not added yet counts as ticked)."""
        self.add_new_collection()
        meta = {name: " ".join(edit.text().split()) for name, edit in self.edits.items()}
        meta["language"] = self.language()
        return ArticleDetails(meta, tuple(split_tags(self.tags_edit.text())), self.checked_collections())

    # problems --------------------------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> None:
        """Show `message` under `field` and put the cursor there."""
        self.clear_errors()
        label = self.errors.get(field)
        if label is None:
            label = self.errors["title"]
        label.setText(message)
        label.show()
        widget: QWidget = (
            self.language_combo if field == "language" else self.edits.get(field, self.edits["title"])
        )
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
            label.clear()

    def error_text(self, field: str) -> str:
        label = self.errors[field]
        return label.text() if not label.isHidden() else ""

    def save(self) -> None:
        self.clear_errors()
        self.save_requested.emit(self.values())

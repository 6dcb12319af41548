"""Questions that never block: a confirmation and a name, asked with `open()` and answered through a callback.

A modal `exec()` would stop a headless test (nobody answers it) and nest an event loop inside a slot; these
boxes are window-modal, return at once, and call `then` when the user agrees. Callers keep the returned box
so tests can answer it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    yes_text: str,
    then: Callable[[], object],
    *,
    informative: str = "",
    object_name: str = "confirmBox",
) -> QMessageBox:
    """Ask a yes-or-no question; `then()` runs when the user chooses `yes_text` (Cancel is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(object_name)
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: then() if button is yes else None)
    box.setProperty("yesButton", yes)
    box.open()
    return box


def accept_confirmation(box: QMessageBox) -> None:
    """Answer a `confirm()` box with its yes button (for tests and scripts)."""
    yes = box.property("yesButton")
    if yes is not None:
        yes.click()


def ask_text(
    parent: QWidget,
    title: str,
    label: str,
    then: Callable[[str], object],
    *,
    text: str = "",
    object_name: str = "nameDialog",
) -> QInputDialog:
    """Ask for a line of text; `then(text)` runs on OK with a text that is not blank."""
    dialog = QInputDialog(parent)
    dialog.setObjectName(object_name)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(lambda value: then(value) if value.strip() else None)
    dialog.open()
    return dialog

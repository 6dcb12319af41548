"""No English in the Arabic UI: every window and dialog of tests/gui/test_i18n.DIALOGS, opened in Arabic, is
walked widget by widget, and a text of the application's own chrome (labels, buttons, group titles,
placeholders, tooltips, combo items, menus and their actions) with an English word in it fails the test.

Data is not chrome: the rows of lists and tables, the article, and fragments the code isolates for bidi
(FSI/LRI/RLI … PDI: file names, paths, shortcuts, numbers inside a sentence) are left out, and so are the
names of formats and keys that read the same in Arabic software (PDF, HTML, Markdown, Ctrl, …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.gui.main_window import MainWindow
from tests.gui.test_i18n import DIALOGS

#: Words that Arabic software writes in Latin letters (format and key names, the app's Latin name).
ALLOWED = {
    "pdf", "html", "csv", "json", "markdown", "md", "txt", "docx", "epub", "ctrl", "shift", "alt", "esc",
    "del", "hawamish", "utf", "url", "rtl", "ltr", "jsonl", "mhtml", "tab", "enter", "ins", "home", "end",
    "pgup", "pgdown", "space", "backspace", "meta", "cmd", "num", "http", "https", "www",
    "syncthing", "nextcloud", "dropbox", "git",  # sync engines: product names, written in Latin letters
}  # fmt: skip
#: Widgets (by objectName) whose texts are data, not the app's words: font families are their makers' names,
#: the compare field's items are queries (`tag:NAME`) over the user's own tags and labels.
DATA_WIDGETS = {"fontFamilyBox", "compareQuery"}
_ISOLATED = re.compile(r"[\u2066\u2067\u2068][^\u2069]*\u2069")
_WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(text: str) -> list[str]:
    """The English words of a UI text, isolated fragments and allowed names left out."""
    bare = _ISOLATED.sub(" ", text.replace("&", ""))
    return [w for w in _WORD.findall(bare) if w.lower() not in ALLOWED]


def _inside_data(widget: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, (QAbstractItemView, QTextEdit, QPlainTextEdit)):
            return True
        parent = parent.parentWidget()
    return False


def chrome_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text the application wrote into the chrome under `root`."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QMenu):  # menus are hidden until opened: their titles count all the same
            yield f"QMenu({widget.objectName()}).title", widget.title()
            continue
        if (not widget.isVisibleTo(root) and widget is not root) or _inside_data(widget):
            continue
        if widget.objectName() in DATA_WIDGETS:
            continue
        name = f"{type(widget).__name__}({widget.objectName()})"
        if widget.toolTip():
            yield f"{name}.toolTip", widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield f"{name}.text", widget.text()
        elif isinstance(widget, QGroupBox):
            yield f"{name}.title", widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{name}.placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name}.item{i}", widget.itemText(i)
    for action in root.findChildren(QAction):
        if action.text() and not action.isSeparator():
            yield f"QAction({action.objectName() or action.text()})", action.text()


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_no_english_in_the_arabic_chrome(qtbot, ui_language, name, library, sample_ids, settings) -> None:
    window = MainWindow(library, settings, ui_language)
    qtbot.addWidget(window)
    window.show()
    widget = DIALOGS[name](window)
    widget.show()
    qtbot.waitExposed(widget)
    leaks = [(where, text) for where, text in chrome_texts(widget) if english_words(text)]
    widget.close()
    window.close()
    assert not leaks, "\n".join(f"{where}: {text!r}" for where, text in leaks)

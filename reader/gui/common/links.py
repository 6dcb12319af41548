"""Links in what the app shows: opened in the system browser only after the user clicks one and confirms.

No view opens a link today (note cards are painted, the article view holds text only); a view that makes
links clickable (the notebook, say) connects its click to `LinkOpener.clicked`. The decision is here, apart
from the question, so that tests check it without a dialog: http, https and mailto links are offered to the
browser after a yes; `javascript:`, `file:`, `data:`, relative and every other link are never opened (a note
or a page could name `file:///home/…` or a script). The question is a QMessageBox; it is never shown
without a click, so never in `--screenshot` mode or headless.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

#: The only schemes the browser is ever asked to open.
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


class LinkDecision(Enum):
    ASK = "ask"  # offer it to the browser once the user says yes
    REFUSE = "refuse"  # never open it


def link_decision(url: QUrl | str) -> LinkDecision:
    """ASK for a valid http(s) link with a host or a mailto link; REFUSE for anything else."""
    link = QUrl(url) if isinstance(url, str) else url
    scheme = link.scheme().lower()
    if not link.isValid() or scheme not in OPENABLE_SCHEMES:
        return LinkDecision.REFUSE
    if scheme != "mailto" and not link.host():
        return LinkDecision.REFUSE
    return LinkDecision.ASK


def confirmation_box(parent: QWidget | None, url: QUrl) -> QMessageBox:
    """The question asked before a link leaves the app (the address shown whole, left to right)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("LinkOpener", "Open Link"),
        QCoreApplication.translate("LinkOpener", "Open this link in your web browser?"),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("openLinkQuestion")
    box.setInformativeText("\u2066" + url.toDisplayString() + "\u2069")  # isolated: a URL reads left to right
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_the_user(parent: QWidget | None, url: QUrl) -> bool:
    return confirmation_box(parent, url).exec() == QMessageBox.StandardButton.Open


class LinkOpener:
    """What a click on a link does: nothing for a refused link; else the question, then the browser."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        confirm: Callable[[QWidget | None, QUrl], bool] = ask_the_user,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        self._parent = parent
        self._confirm = confirm
        self._open = open_url

    def clicked(self, url: QUrl | str) -> bool:
        """Handle a click on `url`; True when it went to the browser."""
        link = QUrl(url) if isinstance(url, str) else url
        if link_decision(link) is LinkDecision.REFUSE:
            return False
        if not self._confirm(self._parent, link):
            return False
        self._open(link)
        return True

"""Links open in the browser only after a click and a yes; javascript:, file: and the rest never."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from reader.gui.common.links import LinkDecision, LinkOpener, confirmation_box, link_decision


@pytest.mark.parametrize(
    ("url", "decision"),
    [
        ("https://example.com/column", LinkDecision.ASK),
        ("HTTP://127.0.0.1:8000/img.png", LinkDecision.ASK),
        ("mailto:writer@example.com", LinkDecision.ASK),
        ("javascript:alert(1)", LinkDecision.REFUSE),
        ("JavaScript:fetch('https://example.com')", LinkDecision.REFUSE),
        ("file:///etc/passwd", LinkDecision.REFUSE),
        ("data:text/html,<script>alert(1)</script>", LinkDecision.REFUSE),
        ("vbscript:msgbox", LinkDecision.REFUSE),
        ("relative/page.html", LinkDecision.REFUSE),
        ("https://", LinkDecision.REFUSE),
        ("smb://server/share", LinkDecision.REFUSE),
        ("", LinkDecision.REFUSE),
    ],
)
def test_which_links_may_ever_reach_the_browser(url: str, decision: LinkDecision) -> None:
    assert link_decision(url) is decision


def test_a_link_opens_only_after_the_user_says_yes(qapp) -> None:
    opened: list[str] = []
    asked: list[str] = []
    answer = {"yes": False}

    def confirm(_parent: object, url: QUrl) -> bool:
        asked.append(url.toString())
        return answer["yes"]

    opener = LinkOpener(None, confirm=confirm, open_url=lambda url: opened.append(url.toString()))
    assert not opener.clicked("https://example.com/a")  # the user said no
    answer["yes"] = True
    assert opener.clicked("https://example.com/b")
    assert not opener.clicked("javascript:alert(1)")  # never asked, never opened
    assert not opener.clicked("file:///etc/passwd")
    assert asked == ["https://example.com/a", "https://example.com/b"]
    assert opened == ["https://example.com/b"]


def test_the_question_names_the_link_and_defaults_to_cancel(qapp) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = confirmation_box(None, QUrl("https://example.com/column"))
    assert "https://example.com/column" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)

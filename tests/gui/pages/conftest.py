"""The offscreen platform crashes at exit when the clipboard still holds mime data: each test empties it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp) -> Iterator[None]:
    yield
    QGuiApplication.clipboard().clear()

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication, QPalette


@pytest.fixture(autouse=True)
def keep_app_palette(qapp) -> Iterator[None]:
    """A theme replaces the whole app's palette: put the one before the test back."""
    before = QPalette(QGuiApplication.palette())
    yield
    QGuiApplication.setPalette(before)

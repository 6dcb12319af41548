"""Guards the PySide6 pin in pyproject.toml.

PySide6 6.12.0 returns None from void methods without a new reference. On Python 3.12+ None is immortal and
nothing happens; on 3.11 every call drops one reference and a long session dies with "none_dealloc". The
pin picks 6.11.3 on 3.11; this test fails if an installed PySide6 leaks references to None, True or False.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12")
def test_void_qt_calls_keep_reference_counts_of_singletons(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True), ("False", False))}
    for _ in range(200):
        widget.setMinimumWidth(10)  # void
        widget.setVisible(False)  # void, takes a bool
        widget.isVisible()  # returns a bool
    after = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True), ("False", False))}
    for name, count in before.items():
        assert after[name] >= count - 20, f"PySide6 leaks references to {name}: {count} -> {after[name]}"

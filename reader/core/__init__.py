"""Plain-Python core of Hawamish: storage, library, text, anchors, search, importers, exporters.

Nothing under this package may import PySide6 or reader.gui (tests/core/test_core_has_no_qt.py checks it).
"""

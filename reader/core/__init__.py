"""Plain-Python core of Hawamish: storage, library, text, anchors, search, importers, exporters.

Nothing under this package may import Qt or the GUI package (tests/core/test_core_has_no_qt.py checks it).
"""

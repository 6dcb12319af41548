"""Searching the library: the search panel, its queries, and keeping the search index in step.

Nothing in this package is imported at package level: `python -m reader.gui.search.index_process` must not load Qt.
"""

"""Exporting notes: the export dialog and its live preview."""

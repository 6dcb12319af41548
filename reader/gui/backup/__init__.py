"""Backing up the library from the File menu."""

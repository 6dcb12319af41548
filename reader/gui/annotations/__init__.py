"""Highlights and notes: the selection toolbar, the notes panel, undoable edits, colour labels."""

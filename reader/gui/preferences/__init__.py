"""Preferences: the dialog (Ctrl+,), where they are stored, and what applies them."""

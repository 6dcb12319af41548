"""Sharing the library with a team through a synced folder: joining, syncing when the folder changes, who is
in it, and who wrote each highlight (reader/core/sharing; docs/sharing.md)."""

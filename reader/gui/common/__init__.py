"""Shared by every GUI feature: background workers, offsets, settings, error sentences, the shell interface."""

"""Hawamish (هوامش): an offline reader for annotated opinion pieces."""

__version__ = "0.1.0"
APP_ID = "org.hawamish.Hawamish"

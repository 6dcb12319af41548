"""The app's own settings (window geometry, splitter, last article): an INI file in config_dir().

Never the user's real config in tests: config_dir() follows HAWAMISH_CONFIG_DIR, which the tests point at a
temp folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from reader.core.paths import config_dir

SETTINGS_FILE = "hawamish.ini"


def open_settings(path: Path | None = None) -> QSettings:
    target = Path(path) if path is not None else config_dir() / SETTINGS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(target), QSettings.Format.IniFormat)


def library_key(folder: Path, name: str) -> str:
    """A per-library settings key (the last article of one library means nothing in another)."""
    digest = hashlib.sha1(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:12]
    return f"libraries/{digest}/{name}"

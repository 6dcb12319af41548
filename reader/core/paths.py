"""Where things live. Every path can be injected (--library, HAWAMISH_LIBRARY, HAWAMISH_CONFIG_DIR)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "hawamish"
LIBRARY_ENV = "HAWAMISH_LIBRARY"
CONFIG_ENV = "HAWAMISH_CONFIG_DIR"


def default_library_dir() -> Path:
    """The platform's user data folder (e.g. ~/.local/share/hawamish/library), unless HAWAMISH_LIBRARY says."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """reader/resources/: fonts, icons, the sample library and the compiled translations.

    Inside the package, so a wheel and a PyInstaller bundle carry it (docs/packaging.md); found from this
    file, which is where an editable install, a wheel and a bundle all put it.
    """
    return Path(__file__).resolve().parents[1] / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"

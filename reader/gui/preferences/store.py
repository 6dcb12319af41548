"""Preferences kept in a versioned JSON file in the platform's config folder, apart from window state.

`config_dir()` (platformdirs; HAWAMISH_CONFIG_DIR overrides it) holds `preferences.json`; the window's
geometry and other machine state stay in hawamish.ini (reader/gui/common/settings.py). Every file carries
a "version"; an older file is migrated forward on load, one step a version, and written back in the new
form the next time preferences are saved.

Versions:
- 0: no preferences file; the only appearance choice was the text size, `view/zoom` (points above 15) in
  hawamish.ini. Its zoom becomes the font size.
- 1: {"version": 1, "language", "theme", "digits", "typography": {...}, "recent_libraries": [...]}.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.exporters import FORMATS
from reader.core.paths import config_dir
from reader.gui.common.appearance.digits import ARABIC_INDIC, DIGIT_CHOICES
from reader.gui.common.appearance.themes import SYSTEM, THEME_CHOICES
from reader.gui.common.appearance.typography import DEFAULT_POINT_SIZE, Typography

log = logging.getLogger(__name__)

PREFERENCES_FILE = "preferences.json"
VERSION = 2
LANGUAGE_CHOICES = ("system", "ar", "en")
MAX_RECENT_LIBRARIES = 8


@dataclass(frozen=True)
class ExportDefaults:
    """What a new export starts with: a format key, "A4"/"Letter" ('' the system's paper), the article text."""

    format: str = "pdf"
    page_size: str = ""
    include_text: bool = False


PAGE_SIZE_CHOICES = ("", "A4", "Letter")


@dataclass(frozen=True)
class Preferences:
    language: str = "system"
    theme: str = SYSTEM
    #: in the Arabic UI (an English UI always writes 0-9)
    digits: str = ARABIC_INDIC
    typography: Typography = field(default_factory=Typography)
    recent_libraries: tuple[str, ...] = ()
    export: ExportDefaults = field(default_factory=ExportDefaults)

    def with_recent_library(self, folder: Path | str) -> Preferences:
        """The list of recent libraries with `folder` first (once), at most MAX_RECENT_LIBRARIES."""
        path = str(Path(folder).expanduser().resolve())
        recent = (path, *(p for p in self.recent_libraries if p != path))
        return replace(self, recent_libraries=recent[:MAX_RECENT_LIBRARIES])

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["recent_libraries"] = list(self.recent_libraries)
        return {"version": VERSION, **data}


def preferences_path(folder: Path | None = None) -> Path:
    return (folder if folder is not None else config_dir()) / PREFERENCES_FILE


def _migrate_0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (hawamish.ini's `view/zoom`, passed in as {"zoom": N}) to version 1."""
    try:
        zoom = float(data.get("zoom", 0) or 0)
    except (TypeError, ValueError):
        zoom = 0.0
    return {"version": 1, "typography": {"point_size": DEFAULT_POINT_SIZE + zoom}}


def _migrate_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 to 2: export defaults (a new export starts as before: PDF, the system's paper, no text)."""
    return {**data, "version": 2, "export": asdict(ExportDefaults())}


#: version -> the step that turns a file of that version into the next version
MIGRATIONS = {0: _migrate_0, 1: _migrate_1}


def migrate(data: Mapping[str, Any]) -> dict[str, Any]:
    """A preferences mapping of any known version, brought to VERSION."""
    current = dict(data)
    version = int(current.get("version", 0) or 0)
    while version < VERSION:
        current = MIGRATIONS[version](current)
        version = int(current["version"])
    return current


def _choice(value: object, choices: tuple[str, ...], default: str) -> str:
    return value if isinstance(value, str) and value in choices else default


def from_json(data: Mapping[str, Any]) -> Preferences:
    """Preferences from a mapping of the current version; unknown or broken values fall back to defaults."""
    defaults = Preferences()
    raw_type = data.get("typography")
    typo = raw_type if isinstance(raw_type, Mapping) else {}
    base = Typography()
    try:
        typography = Typography(
            family=str(typo.get("family", base.family)),
            point_size=float(typo.get("point_size", base.point_size)),
            line_spacing=float(typo.get("line_spacing", base.line_spacing)),
            column_chars=int(typo.get("column_chars", base.column_chars)),
            justify=bool(typo.get("justify", base.justify)),
        ).clamped()
    except (TypeError, ValueError):
        typography = base
    recent = data.get("recent_libraries")
    raw_export = data.get("export")
    exported = raw_export if isinstance(raw_export, Mapping) else {}
    export = ExportDefaults(
        format=_choice(exported.get("format"), FORMATS, "pdf"),
        page_size=_choice(exported.get("page_size"), PAGE_SIZE_CHOICES, ""),
        include_text=exported.get("include_text") is True,
    )
    return Preferences(
        language=_choice(data.get("language"), LANGUAGE_CHOICES, defaults.language),
        theme=_choice(data.get("theme"), THEME_CHOICES, defaults.theme),
        digits=_choice(data.get("digits"), DIGIT_CHOICES, defaults.digits),
        typography=typography,
        recent_libraries=tuple(str(p) for p in recent if isinstance(p, str))[:MAX_RECENT_LIBRARIES]
        if isinstance(recent, list)
        else (),
        export=export,
    )


def load_preferences(path: Path, legacy_zoom: float | None = None) -> tuple[Preferences, bool]:
    """The preferences in `path` and whether they were migrated from an older version (save them then).

    Without a file, `legacy_zoom` (hawamish.ini's view/zoom, version 0) is migrated when given.
    A file that cannot be read gives the defaults (and is kept, for the user to look at).
    """
    if not path.exists():
        if legacy_zoom:
            return from_json(migrate({"zoom": legacy_zoom})), True
        return Preferences(), False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        version = int(data.get("version", 0) or 0)
        if version > VERSION:
            log.warning("%s is of a newer version (%s); reading what is known", path, version)
            return from_json(data), False
        return from_json(migrate(data)), version < VERSION
    except (OSError, ValueError, TypeError, KeyError):
        log.warning("cannot read the preferences in %s; using the defaults", path, exc_info=True)
        return Preferences(), False


def save_preferences(path: Path, preferences: Preferences) -> None:
    """Write the preferences atomically (a temp file renamed over the old one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".json.tmp")
    temp.write_text(json.dumps(preferences.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temp.replace(path)

"""Preferences on disk: a round trip, the migration of older versions, broken files (no display)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from reader.gui.common.appearance.typography import Typography
from reader.gui.preferences.store import (
    VERSION,
    Preferences,
    load_preferences,
    migrate,
    save_preferences,
)


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "preferences.json"
    prefs = Preferences(
        language="ar",
        theme="sepia",
        digits="western",
        typography=Typography("Noto Naskh Arabic", 18.0, 1.15, 80, True),
        recent_libraries=("/data/lib-a", "/data/lib-b"),
    )
    save_preferences(path, prefs)
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == VERSION
    loaded, migrated = load_preferences(path)
    assert loaded == prefs
    assert not migrated


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_preferences(tmp_path / "none.json") == (Preferences(), False)


def test_legacy_zoom_becomes_the_font_size(tmp_path: Path) -> None:
    prefs, migrated = load_preferences(tmp_path / "none.json", legacy_zoom=3)
    assert migrated
    assert prefs.typography.point_size == 18.0


def test_a_file_without_version_is_version_0(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    path.write_text(json.dumps({"zoom": 2}), "utf-8")
    prefs, migrated = load_preferences(path)
    assert migrated
    assert prefs.typography.point_size == 17.0
    assert migrate({"zoom": "bad"})["version"] == VERSION


def test_broken_and_newer_files(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    path.write_text("{not json", "utf-8")
    assert load_preferences(path) == (Preferences(), False)
    path.write_text(json.dumps([1, 2]), "utf-8")
    assert load_preferences(path)[0] == Preferences()
    newer = {"version": VERSION + 1, "theme": "dark", "typography": {"point_size": "x"}, "future": 1}
    path.write_text(json.dumps(newer), "utf-8")
    prefs, migrated = load_preferences(path)
    assert prefs.theme == "dark" and prefs.typography == Typography() and not migrated
    path.write_text(json.dumps({"version": 1, "theme": "neon", "typography": {"point_size": 99}}), "utf-8")
    prefs, _ = load_preferences(path)
    assert prefs.theme == Preferences().theme
    assert prefs.typography.point_size == 36.0  # clamped


def test_recent_libraries_keep_order_and_limit(tmp_path: Path) -> None:
    prefs = Preferences()
    for i in range(10):
        prefs = prefs.with_recent_library(tmp_path / f"lib{i}")
    prefs = prefs.with_recent_library(tmp_path / "lib5")
    assert prefs.recent_libraries[0] == str((tmp_path / "lib5").resolve())
    assert len(prefs.recent_libraries) == 8
    assert len(set(prefs.recent_libraries)) == 8
    assert replace(prefs, recent_libraries=()).recent_libraries == ()


def test_a_version_1_file_gains_export_defaults_and_bad_ones_fall_back(tmp_path: Path) -> None:
    from reader.gui.preferences.store import ExportDefaults, from_json, migrate

    migrated = migrate({"version": 1, "theme": "sepia"})
    assert migrated["version"] == 2 and from_json(migrated).export == ExportDefaults()
    assert from_json(migrated).theme == "sepia"
    odd = from_json({"version": 2, "export": {"format": "docx", "page_size": "A3", "include_text": "yes"}})
    assert odd.export == ExportDefaults()  # unknown values: the defaults, never an export that cannot run
    chosen = from_json(
        {"version": 2, "export": {"format": "html", "page_size": "Letter", "include_text": True}}
    )
    assert chosen.export == ExportDefaults("html", "Letter", True)

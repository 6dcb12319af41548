"""Nobody in front of the screen: `gui --screenshot`, no display, the command line. An error is one line on
stderr and a non-zero exit, quickly; no modal dialog waits for a click that cannot come (issue: a library
that cannot be opened left `gui --screenshot` waiting forever on an error dialog)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from reader.core.storage.migrations import SCHEMA_VERSION
from reader.gui.app import choose_platform
from tests.gui.fixtures import run_hawamish

#: far below run_hawamish's default: a dialog waiting for a click would run into it
QUICKLY = 40.0


def _unopenable(kind: str, tmp_path: Path) -> Path:
    """A --library that cannot be opened (root ignores file modes, so no permission tricks)."""
    if kind == "a file":
        path = tmp_path / "not-a-folder"
        path.write_text("a file where the library folder should be", encoding="utf-8")
        return path
    folder = tmp_path / "library"
    folder.mkdir()
    database = folder / "library.sqlite3"
    if kind == "garbage":
        database.write_bytes(b"this is not an SQLite database " * 100)
    else:  # written by a newer Hawamish
        with sqlite3.connect(database) as db:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return folder


CASES = {
    "a file": "a library is a folder, and this is a file",
    "garbage": "the library database is damaged",
    "newer": "this library was written by a newer Hawamish",
}


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run_hawamish(args, timeout=QUICKLY, HAWAMISH_CONFIG_DIR=str(tmp_path / "config"), **env)


@pytest.mark.parametrize("kind", list(CASES))
def test_screenshot_of_an_unopenable_library_exits_with_one_line(kind: str, tmp_path: Path) -> None:
    library = _unopenable(kind, tmp_path)
    png = tmp_path / "out.png"
    result = _run(["--library", str(library), "gui", "--screenshot", str(png)], tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("hawamish:")]
    assert len(lines) == 1 and CASES[kind] in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not png.exists()


@pytest.mark.parametrize("kind", list(CASES))
def test_the_command_line_on_an_unopenable_library_exits_with_one_line(kind: str, tmp_path: Path) -> None:
    library = _unopenable(kind, tmp_path)
    result = _run(["--library", str(library), "list"], tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("hawamish:") and CASES[kind] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_app_without_a_display_says_so_instead_of_aborting(tmp_path: Path) -> None:
    result = _run(
        ["--library", str(tmp_path / "lib"), "gui"],
        tmp_path,
        QT_QPA_PLATFORM="",
        DISPLAY="",
        WAYLAND_DISPLAY="",
    )
    assert result.returncode == 1
    assert "no display" in result.stderr and "Traceback" not in result.stderr


def test_a_screenshot_without_a_display_renders_offscreen(tmp_path: Path) -> None:
    png = tmp_path / "out.png"
    result = _run(
        ["--library", str(tmp_path / "lib"), "gui", "--screenshot", str(png)],
        tmp_path,
        QT_QPA_PLATFORM="",
        DISPLAY="",
        WAYLAND_DISPLAY="",
    )
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 0


def test_choose_platform_keeps_a_usable_one() -> None:
    assert choose_platform(False, {"DISPLAY": ":0"}) is None
    assert choose_platform(False, {"QT_QPA_PLATFORM": "offscreen"}) is None
    env: dict[str, str] = {}
    assert choose_platform(True, env) is None and env["QT_QPA_PLATFORM"] == "offscreen"
    assert choose_platform(True, {"QT_QPA_PLATFORM": "xcb"}) is not None  # asked for X11, and there is none
    assert choose_platform(False, {}) is not None


def test_errors_in_an_unattended_window_are_printed_and_counted(qtbot, library, settings, capsys) -> None:
    from reader.core.errors import ErrorCode, HawamishError
    from reader.gui.main_window import MainWindow

    window = MainWindow(library, settings, interactive=False)
    qtbot.addWidget(window)
    window.show_error(HawamishError(ErrorCode.DISK_FULL, "/x/out.pdf"))
    assert window.unattended_errors == 1
    assert "hawamish: /x/out.pdf: the disk is full" in capsys.readouterr().err
    window.close()

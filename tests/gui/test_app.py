"""run_app through the real command line (offscreen): first run, an empty --library, languages, exit codes."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from reader.core.sample import SAMPLE_FILES
from reader.gui.app import system_language
from tests.gui.fixtures import run_hawamish

ROOT = Path(__file__).resolve().parents[2]


def _gui(args: list[str], tmp_path: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    return run_hawamish(
        args, HAWAMISH_CONFIG_DIR=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"), **env_extra
    )


def test_first_run_creates_the_sample_library_and_opens_its_first_article(tmp_path: Path) -> None:
    png = tmp_path / "first.png"
    result = _gui(["gui", "--lang", "ar", "--screenshot", str(png)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert png.exists() and png.stat().st_size > 10_000
    db = tmp_path / "data" / "hawamish" / "library" / "library.sqlite3"
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT id, title, author, outlet, published, source_path FROM articles"
        ).fetchall()
        colors = {r[0] for r in conn.execute("SELECT color FROM highlights")}
    assert "تنظيم داعش: عودة القوة والتهديدات لروسيا" in [r[1] for r in rows] and len(rows) >= 3
    assert len(colors) >= 3
    settings = (tmp_path / "config" / "hawamish.ini").read_text("utf-8")
    first_id, _, author, outlet, published, _ = next(r for r in rows if r[5].endswith(SAMPLE_FILES[0]))
    assert author and outlet and published and first_id == max(r[0] for r in rows)  # the top of the list
    assert f"last_article={first_id}" in settings  # what the first start shows


def test_named_library_starts_empty(tmp_path: Path) -> None:
    folder = tmp_path / "new-library"
    result = _gui(
        ["--library", str(folder), "gui", "--lang", "en", "--screenshot", str(tmp_path / "empty.png")],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(folder / "library.sqlite3") as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_open_missing_article_with_screenshot_fails(tmp_path: Path) -> None:
    result = _gui(
        ["--library", str(tmp_path / "lib"), "gui", "--open", "42", "--screenshot", str(tmp_path / "x.png")],
        tmp_path,
    )
    assert result.returncode == 1
    assert "42" in result.stderr


def test_bad_lang_is_a_usage_error(tmp_path: Path) -> None:
    assert _gui(["gui", "--lang", "fr"], tmp_path).returncode == 2


@pytest.mark.parametrize(("locale", "expected"), [("ar_EG", "ar"), ("en_GB", "en"), ("fr_FR", "en")])
def test_default_language_follows_the_system_locale(locale: str, expected: str, monkeypatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(locale)))
    assert system_language() == expected


def test_uncaught_errors_show_a_dialog_not_a_traceback(qapp, monkeypatch) -> None:
    from reader.core.errors import ErrorCode, HawamishError
    from reader.gui import app as app_module

    shown: list[tuple[object, str]] = []
    monkeypatch.setattr(
        app_module, "show_error_dialog", lambda parent, error, details="": shown.append((error, details))
    )
    reporter = app_module.ErrorReporter(lambda: None)
    error = HawamishError(ErrorCode.UNWRITABLE, "/read-only/notes.pdf")
    reporter(HawamishError, error, None)
    assert shown[0][0] is error
    box = app_module.build_error_dialog(None, error)
    assert "/read-only/notes.pdf" in box.text() and "cannot write there" in box.text()
    bug = ValueError("boom")
    reporter(ValueError, bug, bug.__traceback__)
    box = app_module.build_error_dialog(None, bug, "Traceback ...")
    assert "Something went wrong" in box.text() and box.detailedText() == "Traceback ..."


def test_screenshot_mode_prints_errors_instead_of_blocking(qapp, capsys) -> None:
    from reader.gui.app import ErrorReporter

    reporter = ErrorReporter(lambda: None, interactive=False)
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError as exc:
        reporter(RuntimeError, exc, exc.__traceback__)
    assert reporter.count == 1
    assert "a bug in a slot" in capsys.readouterr().err


def test_theme_option_paints_the_article_and_a_bad_theme_is_a_usage_error(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from reader.gui.common.appearance.themes import THEMES

    assert _gui(["gui", "--theme", "neon"], tmp_path).returncode == 2
    png = tmp_path / "dark.png"
    folder = tmp_path / "lib"
    result = _gui(["--library", str(folder), "gui", "--theme", "dark", "--screenshot", str(png)], tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    # the empty article view fills the middle of the window: the dark theme's paper
    assert QColor(image.pixel(image.width() * 3 // 4, image.height() - 60)).name() == THEMES["dark"].paper


def test_preferred_language_is_used_without_lang(tmp_path: Path) -> None:
    from reader.core.paths import config_dir
    from reader.gui.app import _preferred_language

    assert _preferred_language() is None  # no preferences yet: the system's
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "preferences.json").write_text('{"version": 1, "language": "ar"}', "utf-8")
    assert _preferred_language() == "ar"
    (config_dir() / "preferences.json").write_text('{"version": 1, "language": "system"}', "utf-8")
    assert _preferred_language() is None

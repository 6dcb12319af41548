"""Shared fixtures. Every test gets its own library folder and config folder: nothing touches the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# GUI tests run offscreen unless a test starts its own Xvfb (tests/gui/test_real_window.py).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]  # the checkout
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED_PATH = FIXTURES / "seed.txt"
SEED_TITLE = "تنظيم داعش: عودة القوة والتهديدات لروسيا"


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Redirect the default library, config and Qt settings folders into the test's temp folder."""
    monkeypatch.setenv("HAWAMISH_LIBRARY", str(tmp_path / "default-library"))
    monkeypatch.setenv("HAWAMISH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(library_dir: Path):
    from reader.core.library import Library

    lib = Library(library_dir)
    yield lib
    lib.close()


@pytest.fixture
def seed_path() -> Path:
    return SEED_PATH


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Mark a test that reads ../shared (copyrighted test data, never copied into the project): it runs
    wherever the data is beside the checkout (developers, CI) and is skipped, with the reason, elsewhere."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(
        not path.exists(), reason=f"needs {path} (the shared test data beside the checkout)"
    )


def shared_path(*parts: str) -> Path:
    return SHARED.joinpath(*parts)


#: The field names of a highlight in JSON that DESIGN §6 promises scripts (docs/cli.md).
HIGHLIGHT_JSON_FIELDS = (
    "id", "article_id", "start", "end", "exact", "prefix", "suffix", "color", "style", "note", "tags",
    "orphan", "created", "updated",
)  # fmt: skip

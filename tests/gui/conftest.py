"""GUI fixtures: a library with a few articles and a main window over it (settings in the temp folder)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from tests.gui.fixtures import MIXED_BLOCKS, MIXED_META


def add_sample_articles(library) -> list[int]:
    """Three articles: mixed Arabic/English, an English one, and one made of the seed's lines."""
    store = library.articles
    english = [
        Block(BlockKind.HEADING, "Why margins matter", 2),
        Block(BlockKind.PARAGRAPH, "Reading slowly is a habit worth keeping."),
        Block(BlockKind.QUOTE, "Margins are where readers talk back."),
    ]
    seed_lines = [
        ln
        for ln in (Path(__file__).parents[1] / "fixtures" / "seed.txt").read_text("utf-8").splitlines()
        if ln.strip()
    ]
    seed = [Block(BlockKind.PARAGRAPH, ln.strip()) for ln in seed_lines[1:]]
    return [
        store.add(MIXED_META, MIXED_BLOCKS),
        store.add(
            ArticleMeta(
                title="Why margins matter",
                author="A. Writer",
                outlet="The Margin",
                published="2024-01-10",
                language="en",
            ),
            english,
        ),
        store.add(
            ArticleMeta(title=seed_lines[0], author="بيتر بيرغن", outlet="CNN", published="2024-03-23"), seed
        ),
    ]


@pytest.fixture
def sample_ids(library) -> list[int]:
    return add_sample_articles(library)


@pytest.fixture
def settings(tmp_path: Path):
    from reader.gui.common.settings import open_settings

    return open_settings(tmp_path / "config" / "hawamish.ini")


@pytest.fixture
def window(qtbot, library, sample_ids, settings):
    from reader.gui.main_window import MainWindow

    win = MainWindow(library, settings, "en")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built_qm() -> Path:
    """Build the .qm files (as the set-up script does) and return the Arabic one."""
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_translations.py")], check=True, capture_output=True
    )
    from reader.gui.app import translations_dir

    return translations_dir() / "hawamish_ar.qm"


@pytest.fixture
def ui_language(request, qapp, built_qm) -> Iterator[str]:
    """Switch the running QApplication to a UI language, and back to English afterwards."""
    lang = request.param
    from reader.gui.app import apply_language

    translators = apply_language(qapp, lang)
    yield lang
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(autouse=True)
def _english_locale_after_each_test() -> Iterator[None]:
    """A window built in Arabic sets the default QLocale (its digits and dates follow it); the app runs one
    language a process, the tests many: each test leaves the default as the English tests expect it."""
    yield
    if QLocale().language() != QLocale.Language.English:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

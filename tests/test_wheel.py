"""A built wheel installs anywhere: it holds only `reader`, with its fonts, icon, sample library and compiled
translations, and the installed app starts on a fresh machine's first run in both UI languages.

The wheel is built from a copy of the sources without any compiled .qm (setup.py must compile them), offline
(`--no-build-isolation --no-index`), installed with `pip install --target` into a temporary folder, and run
from outside the checkout with only that folder on PYTHONPATH, so `reader` is the installed one; its
dependencies (PySide6 …) come from the running virtual environment. About 20 s on one core.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from reader import __version__
from tests.conftest import ROOT

#: What `pip wheel` needs from the checkout (the rest of it, tests and docs, is not packaged).
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "i18n", "reader")


def _setuptools_is_new_enough() -> bool:
    try:
        from importlib.metadata import version

        return int(version("setuptools").split(".")[0]) >= 77
    except Exception:  # no setuptools at all
        return False


pytestmark = pytest.mark.skipif(
    not _setuptools_is_new_enough(),
    reason="building the wheel offline needs setuptools>=77 in this environment (pip install -e '.[test]')",
)


def _copy_sources(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "*.egg-info")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    (target / "packaging").mkdir()
    shutil.copy2(ROOT / "packaging" / "build_translations.py", target / "packaging")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the folder it is installed in)."""
    base = tmp_path_factory.mktemp("wheel")
    src, dist, site = base / "src", base / "dist", base / "site"
    src.mkdir()
    _copy_sources(src)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), str(src)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("hawamish-*.whl")
    installed = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--no-compile", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return wheel, site


def _run(site: Path, cwd: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    """The installed console script, from `cwd` (outside the checkout), with a fresh config and data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAWAMISH_", "PYTHON", "XDG_"))}
    env |= {
        "PYTHONPATH": str(site),
        "QT_QPA_PLATFORM": "offscreen",
        "HAWAMISH_CONFIG_DIR": str(cwd / "config"),
        "XDG_DATA_HOME": str(cwd / "data"),
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, str(site / "bin" / "hawamish"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_the_wheel_holds_only_reader_with_its_resources(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"reader", f"hawamish-{__version__}.dist-info"}
    resources = {n for n in names if n.startswith("reader/resources/")}
    expected = {
        "reader/resources/fonts/Amiri-Regular.ttf",
        "reader/resources/fonts/OFL.txt",
        "reader/resources/icons/org.hawamish.Hawamish.svg",
        "reader/resources/i18n/hawamish_ar.qm",
        "reader/resources/i18n/hawamish_en.qm",
    } | {f"reader/resources/sample/{p.name}" for p in (ROOT / "reader" / "resources" / "sample").iterdir()}
    assert expected <= resources
    metadata = zipfile.ZipFile(wheel).read(f"hawamish-{__version__}.dist-info/METADATA").decode()
    assert "License-Expression: GPL-3.0-or-later" in metadata
    assert any(n.endswith("dist-info/licenses/LICENSE") for n in names)


def test_the_installed_app_runs_its_first_start_in_both_languages(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, site = installed
    version = _run(site, tmp_path, "--version")
    assert version.returncode == 0 and __version__ in version.stdout + version.stderr, version.stderr
    for lang in ("ar", "en"):
        home = tmp_path / lang
        home.mkdir()
        png = home / "first.png"
        result = _run(site, home, "gui", "--lang", lang, "--screenshot", str(png))
        assert result.returncode == 0, result.stderr
        assert "translation" not in result.stderr  # app.install_translators warns when a .qm is missing
        assert png.stat().st_size > 10_000
        listed = _run(site, home, "--library", str(home / "data" / "hawamish" / "library"), "--json", "list")
        articles = json.loads(listed.stdout)
        assert len(articles) >= 3 and sum(a["highlights"] for a in articles) >= 3, listed.stdout


def test_the_installed_translations_are_the_sources(installed: tuple[Path, Path], tmp_path: Path) -> None:
    """Every finished Arabic translation of a plain message comes back from the installed .qm, loaded where
    the app loads it (reader.gui.app.translations_dir) from the installed package."""
    _, site = installed
    expected = []
    for context in ET.parse(ROOT / "i18n" / "hawamish_ar.ts").getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                message.get("numerus")
                or translation is None
                or translation.get("type")
                or not translation.text
            ):
                continue
            expected.append([context.findtext("name"), message.findtext("source"), translation.text])
    assert len(expected) > 50
    script = (
        "import json, sys, reader\n"
        "from PySide6.QtCore import QTranslator\n"
        "from reader.gui.app import translations_dir\n"
        "t = QTranslator()\n"
        "assert t.load('hawamish_ar', str(translations_dir())), translations_dir()\n"
        "pairs = json.loads(sys.stdin.read())\n"
        "print(json.dumps({'file': reader.__file__, 'got': [t.translate(c, s) for c, s, _ in pairs]}))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")} | {"PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(expected),
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert Path(answer["file"]).is_relative_to(site)  # the installed package, not the checkout
    assert answer["got"] == [t for _, _, t in expected]

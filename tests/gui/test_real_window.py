"""The real app on a real X server (Xvfb, the xcb platform, not offscreen): start it, screenshot, look.

This FAILS (never skips) when Xvfb is missing: the set-up script installs it, so its absence is a broken
machine, not an optional feature.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed.txt"


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A fresh Xvfb on a free display number (Xvfb picks it and tells us through -displayfd)."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is not installed (bash packaging/setup.sh test installs it: apt-get install xvfb)"
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        assert number.isdigit(), (
            f"Xvfb did not start: {proc.stderr.read().decode(errors='replace') if proc.stderr else ''}"
        )
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _run(args: list[str], env: dict[str, str], timeout: int = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_real_window_screenshot_is_not_blank(tmp_path: Path, xvfb_display: str) -> None:
    library = tmp_path / "lib"
    png = tmp_path / "window.png"
    env = dict(os.environ)
    env.update(DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", HAWAMISH_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("WAYLAND_DISPLAY", None)
    imported = _run(["--library", str(library), "import", str(SEED)], env)
    assert imported.returncode == 0, imported.stderr
    shot = _run(["--library", str(library), "gui", "--lang", "ar", "--screenshot", str(png)], env)
    assert shot.returncode == 0, shot.stderr
    assert png.exists()

    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 500
    colours: set[int] = set()
    dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            r, g, b = rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF
            if 0.299 * r + 0.587 * g + 0.114 * b < 80:
                dark += 1
    assert len(colours) > 60, f"only {len(colours)} colours: the window looks blank"
    assert dark > 1000, f"only {dark} dark pixels: no text was drawn"

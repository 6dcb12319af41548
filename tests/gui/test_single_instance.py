"""One app per library: a second app on the same library is refused and the running one comes to the front."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QMainWindow

from reader.gui.single_instance import SingleInstance, bring_to_front, server_name

ROOT = Path(__file__).resolve().parents[2]


def start_hawamish(*args: str) -> subprocess.Popen[str]:
    """The real entry point, offscreen, without waiting (this process must answer its connection)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("HAWAMISH_LIBRARY", None)
    return subprocess.Popen(
        [sys.executable, "-m", "reader.cli", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def running(qtbot, tmp_path: Path):
    """This process as the app running on tmp_path/library."""
    instance = SingleInstance(tmp_path / "library")
    assert instance.claim()
    yield instance
    instance.release()


def test_a_second_screenshot_run_is_refused_and_the_running_app_is_asked_to_come_forward(
    qtbot, tmp_path: Path, running: SingleInstance
) -> None:
    png = tmp_path / "second.png"
    with qtbot.waitSignal(running.raise_requested, timeout=60_000):
        second = start_hawamish("--library", str(tmp_path / "library"), "gui", "--screenshot", str(png))
    _, err = second.communicate(timeout=60)
    assert second.returncode == 1  # no screenshot was taken: a script must know
    assert "Hawamish is already open on the library" in err
    assert "Traceback" not in err
    assert not png.exists()


def test_a_second_interactive_start_hands_over_and_exits_0(qtbot, tmp_path: Path, running) -> None:
    with qtbot.waitSignal(running.raise_requested, timeout=60_000):
        second = start_hawamish("--library", str(tmp_path / "library"), "gui")
    _, err = second.communicate(timeout=60)
    assert second.returncode == 0
    assert "its window was brought to the front" in err


def test_another_library_is_not_refused(qtbot, tmp_path: Path, running) -> None:
    other = SingleInstance(tmp_path / "other")
    assert other.claim()
    other.release()


def test_the_name_follows_the_resolved_folder(tmp_path: Path) -> None:
    (tmp_path / "library").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "library")
    name = server_name(tmp_path / "library")
    assert server_name(tmp_path / "x" / ".." / "library") == name
    assert server_name(tmp_path / "link") == name
    assert server_name(tmp_path / "other") != name


def test_a_name_left_by_a_crashed_app_does_not_block(qtbot, tmp_path: Path) -> None:
    """An app killed while listening leaves its socket file; the next app takes the name over."""
    name = server_name(tmp_path / "library")
    crashed = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from PySide6.QtNetwork import QLocalServer\n"
            "app = QCoreApplication([])\n"
            "server = QLocalServer()\n"
            f"assert server.listen({name!r})\n"
            "print('listening', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert crashed.stdout is not None and crashed.stdout.readline().strip() == "listening"
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(timeout=10)
    if sys.platform != "win32":
        assert Path(QDir.temp().filePath(name)).exists()  # the stale socket file is there
    instance = SingleInstance(tmp_path / "library")
    assert instance.claim()
    second = SingleInstance(tmp_path / "library")
    assert not second.claim()  # and the new app really listens
    instance.release()


def test_the_running_window_comes_forward_and_says_why(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert not window.isMinimized()
    assert window.isVisible()
    assert "already open on this library" in window.statusBar().currentMessage()

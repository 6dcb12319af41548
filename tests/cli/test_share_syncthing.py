"""Two libraries sharing one folder through two real Syncthing daemons on 127.0.0.1 (opt-in: a minute).

Run with HAWAMISH_SYNCTHING_TEST=1 and Debian's `syncthing` installed. The daemons listen on loopback only,
with global discovery, local announcements, relays and NAT traversal off: nothing leaves the machine.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.cli import main

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("HAWAMISH_SYNCTHING_TEST"), reason="opt-in: set HAWAMISH_SYNCTHING_TEST=1"
    ),
    pytest.mark.skipif(shutil.which("syncthing") is None, reason="syncthing is not installed"),
]

FOLDER_ID = "hawamish-shared"
Q_CNN = "وأخبر مسؤول أمريكي شبكة CNN"
Q_AGENCY = "قالت وكالة أنباء روسية حكومية"
WAIT_SECONDS = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Daemon:
    def __init__(self, home: Path, folder: Path) -> None:
        self.home, self.folder = home, folder
        self.port, self.gui_port = free_port(), free_port()
        generated = subprocess.run(
            ["syncthing", "generate", "--home", str(home), "--no-default-folder"],
            capture_output=True,
            text=True,
            check=True,
        )
        self.device_id = next(
            line.split("Device ID:")[1].strip()
            for line in (generated.stdout + generated.stderr).splitlines()
            if "Device ID:" in line
        )
        self.process: subprocess.Popen[bytes] | None = None

    def configure(self, peer: Daemon) -> None:
        """Loopback only, a fast rescan, and one folder shared with `peer`."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        for folder in root.findall("folder"):
            root.remove(folder)
        options = root.find("options")
        assert options is not None
        settings = {
            "listenAddress": f"tcp://127.0.0.1:{self.port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "startBrowser": "false",
        }
        for key, value in settings.items():
            for old in options.findall(key):
                options.remove(old)
            ET.SubElement(options, key).text = value
        gui = root.find("gui")
        assert gui is not None
        address = gui.find("address")
        assert address is not None
        address.text = f"127.0.0.1:{self.gui_port}"
        device = ET.SubElement(root, "device", id=peer.device_id, name="peer", compression="metadata")
        ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{peer.port}"
        ET.SubElement(device, "autoAcceptFolders").text = "false"
        folder = ET.SubElement(
            root,
            "folder",
            id=FOLDER_ID,
            label=FOLDER_ID,
            path=str(self.folder),
            type="sendreceive",
            rescanIntervalS="2",
            fsWatcherEnabled="true",
            fsWatcherDelayS="1",
        )
        ET.SubElement(folder, "device", id=self.device_id)
        ET.SubElement(folder, "device", id=peer.device_id)
        tree.write(path)

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            ["syncthing", "serve", "--home", str(self.home), "--no-browser", "--no-restart", "--no-upgrade"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ, STNODEFAULTFOLDER="1", STNOUPGRADE="1"),
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def daemons(tmp_path: Path) -> Iterator[tuple[Daemon, Daemon]]:
    a = Daemon(tmp_path / "st-a", tmp_path / "shared-a")
    b = Daemon(tmp_path / "st-b", tmp_path / "shared-b")
    a.configure(b)
    b.configure(a)
    a.start()
    b.start()
    try:
        yield a, b
    finally:
        a.stop()
        b.stop()


def run(capsys: pytest.CaptureFixture[str], library: Path, *argv: str | Path) -> str:
    code = main(["--library", str(library), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def wait_for(condition: Callable[[], bool], what: str) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > WAIT_SECONDS:
            raise AssertionError(f"Syncthing did not carry {what} in {WAIT_SECONDS} s")
        time.sleep(0.5)
    return time.monotonic() - started


def same_logs(a: Path, b: Path) -> bool:
    def sizes(folder: Path) -> dict[str, int]:
        logs = folder / "logs"
        return {p.name: p.stat().st_size for p in logs.glob("*.jsonl")} if logs.is_dir() else {}

    return bool(sizes(a)) and sizes(a) == sizes(b)


def test_two_syncthing_daemons_carry_a_shared_folder(
    capsys, tmp_path: Path, seed_path: Path, daemons
) -> None:
    st_a, st_b = daemons
    lib_a, lib_b = tmp_path / "lib-a", tmp_path / "lib-b"
    run(capsys, lib_a, "import", seed_path)
    run(capsys, lib_a, "share", "init", st_a.folder, "--name", "سلمى", "--with-texts")
    first = json.loads(run(capsys, lib_a, "--json", "highlight", "1", "--quote", Q_CNN, "--note", "أول"))
    run(capsys, lib_a, "share", "sync")
    carried = wait_for(
        lambda: (st_b.folder / "hawamish-share.json").exists() and same_logs(st_a.folder, st_b.folder),
        "the first log",
    )
    run(capsys, lib_b, "share", "init", st_b.folder, "--name", "Omar")
    (theirs,) = json.loads(run(capsys, lib_b, "--json", "show", "1"))["highlights"]
    assert theirs["note"] == "أول" and theirs["by"] == "سلمى"

    # concurrent edits, a delete and a new highlight on both sides
    run(capsys, lib_a, "highlight", "--edit", str(first["id"]), "--note", "سلمى")
    run(capsys, lib_b, "highlight", "--edit", str(theirs["id"]), "--note", "Omar")
    run(capsys, lib_b, "highlight", "1", "--quote", Q_AGENCY, "--note", "new from Omar")
    for _round in range(3):
        run(capsys, lib_a, "share", "sync")
        run(capsys, lib_b, "share", "sync")
        carried += wait_for(lambda: same_logs(st_a.folder, st_b.folder), "the logs")
    run(capsys, lib_a, "share", "sync")
    run(capsys, lib_b, "share", "sync")
    views = [
        sorted(
            (h["exact"], h["note"], h["by"], len(h["history"]))
            for h in json.loads(run(capsys, lib, "--json", "show", "1"))["highlights"]
        )
        for lib in (lib_a, lib_b)
    ]
    assert views[0] == views[1]
    assert {v[1] for v in views[0]} >= {"new from Omar"}
    assert any(v[3] == 1 for v in views[0])  # the concurrent note is kept as history
    print(f"syncthing carried the logs in {carried:.1f} s in all")

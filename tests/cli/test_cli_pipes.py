"""`hawamish list --json | head` is ordinary shell use: a closed pipe ends the command quietly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_closed_stdout_is_not_a_traceback(tmp_path: Path, seed_path: Path) -> None:
    library = tmp_path / "lib"
    big = (
        tmp_path / "big.txt"
    )  # far more output than a pipe buffers (64 KiB), so writing must hit the closed end
    big.write_text(seed_path.read_text(encoding="utf-8") * 60, encoding="utf-8")
    base = [sys.executable, "-m", "reader.cli", "--library", str(library)]
    subprocess.run([*base, "import", str(big)], cwd=ROOT, check=True, capture_output=True)
    proc = subprocess.Popen(
        [*base, "show", "1", "--json"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(5)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait() == 0
    assert "Traceback" not in stderr

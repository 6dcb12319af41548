"""No network, proven: every command on pages and notes full of remote references makes zero requests.

A server on 127.0.0.1 counts requests, and each command runs in a child process whose socket layer refuses
(and records) every connection and name lookup that is not loopback (tests/network_guard.py, installed by a
sitecustomize.py on PYTHONPATH). The page and the note name images, scripts, style sheets, fonts, frames,
prefetches, canonical URLs, og:image, srcset and Markdown images, both at the counting server and at public
hosts: the server must see no request and the guard no attempt. The app's views: tests/gui/test_no_network_app.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.importers.test_mhtml import mhtml_bytes
from tests.network_guard import CountingServer, remote_note, remote_page, write_sitecustomize

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def server() -> Iterator[CountingServer]:
    with CountingServer() as running:
        yield running


def _environment(tmp_path: Path, log: Path) -> dict[str, str]:
    site = write_sitecustomize(tmp_path / "site")
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
        "HAWAMISH_NETWORK_LOG": str(log),
        "HAWAMISH_CONFIG_DIR": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def _hawamish(env: dict[str, str], library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def test_the_guard_refuses_and_records_a_public_connection(tmp_path: Path, server: CountingServer) -> None:
    """The guard can fail the test: a child that reaches for a public host is recorded, loopback passes."""
    log = tmp_path / "attempts.log"
    env = _environment(tmp_path, log)
    script = (
        "import socket, urllib.request\n"
        f"urllib.request.urlopen('{server.base}/allowed').read()\n"
        "for target in (('203.0.113.7', 80), ('example.com', 443)):\n"
        "    try:\n        socket.create_connection(target, timeout=1)\n"
        "    except OSError as exc:\n        print('refused', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.count("refused by the test guard") == 2, done.stderr
    assert server.requests == ["/allowed"]
    assert "203.0.113.7" in log.read_text() and "example.com" in log.read_text()


def test_every_command_makes_no_request(tmp_path: Path, server: CountingServer) -> None:
    log = tmp_path / "attempts.log"
    log.touch()
    env = _environment(tmp_path, log)
    library = tmp_path / "library"
    sources = tmp_path / "sources"
    sources.mkdir()
    page = remote_page(server.base)
    (sources / "column.html").write_text(page, encoding="utf-8")
    (sources / "saved.xhtml").write_text(
        page.replace("<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>')
        .replace("<html ", '<html xmlns="http://www.w3.org/1999/xhtml" ')
        .replace(
            "</article>", "<p>نسخة محفوظة بصيغة XHTML من العمود نفسه، بفقرة زائدة في آخرها.</p></article>"
        ),
        encoding="utf-8",
    )
    (sources / "saved.mhtml").write_bytes(
        mhtml_bytes(page.replace("<h1>", "<p>نسخة محفوظة بصيغة MHTML، بفقرة زائدة أخرى.</p><h1>").encode())
    )
    (sources / "clipping.md").write_text(
        f"---\ntitle: قصاصة\nurl: {server.base}/clip\n---\n# قصاصة\n\nفقرة من قصاصة فيها صورة.\n\n"
        + remote_note(server.base),
        encoding="utf-8",
    )
    note = remote_note(server.base)

    imported = _hawamish(env, library, "import", str(sources), "--json")
    results = json.loads(imported.stdout)
    # (the XHTML copy may be a duplicate of the page: extraction can leave its extra paragraph out)
    assert all(row["status"] in ("imported", "duplicate") for row in results), results
    ids = sorted({row["article_id"] for row in results})
    assert len(ids) >= 3, results
    first = str(next(row["article_id"] for row in results if row["path"].endswith("column.html")))
    _hawamish(env, library, "highlight", first, "--quote", "فقرة رقم 1", "--note", note, "--tag", "شبكة")
    for args in (
        ("list",),
        ("list", "--json"),
        ("show", first),
        ("search", "شبكة"),
        ("search", "صورة", "--json"),
        ("notes",),
        ("check",),
        ("tags", "list"),
        ("page", "new", "صفحة بحث"),
        ("page", "add-quote", "صفحة بحث", "1"),
        ("page", "list"),
        ("page", "show", "صفحة بحث"),
        ("export", "--page", "صفحة بحث", "-o", str(tmp_path / "page.md")),
        ("export", "--page", "صفحة بحث", "-o", str(tmp_path / "page.pdf")),
        ("backup", str(tmp_path / "backup.sqlite3")),
        *(
            ("export", "--all", "--with-text", "-o", str(tmp_path / f"notes.{fmt}"))
            for fmt in ("md", "html", "pdf", "csv", "json")
        ),
    ):
        _hawamish(env, library, *args)

    # the HTML export names nothing a browser would load on opening it (a note's image becomes a link)
    exported_html = (tmp_path / "notes.html").read_text(encoding="utf-8").lower()
    for loader in ("<img", "<script", "<iframe", "<link", "<object", "<embed", "url(", "srcset", "@import"):
        assert loader not in exported_html, loader
    assert "content-security-policy" in exported_html
    assert f'<a href="{server.base}/img.png">x</a>' in exported_html
    assert server.requests == []
    assert log.read_text() == ""

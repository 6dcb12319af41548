"""Proving that nothing leaves the machine: a counting server on 127.0.0.1 and a socket guard.

`CountingServer` answers every request on 127.0.0.1 with a tiny PNG and counts it. `install(log)` replaces
socket.socket.connect/connect_ex/sendto, socket.create_connection and socket.getaddrinfo in this process:
loopback addresses pass (so a fetch from the counting server would be counted), anything else is refused
with an OSError and recorded, one line per attempt, in `log`. `SITECUSTOMIZE` is the same guard for child
processes: written as sitecustomize.py into a folder put first on PYTHONPATH, Python runs it at start-up,
and it appends attempts to the file named by HAWAMISH_NETWORK_LOG.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

GUARD_SOURCE = r"""
import ipaddress
import os
import socket

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _loopback(host):
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host is None or host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(what + "\n")


def _check(address, how):
    if isinstance(address, tuple) and address and not _loopback(address[0]):
        _record(f"{how} {address!r}")
        raise OSError(f"network refused by the test guard: {address!r}")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto
_create_connection = socket.create_connection
_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address, "connect")
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address, "connect_ex")
    return _connect_ex(self, address)


def _guarded_sendto(self, data, *args):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(args[-1], "sendto")
    return _sendto(self, data, *args)


def _guarded_create_connection(address, *args, **kwargs):
    _check(address, "create_connection")
    return _create_connection(address, *args, **kwargs)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _loopback(host):
        _record(f"getaddrinfo {host!r}")
        raise socket.gaierror(f"name lookup refused by the test guard: {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


def install(log):
    global _LOG
    _LOG = log
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    socket.socket.sendto = _guarded_sendto
    socket.create_connection = _guarded_create_connection
    socket.getaddrinfo = _guarded_getaddrinfo


def uninstall():
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.socket.sendto = _sendto
    socket.create_connection = _create_connection
    socket.getaddrinfo = _getaddrinfo
"""

#: sitecustomize.py for child processes: the guard, installed at start-up when HAWAMISH_NETWORK_LOG is set.
SITECUSTOMIZE = (
    GUARD_SOURCE
    + '\nif os.environ.get("HAWAMISH_NETWORK_LOG"):\n    install(os.environ["HAWAMISH_NETWORK_LOG"])\n'
)

_guard: dict[str, object] = {}
exec(compile(GUARD_SOURCE, "network_guard", "exec"), _guard)


@contextmanager
def guarded(log: Path) -> Iterator[Path]:
    """Refuse and record every non-loopback connection made in this process while inside."""
    log.touch()
    _guard["install"](str(log))  # type: ignore[operator]
    try:
        yield log
    finally:
        _guard["uninstall"]()  # type: ignore[operator]


def write_sitecustomize(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return folder


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


class CountingServer:
    """An HTTP server on 127.0.0.1 (a free port) that counts the requests it gets; a context manager."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        counted = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                counted.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PNG)))
                self.end_headers()
                self.wfile.write(PNG)

            do_HEAD = do_POST = do_GET  # noqa: N815

            def log_message(self, *_args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> CountingServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


PUBLIC_HOSTS = (
    "https://example.com",
    "http://203.0.113.7",
    "https://fonts.googleapis.com",
    "//cdn.example.net",
)


def remote_page(base: str) -> str:
    """An opinion page naming remote resources of every kind, at the counting server and at public hosts."""
    references = []
    for host in (base, *PUBLIC_HOSTS):
        references.append(
            f'<link rel="stylesheet" href="{host}/style.css"><link rel="prefetch" href="{host}/next.html">'
            f'<link rel="preload" as="font" href="{host}/font.woff2"><link rel="dns-prefetch" href="{host}">'
            f'<link rel="icon" href="{host}/favicon.ico"><script src="{host}/app.js"></script>'
            f"<style>@font-face {{ font-family: x; src: url({host}/font.woff2); }} "
            f"body {{ background: url('{host}/bg.png') }} @import url({host}/more.css);</style>"
        )
    head = "".join(references) + (
        f'<link rel="canonical" href="{base}/column"><meta property="og:image" content="{base}/og.png">'
        f'<meta property="og:url" content="https://example.com/column"><meta http-equiv="refresh" content="600;url={base}/r">'
    )
    images = "".join(
        f'<p>فقرة فيها صورة <img src="{host}/img.png" srcset="{host}/a.png 1x, {host}/b.png 2x" alt="صورة">'
        f'<a href="{host}/link">رابط</a> <a href="javascript:fetch(\'{host}/js\')">js</a></p>'
        f'<iframe src="{host}/frame.html"></iframe><video src="{host}/v.mp4" poster="{host}/p.png"></video>'
        f'<object data="{host}/o.swf"></object><embed src="{host}/e.swf">'
        for host in (base, *PUBLIC_HOSTS)
    )
    body = "".join(
        f"<p>هذه فقرة رقم {n} من عمود رأي طويل عن الشبكة والخصوصية، تكفي ليعرف المستخرج أنها نص المقال.</p>"
        for n in range(8)
    )
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>عمود بلا شبكة</title>{head}'
        f'<base href="{base}/"></head><body><article><h1>عمود بلا شبكة</h1>{body}{images}</article></body></html>'
    )


def remote_note(base: str) -> str:
    """A Markdown note with images and links at the counting server and at public hosts."""
    lines = [f"![x]({base}/img.png) ![y](https://example.com/img.png) ![z](file:///dev/zero)"]
    lines += [
        f"[رابط]({base}/link) [remote](https://example.com/) [js](javascript:alert(1)) [f](file:///etc/passwd)"
    ]
    lines += [f'<img src="{base}/raw.png"> <iframe src="{base}/frame"></iframe>']
    return "\n\n".join(lines)

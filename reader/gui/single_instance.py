"""One app per library: a second app started on the same library asks the running one to come to the front
and exits, instead of opening a second window that writes to the same files.

The running app listens on a QLocalServer whose name is derived from the library folder's resolved path (so
`lib`, `./lib` and a symlink to it are one library) and the user. A second app connects, sends `raise` and
leaves; the running app's `raise_requested` fires. A server name left behind by an app that crashed (a
socket file nobody listens on) answers no connection: it is removed and the new app takes the name. Two apps
starting at the same moment are serialised by a lock file, so exactly one of them wins.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

RAISE = b"raise\n"
#: How long a starting app waits for the running one to accept its connection, and to take the request.
CONNECT_MS = 1000
#: How long a starting app waits for another starting app to finish claiming the name.
CLAIM_LOCK_MS = 5000
STATUS_MS = 8000


def server_name(library_folder: Path) -> str:
    """The local server name of a library: a hash of its resolved path and the user (short enough for the
    socket path limits of every platform)."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = f"{user}\0{Path(library_folder).expanduser().resolve()}"
    return "hawamish-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _ask_to_raise(name: str) -> bool:
    """True when an app listens on `name` and took the request to come to the front."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(QByteArray(RAISE))
    delivered = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return delivered or socket.bytesToWrite() == 0


class SingleInstance(QObject):
    """The claim of one app on one library folder; `raise_requested` when another app asks for the window."""

    raise_requested = Signal()

    def __init__(self, library_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_folder = Path(library_folder)
        self.name = server_name(self.library_folder)
        self._server: QLocalServer | None = None

    @property
    def is_running_elsewhere_message(self) -> str:
        """The command line's line for a refused start (English, as every command-line message)."""
        return (
            f"Hawamish is already open on the library {self.library_folder}; "
            "its window was brought to the front (one app per library)"
        )

    def claim(self) -> bool:
        """Become the library's one app (True), or hand the start over to the running app (False)."""
        lock = QLockFile(QDir.temp().filePath(f"{self.name}.lock"))
        lock.setStaleLockTime(0)  # a lock of a process that died is taken over (Qt checks the pid)
        locked = lock.tryLock(CLAIM_LOCK_MS)
        try:
            if _ask_to_raise(self.name):
                return False
            # nobody answers: no app, or a name left behind by one that crashed (its socket file stays)
            QLocalServer.removeServer(self.name)
            server = QLocalServer(self)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            if not server.listen(self.name):
                # the app still starts: a second window is better than none (and is the old behaviour)
                log.warning("cannot listen on %s: %s", self.name, server.errorString())
                return True
            server.newConnection.connect(self._accept)
            self._server = server
            return True
        finally:
            if locked:
                lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if RAISE.strip() in data:
            self.raise_requested.emit()

    def release(self) -> None:
        """Stop listening (the app is closing): the next app starts at once."""
        if self._server is not None:
            self._server.close()
            self._server = None


def bring_to_front(window: QMainWindow) -> None:
    """Show the running window on top (restored when minimised) and say in its status bar why it came."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "SingleInstance", "Hawamish is already open on this library: this is its window."
        ),
        STATUS_MS,
    )

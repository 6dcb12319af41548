"""Write a file so that it is either completely new or untouched.

The bytes go to a temporary file in the destination folder (same file system, so the rename is atomic),
are fsynced, and only then replace the destination with os.replace. A failure or a cancel leaves the
previous file (an older good export) exactly as it was, and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def error_for(exc: OSError, path: Path) -> HawamishError:
    """UNWRITABLE, or DISK_FULL when the disk or quota is full, naming `path`."""
    code = ErrorCode.DISK_FULL if exc.errno in _FULL else ErrorCode.UNWRITABLE
    return HawamishError(code, str(path), f"{type(exc).__name__}: {exc.strerror or exc}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes, *, cancelled: Callable[[], bool] | None = None) -> None:
    """Replace `path` with `data` atomically; raise UNWRITABLE, DISK_FULL or CANCELLED (file untouched)."""
    path = Path(path)
    if path.is_dir():
        raise HawamishError(ErrorCode.UNWRITABLE, str(path), "is a directory")
    folder = path.parent
    remove_dead_writers_files(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=".part", dir=folder)
    except OSError as exc:
        raise error_for(exc, path) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            view = memoryview(data)
            chunk = 1 << 20
            for offset in range(0, len(view), chunk):
                if cancelled is not None and cancelled():
                    raise HawamishError(ErrorCode.CANCELLED, str(path))
                out.write(view[offset : offset + chunk])
            out.flush()
            os.fsync(out.fileno())
        # mkstemp creates 0600; an export is an ordinary document, readable as the user's umask allows
        tmp.chmod(0o666 & ~_umask())
        if cancelled is not None and cancelled():
            raise HawamishError(ErrorCode.CANCELLED, str(path))
        tmp.replace(path)
    except HawamishError:
        remove_quietly(tmp)
        raise
    except OSError as exc:
        remove_quietly(tmp)
        raise error_for(exc, path) from exc
    except BaseException:
        remove_quietly(tmp)
        raise
    fsync_folder(folder)


def temporary_prefix(path: Path) -> str:
    """`.NAME.PID.`: the name of a temporary file beside `path` says which process writes it, so that one
    a killed process left behind can be told from one being written right now."""
    return f".{path.name}.{os.getpid()}."


def remove_dead_writers_files(path: Path) -> None:
    """Remove the temporary files beside `path` whose writer is dead (a crash or a kill mid-write left them;
    the file at `path` itself was never touched by them). POSIX only: elsewhere they stay."""
    if os.name != "posix":
        return
    prefix = f".{path.name}."
    try:
        siblings = [p for p in path.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    for sibling in siblings:
        pid = sibling.name[len(prefix) :].split(".", 1)[0]
        if sibling.suffix in (".part", ".tmp") and pid.isdigit() and not _alive(int(pid)):
            remove_quietly(sibling)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # it exists and belongs to someone else
        return True
    return True


def remove_quietly(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible and not needed on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

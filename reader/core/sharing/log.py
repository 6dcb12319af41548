"""The shared folder on disk: who is in it, and one append-only log per member.

    FOLDER/hawamish-share.json          {"format": 1, "kind": "hawamish-share"}   (marks the folder)
    FOLDER/members/<member>.json        {"member": "…", "name": "…", "joined": "…"}
    FOLDER/logs/<member>.jsonl          that member's records, one per line, appended only by that member

A sync engine copies these files late, out of order and sometimes half-written, and may leave copies of a
file beside it (Syncthing's `.sync-conflict-…` files): every `*.jsonl` under `logs/` is read, from the byte
where the last read stopped; a last line without its newline is left for the next read; a file that got
shorter than where the last read stopped is read again from the start (records are deduplicated by id); a
complete line that is not a record is skipped with a message; a record of a later format stops the reading
of that file there (a later build picks it up).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reader.core.sharing.records import FORMAT, NewerFormatError, Record

MARKER = "hawamish-share.json"
MEMBERS = "members"
LOGS = "logs"


@dataclass(slots=True)
class Problem:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.reason}"


@dataclass(slots=True)
class ReadResult:
    records: list[Record] = field(default_factory=list)
    offset: int = 0  # where the next read of the file starts
    problems: list[Problem] = field(default_factory=list)
    waiting: bool = False  # a half-written last line or a newer-format record is left for later


class SharedFolder:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def logs_dir(self) -> Path:
        return self.path / LOGS

    def is_shared(self) -> bool:
        return (self.path / MARKER).is_file()

    def create(self) -> None:
        """Make the folder a shared folder (the folders and the marker; an existing one is kept)."""
        (self.path / MEMBERS).mkdir(parents=True, exist_ok=True)
        self.logs_dir.mkdir(exist_ok=True)
        marker = self.path / MARKER
        if not marker.exists():
            _write_atomically(marker, json.dumps({"format": FORMAT, "kind": "hawamish-share"}) + "\n")

    def join(self, member: str, name: str) -> None:
        self.create()
        joined = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        card = {"member": member, "name": name, "joined": joined}
        _write_atomically(self.path / MEMBERS / f"{member}.json", json.dumps(card, ensure_ascii=False) + "\n")

    def members(self) -> dict[str, str]:
        """member id -> name, from the members' cards (an unreadable card is left out)."""
        found: dict[str, str] = {}
        for card in sorted((self.path / MEMBERS).glob("*.json")):
            try:
                data = json.loads(card.read_text("utf-8"))
                found[str(data["member"])] = str(data["name"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return found

    def own_log(self, member: str) -> Path:
        return self.logs_dir / f"{member}.jsonl"

    def append(self, member: str, records: list[Record]) -> None:
        """Add records to the member's own log, durably (one write, then fsync)."""
        if not records:
            return
        data = b"".join(r.to_line() for r in records)
        path = self.own_log(member)
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)

    def log_files(self) -> list[Path]:
        """Every log file in the folder (copies a sync engine left beside one included), by name."""
        if not self.logs_dir.is_dir():
            return []
        return sorted(p for p in self.logs_dir.glob("*.jsonl") if p.is_file())

    def read(self, path: Path, offset: int) -> ReadResult:
        """The complete records of a log from byte `offset` on (see the module's docstring)."""
        try:
            size = path.stat().st_size
            if size < offset:
                offset = 0  # replaced by a shorter file: read it again, duplicates are dropped by id
            with path.open("rb") as stream:
                stream.seek(offset)
                data = stream.read()
        except OSError as exc:
            return ReadResult([], offset, [Problem(path.name, 0, exc.strerror or str(exc))], True)
        result = ReadResult(offset=offset)
        line_number = 0
        start = 0
        while True:
            end = data.find(b"\n", start)
            if end < 0:
                result.waiting = start < len(data)  # a last line still being written
                break
            line_number += 1
            line = data[start:end]
            if line.strip():
                try:
                    result.records.append(Record.from_line(line))
                except NewerFormatError as exc:
                    result.problems.append(Problem(path.name, line_number, str(exc)))
                    result.waiting = True
                    break
                except ValueError as exc:
                    result.problems.append(Problem(path.name, line_number, f"not a record: {exc}"))
            start = end + 1
            result.offset = offset + start
        return result


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, "utf-8")
    temporary.replace(path)

"""The `hawamish` command line (DESIGN §6, docs/cli.md).

Each command lives in its own module under reader/commands/ with `register(subparsers, common)`; the module
sets `func` on its parser to a `run(args, ctx) -> int`. Exit status: 0 done, 1 some inputs failed (the others
were done), 2 usage error. Machine-readable output goes to stdout with --json; messages go to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader import __version__
from reader.core.errors import HawamishError
from reader.core.paths import LIBRARY_ENV, default_library_dir
from reader.messages import describe

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.library import Library

#: Command modules, in the order `--help` lists them.
COMMAND_MODULES = [
    "reader.commands.gui_cmd",
    "reader.commands.import_cmd",
    "reader.commands.list_cmd",
    "reader.commands.show_cmd",
    "reader.commands.edit_cmd",
    "reader.commands.delete_cmd",
    "reader.commands.tag_cmd",
    "reader.commands.collection_cmd",
    "reader.commands.tags_cmd",
    "reader.commands.highlight_cmd",
    "reader.commands.notes_cmd",
    "reader.commands.page_cmd",
    "reader.commands.export_cmd",
    "reader.commands.search_cmd",
    "reader.commands.related_cmd",
    "reader.commands.saved_cmd",
    "reader.commands.reindex_cmd",
    "reader.commands.check_cmd",
    "reader.commands.backup_cmd",
    "reader.commands.restore_cmd",
    "reader.commands.share_cmd",
]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


@dataclass
class CommandContext:
    """What main() hands every command: where the library is, the one `Library` (opened when a command
    first asks for it, closed by main()), output streams."""

    library_dir: Path
    library_given: bool  # True when --library or HAWAMISH_LIBRARY chose the folder
    json: bool
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _library: Library | None = None

    @property
    def library(self) -> Library:
        """The library of this run: built once (imported lazily, so `gui --help` stays fast)."""
        if self._library is None:
            from reader.core.library import Library

            self._library = Library(self.library_dir)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def emit_json(self, data: Any) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=None if isinstance(data, dict) else 1)
        self.out.write("\n")

    def error(self, message: str) -> None:
        print(f"hawamish: {message}", file=self.err)

    def report(self, error: HawamishError) -> None:
        self.error(describe(error))


def _common_options(suppress: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after the command name."""
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="DIR", type=Path, default=default, help="library folder")
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS if suppress else False, help="JSON on stdout"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hawamish",
        description="Hawamish (هوامش): read, annotate, search and export opinion pieces.",
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"hawamish {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common_options(suppress=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:  # no command: the app
        args = parser.parse_args([*argv, "gui"])
    library_dir = args.library if args.library is not None else default_library_dir()
    ctx = CommandContext(
        library_dir=Path(library_dir).expanduser(),
        library_given=args.library is not None or bool(os.environ.get(LIBRARY_ENV)),
        json=bool(args.json),
    )
    try:
        return int(args.func(args, ctx))
    except HawamishError as exc:
        ctx.report(exc)
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        ctx.error("interrupted")
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`hawamish list --json | head`): not an error of ours. Point
        # stdout at devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())

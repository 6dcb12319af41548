"""The bundle's program (packaging/hawamish.spec): `hawamish` as the command line, and the helper processes.

In a PyInstaller bundle sys.executable is this program, so what the app starts as `python -m MODULE ARGS`
(the search index process) and through multiprocessing (the reader processes) arrives here and is run as
the interpreter would.
"""

from __future__ import annotations

import multiprocessing
import runpy
import sys


def main() -> int:
    multiprocessing.freeze_support()  # a multiprocessing child runs its task here and exits
    if len(sys.argv) > 2 and sys.argv[1] == "-m":
        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    from reader.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())

"""`python -m reader`: the same as the `hawamish` command."""

import sys

from reader.cli import main

if __name__ == "__main__":  # reader processes are spawned: they import this module without running it
    sys.exit(main())

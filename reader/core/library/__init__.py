"""The one door to a library: `Library` (built once in main() and passed in) and what it hands out.

The GUI and the command line call the Library and nothing below it: they never open a connection, write
SQL or drive whoosh. Modules here own the rules (validation, re-anchoring, batching, keeping the index in
step) and call reader.core.storage for SQL and reader.core.search for the index.
"""

from reader.core.library.events import utc_now
from reader.core.library.library import Library

__all__ = ["Library", "utc_now"]

"""SQLite storage: one database file per library folder, versioned schema, forward migrations."""

from reader.core.storage.database import migrate, open_database, schema_version
from reader.core.storage.migrations import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "migrate", "open_database", "schema_version"]

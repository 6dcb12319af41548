"""The library's own key/value settings (reading positions and the like: the user's data, not the machine's)."""

from __future__ import annotations

from reader.core.storage.database import Transaction


def get(tx: Transaction, key: str) -> str | None:
    row = tx.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def put(tx: Transaction, key: str, value: str) -> None:
    tx.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (key, value))

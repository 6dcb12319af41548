"""Colour labels (`color_labels`), ordered by position."""

from __future__ import annotations

from reader.core.models import ColorLabel
from reader.core.storage.database import Transaction

_SELECT = "SELECT key, name, color, position FROM color_labels"


def list_all(tx: Transaction) -> list[ColorLabel]:
    rows = tx.execute(f"{_SELECT} ORDER BY position, key")
    return [ColorLabel(r["key"], r["name"], r["color"], r["position"]) for r in rows]


def get(tx: Transaction, key: str) -> ColorLabel | None:
    r = tx.execute(f"{_SELECT} WHERE key = ?", (key,)).fetchone()
    return ColorLabel(r["key"], r["name"], r["color"], r["position"]) if r else None


def exists(tx: Transaction, key: str) -> bool:
    return tx.execute("SELECT 1 FROM color_labels WHERE key = ?", (key,)).fetchone() is not None


def keys(tx: Transaction) -> list[str]:
    return [r[0] for r in tx.execute("SELECT key FROM color_labels ORDER BY position, key")]


def insert(tx: Transaction, key: str, name: str, color: str) -> int:
    """A new label after the existing ones; its position."""
    position = int(tx.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM color_labels").fetchone()[0])
    tx.execute(
        "INSERT INTO color_labels(key, name, color, position) VALUES (?, ?, ?, ?)",
        (key, name, color, position),
    )
    return position


def update(tx: Transaction, key: str, *, name: str | None, color: str | None) -> None:
    if name is not None:
        tx.execute("UPDATE color_labels SET name = ? WHERE key = ?", (name, key))
    if color is not None:
        tx.execute("UPDATE color_labels SET color = ? WHERE key = ?", (color, key))


def delete(tx: Transaction, key: str) -> bool:
    """Remove a label; False when there was none with that key."""
    return tx.execute("DELETE FROM color_labels WHERE key = ?", (key,)).rowcount > 0

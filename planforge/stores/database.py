"""The standalone service's single SQLite file, shared by every SQLite-backed store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

DATABASE_FILENAME = "planforge.sqlite3"


def database_path(data_dir: Path) -> Path:
    """The SQLite file inside `data_dir`."""
    return data_dir / DATABASE_FILENAME


def connect(path: Path) -> sqlite3.Connection:
    """Open (and create on first use) the SQLite file at `path`, creating its folder if needed.

    WAL mode lets readers and one writer work at once; `isolation_level=None` leaves transactions to
    explicit `BEGIN`/`COMMIT` so each store can make a multi-row write all-or-nothing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.row_factory = sqlite3.Row
    return connection

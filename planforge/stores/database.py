"""The standalone service's single SQLite file, shared by every SQLite-backed store."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

DATABASE_FILENAME = "planforge.sqlite3"


def database_path(data_dir: Path) -> Path:
    """The SQLite file inside `data_dir`."""
    return data_dir / DATABASE_FILENAME


def create_private_file(path: Path) -> None:
    """Make sure `path` exists and only its owner may read or write it (0600), its new folders 0700.

    The file holds token hashes and the orgs' data. SQLite gives its -wal and -shm files the database file's
    mode, so they are private too. A file made readable to others by an older planforge is tightened.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        if stat.S_IMODE(os.fstat(descriptor).st_mode) & 0o077:
            with contextlib.suppress(PermissionError):  # another user's file: theirs to tighten
                os.fchmod(descriptor, 0o600)
    finally:
        os.close(descriptor)


def connect(path: Path) -> sqlite3.Connection:
    """Open (and create on first use, private to its owner) the SQLite file at `path`, creating its folder if needed.

    WAL mode lets readers and one writer work at once; `isolation_level=None` leaves transactions to
    explicit `BEGIN`/`COMMIT` so each store can make a multi-row write all-or-nothing.
    """
    create_private_file(path)
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.row_factory = sqlite3.Row
    return connection

"""One Postgres database: a lazily opened async connection pool for request paths, and short sync
connections for admin commands (the CLI and tests), which run outside any event loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from urllib.parse import quote

import psycopg
from psycopg_pool import AsyncConnectionPool

from planforge.exceptions import ConfigurationError

CONNECT_TIMEOUT_SECONDS = 10
"""How long opening a connection may take before the store gives up with a clear error."""


def with_search_path(url: str, schema: str) -> str:
    """`url` whose connections use `schema` first: one database can hold several isolated planforge schemas."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-c search_path={schema}')}"


def redacted(url: str) -> str:
    """`url` without its password, for messages and logs."""
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"


class PostgresDatabase:
    """The connections of one process to one database.

    The async pool opens on first use, inside the event loop that uses it (uvicorn's, in the server), so
    building the stores never blocks or needs a loop. Connections run in autocommit mode; a store that needs
    several statements to be one unit opens `connection.transaction()`.
    """

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        """Remember `url`; nothing connects until the first query."""
        self.url = url
        self._pool_size = pool_size
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection] | None = None
        self._opening: asyncio.Lock | None = None

    @asynccontextmanager
    async def connection(self) -> AsyncGenerator[psycopg.AsyncConnection]:
        """A pooled connection, returned to the pool afterwards."""
        pool = await self._open_pool()
        async with pool.connection() as connection:
            yield connection

    def connect(self) -> psycopg.Connection:
        """A new synchronous connection (autocommit) for an admin command; the caller closes it."""
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)
        except psycopg.OperationalError as error:
            raise unreachable(self.url, error) from error

    async def aclose(self) -> None:
        """Close the pool, if it was opened."""
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    async def _open_pool(self) -> AsyncConnectionPool[psycopg.AsyncConnection]:
        if self._pool is not None:
            return self._pool
        if self._opening is None:
            self._opening = asyncio.Lock()
        async with self._opening:
            if self._pool is None:
                self._pool = await self._new_pool()
            return self._pool

    async def _new_pool(self) -> AsyncConnectionPool[psycopg.AsyncConnection]:
        pool = AsyncConnectionPool[psycopg.AsyncConnection](
            self.url,
            connection_class=psycopg.AsyncConnection,
            min_size=1,
            max_size=self._pool_size,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_SECONDS},
            check=AsyncConnectionPool.check_connection,  # survive a database restart
            open=False,
            name="planforge",
        )
        try:
            await pool.open(wait=True, timeout=CONNECT_TIMEOUT_SECONDS)
        except Exception as error:
            await pool.close()
            raise unreachable(self.url, error) from error
        return pool


def unreachable(url: str, error: BaseException) -> ConfigurationError:
    """The error for a database planforge cannot connect to, naming it without its password."""
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ConfigurationError(f"cannot connect to the database {redacted(url)} (PLANFORGE_DATABASE_URL): {reason}")

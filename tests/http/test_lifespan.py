"""The standalone app closes the PlanForge its lifespan built (model clients, SQLite library)."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient

from planforge import Settings
from planforge.http import create_app
from planforge.http.state import _STATE_ATTRIBUTE  # pyright: ignore[reportPrivateUsage]


def test_lifespan_closes_the_forge_it_built() -> None:
    app = create_app(Settings(model="offline"))
    with TestClient(app):
        forge = getattr(app.state, _STATE_ATTRIBUTE).forge
        library = forge.library
        assert library is not None
        asyncio.run(library.version("club"))  # opens the SQLite connection, as a request would
        assert library._connection is not None
    assert library._connection is None  # closed at shutdown

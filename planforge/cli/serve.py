"""`planforge serve`: the HTTP API under uvicorn, on the configured model (the offline coach by default)."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from planforge.cli.output import fail
from planforge.exceptions import ConfigurationError
from planforge.service import PlanForge
from planforge.settings import Settings
from planforge.stores.backend import describe

MAX_HEADER_BYTES = 64 * 1024
"""Request headers larger than this are refused by uvicorn (h11) before the app sees them."""

WORKER_STARTUP_SECONDS = 120
"""How long uvicorn lets a worker process start (import planforge, build the app) before it counts as dead:
its default of 5 s restarts workers forever on a loaded machine."""


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Server processes; each has its own worker processes and rate-limit counts.", min=1)
    ] = 1,
) -> None:
    """Serve the HTTP API (tokens from `planforge token create`, data in PLANFORGE_DATA_DIR)."""
    # Imported here so the other commands do not pay for loading the web stack.
    import uvicorn

    from planforge.http.server import APP_FACTORY, HeaderTimeoutProtocol

    settings = Settings()
    try:
        forge = PlanForge.from_settings(settings)  # fails here, once, on an invalid model configuration
    except ConfigurationError as error:
        raise fail(error.message) from error
    typer.echo(f"planforge: model {forge.model.model_name!r}, data in {describe(settings)}", err=True)
    asyncio.run(forge.aclose())
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=HeaderTimeoutProtocol,
        timeout_keep_alive=settings.keep_alive_seconds,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_worker_healthcheck=WORKER_STARTUP_SECONDS,
        access_log=False,  # planforge's own middleware logs each request once, with its duration
    )

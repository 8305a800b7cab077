"""`planforge serve`: the HTTP API under uvicorn, on the configured model (the offline coach by default)."""

from __future__ import annotations

from typing import Annotated

import typer

from planforge.cli.output import fail
from planforge.exceptions import ConfigurationError
from planforge.service import PlanForge
from planforge.settings import Settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the HTTP API (tokens from `planforge token create`, data in PLANFORGE_DATA_DIR)."""
    # Imported here so the other commands do not pay for loading the web stack.
    import uvicorn

    from planforge.http import create_app

    settings = Settings()
    try:
        forge = PlanForge.from_settings(settings)
    except ConfigurationError as error:
        raise fail(error.message) from error
    typer.echo(f"planforge: model {forge.model.model_name!r}, data in {settings.data_dir}", err=True)
    uvicorn.run(create_app(settings, forge=forge), host=host, port=port)

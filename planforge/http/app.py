"""The standalone FastAPI app: the AI-coach router, the error envelope everywhere, and a lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from planforge.auth.store import PrincipalAdmin, PrincipalStore
from planforge.http.cors import install_cors
from planforge.http.errors import install_error_handlers
from planforge.http.export import export_router
from planforge.http.health import health_router
from planforge.http.router import router
from planforge.http.state import install_planforge, is_installed
from planforge.observability import ObservabilityMiddleware
from planforge.service import PlanForge
from planforge.settings import Settings
from planforge.stores.backend import open_principal_store
from planforge.web import web_router

_DESCRIPTION = """\
AI training plan generation in two steps: parameters → an editable text draft → structured workouts.

Authenticate with `Authorization: Bearer <token>` (or `X-API-Key: <token>`); tokens come from
`planforge token create`. Responses use the envelope `{"status": "success", "data": …}`; errors are
`{"status": "error", "error": {"code", "message", "details"}}`.
"""


def create_app(
    settings: Settings | None = None, *, forge: PlanForge | None = None, principals: PrincipalStore | None = None
) -> FastAPI:
    """The planforge HTTP app.

    Pass `forge` and `principals` to serve your own (tests, embedding); whatever is missing is built at
    startup from `settings` (default: the environment): `PlanForge.from_settings` and the principal store
    of `settings.database_url` (else the SQLite file in `settings.data_dir`), closed again at shutdown.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncGenerator[None]:
        if is_installed(app):
            yield
            return
        resolved = settings or (forge.settings if forge is not None else Settings())
        owned_store: PrincipalAdmin | None = None
        store = principals
        if store is None:
            store = owned_store = open_principal_store(resolved)
        owned_forge: PlanForge | None = None
        warming: asyncio.Task[None] | None = None
        if forge is None:
            forge_in_use = owned_forge = PlanForge.from_settings(resolved)
            # The worker processes start beside the server, so the first large request does not wait for them.
            warming = asyncio.create_task(owned_forge.cpu_pool.start())
        else:
            forge_in_use = forge
        install_planforge(app, forge=forge_in_use, principals=store, settings=resolved)
        try:
            yield
        finally:
            if warming is not None:
                await asyncio.gather(warming, return_exceptions=True)  # a failed start fails the first use again
            if owned_store is not None:
                await owned_store.aclose()
            if owned_forge is not None:
                await owned_forge.aclose()

    given_settings = settings or (forge.settings if forge is not None else None)
    app = FastAPI(title="planforge", version="1", description=_DESCRIPTION, lifespan=lifespan)
    install_error_handlers(app)
    install_cors(app, (given_settings or Settings()).cors_allow_origins)
    app.add_middleware(ObservabilityMiddleware, settings=given_settings)
    app.include_router(router)
    app.include_router(export_router)  # POST /api/v1/ai-coach/export
    app.include_router(health_router)  # /healthz, /readyz
    app.include_router(web_router)  # the coach's page at /
    if forge is not None and principals is not None:
        # Everything is given: usable at once, also by clients that never run the lifespan (httpx's ASGITransport).
        install_planforge(app, forge=forge, principals=principals, settings=settings)
    return app

"""The standalone FastAPI app: the AI-coach router, the error envelope everywhere, and a lifespan."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from planforge.auth.sqlite import SQLitePrincipalStore
from planforge.auth.store import PrincipalStore
from planforge.http.errors import install_error_handlers
from planforge.http.router import router
from planforge.http.state import install_planforge, is_installed
from planforge.service import PlanForge
from planforge.settings import Settings

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
    startup from `settings` (default: the environment): `PlanForge.from_settings` and the SQLite principal
    store in `settings.data_dir`, closed again at shutdown.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncGenerator[None]:
        if is_installed(app):
            yield
            return
        resolved = settings or (forge.settings if forge is not None else Settings())
        owned_store: SQLitePrincipalStore | None = None
        store = principals
        if store is None:
            store = owned_store = SQLitePrincipalStore.open(resolved.data_dir)
        owned_forge: PlanForge | None = None
        if forge is None:
            forge_in_use = owned_forge = PlanForge.from_settings(resolved)
        else:
            forge_in_use = forge
        install_planforge(app, forge=forge_in_use, principals=store, settings=resolved)
        try:
            yield
        finally:
            if owned_store is not None:
                owned_store.close()
            if owned_forge is not None:
                await owned_forge.aclose()

    app = FastAPI(title="planforge", version="1", description=_DESCRIPTION, lifespan=lifespan)
    install_error_handlers(app)
    app.include_router(router)
    if forge is not None and principals is not None:
        # Everything is given: usable at once, also by clients that never run the lifespan (httpx's ASGITransport).
        install_planforge(app, forge=forge, principals=principals, settings=settings)
    return app

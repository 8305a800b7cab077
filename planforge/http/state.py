"""What the routes need at request time, kept on `app.state` so a host app can provide its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from planforge.auth.store import PrincipalStore
from planforge.http.limits import RequestLimits
from planforge.service import PlanForge
from planforge.settings import Settings

_STATE_ATTRIBUTE = "planforge"


@dataclass(frozen=True)
class PlanforgeState:
    """The service, the principal store and the settings the routes use, and the rate limits' buckets."""

    forge: PlanForge
    principals: PrincipalStore
    settings: Settings
    limits: RequestLimits = field(compare=False)


def install_planforge(
    app: FastAPI, *, forge: PlanForge, principals: PrincipalStore, settings: Settings | None = None
) -> None:
    """Give `app` what planforge's router needs; a host app calls this once before including the router.

    `settings` (for the HTTP layer: SSE keep-alive, body and rate limits) default to the forge's.
    """
    settings = settings or forge.settings
    limits = RequestLimits.from_settings(settings)
    state = PlanforgeState(forge=forge, principals=principals, settings=settings, limits=limits)
    setattr(app.state, _STATE_ATTRIBUTE, state)


def is_installed(app: FastAPI) -> bool:
    """Whether `install_planforge` has run on `app`."""
    return hasattr(app.state, _STATE_ATTRIBUTE)


def get_state(request: Request) -> PlanforgeState:
    """The planforge state of the app serving `request`."""
    state = getattr(request.app.state, _STATE_ATTRIBUTE, None)
    if not isinstance(state, PlanforgeState):
        raise RuntimeError("planforge is not installed on this app: call planforge.http.install_planforge(app, ...)")
    return state


State = Annotated[PlanforgeState, Depends(get_state)]
"""The planforge state, as a route dependency."""

"""`EnvelopeRoute`: the route class of planforge's router, so its routes behave the same in any app.

Before FastAPI reads the body, the route runs the guard (size, credential, rate limit, content type, body read
within limits: see `planforge.http.guard`). Errors raised before the response starts (validation, planforge
errors, bugs) answer with the error envelope, and a wrong method gets a 405 naming every allowed method,
whatever error handlers the host app has. A refusal (4xx) past its client address's burst waits before it is
answered (`planforge.http.limits.RefusalPacer`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Receive, Scope, Send

from planforge.exceptions import PlanforgeError
from planforge.http.errors import (
    http_error_response,
    method_not_allowed_response,
    planforge_error_response,
    unexpected_error_response,
    validation_error_response,
)
from planforge.http.guard import BodyShape, client_address, guard
from planforge.http.state import get_state

logger = logging.getLogger(__name__)


class EnvelopeRoute(APIRoute):
    """A route that guards its body and answers its errors with the envelope, whatever app it is in."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request; a method this route lacks gets the enveloped 405 with the path's full `Allow`."""
        if self.methods and scope["method"] not in self.methods:
            await method_not_allowed_response(scope)(scope, receive, send)
            return
        await super().handle(scope, receive, send)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """Wrap FastAPI's handler: the guard first, and errors raised before the response starts as envelopes."""
        handle = super().get_route_handler()
        shape = BodyShape.of(self.body_field.field_info.annotation) if self.body_field is not None else None

        async def handle_with_envelope(request: Request) -> Response:
            try:
                guarded = await guard(request, get_state(request), shape)
                if isinstance(guarded, Response):
                    return await _paced(request, guarded)
                return await _paced(request, await handle(guarded))
            except RequestValidationError as error:
                return await _paced(request, validation_error_response(error))
            except PlanforgeError as error:
                return await _paced(request, planforge_error_response(error))
            except StarletteHTTPException as error:
                return await _paced(request, http_error_response(error))
            except Exception:
                logger.exception("planforge: unexpected error on %s %s", request.method, request.url.path)
                return unexpected_error_response()

        return handle_with_envelope


async def _paced(request: Request, response: Response) -> Response:
    """`response`, once it may be sent: a refusal waits when its client address has had its burst of them."""
    if 400 <= response.status_code < 500 and (pacer := get_state(request).limits.refusals) is not None:
        await pacer.pace(client_address(request))
    return response

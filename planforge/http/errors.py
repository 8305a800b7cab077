"""The one place where errors become the HTTP error envelope.

`PlanforgeError`s map to statuses by kind (table in `status_for`); request validation errors become a 422
naming the failing fields (the first `MAX_DETAILS` of them, and how many more); Starlette's own HTTP errors
(unknown route, wrong method) keep their status. `planforge.http.route.EnvelopeRoute` applies this to the
planforge routes themselves, so a host app that mounts our router gets the envelope on them without changing
its own error handling; `install_error_handlers` covers a whole app.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Final

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Router
from starlette.types import Scope

from planforge.domain.usage import Usage
from planforge.exceptions import (
    UNAVAILABLE_PROVIDER_STATUSES,
    AccessDeniedError,
    AuthenticationError,
    GenerationError,
    GenerationTimeoutError,
    InvalidRequestError,
    ModelProviderError,
    NotFoundError,
    PlanforgeError,
    user_message,
)
from planforge.http.schemas import ErrorBody, ErrorEnvelope, FieldProblem

logger = logging.getLogger(__name__)

_REQUEST_LOCATIONS = frozenset({"body", "path", "query", "header", "cookie"})

MAX_DETAILS: Final = 20
"""Field problems listed in one error at most: a body with 300,000 unknown keys gets a short answer."""


def status_for(error: PlanforgeError) -> int:
    """The HTTP status of a planforge error."""
    match error:
        case InvalidRequestError():
            return 422
        case AuthenticationError():
            return 401
        case AccessDeniedError():
            return 403
        case NotFoundError():
            return 404
        case GenerationTimeoutError() | ModelProviderError(status_code=504):
            return 504
        case ModelProviderError(status_code=code) if code in UNAVAILABLE_PROVIDER_STATUSES:  # busy: our 503
            return 503
        case GenerationError():
            return 502
        case _:
            return 500


def envelope_response(
    status_code: int,
    code: str,
    message: str,
    details: Sequence[FieldProblem] = (),
    headers: Mapping[str, str] | None = None,
    usage: Usage | None = None,
) -> JSONResponse:
    """A JSON response carrying the error envelope (`usage` only for a failed generation)."""
    body = ErrorEnvelope(error=ErrorBody(code=code, message=message, details=list(details), usage=usage))
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=status_code, headers=headers)


def planforge_error_response(error: PlanforgeError) -> JSONResponse:
    """The envelope for a planforge error."""
    status_code = status_for(error)
    details: list[FieldProblem] = []
    if isinstance(error, InvalidRequestError) and error.field:
        details.append(FieldProblem(field=error.field, problem=error.problem))
    headers = {"WWW-Authenticate": "Bearer"} if status_code == 401 else None
    usage = error.usage if isinstance(error, GenerationError) else None
    return envelope_response(status_code, error.code, user_message(error), details, headers, usage)


def field_problems(errors: Sequence[Any]) -> list[FieldProblem]:
    """pydantic/FastAPI error dicts as field problems, with paths like `weeks` (the leading "body" dropped)."""
    problems: list[FieldProblem] = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        if len(location) > 1 and location[0] in _REQUEST_LOCATIONS:
            location = location[1:]
        problem = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
        if error.get("type") == "json_invalid":
            # FastAPI puts the character offset where the field name would be.
            location = ["body"]
            reason = error.get("ctx", {}).get("error", "parse error")
            problem = f"is not valid JSON ({reason} at character {error['loc'][-1]})"
        problems.append(FieldProblem(field=".".join(location), problem=problem))
    return problems


def validation_error_response(error: RequestValidationError) -> JSONResponse:
    """A 422 naming the invalid fields: the first `MAX_DETAILS`, and how many more there are."""
    errors = error.errors()
    problems = field_problems(errors[:MAX_DETAILS])
    summary = "; ".join(f"{p.field}: {p.problem}" for p in problems)
    if len(errors) > MAX_DETAILS:
        summary += f"; and {len(errors) - MAX_DETAILS:,} more problem(s)"
    return envelope_response(422, InvalidRequestError.code, f"invalid request: {summary}", problems)


def unexpected_error_response() -> JSONResponse:
    """The 500 for a bug: the client learns nothing of it, the server log has the traceback."""
    return envelope_response(500, "internal_error", "internal error; the server log has the details")


_METHODS: Final = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(scope: Scope) -> list[str]:
    """Every method some route of the app serves at the path of `scope` (for `Allow`, not only one route's)."""
    router = scope.get("router") or getattr(scope.get("app"), "router", None)
    routes = router.routes if isinstance(router, Router) else []
    return [
        method
        for method in _METHODS
        if any(route.matches({**scope, "method": method})[0] == Match.FULL for route in routes)
    ]


def method_not_allowed_response(scope: Scope) -> JSONResponse:
    """A 405 whose `Allow` header lists every method the path has, not only one route's."""
    allowed = allowed_methods(scope)
    message = f"{scope.get('method')} is not allowed here; allowed: {', '.join(allowed)}"
    return envelope_response(405, "method_not_allowed", message, headers={"Allow": ", ".join(allowed)})


def http_error_response(error: StarletteHTTPException) -> JSONResponse:
    """The envelope for Starlette's own errors: unknown route (404), wrong method (405) and the like."""
    if error.status_code == 400:
        # FastAPI's answer to a body it cannot decode at all (e.g. not UTF-8): bad input, like invalid JSON.
        problem = FieldProblem(field="body", problem="cannot be read: send a UTF-8 JSON body")
        return envelope_response(422, InvalidRequestError.code, f"invalid request: body: {problem.problem}", [problem])
    codes = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}
    message = "no such route" if error.status_code == 404 else str(error.detail)
    code = codes.get(error.status_code, "http_error")
    return envelope_response(error.status_code, code, message, headers=error.headers)


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of `app` answer with the envelope."""

    async def on_planforge_error(_: Request, error: Exception) -> Response:
        assert isinstance(error, PlanforgeError)
        return planforge_error_response(error)

    async def on_validation_error(_: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return validation_error_response(error)

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if error.status_code == 405:
            return method_not_allowed_response(request.scope)
        return http_error_response(error)

    async def on_unexpected_error(_: Request, error: Exception) -> Response:
        # Starlette still logs the traceback and re-raises to the server; the client sees only this.
        return unexpected_error_response()

    app.add_exception_handler(Exception, on_unexpected_error)
    app.add_exception_handler(PlanforgeError, on_planforge_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)

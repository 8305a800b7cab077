"""planforge's errors: one tree, translated to HTTP statuses and CLI messages only at the edges.

PlanforgeError
├── InvalidRequestError        bad input (422 / CLI exit 2): names the field and the problem
│   └── DraftStructureError    a draft text with no recognisable week structure or the wrong week count
├── ConfigurationError         planforge is set up wrongly (a model without its API key, a bad setting)
├── NotFoundError              an org, principle or library workout that does not exist (404)
│   └── UnknownOrgError        a token asked for an org that was never created
├── AccessDeniedError          authenticated but not allowed (403)
├── AuthenticationError        missing or bad credential (401)
└── GenerationError            the model could not produce a valid result
    ├── ChunkConversionError   one chunk of a plan kept failing validation (names its weeks)
    ├── ModelProviderError     the provider failed: rate limit, outage, bad gateway (502 / 503)
    └── GenerationTimeoutError the request's deadline passed (504)

Every `GenerationError` raised by a generation carries its `usage`: what the failed generation spent before it
failed, so its cost is known and its tokens count like a result's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the domain package imports this module
    from planforge.domain.usage import Usage


class PlanforgeError(Exception):
    """Base of every error planforge raises on purpose."""

    code: str = "planforge_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidRequestError(PlanforgeError):
    """The request is invalid; `field` names the offending field (dotted path) when there is one."""

    code = "validation_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.problem = message


class DraftStructureError(InvalidRequestError):
    """The draft text cannot be split into the expected weeks."""

    code = "draft_structure_error"

    def __init__(self, message: str) -> None:
        super().__init__(message, field="refined_draft")


class ConfigurationError(PlanforgeError):
    """planforge is configured in a way that cannot work, e.g. a provider model without its API key."""

    code = "configuration_error"


class NotFoundError(PlanforgeError):
    """Something the request refers to does not exist."""

    code = "not_found"


class UnknownOrgError(NotFoundError):
    """A token was requested for an org that was never created."""

    def __init__(self, org_id: str) -> None:
        super().__init__(f"org {org_id!r} does not exist; create it first with `planforge org create {org_id}`")
        self.org_id = org_id


class AuthenticationError(PlanforgeError):
    """No credential, or one that resolves to no principal."""

    code = "unauthenticated"


class AccessDeniedError(PlanforgeError):
    """The principal may not do this (role, missing feature, another org)."""

    code = "forbidden"


class GenerationError(PlanforgeError):
    """The model did not produce a valid result.

    `usage` is what the generation had spent when it failed (requests and tokens, failed calls included); the
    service sets it, so it is None only on an error raised outside a generation.
    """

    code = "generation_failed"
    usage: Usage | None = None


class ChunkConversionError(GenerationError):
    """A chunk of weeks kept failing validation after its retries: the whole plan fails, nothing partial."""

    code = "chunk_conversion_failed"

    def __init__(self, weeks: range, reason: str) -> None:
        label = f"week {weeks.start}" if len(weeks) == 1 else f"weeks {weeks.start}-{weeks.stop - 1}"
        super().__init__(f"could not convert {label}: {reason}")
        self.weeks = weeks
        self.reason = reason


class ModelProviderError(GenerationError):
    """The model provider failed (HTTP error, overload, connection). `status_code` is the provider's, if any."""

    code = "model_provider_error"

    def __init__(self, message: str, *, status_code: int | None = None, model_name: str | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.model_name = model_name


class GenerationTimeoutError(GenerationError):
    """The generation did not finish within the request's deadline."""

    code = "timeout"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"generation did not finish within {seconds:g} s")
        self.seconds = seconds


BAD_INPUT_CODES = frozenset({InvalidRequestError.code, DraftStructureError.code})
"""Error codes that mean the request itself was wrong (HTTP 422, CLI exit 2)."""


UNAVAILABLE_PROVIDER_STATUSES = frozenset({429, 503, 529})
"""Provider statuses meaning "busy or rate-limited, try again later"."""


def user_message(error: PlanforgeError) -> str:
    """The message a person sees (HTTP envelope, SSE error event, CLI): generation failures say which kind."""
    if isinstance(error, GenerationTimeoutError):
        return f"generation timed out: {error.message}"
    if isinstance(error, ModelProviderError):
        code = error.status_code
        state = "is unavailable" if code in UNAVAILABLE_PROVIDER_STATUSES else "failed"
        upstream = f" (provider HTTP {code})" if code is not None else ""
        return f"the model provider {state}{upstream}: {error.message}"
    return error.message

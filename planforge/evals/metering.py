"""What each case spends: every model request counted and priced, failed cases and judge calls included.

The runner wraps each model in a `MeteredModel`. A request adds its tokens and price to the meter of the case
it runs for (a context variable `metering_lifecycle` sets around each case), under the role its model plays:
the coach being evaluated (`task`) or the LLM judge (`judge`). So a case whose generation fails still shows the
tokens its requests used, and a judge's calls are counted apart from the coach's.

Prices come from genai-prices, one request at a time: 0 for the offline coach, and `"unknown"` (never $0) for a
model genai-prices does not know, such as a model on a local server or a scripted one.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from genai_prices import calc_price
from pydantic import BaseModel, ConfigDict
from pydantic_ai import RunContext
from pydantic_ai.messages import ModelMessage, ModelResponse
from pydantic_ai.models import Model, ModelRequestParameters, StreamedResponse
from pydantic_ai.models.wrapper import WrapperModel
from pydantic_ai.settings import ModelSettings
from pydantic_ai.usage import RequestUsage
from pydantic_evals.lifecycle import CaseLifecycle
from pydantic_evals.reporting import ReportCase, ReportCaseFailure

from planforge.domain.requests import DraftRequest
from planforge.evals.schema import PlanOutcome
from planforge.settings import OFFLINE_MODEL

UNKNOWN: Final = "unknown"
Cost = float | Literal["unknown"]
"""US dollars, or "unknown" when genai-prices does not know a model that was used."""

Role = Literal["task", "judge"]
"""What a model does in an eval: the coach under evaluation, or the LLM judge."""


def add_costs(first: Cost, second: Cost) -> Cost:
    """The sum of two costs; unknown when either is."""
    if first == UNKNOWN or second == UNKNOWN:
        return UNKNOWN
    return round(first + second, 8)


class Spend(BaseModel):
    """Requests, tokens and cost of some model calls."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: Cost = 0.0
    """Estimated cost; "unknown" when a model's price is unknown (then the tokens still count)."""

    def __add__(self, other: Spend) -> Spend:
        return Spend(
            requests=self.requests + other.requests,
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            cost_usd=add_costs(self.cost_usd, other.cost_usd),
        )


def request_price(model: Model, usage: RequestUsage) -> Cost:
    """The price of one request of `model`: 0 for the offline coach, "unknown" when genai-prices has no price.

    A model with a base URL is priced by that URL, so a local server that serves a model under a hosted model's
    name is not priced as the hosted model.
    """
    if model.model_name == OFFLINE_MODEL and model.system == "planforge":
        return 0.0
    try:
        if model.base_url:
            price = calc_price(usage, model.model_name, provider_api_url=model.base_url)
        else:
            price = calc_price(usage, model.model_name, provider_id=model.system)
    except LookupError:
        return UNKNOWN
    return float(price.total_price)


@dataclass
class CaseMeter:
    """What one case's requests spent, by role."""

    spent: dict[Role, Spend] = field(default_factory=lambda: dict[Role, Spend]())

    def record(self, role: Role, model: Model, usage: RequestUsage) -> None:
        """Count one request of `model` in `role`."""
        request = Spend(
            requests=1,
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            cost_usd=request_price(model, usage),
        )
        self.spent[role] = self.spent.get(role, Spend()) + request

    def of(self, role: Role) -> Spend:
        """What `role`'s requests spent in this case."""
        return self.spent.get(role, Spend())


CURRENT_METER: ContextVar[CaseMeter | None] = ContextVar("planforge_eval_case_meter", default=None)
"""The meter of the case being run (None outside an eval case)."""


class MeteredModel(WrapperModel):
    """Answers as `wrapped` does, and counts each request on the current case's meter under `role`."""

    def __init__(self, wrapped: Model, role: Role) -> None:
        super().__init__(wrapped)
        self.role: Role = role

    def _record(self, usage: RequestUsage) -> None:
        if (meter := CURRENT_METER.get()) is not None:
            meter.record(self.role, self.wrapped, usage)

    async def request(
        self,
        messages: list[ModelMessage],
        model_settings: ModelSettings | None,
        model_request_parameters: ModelRequestParameters,
    ) -> ModelResponse:
        response = await super().request(messages, model_settings, model_request_parameters)
        self._record(response.usage)
        return response

    @asynccontextmanager
    async def request_stream(
        self,
        messages: list[ModelMessage],
        model_settings: ModelSettings | None,
        model_request_parameters: ModelRequestParameters,
        run_context: RunContext[Any] | None = None,
    ) -> AsyncGenerator[StreamedResponse]:
        async with super().request_stream(messages, model_settings, model_request_parameters, run_context) as stream:
            try:
                yield stream
            finally:
                self._record(stream.usage)


class _MeteredParsingModel(MeteredModel):
    # The pipeline asks a plan model's class whether it converts by parsing (the offline coach does); metering
    # must not change how a model converts.
    converts_by_parsing = True


def metered(model: Model, role: Role) -> MeteredModel:
    """`model`, counted on each case's meter; it converts drafts exactly as `model` does."""
    if getattr(type(model), "converts_by_parsing", False):
        return _MeteredParsingModel(model, role)
    return MeteredModel(model, role)


CaseFinished = Callable[[str, CaseMeter], None]
"""Called with a case run's report name (`case [2/3]` when repeated) and its meter, after its evaluators."""


def metering_lifecycle(finished: CaseFinished) -> type[CaseLifecycle[DraftRequest, PlanOutcome, Any]]:
    """A pydantic-evals case lifecycle that gives each case run its own meter and hands it to `finished`."""

    class Metered(CaseLifecycle[DraftRequest, PlanOutcome, Any]):
        meter: CaseMeter
        token: Token[CaseMeter | None]

        async def setup(self) -> None:
            self.meter = CaseMeter()
            self.token = CURRENT_METER.set(self.meter)

        async def teardown(
            self,
            result: ReportCase[DraftRequest, PlanOutcome, Any]
            | ReportCaseFailure[DraftRequest, PlanOutcome, Any]
            | None,
        ) -> None:
            CURRENT_METER.reset(self.token)
            if result is not None:
                finished(result.name, self.meter)

    return Metered

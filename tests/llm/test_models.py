"""Model choice and the single HTTP retry layer."""

from __future__ import annotations

import time

import httpx2
import pydantic_ai
import pytest
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.models.test import TestModel

from planforge import ConfigurationError, Settings
from planforge.llm import default_model_name, resolve_model, retrying_http_client
from planforge.llm.local import LocalChatModel
from planforge.offline.model import OfflineCoachModel

pytestmark = pytest.mark.anyio


def test_without_keys_the_offline_coach_is_the_default() -> None:
    assert default_model_name(Settings()) == "offline"
    assert isinstance(resolve_model(None, Settings()), OfflineCoachModel)


def test_a_provider_key_picks_that_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    assert default_model_name(Settings()) == "anthropic:claude-sonnet-4-6"
    assert default_model_name(Settings(model="offline")) == "offline"


@pytest.mark.parametrize(
    ("settings", "choice", "message"),
    [
        (Settings(), "openai:gpt-4o-mini", "needs the OPENAI_API_KEY environment variable"),
        (Settings(), "anthropic:claude-sonnet-4-6", "needs the ANTHROPIC_API_KEY environment variable"),
        (Settings(), "gpt-4o", "Unknown model"),
        (Settings(base_url="http://127.0.0.1:9/v1"), None, "PLANFORGE_MODEL is not"),
    ],
)
def test_unusable_model_is_a_configuration_error(settings: Settings, choice: str | None, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        resolve_model(choice, settings)


def test_base_url_serves_chat_completions(monkeypatch: pytest.MonkeyPatch) -> None:
    model = resolve_model("openai:llama3.1", Settings(base_url="http://127.0.0.1:9/v1"))
    assert isinstance(model, LocalChatModel)  # chat completions, not the Responses API
    assert model.model_name == "llama3.1"


def test_fallback_models_wrap_the_primary() -> None:
    model = resolve_model(TestModel(), Settings(fallback_models=["offline"]))
    assert isinstance(model, FallbackModel)
    assert [type(m) for m in model.models] == [TestModel, OfflineCoachModel]


async def test_retry_layer_honours_retry_after_then_succeeds() -> None:
    calls: list[float] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(time.monotonic())
        if len(calls) < 3:
            return httpx2.Response(429, headers={"Retry-After": "1"}, json={"error": "slow down"})
        return httpx2.Response(200, json={"ok": True})

    # No backoff of its own: any wait between attempts comes from Retry-After.
    settings = Settings(http_retries=3, retry_initial_wait_seconds=0)
    async with retrying_http_client(settings, transport=httpx2.MockTransport(handler)) as client:
        response = await client.get("http://provider.invalid/v1/models")
    assert response.status_code == 200
    assert len(calls) == 3
    assert calls[1] - calls[0] >= 0.95


async def test_retry_layer_gives_up_after_its_budget_and_passes_the_last_answer_on_with_its_body() -> None:
    calls: list[int] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(0)
        return httpx2.Response(503, json={"error": {"message": f"down ({len(calls)})"}})

    settings = Settings(http_retries=2, retry_initial_wait_seconds=0)
    async with retrying_http_client(settings, transport=httpx2.MockTransport(handler)) as client:
        response = await client.get("http://provider.invalid/v1/models")
    assert len(calls) == 3
    assert (response.status_code, response.json()) == (503, {"error": {"message": "down (3)"}})


async def test_a_500_is_retried_once_only_as_the_same_request_gets_the_same_answer() -> None:
    calls: list[int] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(0)
        return httpx2.Response(500, json={"error": {"message": "tool_choice 'required' is not supported"}})

    settings = Settings(http_retries=3, retry_initial_wait_seconds=0)
    async with retrying_http_client(settings, transport=httpx2.MockTransport(handler)) as client:
        response = await client.get("http://provider.invalid/v1/models")
    assert (response.status_code, len(calls)) == (500, 2)


async def test_client_errors_are_not_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(0)
        return httpx2.Response(401, json={"error": "bad key"})

    async with retrying_http_client(Settings(), transport=httpx2.MockTransport(handler)) as client:
        response = await client.get("http://provider.invalid/v1/models")
    assert response.status_code == 401
    assert len(calls) == 1


async def test_planforge_closes_the_clients_it_built_but_not_the_callers() -> None:
    from planforge import PlanForge

    settings = Settings(base_url="http://127.0.0.1:9/v1", model="llama3.1")
    async with PlanForge(settings=settings, plan_model=TestModel()) as forge:
        client = forge.model.client  # type: ignore[attr-defined]
        assert not client.is_closed()
    assert client.is_closed()


async def test_from_settings_closes_its_library_store() -> None:
    from planforge import PlanForge
    from planforge.library import LibraryWorkout

    forge = PlanForge.from_settings(Settings(model="offline"))
    assert forge.library is not None
    await forge.library.add_many(
        "club",
        [
            LibraryWorkout(
                id="w1", workout_name="Easy", workout_description="d", workout_type="run", workout_sub_type="easy-run"
            )
        ],
    )
    await forge.aclose()
    reopened = PlanForge.from_settings(Settings(model="offline"))
    assert reopened.library is not None
    assert [w.id for w in await reopened.library.list("club")] == ["w1"]
    await reopened.aclose()


async def test_a_provider_still_failing_after_its_retries_hands_over_to_the_fallback() -> None:
    from pydantic_ai import models

    from planforge import DraftRequest, PlanForge
    from planforge.testing import FakeOpenAI, fake_openai_model
    from planforge.testing.fake_openai.faults import FaultSequence, unavailable

    settings = Settings(http_retries=1, retry_initial_wait_seconds=0, fallback_models=["offline"])
    fake = FakeOpenAI(faults=FaultSequence([], then=unavailable()))
    models.ALLOW_MODEL_REQUESTS = True  # the fake server is in-process; nothing leaves the machine
    try:
        async with PlanForge(model=fake_openai_model(fake, settings=settings), settings=settings) as forge:
            result = await forge.generate_draft(DraftRequest(weeks=2, level="beginner", org_id="o"))
    finally:
        models.ALLOW_MODEL_REQUESTS = False
    assert fake.calls == 2  # the first try and its one retry, both 503
    assert "Week 2:" in result.draft  # then the offline coach wrote it


async def test_aclose_leaves_the_callers_model_open() -> None:
    from planforge import PlanForge

    class SpyClient:
        closed = False

        async def close(self) -> None:
            self.closed = True

    caller_model = TestModel()
    caller_model.client = SpyClient()  # type: ignore[attr-defined]
    async with PlanForge(model=caller_model):
        pass
    assert caller_model.client.closed is False  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (pydantic_ai.ModelTimeoutError(model_name="m", message="read timed out"), 504),
        (pydantic_ai.ModelRequestTimeout(model_name="m", timeout=30), 504),
        (pydantic_ai.ModelRateLimitError(model_name="m", message="slow down"), 429),
        (pydantic_ai.ModelOverloadedError(model_name="m", message="overloaded"), 503),
        (pydantic_ai.ModelAPIError(model_name="m", message="boom"), None),
    ],
    ids=["timeout", "request-timeout", "rate-limit", "overloaded", "other"],
)
def test_provider_errors_keep_the_status_their_category_stands_for(
    error: pydantic_ai.ModelAPIError, status: int | None
) -> None:
    from planforge.http.errors import status_for
    from planforge.llm.errors import provider_error

    raised = error
    translated = provider_error(raised)
    assert translated.status_code == status
    assert status_for(translated) == {504: 504, 429: 503, 503: 503, None: 502}[status]

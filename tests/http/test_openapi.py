"""The OpenAPI document: every endpoint, the spec's examples (valid against our own schemas), error envelopes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from planforge import DraftRequest, DraftResult, Plan, PlanRequest
from planforge.http.schemas import Success, TrainingPrincipleUpdate
from tests.http.conftest import Tokens

API = "/api/v1/ai-coach"


@pytest.fixture(scope="module")
def openapi(shared_app: tuple[FastAPI, Tokens]) -> dict[str, Any]:
    """The document, built once: the tests only read it."""
    return shared_app[0].openapi()


def test_every_endpoint_is_documented(openapi: dict[str, Any]) -> None:
    operations = {f"{method.upper()} {path}" for path, item in openapi["paths"].items() for method in item}
    ours = [
        "GET /api/v1/ai-coach/training-principle/{org_id}",
        "GET /healthz",
        "GET /readyz",
        "POST /api/v1/ai-coach/generate-draft",
        "POST /api/v1/ai-coach/generate-draft/stream",
        "POST /api/v1/ai-coach/generate-plan",
        "POST /api/v1/ai-coach/generate-plan/stream",
        "POST /api/v1/ai-coach/generate-plan/stream-content",
        "PUT /api/v1/ai-coach/training-principle/{org_id}",
    ]
    assert set(ours) <= operations


def test_operation_ids_are_the_route_names(openapi: dict[str, Any]) -> None:
    ids = {item["operationId"] for path in openapi["paths"].values() for item in path.values()}
    assert {"generate_draft", "generate_plan_stream_content", "put_training_principle", "healthz"} <= ids


@pytest.mark.parametrize(
    ("path", "model"),
    [
        (f"{API}/generate-draft", DraftRequest),
        (f"{API}/generate-draft/stream", DraftRequest),
        (f"{API}/generate-plan", PlanRequest),
        (f"{API}/generate-plan/stream-content", PlanRequest),
    ],
)
def test_request_examples_are_the_specs_and_valid(
    openapi: dict[str, Any], path: str, model: type[DraftRequest]
) -> None:
    examples = openapi["paths"][path]["post"]["requestBody"]["content"]["application/json"]["examples"]
    assert examples
    for example in examples.values():
        model.model_validate(example["value"])
    assert next(iter(examples.values()))["value"]["org_id"] == "org_abc123"


def test_principle_update_example_is_valid(openapi: dict[str, Any]) -> None:
    body = openapi["paths"][f"{API}/training-principle/{{org_id}}"]["put"]["requestBody"]["content"]
    for example in body["application/json"]["examples"].values():
        TrainingPrincipleUpdate.model_validate(example["value"])


@pytest.mark.parametrize(("path", "model"), [(f"{API}/generate-draft", DraftResult), (f"{API}/generate-plan", Plan)])
def test_response_examples_are_the_specs_and_valid(openapi: dict[str, Any], path: str, model: type[Any]) -> None:
    content = openapi["paths"][path]["post"]["responses"]["200"]["content"]["application/json"]
    assert content["schema"]["$ref"].startswith("#/components/schemas/Success_")
    Success[model].model_validate(content["example"])


@pytest.mark.parametrize("path", [f"{API}/generate-draft", f"{API}/generate-plan/stream-content"])
def test_errors_are_documented_as_the_json_envelope(openapi: dict[str, Any], path: str) -> None:
    responses = openapi["paths"][path]["post"]["responses"]
    expected = {"401", "403", "422"} | ({"502", "503", "504"} if not path.endswith("stream-content") else set())
    assert expected <= set(responses)
    for status in expected:
        schema = responses[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}


@pytest.mark.parametrize(
    ("path", "events"),
    [
        ("generate-draft/stream", ["done", "error", "progress", "result"]),
        ("generate-plan/stream", ["done", "error", "progress", "result"]),
        ("generate-plan/stream-content", ["done", "error", "progress", "result", "week", "workout"]),
    ],
)
def test_streams_are_documented_as_event_streams_of_their_events(
    openapi: dict[str, Any], path: str, events: list[str]
) -> None:
    content = openapi["paths"][f"{API}/{path}"]["post"]["responses"]["200"]["content"]
    assert list(content) == ["text/event-stream"]
    stream = content["text/event-stream"]
    assert "schema" not in stream  # the body is a sequence of events, not one
    data = stream["itemSchema"]["properties"]["data"]
    assert data["contentMediaType"] == "application/json"
    assert sorted(data["contentSchema"]["discriminator"]["mapping"]) == events
    assert stream["examples"]


def test_both_credentials_are_security_schemes(openapi: dict[str, Any]) -> None:
    schemes = openapi["components"]["securitySchemes"]
    assert (schemes["HTTPBearer"]["scheme"], schemes["APIKeyHeader"]["name"]) == ("bearer", "X-API-Key")

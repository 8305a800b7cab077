"""Fixtures for the HTTP tests: an in-memory principal store with tokens per case, the app, a client."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app
from tests.http.scripted_coach import scripted_coach

ORG = "org_abc123"


@dataclass(frozen=True)
class Tokens:
    """One token per auth case."""

    coach: str
    head_coach: str
    athlete: str
    no_feature: str
    other_org: str


@pytest.fixture
def principals() -> InMemoryPrincipalStore:
    store = InMemoryPrincipalStore()
    store.create_org(ORG, ["coach_agent"])
    store.create_org("org_plain")
    store.create_org("org_other", ["coach_agent"])
    return store


@pytest.fixture
def tokens(principals: InMemoryPrincipalStore) -> Tokens:
    return Tokens(
        coach=principals.create_token(ORG, "coach"),
        head_coach=principals.create_token(ORG, "head_coach"),
        athlete=principals.create_token(ORG, "athlete"),
        no_feature=principals.create_token("org_plain", "coach"),
        other_org=principals.create_token("org_other", "coach"),
    )


@pytest.fixture
def settings() -> Settings:
    return Settings(sse_keepalive_seconds=15.0, request_timeout_seconds=10.0)


@pytest.fixture
def forge(settings: Settings) -> PlanForge:
    return PlanForge(model=scripted_coach(weeks=2), settings=settings)


@pytest.fixture
def app(forge: PlanForge, principals: InMemoryPrincipalStore) -> FastAPI:
    return create_app(forge=forge, principals=principals)


@pytest.fixture
async def client(app: FastAPI, tokens: Tokens) -> AsyncIterator[httpx.AsyncClient]:
    """A client authenticated as a coach of ORG."""
    headers = {"Authorization": f"Bearer {tokens.coach}"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://planforge.test", headers=headers) as http:
        yield http


def draft_body(**changes: object) -> dict[str, object]:
    """A valid generate-draft body for ORG, with `changes`."""
    return {"weeks": 2, "level": "beginner", "org_id": ORG, **changes}


def plan_body(**changes: object) -> dict[str, object]:
    """A valid generate-plan body for ORG, with `changes`."""
    week = "- Tuesday: Easy run 30 min\n- Thursday: Tempo run 20 min\n- Saturday: Long run 8 km\n"
    refined = f"2-Week Plan\n\nWeek 1:\n{week}\nWeek 2:\n{week}"
    return {**draft_body(), "refined_draft": refined, **changes}


def parse_sse(text: str) -> list[tuple[str, dict[str, object]]]:
    """(event, data) pairs of an SSE body; comments (keep-alives) are skipped."""
    events: list[tuple[str, dict[str, object]]] = []
    for block in text.strip().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith(":")]
        if not lines:
            continue
        fields = dict(line.split(": ", 1) for line in lines)
        events.append((fields["event"], json.loads(fields["data"])))
    return events

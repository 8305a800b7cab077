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


def new_principals() -> InMemoryPrincipalStore:
    """ORG and org_other with the Coach Agent feature, org_plain without it."""
    store = InMemoryPrincipalStore()
    store.create_org(ORG, ["coach_agent"])
    store.create_org("org_plain")
    store.create_org("org_other", ["coach_agent"])
    return store


def new_tokens(principals: InMemoryPrincipalStore) -> Tokens:
    return Tokens(
        coach=principals.create_token(ORG, "coach"),
        head_coach=principals.create_token(ORG, "head_coach"),
        athlete=principals.create_token(ORG, "athlete"),
        no_feature=principals.create_token("org_plain", "coach"),
        other_org=principals.create_token("org_other", "coach"),
    )


def new_app(principals: InMemoryPrincipalStore) -> FastAPI:
    """The app over in-memory stores, the scripted coach drafting and converting."""
    # Refusals answered at once: a module's shared app refuses dozens (pacing: test_refusal_pacing.py).
    settings = Settings(sse_keepalive_seconds=15.0, request_timeout_seconds=10.0, refusal_delay_seconds=0)
    return create_app(forge=PlanForge(model=scripted_coach(weeks=2), settings=settings), principals=principals)


@pytest.fixture
def principals() -> InMemoryPrincipalStore:
    return new_principals()


@pytest.fixture
def tokens(principals: InMemoryPrincipalStore) -> Tokens:
    return new_tokens(principals)


@pytest.fixture
def app(principals: InMemoryPrincipalStore) -> FastAPI:
    """A new app for each test, which may change its stores."""
    return new_app(principals)


@pytest.fixture(scope="module")
def shared_app() -> tuple[FastAPI, Tokens]:
    """One app and its tokens for a whole module whose requests change nothing (each is refused, or only reads).

    Such a module overrides `app` and `tokens` with these. Building an app builds a PlanForge with its agents
    (about 30 ms), which a module of fifty requests then pays once.
    """
    principals = new_principals()
    return new_app(principals), new_tokens(principals)


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

"""One fake OpenAI server on 127.0.0.1 for the reliability tests, reset before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic_ai import models

from planforge.testing import FakeOpenAI, serve_fake_openai


@pytest.fixture(scope="module")
def served_fake() -> Iterator[tuple[FakeOpenAI, str]]:
    fake = FakeOpenAI()
    with serve_fake_openai(fake) as base_url:
        yield fake, base_url


@pytest.fixture
def fake(served_fake: tuple[FakeOpenAI, str]) -> Iterator[FakeOpenAI]:
    """The served fake, answering as the offline coach with no faults, no latency and an empty log."""
    server, _ = served_fake
    server.reset()
    models.ALLOW_MODEL_REQUESTS = True  # requests go to 127.0.0.1, never to the network
    yield server
    models.ALLOW_MODEL_REQUESTS = False


@pytest.fixture
def base_url(served_fake: tuple[FakeOpenAI, str]) -> str:
    return served_fake[1]

"""Fixtures for the fake server's own tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic_ai import models


@pytest.fixture
def allow_model_requests() -> Iterator[None]:
    """Let pydantic-ai's OpenAI model send requests: they go to the fake server, never to the network."""
    models.ALLOW_MODEL_REQUESTS = True
    yield
    models.ALLOW_MODEL_REQUESTS = False

"""Test-wide setup: no model request ever leaves the machine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from pydantic_ai import models

# Real models raise instead of calling out; scripted models (TestModel, FunctionModel, the offline coach)
# and the fake OpenAI-compatible server stand in.
models.ALLOW_MODEL_REQUESTS = False

# CI must be deterministic: property tests replay the same examples there (derandomize), while local runs
# keep exploring new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own data dir and no provider keys, whatever the developer's shell has."""
    monkeypatch.setenv("PLANFORGE_DATA_DIR", str(tmp_path / "data"))
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "PLANFORGE_MODEL", "PLANFORGE_PLAN_MODEL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"

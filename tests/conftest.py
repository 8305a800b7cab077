"""Test-wide setup: no model request ever leaves the machine."""

from __future__ import annotations

import itertools
import os

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


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """Workers for `-n auto` (pyproject): the whole suite spreads over the cores, chosen paths run in one process.

    Each worker imports and collects everything again (some 10 s of CPU here), which only a whole run repays: a
    single test file would take several times as long on two workers.
    """
    if config.args_source is pytest.Config.ArgsSource.TESTPATHS:
        return None  # xdist's own answer: a worker per core
    return 0


_data_dirs = itertools.count()


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own data dir and no provider keys, whatever the developer's shell has.

    The data dir is a new path in this session's temporary folder, made by planforge on first use: few tests
    use it, and a `tmp_path` for each of the suite's 1,400 tests would cost over a second.
    """
    data_dir = tmp_path_factory.getbasetemp() / "data" / str(next(_data_dirs))
    monkeypatch.setenv("PLANFORGE_DATA_DIR", str(data_dir))
    for name in _DEVELOPER_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


_DEVELOPER_ENVIRONMENT = (
    "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "PLANFORGE_MODEL", "PLANFORGE_PLAN_MODEL",
    "PLANFORGE_BASE_URL", "PLANFORGE_API_KEY", "PLANFORGE_OUTPUT_MODE", "PLANFORGE_OUTPUT_MODES",
    "PLANFORGE_SERVER_PROFILE", "PLANFORGE_DATABASE_URL", "PLANFORGE_TRACING", "PLANFORGE_LOG_FORMAT",
)  # fmt: skip
"""What a developer's shell may set that would change what the tests exercise (the tests' own database URL is
PLANFORGE_TEST_DATABASE_URL, kept)."""


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"

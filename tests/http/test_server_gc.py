"""The served app keeps its startup objects out of the garbage collector's way (issue 13): a full collection over
the ~150,000 objects of the loaded libraries stopped the event loop for 100-200 ms."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planforge.http.server import app_from_environment


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process collects its objects again


@pytest.mark.usefixtures("unfrozen")
def test_the_served_app_freezes_what_it_built_once_started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLANFORGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PLANFORGE_MODEL", "offline")
    app = app_from_environment()
    assert gc.get_freeze_count() == 0
    with TestClient(app) as http:
        frozen = gc.get_freeze_count()
        assert http.get("/healthz").status_code == 200
    assert frozen > 10_000

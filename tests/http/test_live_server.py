"""End to end: the standalone app (SQLite tokens, offline coach) under a real uvicorn on 127.0.0.1.

A real httpx client consumes the SSE streams as they arrive, the way the spec's curl examples would.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from planforge import Settings
from planforge.auth import SQLitePrincipalStore
from planforge.http import create_app

API = "/api/v1/ai-coach"
ORG = "org_abc123"


@pytest.fixture
def token(tmp_path: Path) -> str:
    store = SQLitePrincipalStore.open(tmp_path / "live")
    store.create_org(ORG, ["coach_agent"])
    token = store.create_token(ORG, "coach")
    store.close()
    return token


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    """The app built from settings alone (offline coach, SQLite in the data dir), served on a free port."""
    app = create_app(Settings(data_dir=tmp_path / "live", chunk_weeks=1))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()


def _events(response: httpx.Response) -> Iterator[tuple[str, dict[str, object]]]:
    name = ""
    for line in response.iter_lines():
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            yield name, json.loads(line.removeprefix("data: "))


def test_draft_then_streamed_plan_over_real_http(base_url: str, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    params = {"weeks": 3, "level": "beginner", "org_id": ORG, "start_date": "2026-05-04"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=30) as http:
        draft = http.post(f"{API}/generate-draft", json=params)
        assert (draft.status_code, draft.json()["status"]) == (200, "success")
        refined = draft.json()["data"]["draft"]

        with http.stream("POST", f"{API}/generate-plan/stream-content", json={**params, "refined_draft": refined}) as r:
            assert r.headers["content-type"].startswith("text/event-stream")
            events = list(_events(r))

    names = [name for name, _ in events]
    assert names[-2:] == ["result", "done"]
    assert names[0] == "progress"
    assert names.index("workout") < names.index("result")
    assert sorted({name for name in names if name in ("week", "workout")}) == ["week", "workout"]
    plan = events[-2][1]["data"]
    assert isinstance(plan, dict)
    streamed = [data["workout"] for name, data in events if name == "workout"]
    # Chunks finish in any order; the result holds exactly the streamed workouts, in week order.
    assert sorted(map(json.dumps, plan["content"])) == sorted(map(json.dumps, streamed))
    assert sorted(plan["weekly_info"]) == ["1", "2", "3"]


def test_missing_token_is_a_401_envelope_over_real_http(base_url: str) -> None:
    response = httpx.post(f"{base_url}{API}/generate-draft/stream", json={"weeks": 3}, timeout=10)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"

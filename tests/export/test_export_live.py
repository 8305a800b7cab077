"""The export contract the web page uses, over a real uvicorn on 127.0.0.1: generate a plan, POST it back, get files."""

from __future__ import annotations

import io
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from icalendar import Calendar

from planforge import Settings
from planforge.auth import SQLitePrincipalStore
from planforge.http import create_app
from tests.export.readers import decode_fit

API = "/api/v1/ai-coach"
ORG = "club"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The standalone app (offline coach, SQLite tokens) on a free port, and a coach token for it."""
    store = SQLitePrincipalStore.open(tmp_path / "live")
    store.create_org(ORG, ["coach_agent"])
    token = store.create_token(ORG, "coach")
    store.close()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    app = create_app(Settings(data_dir=tmp_path / "live"))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", token
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()


def test_generated_plan_exports_over_real_http(served: tuple[str, str]) -> None:
    base_url, token = served
    request = {"weeks": 2, "level": "beginner", "org_id": ORG, "start_date": "2026-05-04",
               "refined_draft": "Week 1:\n- Tuesday: Easy run 30 min\n- Thursday: Intervals 5 x 3 min w/ 2 min jog\n"
                                "\nWeek 2:\n- Tuesday: Easy run 35 min\n- Saturday: Long run 8 km\n"}  # fmt: skip
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        generated = client.post(f"{API}/generate-plan", json=request)
        assert generated.status_code == 200, generated.text
        plan = generated.json()["data"]

        calendar = client.post(f"{API}/export", params={"format": "ics"}, json=plan)
        assert calendar.status_code == 200, calendar.text
        assert calendar.headers["content-disposition"] == 'attachment; filename="training-plan-2026-05-04.ics"'
        summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(calendar.content).walk("VEVENT")]
        assert summaries == [w["workout_name"] for w in plan["content"]]

        fit = client.post(f"{API}/export", params={"format": "fit"}, json=plan)
        with zipfile.ZipFile(io.BytesIO(fit.content)) as archive:
            decoded = [decode_fit(archive.read(name)) for name in archive.namelist()]
        assert [d.workout["wkt_name"] for d in decoded] == summaries
        assert any(s["duration_type"] == "repeat_until_steps_cmplt" for d in decoded for s in d.steps)

        refused = client.post(f"{API}/export", params={"format": "gpx"}, json=plan)
        assert refused.status_code == 422
        assert refused.json()["error"]["details"][0]["field"] == "format"

"""Fixtures for the browser tests: Debian's Chromium under Playwright, and planforge served by a real uvicorn.

The tests skip, saying why, only when /usr/bin/chromium is missing; `.ci/chromium.sh` installs it (CI runs it).
Screenshots of each screen go to `$PLANFORGE_TEST_ARTIFACTS/web` (default: pytest's temporary folder).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect, sync_playwright

from planforge import Settings
from planforge.auth import SQLitePrincipalStore
from planforge.http import create_app

CHROMIUM = Path("/usr/bin/chromium")
ORG = "org_abc123"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

TIMEOUT_MS = 15_000
"""How long an action or expectation may wait: generous, for a CI machine busy with other tests."""
expect.set_options(timeout=TIMEOUT_MS)


@dataclass(frozen=True)
class Served:
    """A planforge server on 127.0.0.1 and a coach token of ORG for it."""

    base_url: str
    token: str


@pytest.fixture
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, for one test.

    Not shared between tests: while Playwright's sync API is started, its event loop counts as the thread's running
    loop, which would break every asyncio test that runs after it in the same process. A launch takes about a second.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}: run `.ci/chromium.sh` as root to install it")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context (its own sessionStorage), downloads allowed; no uncaught script error."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    script_errors: list[str] = []
    tab.on("pageerror", lambda error: script_errors.append(str(error)))
    yield tab
    context.close()
    assert not script_errors, f"the page's script failed: {script_errors}"


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each screen's screenshot is saved: the test artifacts of the browser tests."""
    root = os.environ.get("PLANFORGE_TEST_ARTIFACTS")
    folder = (Path(root) if root else tmp_path_factory.getbasetemp() / "artifacts") / "web"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn on a free port of 127.0.0.1 in a thread; yields its base URL, then stops it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """`planforge serve` as users run it: the app from settings alone (offline coach, SQLite in a temp data dir)."""
    data_dir = tmp_path / "data"
    store = SQLitePrincipalStore.open(data_dir)
    store.create_org(ORG, ["coach_agent"])
    token = store.create_token(ORG, "coach")
    store.close()
    app = create_app(Settings(data_dir=data_dir, chunk_weeks=1))
    with running(app) as base_url:
        yield Served(base_url, token)

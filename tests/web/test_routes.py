"""How the page is served: at `/` with a strict content policy, its files by name only, none of it in the API's docs."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app
from planforge.web.routes import ASSETS, STATIC_DIR
from tests.http.scripted_coach import scripted_coach


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return create_app(forge=PlanForge(model=scripted_coach(), settings=Settings()), principals=InMemoryPrincipalStore())


@pytest.fixture
async def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://planforge.test")


@pytest.mark.anyio
async def test_the_page_is_served_at_the_root_without_a_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert '<script type="module" src="/web/app.js">' in response.text


@pytest.mark.anyio
@pytest.mark.parametrize("name", sorted(ASSETS))
async def test_every_file_the_page_loads_is_served_with_its_type(client: httpx.AsyncClient, name: str) -> None:
    response = await client.get(f"/web/{name}")

    assert response.status_code == 200
    assert response.headers["content-type"] == ASSETS[name]
    assert response.content == (STATIC_DIR / name).read_bytes()


def test_every_file_in_the_folder_is_listed_and_every_listed_file_exists() -> None:
    assert {path.name for path in STATIC_DIR.iterdir()} == {*ASSETS, "index.html"}


@pytest.mark.anyio
@pytest.mark.parametrize("name", ["index.html", "missing.js", "..%2Froutes.py", "%2E%2E%2F__init__.py"])
async def test_nothing_else_is_served(client: httpx.AsyncClient, name: str) -> None:
    response = await client.get(f"/web/{name}")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_page_is_not_part_of_the_api_document(app: FastAPI) -> None:
    paths = app.openapi()["paths"]

    assert "/" not in paths
    assert not [path for path in paths if path.startswith("/web")]

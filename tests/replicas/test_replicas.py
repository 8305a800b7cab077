"""Several server processes on one database, as replicas behind a load balancer: real `planforge serve`
processes on 127.0.0.1, a real Postgres (or SQLite with several workers), the fake OpenAI server as provider."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from planforge.auth.postgres import PostgresPrincipalStore
from planforge.auth.sqlite import SQLitePrincipalStore
from planforge.drafttext.render import render_draft
from planforge.stores.postgres import PostgresChunkCache, PostgresDatabase
from planforge.stores.postgres.testing import SKIP_REASON, postgres_test_url, temporary_schema
from planforge.testing import FakeOpenAI, scripted_draft, serve_fake_openai

from .servers import serving

API = "/api/v1/ai-coach"
ORG = "org_replicas"
PLAN = {"weeks": 3, "level": "intermediate", "org_id": ORG, "refined_draft": render_draft(scripted_draft(3))}


@pytest.fixture
def postgres_url() -> Iterator[str]:
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url) as scoped:
        yield scoped


@pytest.fixture
def provider() -> Iterator[tuple[FakeOpenAI, dict[str, str]]]:
    """The fake OpenAI server on 127.0.0.1, and the environment that points planforge at it."""
    fake = FakeOpenAI()
    with serve_fake_openai(fake) as base_url:
        yield fake, {"PLANFORGE_BASE_URL": base_url, "PLANFORGE_MODEL": "fake-coach", "PLANFORGE_CHUNK_WEEKS": "1"}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_two_replicas_on_one_postgres_share_tokens_principles_and_the_chunk_cache(
    postgres_url: str, provider: tuple[FakeOpenAI, dict[str, str]], tmp_path: Path
) -> None:
    fake, provider_env = provider
    admin = PostgresPrincipalStore(PostgresDatabase(postgres_url))
    admin.create_org(ORG, ["coach_agent"])
    token = admin.create_token(ORG, "head_coach")
    envs = [
        {**provider_env, "PLANFORGE_DATABASE_URL": postgres_url, "PLANFORGE_DATA_DIR": str(tmp_path / f"data-{n}")}
        for n in range(2)
    ]

    with serving(envs, logs=tmp_path) as (first, second), httpx.Client(timeout=60) as http:
        # A token created once works on both replicas.
        for base in (first, second):
            assert http.get(f"{base}{API}/training-principle/{ORG}", headers=_auth(token)).status_code == 200

        # A principle PUT on one is read on the other.
        put = http.put(
            f"{first}{API}/training-principle/{ORG}",
            json={"training_principle": "Polarized 80/20, 3:1 blocks."},
            headers=_auth(token),
        )
        assert put.status_code == 200, put.text
        read = http.get(f"{second}{API}/training-principle/{ORG}", headers=_auth(token)).json()["data"]
        assert (read["training_principle"], read["source"]) == ("Polarized 80/20, 3:1 blocks.", "org")

        # Chunks converted by one are cache hits on the other: no model request the second time.
        converted = http.post(f"{first}{API}/generate-plan", json=PLAN, headers=_auth(token))
        assert converted.status_code == 200, converted.text
        calls_after_first = fake.calls
        assert calls_after_first >= 3  # one chunk a week
        again = http.post(f"{second}{API}/generate-plan", json=PLAN, headers=_auth(token))
        assert again.status_code == 200, again.text
        assert fake.calls == calls_after_first
        assert again.json()["data"]["usage"]["requests"] == 0
        assert again.json()["data"]["content"] == converted.json()["data"]["content"]

        # A token revoked, or a feature removed, once is refused by every replica at once.
        admin.remove_features(ORG, ["coach_agent"])
        assert {
            http.post(f"{b}{API}/generate-plan", json=PLAN, headers=_auth(token)).status_code for b in (first, second)
        } == {403}
        admin.revoke_token(token)
        assert {
            http.get(f"{b}{API}/training-principle/{ORG}", headers=_auth(token)).status_code for b in (first, second)
        } == {401}

    cache = PostgresChunkCache(PostgresDatabase(postgres_url), capacity=100, ttl_seconds=3600)
    assert asyncio.run(cache.size()) == 3


def test_sqlite_with_several_workers_on_one_machine_stays_consistent(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = SQLitePrincipalStore.open(data_dir)
    store.create_org(ORG, ["coach_agent"])
    tokens = [store.create_token(ORG, "coach") for _ in range(4)]
    env = {"PLANFORGE_DATA_DIR": str(data_dir)}

    with serving([env], workers=2, logs=tmp_path) as (base,):

        async def exercise() -> list[str]:
            limits = httpx.Limits(max_keepalive_connections=0)  # a new connection each: spread over the workers
            async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
                writes = [
                    http.put(
                        f"{API}/training-principle/{ORG}",
                        json={"training_principle": f"Principle {n}"},
                        headers=_auth(tokens[n % len(tokens)]),
                    )
                    for n in range(24)
                ]
                assert {response.status_code for response in await asyncio.gather(*writes)} == {200}
                reads = await asyncio.gather(
                    *(
                        http.get(f"{API}/training-principle/{ORG}", headers=_auth(tokens[n % len(tokens)]))
                        for n in range(24)
                    )
                )
                return [response.json()["data"]["training_principle"] for response in reads]

        seen = asyncio.run(exercise())
        assert len(set(seen)) == 1  # every worker reads the one principle the last write left
        assert seen[0] in {f"Principle {n}" for n in range(24)}

        store.revoke_token(tokens[0])
        with httpx.Client(base_url=base, timeout=30, limits=httpx.Limits(max_keepalive_connections=0)) as http:
            refused = [
                http.get(f"{API}/training-principle/{ORG}", headers=_auth(tokens[0])).status_code for _ in range(8)
            ]
        # Revoked on every worker at once: 401, or 429 once the brake on repeated bad credentials holds it back.
        assert refused[0] == 401
        assert set(refused) <= {401, 429}
    store.close()

"""Replicas on one Postgres: plans per minute with 1, 2 and 4 server workers, and the chunk cache shared by two
replicas converting the same edited draft.

Run: `uv run python benchmarks/replicas.py [--database-url URL] [--plans 16] [--weeks 8] [--scale 10]`

Needs a PostgreSQL server: `--database-url`, else PLANFORGE_TEST_DATABASE_URL (`eval "$(.ci/postgres.sh start)"`
starts a throwaway one). Every measurement gets a fresh schema in that database, so no run sees another's cache.
The provider is the fake OpenAI server (in its own process) answering as the offline coach
after 0.5 s to the first token and 80 tokens/s, both divided by `--scale`.

1. Throughput: `planforge serve --workers N` for N = 1, 2, 4; `--plans` plan conversions of a `--weeks`-week
   draft (one chunk a week), all sent at once, each with its own training principle so none shares a chunk
   through the cache. Printed: plans per minute, and the ratio to one worker. It grows with the workers until the
   provider's latency or the machine's cores limit it (a plan's chunks wait on the provider, not on the CPU).
2. Cache: two `planforge serve` processes on one database; replica A converts a draft, replica B converts the same
   draft with one week edited. Printed: B's chunks served from the cache A filled, out of B's chunks.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

from planforge.auth.postgres import PostgresPrincipalStore
from planforge.drafttext.render import render_draft
from planforge.stores.postgres import PostgresDatabase
from planforge.stores.postgres.testing import TEST_DATABASE_URL_VARIABLE, temporary_schema
from planforge.testing import scripted_draft

API = "/api/v1/ai-coach"
ORG = "bench"
REAL_TTFT = 0.5
REAL_TOKENS_PER_SECOND = 80.0
PLANFORGE = str(Path(sys.executable).with_name("planforge"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def process(command: list[str], env: Mapping[str, str], ready_url: str) -> Generator[None]:
    """`command` in its own process group until the block ends; waits until `ready_url` answers."""
    child = subprocess.Popen(
        command,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            if child.poll() is not None:
                raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
            try:
                if httpx.get(ready_url, timeout=2).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{' '.join(command)} did not start")
            time.sleep(0.2)
        yield
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=30)


FAKE_PROVIDER = """
import sys, uvicorn
from planforge.testing import FakeOpenAI, Latency
ttft, tps, port = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
# A long keep-alive: the replicas reuse their connections, as they would a real provider's.
uvicorn.run(FakeOpenAI(latency=Latency(ttft, tps)).app, port=port, log_level="warning", timeout_keep_alive=600)
"""


@contextmanager
def fake_provider(scale: float) -> Generator[dict[str, str]]:
    """The fake OpenAI server with the simulated latency in its own process; yields the environment pointing
    planforge at it."""
    port = free_port()
    ttft, tps = REAL_TTFT / scale, REAL_TOKENS_PER_SECOND * scale
    command = [sys.executable, "-c", FAKE_PROVIDER, str(ttft), str(tps), str(port)]
    with process(command, {}, f"http://127.0.0.1:{port}/v1/models"):
        base = f"http://127.0.0.1:{port}/v1"
        yield {"PLANFORGE_BASE_URL": base, "PLANFORGE_MODEL": "fake-coach", "PLANFORGE_CHUNK_WEEKS": "1"}


@contextmanager
def replica(database_url: str, provider_env: Mapping[str, str], workers: int, data_dir: Path) -> Generator[str]:
    """`planforge serve --workers N` on the database; yields its base URL."""
    port = free_port()
    env = {**provider_env, "PLANFORGE_DATABASE_URL": database_url, "PLANFORGE_DATA_DIR": str(data_dir)}
    command = [PLANFORGE, "serve", "--port", str(port), "--workers", str(workers)]
    with process(command, env, f"http://127.0.0.1:{port}/healthz"):
        yield f"http://127.0.0.1:{port}"


def new_token(database_url: str) -> str:
    store = PostgresPrincipalStore(PostgresDatabase(database_url))
    store.create_org(ORG, ["coach_agent"])
    return store.create_token(ORG, "coach")


def plan_body(draft: str, weeks: int, principle: str) -> dict[str, object]:
    return {
        "weeks": weeks,
        "level": "intermediate",
        "org_id": ORG,
        "refined_draft": draft,
        "training_principle": principle,
    }


async def convert_all(base_url: str, token: str, bodies: list[dict[str, object]]) -> float:
    """Seconds to convert every body, all sent at once (to every worker of the replica)."""
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=len(bodies), max_keepalive_connections=0)  # new connections: every worker
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=600, limits=limits) as http:
        started = time.perf_counter()
        responses = await asyncio.gather(*(http.post(f"{API}/generate-plan", json=body) for body in bodies))
        elapsed = time.perf_counter() - started
    failed = [response for response in responses if response.status_code != 200]
    if failed:
        raise SystemExit(f"{len(failed)} plans failed, e.g. {failed[0].status_code}: {failed[0].text[:300]}")
    return elapsed


def edit_week(draft: str, week: int) -> str:
    """The draft with one session of `week` changed."""
    head, marker, tail = draft.partition(f"Week {week}:")
    return head + marker + tail.replace("Easy run 40 min", "Easy run 50 min", 1)


def throughput(url: str, provider_env: Mapping[str, str], args: argparse.Namespace, work: Path) -> None:
    draft = render_draft(scripted_draft(args.weeks))
    print(f"1. throughput: {args.plans} plans of {args.weeks} weeks sent at once, {args.weeks} chunks each")
    baseline: float | None = None
    for workers in args.workers:
        with temporary_schema(url) as scoped:
            token = new_token(scoped)
            with replica(scoped, provider_env, workers, work / f"w{workers}") as base:
                asyncio.run(convert_all(base, token, [plan_body(draft, args.weeks, "Warm-up plan.")]))  # warm
                bodies = [plan_body(draft, args.weeks, f"Principle of athlete {n}.") for n in range(args.plans)]
                seconds = asyncio.run(convert_all(base, token, bodies))
        per_minute = args.plans / seconds * 60
        baseline = baseline or per_minute
        print(f"   {workers} worker(s): {per_minute:7.1f} plans/min  ({seconds:5.1f} s)  ×{per_minute / baseline:.2f}")


def cache_sharing(url: str, provider_env: Mapping[str, str], args: argparse.Namespace, work: Path) -> None:
    draft = render_draft(scripted_draft(args.weeks))
    edited = edit_week(draft, args.weeks // 2)
    assert edited != draft
    with temporary_schema(url) as scoped:
        token = new_token(scoped)
        headers = {"Authorization": f"Bearer {token}"}
        with (
            replica(scoped, provider_env, 1, work / "a") as first,
            replica(scoped, provider_env, 1, work / "b") as second,
            httpx.Client(headers=headers, timeout=600) as http,
        ):
            body = plan_body(draft, args.weeks, "Shared principle.")
            a = http.post(f"{first}{API}/generate-plan", json=body).json()["data"]["usage"]["requests"]
            b = http.post(f"{second}{API}/generate-plan", json={**body, "refined_draft": edited}).json()
        with psycopg.connect(scoped) as connection:
            row = connection.execute("SELECT count(*) FROM chunk_cache").fetchone()
    converted_by_b = b["data"]["usage"]["requests"]
    hits = args.weeks - converted_by_b
    print(f"2. cache: replica A converted {args.weeks} chunks ({a} model requests); replica B, the draft with week")
    ratio = hits / args.weeks
    print(f"   {args.weeks // 2} edited: {hits} of {args.weeks} chunks from A's cache (hit ratio {ratio:.0%}),")
    print(f"   {converted_by_b} model request(s); {row[0] if row else 0} chunks in the shared cache")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(TEST_DATABASE_URL_VARIABLE))
    parser.add_argument("--plans", type=int, default=16)
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit(f"give --database-url or set {TEST_DATABASE_URL_VARIABLE} (.ci/postgres.sh start)")
    ttft, tps = REAL_TTFT / args.scale, REAL_TOKENS_PER_SECOND * args.scale
    print(f"simulated provider: {ttft:g} s to the first token, {tps:g} tokens/s; {os.cpu_count()} CPU cores")
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"planforge-replicas-{os.getpid()}"
    with fake_provider(args.scale) as provider_env:
        throughput(args.database_url, provider_env, args, work)
        cache_sharing(args.database_url, provider_env, args, work)


if __name__ == "__main__":
    main()

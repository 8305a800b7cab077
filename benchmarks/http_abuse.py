"""Hostile clients next to normal ones (issue 13): the worst latency a normal request sees.

`planforge serve` runs in its own process on 127.0.0.1 (offline coach, a SQLite file in a temporary folder).
A steady load of normal requests (a coach reading the org's principle and writing a 4-week draft, alternately)
runs alone, then again while hostile clients run next to it: bodies announced at 200 MB, 2 MB chunked
bodies, 300,000 and 50,000 unknown keys, bodies sent too slowly, headers never finished, a flood of wrong
tokens, the largest drafts a request may carry (200,000 characters, converted by the offline coach), drafts
of 10,000-character lines, and streams left half-way. The hostile clients run in a process of their own, so
their client-side work (building and sending megabytes, reading answers) does not delay the event loop that
times the normal requests: what is measured is the server. (They still share the machine's cores with it, as
the normal clients do.) The warm-up sends one large plan, which waits until the server's worker processes run.

The pair of runs (alone, then loaded) is repeated `--rounds` times, so a burst of load from elsewhere on the
machine shows as one odd round instead of deciding the verdict. It prints p50, p99 and the worst latency of
the normal requests of each run, what the hostile requests were answered, and PASS when the median of the
rounds' loaded p99 / unloaded p99 stays within 2× (the issue's target) with no 5xx.

`--control` adds a third run to each round: the same hostile clients aimed at a second `planforge serve` (a
decoy with its own worker processes), so the measured server does none of their work but the machine carries
all of it. Its ratio is the machine's share of the slowdown (cores taken by the hostile clients and the
decoy's work), which no change to the server can remove; the loaded ratio minus it is the server's own.

    uv run python benchmarks/http_abuse.py [--seconds 8] [--rate 10] [--rounds 3] [--only KIND] [--control]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from planforge.auth import SQLitePrincipalStore

API = "/api/v1/ai-coach"
ORG = "org_bench"
WEEK = "- Tuesday: Easy run 30 min\n- Thursday: Tempo run 20 min\n- Saturday: Long run 8 km\n"
READY = "ready"
"""What the hostile process prints once its bodies are built and its clients start."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(data_dir: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    environment = {
        **os.environ,
        "PLANFORGE_DATA_DIR": str(data_dir),
        "PLANFORGE_MODEL": "offline",
        "PLANFORGE_RATE_LIMIT_PER_MINUTE": "100000",  # isolation is measured here, not the rate limit
        "PLANFORGE_AUTH_FAILURES_PER_MINUTE": "100000",
        "PLANFORGE_BODY_TIMEOUT_SECONDS": "5",
        "PLANFORGE_HEADER_TIMEOUT_SECONDS": "5",
    }
    command = [
        *(str(Path(sys.executable).parent / "planforge"), "serve"),
        *("--port", str(port), "--workers", str(workers)),
    ]
    return subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def _wait_until_up(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        for _ in range(600):
            with contextlib.suppress(httpx.TransportError):
                if (await http.get("/readyz")).status_code == 200:
                    return
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not start")


async def _warm_up(base_url: str, token: str, rate: float) -> None:
    """Normal requests, and one large plan, which waits until the server's worker processes have started."""
    async with httpx.AsyncClient(base_url=base_url, timeout=300) as http:
        draft = "\n".join(f"Week {w}:\n{WEEK}" + "- Note: easy\n" * 500 for w in range(1, 5))
        body = {"weeks": 4, "level": "beginner", "org_id": ORG, "refined_draft": draft}
        response = await http.post(f"{API}/generate-plan", json=body, headers={"Authorization": f"Bearer {token}"})
        if response.status_code != 200:
            raise SystemExit(f"the warm-up plan was answered {response.status_code}: {response.text[:300]}")
    await _normal_load(base_url, token, 2, rate)


async def _normal_load(base_url: str, token: str, seconds: float, rate: float) -> list[float]:
    """Latencies (s) of normal requests sent at `rate` a second for `seconds`, alternating read and draft."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    headers = {"Authorization": f"Bearer {token}"}

    async def one(number: int, http: httpx.AsyncClient) -> None:
        start = time.perf_counter()
        if number % 2:
            response = await http.get(f"{API}/training-principle/{ORG}")
        else:
            response = await http.post(f"{API}/generate-draft", json={"weeks": 4, "level": "beginner", "org_id": ORG})
        latencies.append(time.perf_counter() - start)
        statuses[response.status_code] += 1

    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60) as http, asyncio.TaskGroup() as tasks:
        started = time.perf_counter()
        for number in range(int(seconds * rate)):
            tasks.create_task(one(number, http))
            # Paced from the start, not from the last send: a slow send does not thin out the load.
            await asyncio.sleep(max(0.0, started + (number + 1) / rate - time.perf_counter()))
    if set(statuses) != {200}:
        raise SystemExit(f"normal requests were answered {dict(statuses)}")
    return latencies


async def _raw(host: str, port: int, data: bytes, hold: float = 0.0) -> str:
    """Send raw bytes (and keep the connection `hold` s more); the status the server answered, or how it ended."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(data)
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), timeout=hold + 10)
        return line.split(b" ")[1].decode() if line else "closed"
    except (TimeoutError, ConnectionError):
        return "no answer"
    finally:
        writer.close()


def _head(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: bench", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _json(body: object) -> bytes:
    return json.dumps(body).encode()


async def _hostile_load(base_url: str, token: str, seconds: float, only: list[str]) -> Counter[str]:
    """Hostile requests, several of each kind at once, until `seconds` pass; what they were answered."""
    host, port = base_url.removeprefix("http://").split(":")
    answers: Counter[str] = Counter()
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    huge_draft = "\n".join(f"Week {w}:\n{WEEK}" for w in range(1, 53)) + "\n" + "- Note: easy\n" * 9_000
    long_lines = "\n".join(f"Week {w}:\n- Tuesday: Easy run 30 min {' ' * 9_900}x" for w in range(1, 16))
    unknown_300k = ("{" + ",".join(f'"k{n}":1' for n in range(300_000)) + "}").encode()
    unknown_50k = ("{" + ",".join(f'"k{n}":1' for n in range(50_000)) + "}").encode()
    huge_plan = _json({"weeks": 52, "level": "advanced", "org_id": ORG, "refined_draft": huge_draft[:199_000]})
    long_lines_plan = _json({"weeks": 15, "level": "advanced", "org_id": ORG, "refined_draft": long_lines})
    stream_plan = _json({"weeks": 52, "level": "advanced", "org_id": ORG, "refined_draft": huge_draft[:190_000]})

    async def kind(name: str, send: Callable[[], Awaitable[str]]) -> None:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            try:
                answers[f"{name}: {await send()}"] += 1
            except httpx.TimeoutException:
                answers[f"{name}: no answer in 60 s"] += 1

    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:

        async def post(path: str, body: bytes, headers: dict[str, str]) -> str:
            return str((await http.post(path, content=body, headers=headers)).status_code)

        async def stream_and_leave() -> str:
            path = f"{API}/generate-plan/stream-content"
            async with http.stream("POST", path, content=stream_plan, headers=auth) as response:
                async for _ in response.aiter_lines():
                    break
            return str(response.status_code)

        big_head = _head(f"{API}/generate-draft", {"Content-Length": str(200 * 2**20), **auth})
        chunked = _head(f"{API}/generate-draft", {**auth, "Transfer-Encoding": "chunked"})
        kinds: dict[str, Callable[[], Awaitable[str]]] = {
            "200 MB announced": lambda: _raw(host, int(port), big_head + b"{"),
            "2 MB chunked": lambda: _raw(host, int(port), chunked + (b"10000\r\n" + b" " * 65536 + b"\r\n") * 32),
            "300k unknown keys": lambda: post(f"{API}/generate-draft", unknown_300k, auth),
            "50k unknown keys": lambda: post(f"{API}/generate-draft", unknown_50k, auth),
            "slow body": lambda: _raw(host, int(port), _head(f"{API}/generate-draft", {**auth, "Content-Length": "9"})),
            "unfinished headers": lambda: _raw(host, int(port), b"POST / HTTP/1.1\r\nHost: x\r\n"),
            "wrong tokens": lambda: post(f"{API}/generate-draft", b"{}", {"X-API-Key": "pf_wrong"}),
            "200k-character draft": lambda: post(f"{API}/generate-plan", huge_plan, auth),
            "10k-character lines": lambda: post(f"{API}/generate-plan", long_lines_plan, auth),
            "stream left half-way": stream_and_leave,
        }
        chosen = {name: send for name, send in kinds.items() if not only or any(o in name for o in only)}
        print(READY, flush=True)
        async with asyncio.TaskGroup() as tasks:
            for name, send in chosen.items():
                for _ in range(2):
                    tasks.create_task(kind(name, send))
    return answers


async def _loaded_run(
    urls: tuple[str, str], tokens: tuple[str, str], seconds: float, rate: float, only: list[str]
) -> tuple[list[float], Counter[str]]:
    """The normal load on `urls[0]` while a hostile process runs next to it against `urls[1]` (the same server,
    or the control's decoy): the normal latencies, and the hostile answers."""
    base_url, hostile_url = urls
    normal_token, hostile_token = tokens
    command = [sys.executable, __file__, "--hostile", hostile_url, hostile_token, "--seconds", str(seconds)]
    command += [argument for name in only for argument in ("--only", name)]
    hostile = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
    assert hostile.stdout is not None
    if (await hostile.stdout.readline()).decode().strip() != READY:
        raise SystemExit("the hostile clients did not start")
    latencies = await _normal_load(base_url, normal_token, seconds, rate)
    output, _ = await hostile.communicate()
    return latencies, Counter[str](json.loads(output))


def _summary(latencies: list[float]) -> tuple[float, float, float]:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000, ordered[-1] * 1000


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


@dataclass(frozen=True)
class Round:
    """One round's normal latencies: alone, next to hostile clients, and (with `--control`) next to hostile clients
    aimed at the decoy."""

    alone: list[float]
    loaded: list[float]
    control: list[float] | None


async def _rounds(
    folder: Path, tokens: tuple[str, str], arguments: tuple[float, float, int, int], only: list[str], control: bool
) -> tuple[list[Round], Counter[str]]:
    seconds, rate, rounds, workers = arguments
    ports = [_free_port() for _ in range(2 if control else 1)]
    servers = [_start_server(folder, port, workers) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    base_url, decoy_url = urls[0], urls[-1]
    runs: list[Round] = []
    answers: Counter[str] = Counter()
    try:
        for url in urls:
            await _wait_until_up(url)
            await _warm_up(url, tokens[0], rate)
        for _ in range(rounds):
            alone = await _normal_load(base_url, tokens[0], seconds, rate)
            loaded, round_answers = await _loaded_run((base_url, base_url), tokens, seconds, rate, only)
            answers += round_answers
            beside = None
            if control:
                beside, _ = await _loaded_run((base_url, decoy_url), tokens, seconds, rate, only)
            runs.append(Round(alone, loaded, beside))
    finally:
        for server in servers:
            _stop(server)
    return runs, answers


async def main(seconds: float, rate: float, rounds: int, workers: int, only: list[str], control: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = SQLitePrincipalStore.open(Path(folder))
        store.create_org(ORG, ["coach_agent"])
        tokens = store.create_token(ORG, "coach"), store.create_token(ORG, "coach")
        store.close()
        runs, answers = await _rounds(Path(folder), tokens, (seconds, rate, rounds, workers), only, control)

    print(f"normal requests: {rate:g}/s for {seconds:g} s, alternating GET principle / POST 4-week draft")
    shape = "alone, next to hostile clients" + (", next to hostile clients aimed at a decoy" if control else "")
    print(f"server: planforge serve --workers {workers}; {rounds} round(s) of ({shape})")
    print(f"{'':34} {'p50 ms':>8} {'p99 ms':>8} {'worst ms':>9} {'p99 ratio':>10}")
    ratios: list[float] = []
    control_ratios: list[float] = []
    for number, run in enumerate(runs, start=1):
        unloaded_p99 = _summary(run.alone)[1]
        ratios.append(_summary(run.loaded)[1] / unloaded_p99)
        rows = [(f"round {number} alone", run.alone), (f"round {number} next to hostile", run.loaded)]
        if run.control is not None:
            control_ratios.append(_summary(run.control)[1] / unloaded_p99)
            rows.append((f"round {number} hostile at decoy", run.control))
        for name, latencies in rows:
            p50, p99, worst = _summary(latencies)
            shown = f"{p99 / unloaded_p99:9.2f}×" if latencies is not run.alone else ""
            print(f"{name:34} {p50:8.1f} {p99:8.1f} {worst:9.1f} {shown:>10}")
    print("\nhostile requests and their answers (all rounds):")
    for answer, count in sorted(answers.items()):
        print(f"  {answer:40} ×{count}")
    server_errors = sum(count for answer, count in answers.items() if answer.rsplit(" ", 1)[-1].startswith("5"))
    ratio = statistics.median(ratios)
    verdict = "PASS" if ratio <= 2 and server_errors == 0 else "FAIL"
    shown = ", ".join(f"{r:.2f}×" for r in ratios)
    print(f"\nloaded p99 / unloaded p99: median {ratio:.2f}× of rounds [{shown}] (target ≤ 2×),")
    if control_ratios:
        machine = statistics.median(control_ratios)
        shown = ", ".join(f"{r:.2f}×" for r in control_ratios)
        print(f"  of which the machine (hostile clients at a decoy server): median {machine:.2f}× of rounds [{shown}],")
    print(f"hostile 5xx: {server_errors}  {verdict}")


def _hostile_process(base_url: str, token: str, seconds: float, only: list[str]) -> None:
    """The hostile clients alone (the process `_loaded_run` starts): their answers as JSON on stdout."""
    answers = asyncio.run(_hostile_load(base_url, token, seconds, only))
    print(json.dumps(answers), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description="Hostile clients next to normal ones: a normal request's worst latency."
    )
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each run")
    parser.add_argument("--rate", type=float, default=10.0, help="normal requests a second")
    parser.add_argument("--rounds", type=int, default=3, help="pairs of runs (alone, loaded); the median counts")
    parser.add_argument("--workers", type=int, default=1, help="server processes (planforge serve --workers)")
    parser.add_argument("--only", action="append", default=[], help="run only hostile kinds whose name has this")
    parser.add_argument(
        "--control",
        action="store_true",
        help="also run the hostile clients against a decoy server (the machine's share)",
    )
    parser.add_argument("--hostile", nargs=2, metavar=("URL", "TOKEN"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.hostile:
        url, token = arguments.hostile
        _hostile_process(url, token, arguments.seconds, arguments.only)
    else:
        asyncio.run(
            main(
                arguments.seconds,
                arguments.rate,
                arguments.rounds,
                arguments.workers,
                arguments.only,
                arguments.control,
            )
        )

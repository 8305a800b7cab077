"""Real `planforge serve` processes for the replica tests, started side by side and stopped afterwards."""

from __future__ import annotations

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

STARTUP_SECONDS = 180.0
"""A loaded CI machine can take this long to import planforge and start uvicorn's workers."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def planforge_command() -> list[str]:
    """The `planforge` console script of the running interpreter's environment."""
    return [str(Path(sys.executable).with_name("planforge"))]


@contextmanager
def serving(envs: list[Mapping[str, str]], *, workers: int = 1, logs: Path) -> Generator[list[str]]:
    """One `planforge serve --workers N` per entry of `envs` (added to this environment), each on a free port,
    launched together; yields their base URLs once every /healthz answers, and stops them (workers included)."""
    launched: list[tuple[subprocess.Popen[bytes], str, Path]] = []
    try:
        for index, env in enumerate(envs):
            port, log = free_port(), logs / f"server-{index}.log"
            with log.open("wb") as output:
                process = subprocess.Popen(
                    [*planforge_command(), "serve", "--port", str(port), "--workers", str(workers)],
                    env={**os.environ, **env},
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group: stopped with its workers
                )
            launched.append((process, f"http://127.0.0.1:{port}", log))
        for process, url, log in launched:
            _wait_until_healthy(process, url, log)
        yield [url for _, url, _ in launched]
    finally:
        for process, _, _ in launched:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_until_healthy(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"planforge serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"planforge serve did not answer /healthz within {STARTUP_SECONDS:g} s:\n{log.read_text()}")

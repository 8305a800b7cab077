"""A real uvicorn server on 127.0.0.1 for the tests whose behaviour is about the network.

It runs in a thread of the test process with planforge's own h11 protocol (header timeout), and its log
records propagate to the root logger, so `caplog` sees what the server would log.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Generator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from planforge.http.server import HeaderTimeoutProtocol


@contextmanager
def live_server(app: FastAPI, *, header_timeout: float = 10.0) -> Generator[tuple[str, int]]:
    """Serve `app` on a free port of 127.0.0.1 until the block ends; yields (host, port)."""
    protocol = type("TestHeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"header_timeout": header_timeout})
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_config=None, ws="none", lifespan="on", http=protocol, timeout_keep_alive=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield listener.getsockname()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


def read_until_closed(connection: socket.socket, timeout: float) -> tuple[bytes, bool]:
    """What the server sends until it closes the connection, and whether it did close it within `timeout`."""
    connection.settimeout(timeout)
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except TimeoutError:
        return received, False
    except ConnectionResetError:
        pass
    return received, True

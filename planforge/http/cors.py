"""Cross-origin access for browser clients on other origins: off unless `Settings.cors_allow_origins` is set."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def install_cors(app: FastAPI, allow_origins: Sequence[str]) -> None:
    """Let browsers on `allow_origins` call the API with a credential header; nothing when it is empty."""
    if not allow_origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(allow_origins),
        allow_methods=["GET", "POST", "PUT"],
        allow_headers=["Authorization", "X-API-Key", "Content-Type"],
        expose_headers=["Retry-After"],
        max_age=600,
    )

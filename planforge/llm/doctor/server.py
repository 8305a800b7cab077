"""The server behind a base URL: reachable or why not, which family it is, what it serves, its context size.

Only cheap metadata requests (no generation), each bounded by `METADATA_TIMEOUT_SECONDS`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Final, Literal, cast

import httpx2

ServerFamily = Literal["ollama", "llama.cpp", "llama-cpp-python", "vllm", "lm-studio", "openai", "unknown"]
"""Which OpenAI-compatible server answered (`unknown`: one doctor does not recognise)."""

METADATA_TIMEOUT_SECONDS: Final = 5.0
"""Listing models and reading a context size need no generation: they get at most this long."""
OWNERS: Final[dict[str, ServerFamily]] = {
    "llamacpp": "llama.cpp",
    "me": "llama-cpp-python",
    "vllm": "vllm",
    "organization_owner": "lm-studio",
    "library": "ollama",
    "openai": "openai",
    "system": "openai",
}
"""`owned_by` in `GET /models` as each server writes it (Ollama writes the model's namespace: `library` for the
official models, else the user's; `/api/version` tells it apart then)."""


@dataclass(frozen=True)
class Server:
    """Whether the base URL answers as an OpenAI-compatible API, which server it is, and what it serves."""

    base_url: str
    reachable: bool
    family: ServerFamily = "unknown"
    models: tuple[str, ...] = ()
    problem: str | None = None
    """Why the server cannot be used: the URL and cause of a connection error, what `GET /models` answered."""
    listing: dict[str, dict[str, Any]] = field(default_factory=lambda: dict[str, dict[str, Any]](), repr=False)
    """The `/models` entries by id, for the family's own fields (vLLM's `max_model_len`)."""

    @property
    def root(self) -> str:
        """The server's root, where the non-OpenAI endpoints live (`/props`, `/api/show`): the base URL less `/v1`."""
        return server_root(self.base_url)


@dataclass(frozen=True)
class ContextSize:
    """The context window the server runs the model with, when it says so cheaply."""

    tokens: int | None
    source: str
    """Where the figure comes from (`llama.cpp /props n_ctx`), or why it is unknown."""


def server_root(base_url: str) -> str:
    base = base_url.rstrip("/")
    return base.removesuffix("/v1")


def metadata_client(base_url: str, api_key: str | None, probe_seconds: float) -> httpx2.AsyncClient:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    return httpx2.AsyncClient(
        base_url=base_url.rstrip("/") + "/", headers=headers, timeout=min(probe_seconds, METADATA_TIMEOUT_SECONDS)
    )


def connection_problem(url: str, error: httpx2.HTTPError) -> str:
    """`cannot reach URL: cause`, with what to check."""
    if isinstance(error, httpx2.TimeoutException):
        return f"cannot reach {url}: no answer within the time-out; is the server busy loading a model?"
    cause = str(error) or type(error).__name__
    if isinstance(error, httpx2.ConnectError):
        host = httpx2.URL(url)
        return f"cannot reach {url}: {cause}; is the server running and listening on {host.host}:{host.port}?"
    return f"cannot reach {url}: {cause}"


async def inspect_server(base_url: str, api_key: str | None, *, probe_seconds: float) -> Server:
    """`GET /models`, then which family answered; every failure becomes `Server.problem`, never an exception."""
    url = base_url.rstrip("/") + "/models"
    async with metadata_client(base_url, api_key, probe_seconds) as client:
        try:
            response = await client.get("models")
        except httpx2.HTTPError as error:
            return Server(base_url, reachable=False, problem=connection_problem(url, error))
        if response.status_code != 200:
            return Server(base_url, reachable=False, problem=await _listing_problem(client, base_url, response))
        try:
            entries = _entries(response.json())
        except ValueError:
            kind = response.headers.get("content-type", "no content type")
            problem = f"GET {url} answered {kind}, not an OpenAI model list: is this an OpenAI-compatible base URL?"
            return Server(base_url, reachable=False, problem=problem)
        listing = {str(entry["id"]): entry for entry in entries}
        family = await _family(client, base_url, entries)
    return Server(base_url, reachable=True, family=family, models=tuple(listing), listing=listing)


def field_of(payload: object, *path: str) -> Any:
    """`payload[path[0]][path[1]]…` of parsed JSON, or None where a step is missing or not an object."""
    current: Any = payload
    for key in path:
        if not isinstance(current, dict):
            return None
        current = cast(dict[str, Any], current).get(key)
    return current


def objects_of(value: object) -> list[dict[str, Any]]:
    """The JSON objects in `value` if it is a list (else none)."""
    items = cast(list[Any], value) if isinstance(value, list) else list[Any]()
    return [cast(dict[str, Any], item) for item in items if isinstance(item, dict)]


def _entries(payload: object) -> list[dict[str, Any]]:
    if not isinstance(field_of(payload, "data"), list):
        raise ValueError("no `data` list")
    return [entry for entry in objects_of(field_of(payload, "data")) if "id" in entry]


async def _listing_problem(client: httpx2.AsyncClient, base_url: str, response: httpx2.Response) -> str:
    problem = f"GET {base_url.rstrip('/')}/models answered HTTP {response.status_code}: {excerpt(response.text)}"
    if response.status_code == 401:
        return problem + " (set PLANFORGE_API_KEY to the server's key)"
    if not base_url.rstrip("/").endswith("/v1") and response.status_code == 404:
        try:
            if (await client.get("v1/models")).status_code == 200:
                return problem + f"; the OpenAI-compatible API is at {base_url.rstrip('/')}/v1"
        except httpx2.HTTPError:
            pass
    return problem


async def _family(client: httpx2.AsyncClient, base_url: str, entries: list[dict[str, Any]]) -> ServerFamily:
    owners = {str(entry.get("owned_by", "")) for entry in entries}
    for owner in owners:
        if owner in OWNERS:
            return OWNERS[owner]
    try:
        response = await client.get(server_root(base_url) + "/api/version")
        if response.status_code == 200 and "version" in response.json():
            return "ollama"
    except (httpx2.HTTPError, ValueError, TypeError):
        pass
    return "unknown"


async def read_context_size(server: Server, model: str, api_key: str | None, *, probe_seconds: float) -> ContextSize:
    """The model's context window as its server reports it, or `unknown` with the reason."""
    entry = server.listing.get(model, {})
    if server.family == "vllm" and isinstance(entry.get("max_model_len"), int):
        return ContextSize(entry["max_model_len"], "vLLM /v1/models max_model_len")
    async with metadata_client(server.root, api_key, probe_seconds) as client:
        try:
            if server.family == "llama.cpp":
                return await _llama_cpp_context(client)
            if server.family == "ollama":
                return await _ollama_context(client, model)
            if server.family == "lm-studio":
                return await _lm_studio_context(client, model)
        except (httpx2.HTTPError, ValueError, TypeError, KeyError) as error:
            return ContextSize(None, f"unknown: the server's answer could not be read ({type(error).__name__})")
    return ContextSize(None, f"unknown: {_family_label(server.family)} reports no context size cheaply")


def _family_label(family: ServerFamily) -> str:
    return "this server" if family in ("unknown", "openai") else family


async def _llama_cpp_context(client: httpx2.AsyncClient) -> ContextSize:
    props: object = (await client.get("props")).raise_for_status().json()
    n_ctx = field_of(props, "default_generation_settings", "n_ctx") or field_of(props, "n_ctx")
    if isinstance(n_ctx, int):
        return ContextSize(n_ctx, "llama.cpp /props n_ctx, per slot")
    return ContextSize(None, "unknown: llama.cpp /props has no n_ctx")


async def _ollama_context(client: httpx2.AsyncClient, model: str) -> ContextSize:
    # A loaded model reports the context it runs with (the probes have just loaded this one).
    running: object = (await client.get("api/ps")).raise_for_status().json()
    for loaded in objects_of(field_of(running, "models")):
        tokens = loaded.get("context_length")
        names = (loaded.get("name"), loaded.get("model"))
        if (model in names or f"{model}:latest" in names) and isinstance(tokens, int):
            return ContextSize(tokens, "Ollama /api/ps context_length, as loaded")
    shown: object = (await client.post("api/show", json={"model": model})).raise_for_status().json()
    for line in str(field_of(shown, "parameters") or "").splitlines():
        key, _, value = line.partition(" ")
        if key == "num_ctx" and value.strip().isdigit():
            return ContextSize(int(value.strip()), "Ollama /api/show num_ctx, from the Modelfile")
    info = field_of(shown, "model_info")
    trained = [v for k, v in cast(dict[str, Any], info).items() if k.endswith(".context_length")] if info else []
    detail = f" (the model was trained for {trained[0]:,})" if trained and isinstance(trained[0], int) else ""
    return ContextSize(None, f"unknown: Ollama's default num_ctx applies{detail}; set OLLAMA_CONTEXT_LENGTH")


async def _lm_studio_context(client: httpx2.AsyncClient, model: str) -> ContextSize:
    info: object = (await client.get(f"api/v0/models/{model}")).raise_for_status().json()
    if isinstance(loaded := field_of(info, "loaded_context_length"), int):
        return ContextSize(loaded, "LM Studio /api/v0/models loaded_context_length")
    if isinstance(most := field_of(info, "max_context_length"), int):
        return ContextSize(None, f"unknown: LM Studio reports the model's maximum only ({most:,})")
    return ContextSize(None, "unknown: LM Studio reports no context length")


def excerpt(text: str, limit: int = 200) -> str:
    """`text` on one line, cut to `limit` characters; an error body's `error.message` when it has one."""
    try:
        payload: Any = json.loads(text)
        message = field_of(payload, "error", "message") or field_of(payload, "error")
        text = str(message) if message else text
    except (ValueError, KeyError, TypeError):
        pass
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

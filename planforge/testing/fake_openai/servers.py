"""What each server family says about itself: its model list and its own metadata endpoints, as `planforge doctor`
reads them.

| family             | `owned_by` in `GET /v1/models`           | its own endpoints                                 |
|--------------------|------------------------------------------|---------------------------------------------------|
| `openai`           | `system`                                 | none                                              |
| `ollama`           | `library`                                | `/api/version`, `/api/ps`, `/api/show`            |
| `llama.cpp`        | `llamacpp` (and `meta.n_ctx_train`)      | `/props` (`default_generation_settings.n_ctx`)    |
| `llama-cpp-python` | `me`                                     | none                                              |
| `vllm`             | `vllm` (and `max_model_len`)             | none                                              |
| `lm-studio`        | `organization_owner`                     | `/api/v0/models/{model}` (`loaded_context_length`) |

An endpoint of another family answers 404, as the real server would.
"""

from __future__ import annotations

import time
from typing import Any, Final, Protocol

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from planforge.llm.doctor import ServerFamily
from planforge.testing.fake_openai.behaviour import ServerBehaviour

OWNED_BY: Final[dict[ServerFamily, str]] = {
    "openai": "system",
    "ollama": "library",
    "llama.cpp": "llamacpp",
    "llama-cpp-python": "me",
    "vllm": "vllm",
    "lm-studio": "organization_owner",
    "unknown": "unknown",
}
TRAINED_CONTEXT_TOKENS: Final = 131_072
"""The context the imitated models were trained for (Llama 3.2's), larger than the one they are served with."""


class Served(Protocol):
    """What the metadata endpoints read from the fake server."""

    behaviour: ServerBehaviour
    loaded_models: set[str]
    """Models that have answered a request (Ollama lists them in `/api/ps` with their context)."""


def metadata_routes(fake: Served) -> list[Route]:
    """The model list and every family's metadata endpoints; each answers only while `fake` imitates its family."""

    async def models(request: Request) -> Response:
        entries = [_model_entry(fake.behaviour, name) for name in fake.behaviour.models]
        return JSONResponse({"object": "list", "data": entries})

    async def llama_cpp_props(request: Request) -> Response:
        if fake.behaviour.family != "llama.cpp":
            return _not_found()
        settings = {"n_ctx": fake.behaviour.context_tokens or TRAINED_CONTEXT_TOKENS}
        return JSONResponse({"default_generation_settings": settings, "total_slots": fake.behaviour.parallel or 1})

    async def ollama_version(request: Request) -> Response:
        return JSONResponse({"version": "0.12.0"}) if fake.behaviour.family == "ollama" else _not_found()

    async def ollama_ps(request: Request) -> Response:
        if fake.behaviour.family != "ollama":
            return _not_found()
        context = fake.behaviour.context_tokens or 4_096
        loaded = [{"name": name, "model": name, "context_length": context} for name in sorted(fake.loaded_models)]
        return JSONResponse({"models": loaded})

    async def ollama_show(request: Request) -> Response:
        body: Any = await request.json()
        name = str(body.get("model") or body.get("name") or "")
        if fake.behaviour.family != "ollama" or name not in fake.behaviour.models:
            return JSONResponse({"error": f"model '{name}' not found"}, 404)
        info = {"general.architecture": "llama", "llama.context_length": TRAINED_CONTEXT_TOKENS}
        return JSONResponse({"parameters": 'stop "<|eot_id|>"', "model_info": info})

    async def lm_studio_model(request: Request) -> Response:
        name = request.path_params["model"]
        if fake.behaviour.family != "lm-studio" or name not in fake.behaviour.models:
            return JSONResponse({"error": f"Model {name!r} not found"}, 404)
        state: dict[str, Any] = {"state": "not-loaded"}
        if name in fake.loaded_models:
            state = {"state": "loaded", "loaded_context_length": fake.behaviour.context_tokens or 4_096}
        return JSONResponse(
            {"id": name, "object": "model", "type": "llm", "max_context_length": TRAINED_CONTEXT_TOKENS, **state}
        )

    return [
        Route("/v1/models", models, methods=["GET"]),
        Route("/props", llama_cpp_props, methods=["GET"]),
        Route("/api/version", ollama_version, methods=["GET"]),
        Route("/api/ps", ollama_ps, methods=["GET"]),
        Route("/api/show", ollama_show, methods=["POST"]),
        Route("/api/v0/models/{model:path}", lm_studio_model, methods=["GET"]),
    ]


def _model_entry(behaviour: ServerBehaviour, name: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": name,
        "object": "model",
        "created": int(time.time()),
        "owned_by": OWNED_BY[behaviour.family],
    }
    if behaviour.family == "vllm":
        entry |= {"root": name, "max_model_len": behaviour.context_tokens or TRAINED_CONTEXT_TOKENS}
    if behaviour.family == "llama.cpp":
        entry["meta"] = {"n_ctx_train": TRAINED_CONTEXT_TOKENS}
    return entry


def _not_found() -> Response:
    return JSONResponse({"error": "Not Found"}, 404)

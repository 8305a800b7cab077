"""Server profiles: defaults for a hosted provider or for a local server that answers one request at a time.

A local server (llama.cpp, llama-cpp-python, Ollama, LM Studio; vLLM batches but is usually one GPU) queues
concurrent requests: sixteen chunks at once only make fifteen of them wait, and their wait eats the
generation's deadline. The local profile therefore runs one call at a time, gives each call its own deadline
from when it is sent, allows the generation as long as a slow model needs, and streams answers so that a
cancelled generation stops the server generating at once (a server finishes a plain request the client left).
"""

from __future__ import annotations

from typing import Any, Final

from planforge.settings import Settings

LOCAL_DEFAULTS: Final[dict[str, Any]] = {
    "concurrency": 1,
    "call_timeout_seconds": 600.0,
    "request_timeout_seconds": 3_600.0,
    "stream_requests": True,
}
"""What the local profile changes; a setting given explicitly (argument or environment) is kept."""


def is_local_profile(settings: Settings) -> bool:
    """Whether `settings` run against a local server: the profile says so, or `auto` with a base URL."""
    if settings.server_profile == "auto":
        return settings.base_url is not None
    return settings.server_profile == "local"


def effective_settings(settings: Settings) -> Settings:
    """`settings` with the server profile's defaults filled into the fields not set explicitly."""
    if not is_local_profile(settings):
        return settings
    unset = {name: value for name, value in LOCAL_DEFAULTS.items() if name not in settings.model_fields_set}
    return settings.model_copy(update=unset) if unset else settings


def streams_requests(settings: Settings) -> bool:
    """Whether model answers are streamed (the setting, else the profile's choice)."""
    if settings.stream_requests is not None:
        return settings.stream_requests
    return is_local_profile(settings)

"""How the fake server behaves where OpenAI-compatible servers differ: the features they lack, what they ignore.

`ServerBehaviour()` is OpenAI's: forced tool choice, JSON-schema output, usage in streams, both token-cap fields
honoured, no context limit, any number of requests at once, and automatic prefix caching reported as
`cached_tokens`. `LLAMA_CPP` is a llama-cpp-python server with one slot: no forced tool choice and no
`json_schema` response format (HTTP 500), no usage in streams, `max_completion_tokens` ignored, an empty stream
when the prompt overflows the context, one request generated at a time (the others queue), and a plain request
whose client left still generated to the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from planforge.testing.fake_openai.protocol import ChatRequest

TokenCapField = Literal["max_tokens", "max_completion_tokens"]

PREFIX_CACHE_MIN_TOKENS: Final = 1_024
"""OpenAI caches a prompt prefix from this many tokens on ..."""
PREFIX_CACHE_STEP_TOKENS: Final = 128
"""... in steps of this many tokens."""


@dataclass(frozen=True)
class ServerBehaviour:
    """What an OpenAI-compatible server supports and honours (defaults: OpenAI's)."""

    forced_tool_choice: bool = True
    """Whether `tool_choice: "required"` (or a named function) is accepted; if not, HTTP 500."""
    json_schema_output: bool = True
    """Whether `response_format: {"type": "json_schema"}` is accepted; if not, HTTP 500."""
    stream_usage: bool = True
    """Whether a streamed answer ends with a usage chunk when `stream_options.include_usage` asks for one."""
    token_cap_fields: frozenset[TokenCapField] = frozenset({"max_tokens", "max_completion_tokens"})
    """The request fields whose output cap the server honours (an answer longer than the cap is cut there)."""
    context_tokens: int | None = None
    """The context window: a longer prompt ends in an empty stream (streamed) or an HTTP 400 (plain)."""
    parallel: int | None = None
    """How many requests are generated at once (llama.cpp's slots); None: no limit. The others wait."""
    prefix_cache: bool = True
    """Report the prompt prefix shared with an earlier request as `prompt_tokens_details.cached_tokens`."""

    def refusal(self, request: ChatRequest) -> str | None:
        """Why the server answers `request` with HTTP 500, like a server lacking a feature; None: it does not."""
        choice: Any = request.body.get("tool_choice")
        if not self.forced_tool_choice and (choice == "required" or isinstance(choice, dict)):
            return "tool_choice 'required' is not supported; use 'auto' or 'none'"
        response_format: Any = request.body.get("response_format") or {}
        if not self.json_schema_output and response_format.get("type") == "json_schema":
            return 'response_format type must be one of "text" or "json_object", but got: json_schema'
        return None

    def token_cap(self, request: ChatRequest) -> int | None:
        """The output cap the server applies to `request` (the smallest honoured one), or None."""
        caps = [request.body[name] for name in self.token_cap_fields if isinstance(request.body.get(name), int)]
        return min(caps) if caps else None

    def overflows(self, request: ChatRequest) -> bool:
        """Whether the prompt of `request` does not fit the context window."""
        return self.context_tokens is not None and request.prompt_tokens > self.context_tokens


LLAMA_CPP: Final = ServerBehaviour(
    forced_tool_choice=False,
    json_schema_output=False,
    stream_usage=False,
    token_cap_fields=frozenset({"max_tokens"}),
    context_tokens=8_192,
    parallel=1,
    prefix_cache=False,
)
"""llama-cpp-python's server with one slot and an 8k context."""

BEHAVIOURS: Final[dict[str, ServerBehaviour]] = {"openai": ServerBehaviour(), "llama-cpp": LLAMA_CPP}
"""The behaviours by the names `planforge fake-openai --like` accepts."""


def cached_prefix_tokens(prompt: str, earlier: list[str]) -> int:
    """Tokens of `prompt` an automatic prefix cache serves: the longest prefix shared with an earlier prompt,
    counted in cache steps, and nothing below the cache's minimum."""
    shared = max((_common_prefix(prompt, other) for other in earlier), default=0)
    tokens = shared // 4
    if tokens < PREFIX_CACHE_MIN_TOKENS:
        return 0
    return tokens - tokens % PREFIX_CACHE_STEP_TOKENS


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    low, high = 0, limit
    while low < high:  # binary search on prefix equality: slices compare in C
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low

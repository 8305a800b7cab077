"""How the fake server behaves where OpenAI-compatible servers differ: the features they lack, what they ignore.

`ServerBehaviour()` is OpenAI's: forced tool choice, JSON-schema output, usage in streams, both token-cap fields
honoured, no context limit, any number of requests at once, and automatic prefix caching reported as
`cached_tokens`. `LLAMA_CPP` is a llama-cpp-python server with one slot: no forced tool choice and no
`json_schema` response format (HTTP 500), no usage in streams, `max_completion_tokens` ignored, an empty stream
when the prompt overflows the context, one request generated at a time (the others queue), and a plain request
whose client left still generated to the end.

`OLLAMA`, `LLAMA_SERVER` (llama.cpp's own server), `VLLM` and `LM_STUDIO` imitate the other families as far as
`planforge doctor` and planforge's requests see them: what each accepts, enforces and reports, its model list
(`owned_by` as that server writes it) and its own metadata endpoints (`planforge.testing.fake_openai.servers`).
They follow the servers' documentation and code as of late 2025; a real server's version may differ, which is
what `planforge doctor` is for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from planforge.llm.doctor import ServerFamily
from planforge.testing.fake_openai.protocol import ChatRequest

TokenCapField = Literal["max_tokens", "max_completion_tokens"]
DEFAULT_MODEL: Final = "fake-coach"
"""The model every fake lists (and planforge's examples name), whatever family it imitates."""

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
    family: ServerFamily = "openai"
    """Whose model list (`owned_by`) and metadata endpoints (`/props`, `/api/ps`, ...) the fake serves."""
    models: tuple[str, ...] = (DEFAULT_MODEL,)
    """The model names `GET /v1/models` lists."""
    known_models_only: bool = False
    """Whether a request naming a model not in `models` gets a 404 (Ollama, vLLM, LM Studio); llama.cpp answers
    with its one loaded model whatever the name."""
    tool_choice_enforced: bool = True
    """Whether an accepted forced tool choice is enforced; Ollama accepts the field and ignores it, so the model
    answers as the prompt says (seen by `planforge doctor`'s probe; planforge's own requests ask for the call)."""
    json_schema_enforced: bool = True
    """Whether an accepted `json_schema` response format constrains the answer (seen by doctor's probe)."""

    def refusal(self, request: ChatRequest) -> str | None:
        """Why the server answers `request` with HTTP 500, like a server lacking a feature; None: it does not."""
        choice: Any = request.body.get("tool_choice")
        if not self.forced_tool_choice and (choice == "required" or isinstance(choice, dict)):
            return "tool_choice 'required' is not supported; use 'auto' or 'none'"
        response_format: Any = request.body.get("response_format") or {}
        if not self.json_schema_output and response_format.get("type") == "json_schema":
            return 'response_format type must be one of "text" or "json_object", but got: json_schema'
        return None

    def unknown_model(self, request: ChatRequest) -> str | None:
        """The 404 message for a model the server does not serve, as the family words it; None: it is served."""
        if not self.known_models_only or request.model in self.models:
            return None
        if self.family == "ollama":
            return f'model "{request.model}" not found, try pulling it first'
        return f"The model `{request.model}` does not exist."

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
    family="llama-cpp-python",
    models=(DEFAULT_MODEL, "models/Llama-3.2-3B-Instruct-Q4_K_M.gguf"),
)
"""llama-cpp-python's server with one slot and an 8k context (`python -m llama_cpp.server --n_ctx 8192`)."""

LLAMA_SERVER: Final = ServerBehaviour(
    token_cap_fields=frozenset({"max_tokens"}),
    context_tokens=8_192,
    parallel=1,
    prefix_cache=False,
    family="llama.cpp",
    models=(DEFAULT_MODEL, "Llama-3.2-3B-Instruct-Q4_K_M.gguf"),
)
"""llama.cpp's `llama-server --jinja -c 8192` with one slot: forced tool calls and JSON-schema output enforced by
grammar, usage in streams, `max_tokens` read (`max_completion_tokens` not), the context size in `/props`."""

OLLAMA: Final = ServerBehaviour(
    token_cap_fields=frozenset({"max_tokens"}),
    context_tokens=8_192,
    parallel=1,
    prefix_cache=False,
    family="ollama",
    models=(DEFAULT_MODEL, "llama3.2:3b", "llama3.2:1b", "qwen2.5:7b"),
    known_models_only=True,
    tool_choice_enforced=False,
)
"""Ollama serving with `OLLAMA_CONTEXT_LENGTH=8192`: `tool_choice` and `max_completion_tokens` not read (the
request structure of its OpenAI layer has neither), JSON-schema output enforced, usage in streams, a 404 for a
model not pulled, the running context in `/api/ps`."""

VLLM: Final = ServerBehaviour(
    context_tokens=8_192,
    family="vllm",
    models=(DEFAULT_MODEL, "Qwen/Qwen2.5-3B-Instruct"),
    known_models_only=True,
)
"""`vllm serve Qwen/Qwen2.5-3B-Instruct --max-model-len 8192 --enable-auto-tool-choice`: everything OpenAI-style,
many requests at once, `max_model_len` in `/v1/models`."""

LM_STUDIO: Final = ServerBehaviour(
    context_tokens=8_192,
    parallel=1,
    prefix_cache=False,
    family="lm-studio",
    models=(DEFAULT_MODEL, "llama-3.2-3b-instruct"),
    known_models_only=True,
)
"""LM Studio's server (`lms server start`, a model loaded with an 8k context): forced tool calls, JSON-schema
output, usage in streams, the loaded context in `/api/v0/models/{model}`."""

BEHAVIOURS: Final[dict[str, ServerBehaviour]] = {
    "openai": ServerBehaviour(),
    "llama-cpp": LLAMA_CPP,
    "llama-cpp-python": LLAMA_CPP,
    "llama-server": LLAMA_SERVER,
    "ollama": OLLAMA,
    "vllm": VLLM,
    "lm-studio": LM_STUDIO,
}
"""The behaviours by the names `planforge fake-openai --like` accepts (`llama-cpp` is llama-cpp-python's)."""


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

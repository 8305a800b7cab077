"""The feature probes: five small chat completions, each asking for the opposite of what the feature forces.

| feature                 | request                                                 | supported when          |
|-------------------------|---------------------------------------------------------|-------------------------|
| `forced_tool_call`      | a tool, `tool_choice: "required"`, "do not call a tool" | the answer calls it     |
| `json_schema_output`    | a `json_schema` response format, "reply with a word"    | the answer is that JSON |
| `stream_usage`          | streamed, `stream_options.include_usage`                | a chunk has `usage`     |
| `max_tokens`            | streamed, "count to 100", `max_tokens: 2`               | it ends with `length`   |
| `max_completion_tokens` | the same with `max_completion_tokens: 2`                | it ends with `length`   |

Asking for the opposite tells a server that enforces a feature from one that accepts the field and lets the
model do as it likes (Ollama ignores `tool_choice`). A server that ignores a cap would count on: the stream is
dropped after `IGNORED_CAP_CHARS`, so no probe runs long. Each probe is bounded by `probe_seconds`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final, Literal

import httpx2

from planforge.llm.doctor.server import connection_problem, excerpt, field_of, objects_of

Feature = Literal["forced_tool_call", "json_schema_output", "stream_usage", "max_tokens", "max_completion_tokens"]
FEATURES: Final[tuple[Feature, ...]] = (
    "forced_tool_call",
    "json_schema_output",
    "stream_usage",
    "max_tokens",
    "max_completion_tokens",
)
Verdict = Literal["supported", "ignored", "refused", "failed", "skipped"]
"""`supported`: done; `ignored`: accepted but not done; `refused`: an HTTP error; `failed`: no usable answer
(time-out, connection, a cut answer); `skipped`: not asked."""

PROBE_NAME: Final = "planforge_doctor_probe"
"""The probe tool's and JSON schema's name; the instructions carry it too, so a fake server can tell probes."""
PROBE_INSTRUCTIONS: Final = f"{PROBE_NAME}: a connectivity check. Answer exactly as the user asks."
PLAIN_PROMPT: Final = "Reply with the plain word hello. Do not call any tool and do not write JSON."
COUNT_PROMPT: Final = "Count from 1 to 100, the numbers separated by spaces."
SHORT_PROMPT: Final = "Reply with the single word OK."
PROBE_SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {"ok": {"type": "boolean"}},
    "required": ["ok"],
    "additionalProperties": False,
}
PROBE_TOOL: Final[dict[str, Any]] = {
    "type": "function",
    "function": {"name": PROBE_NAME, "description": "Report the check's result.", "parameters": PROBE_SCHEMA},
}
ANSWER_TOKENS: Final = 128
"""The cap of the tool and schema probes: room for a short reasoning preamble, still a fraction of a second."""
CAP_PROBE_TOKENS: Final = 2
IGNORED_CAP_CHARS: Final = 64
"""Streamed characters beyond which a two-token cap was evidently ignored (the stream is dropped there)."""


@dataclass(frozen=True)
class Probe:
    """The answer to one feature question."""

    feature: Feature
    verdict: Verdict
    detail: str = ""
    """What the server did, in a few words (the HTTP status and body excerpt of a refusal)."""

    @property
    def supported(self) -> bool:
        return self.verdict == "supported"


class _Refused(Exception):
    """The server answered a probe with an HTTP error."""


async def run_probes(base_url: str, model: str, api_key: str | None, *, probe_seconds: float) -> tuple[Probe, ...]:
    """Each feature probe in turn (a one-slot server would queue them anyway), each within `probe_seconds` seconds."""
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    probes: dict[Feature, Callable[[httpx2.AsyncClient, str], Awaitable[Probe]]] = {
        "forced_tool_call": _forced_tool_call,
        "json_schema_output": _json_schema_output,
        "stream_usage": _stream_usage,
        "max_tokens": lambda client, name: _token_cap(client, name, "max_tokens"),
        "max_completion_tokens": lambda client, name: _token_cap(client, name, "max_completion_tokens"),
    }
    results: list[Probe] = []
    root = base_url.rstrip("/") + "/"
    async with httpx2.AsyncClient(base_url=root, headers=headers, timeout=probe_seconds) as client:
        for feature, probe in probes.items():
            results.append(await _bounded(feature, probe(client, model), base_url, probe_seconds))
    return tuple(results)


async def _bounded(feature: Feature, probe: Awaitable[Probe], base_url: str, probe_seconds: float) -> Probe:
    url = base_url.rstrip("/") + "/chat/completions"
    try:
        async with asyncio.timeout(probe_seconds):
            return await probe
    except _Refused as refusal:
        return Probe(feature, "refused", str(refusal))
    except TimeoutError:
        return Probe(feature, "failed", f"no answer within {probe_seconds:g} s")
    except httpx2.HTTPError as error:
        return Probe(feature, "failed", connection_problem(url, error))
    except (ValueError, KeyError, TypeError, IndexError) as error:
        return Probe(feature, "failed", f"an answer that is not a chat completion ({type(error).__name__})")


def _body(model: str, prompt: str, **extra: Any) -> dict[str, Any]:
    messages = [{"role": "system", "content": PROBE_INSTRUCTIONS}, {"role": "user", "content": prompt}]
    return {"model": model, "messages": messages, "temperature": 0, **extra}


async def _completion(client: httpx2.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
    """The first choice of a plain completion; an HTTP error is a refusal, anything else a KeyError."""
    response = await client.post("chat/completions", json=body)
    if response.status_code != 200:
        raise _Refused(f"HTTP {response.status_code}: {excerpt(response.text)}")
    choices = objects_of(field_of(response.json(), "choices"))
    if not choices:
        raise KeyError("choices")
    return choices[0]


async def _forced_tool_call(client: httpx2.AsyncClient, model: str) -> Probe:
    body = _body(model, PLAIN_PROMPT, tools=[PROBE_TOOL], tool_choice="required", **_caps(ANSWER_TOKENS))
    choice = await _completion(client, body)
    calls = objects_of(field_of(choice, "message", "tool_calls"))
    if any(field_of(call, "function", "name") == PROBE_NAME for call in calls):
        return Probe("forced_tool_call", "supported")
    said = excerpt(str(field_of(choice, "message", "content") or ""), 60)
    return Probe("forced_tool_call", "ignored", f"answered text although a tool call was required ({said!r})")


async def _json_schema_output(client: httpx2.AsyncClient, model: str) -> Probe:
    schema = {"name": PROBE_NAME, "schema": PROBE_SCHEMA, "strict": True}
    body = _body(model, PLAIN_PROMPT, response_format={"type": "json_schema", "json_schema": schema})
    choice = await _completion(client, {**body, **_caps(ANSWER_TOKENS)})
    content = str(field_of(choice, "message", "content") or "")
    try:
        answer: object = json.loads(content)
    except ValueError:
        answer = None
    if isinstance(field_of(answer, "ok"), bool):
        return Probe("json_schema_output", "supported")
    if choice.get("finish_reason") == "length":
        return Probe("json_schema_output", "failed", f"the answer was cut at {ANSWER_TOKENS} tokens")
    return Probe("json_schema_output", "ignored", f"answered {excerpt(content, 60)!r}, not JSON of the schema")


STREAMED_TEXT_FIELDS: Final = ("content", "reasoning_content", "reasoning")
"""Where a delta carries generated text: the answer, and the reasoning of a thinking model (it counts to the cap)."""


@dataclass
class _Streamed:
    chars: int = 0
    finish_reason: str | None = None
    usage: bool = False


async def _stream(client: httpx2.AsyncClient, body: dict[str, Any], stop_after_chars: int | None = None) -> _Streamed:
    """Read a streamed answer to its end, or until `stop_after_chars` characters (then close it: the server stops)."""
    seen = _Streamed()
    async with client.stream("POST", "chat/completions", json={**body, "stream": True}) as response:
        if response.status_code != 200:
            raise _Refused(f"HTTP {response.status_code}: {excerpt((await response.aread()).decode(errors='replace'))}")
        async for line in response.aiter_lines():
            data = line.removeprefix("data:").strip()
            if not line.startswith("data:") or data == "[DONE]":
                continue
            chunk: object = json.loads(data)
            seen.usage = seen.usage or bool(field_of(chunk, "usage"))
            for choice in objects_of(field_of(chunk, "choices")):
                seen.chars += sum(len(str(field_of(choice, "delta", key) or "")) for key in STREAMED_TEXT_FIELDS)
                seen.finish_reason = str(choice.get("finish_reason") or "") or seen.finish_reason
            if stop_after_chars is not None and seen.chars > stop_after_chars:
                break
    return seen


async def _stream_usage(client: httpx2.AsyncClient, model: str) -> Probe:
    body = _body(model, SHORT_PROMPT, stream_options={"include_usage": True}, **_caps(16))
    seen = await _stream(client, body)
    if seen.usage:
        return Probe("stream_usage", "supported")
    return Probe("stream_usage", "ignored", "the stream carried no usage although include_usage asked for it")


CapField = Literal["max_tokens", "max_completion_tokens"]


async def _token_cap(client: httpx2.AsyncClient, model: str, field: CapField) -> Probe:
    seen = await _stream(client, _body(model, COUNT_PROMPT, **{field: CAP_PROBE_TOKENS}), IGNORED_CAP_CHARS)
    if seen.finish_reason == "length":
        return Probe(field, "supported")
    if seen.chars > IGNORED_CAP_CHARS:
        return Probe(field, "ignored", f"{field}: {CAP_PROBE_TOKENS} did not stop a long answer")
    return Probe(field, "failed", f"inconclusive: the answer ended ({seen.finish_reason}) without reaching the cap")


def _caps(tokens: int) -> dict[str, int]:
    # planforge sends both (planforge.llm.local), so the probes do too: each server honours one of them.
    return {"max_tokens": tokens, "max_completion_tokens": tokens}

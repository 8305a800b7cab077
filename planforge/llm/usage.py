"""Token usage for servers that do not report it: estimated from the text sent and received, and marked so.

llama.cpp-style servers send no usage in streamed answers (and some not even in plain ones). Without usage, a
generation would report 0 tokens and its token budget could never hold; pydantic-ai would also warn on every
such run. An estimate of about four characters a token (the rule of thumb for English and JSON) is counted
instead, and `ESTIMATED_REQUESTS` in the usage's details says how many requests were estimated.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pydantic_ai.messages import (
    ModelMessage,
    ModelRequest,
    ModelResponse,
    ModelResponsePart,
    TextPart,
    ThinkingPart,
    ToolCallPart,
)
from pydantic_ai.models import ModelRequestParameters
from pydantic_ai.usage import RequestUsage, RunUsage

from planforge.domain.usage import Usage
from planforge.llm.wrapped_stream import WrappedStream

CHARS_PER_TOKEN: Final = 4
"""About four characters of English or JSON make one token."""
ESTIMATED_REQUESTS: Final = "planforge_estimated_requests"
"""The key in `RunUsage.details` counting requests whose tokens planforge estimated."""


def estimate_tokens(text: str) -> int:
    """Roughly how many tokens `text` is (at least one for any non-empty text)."""
    return (len(text) + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN


def _part_text(part: object) -> str:
    content = getattr(part, "content", None)
    if isinstance(content, str):
        return content
    if isinstance(part, ToolCallPart):
        return part.tool_name + part.args_as_json_str()
    if content is not None:
        return json.dumps(content, default=str)
    return ""


def prompt_text(messages: Sequence[ModelMessage], parameters: ModelRequestParameters) -> str:
    """Everything a request sends the model as text: instructions, messages, tool and output schemas."""
    pieces: list[str] = []
    for message in messages:
        if isinstance(message, ModelRequest) and message.instructions:
            pieces.append(message.instructions)
        pieces.extend(_part_text(part) for part in message.parts)
    for tool in [*parameters.function_tools, *parameters.output_tools]:
        pieces.append(f"{tool.name} {tool.description or ''} {json.dumps(tool.parameters_json_schema)}")
    if parameters.output_object is not None:
        pieces.append(json.dumps(parameters.output_object.json_schema))
    return "\n".join(pieces)


def answer_text(parts: Sequence[ModelResponsePart]) -> str:
    """Everything the model wrote: text, thinking and tool-call arguments."""
    return "".join(
        part.content if isinstance(part, TextPart | ThinkingPart) else _part_text(part)
        for part in parts
        if isinstance(part, TextPart | ThinkingPart | ToolCallPart)
    )


def is_unmeasured(usage: RequestUsage) -> bool:
    """Whether the server reported no usage for a request (pydantic-ai marks it, or every count is zero)."""
    return bool(usage.unmeasured_requests) or (usage.input_tokens == 0 and usage.output_tokens == 0)


def estimated_usage(
    messages: Sequence[ModelMessage], parameters: ModelRequestParameters, parts: Sequence[ModelResponsePart]
) -> RequestUsage:
    """The usage of one request estimated from its text, marked as estimated in its details."""
    return RequestUsage(
        input_tokens=estimate_tokens(prompt_text(messages, parameters)),
        output_tokens=estimate_tokens(answer_text(parts)),
        details={ESTIMATED_REQUESTS: 1},
    )


def with_estimated_usage(
    response: ModelResponse, messages: Sequence[ModelMessage], parameters: ModelRequestParameters
) -> ModelResponse:
    """`response`, with estimated usage if the server reported none."""
    if not is_unmeasured(response.usage):
        return response
    response.usage = estimated_usage(messages, parameters, response.parts)
    return response


def estimated_requests(usage: RunUsage) -> int:
    """How many of a run's requests had their tokens estimated."""
    return usage.details.get(ESTIMATED_REQUESTS, 0)


def usage_of(usage: RunUsage) -> Usage:
    """pydantic-ai's run usage in planforge's terms: requests, tokens, cached input tokens, estimated requests."""
    return Usage(
        requests=usage.requests,
        input_tokens=usage.input_tokens,
        output_tokens=usage.output_tokens,
        cached_input_tokens=usage.cache_read_tokens,
        estimated_requests=estimated_requests(usage),
    )


@dataclass
class EstimatingStream(WrappedStream):
    """A streamed answer whose usage is estimated when the server sends none (delegates everything else)."""

    messages: Sequence[ModelMessage] = ()

    def get(self) -> ModelResponse:
        response = self._inner.get()
        response.usage = self.usage
        return response

    @property
    def usage(self) -> RequestUsage:
        reported = self._inner.usage
        if not is_unmeasured(reported):
            return reported
        return estimated_usage(self.messages, self.model_request_parameters, self._inner.get().parts)

"""The OpenAI chat-completions wire format, as far as the fake server speaks it: requests in, answers out."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from planforge.prompts import read_data_sections

FinishReason = Literal["stop", "length", "tool_calls"]

CHARS_PER_TOKEN = 4
"""The fake's token estimate: about four characters of English or JSON per token."""


def estimate_tokens(text: str) -> int:
    """Roughly how many tokens `text` is (at least one for any non-empty text)."""
    return (len(text) + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN


def _message_text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts: list[Any] = content  # pyright: ignore[reportUnknownVariableType]
        texts: list[str] = [part["text"] for part in parts if isinstance(part, dict) and "text" in part]
        return "\n".join(texts)
    return ""


@dataclass(frozen=True)
class ChatRequest:
    """One parsed `POST /v1/chat/completions` body."""

    body: dict[str, Any]
    """The JSON body exactly as the client sent it."""

    @property
    def model(self) -> str:
        return str(self.body.get("model", ""))

    @property
    def stream(self) -> bool:
        return bool(self.body.get("stream", False))

    @property
    def include_usage(self) -> bool:
        """Whether a streamed answer must end with a usage chunk (`stream_options.include_usage`)."""
        options: Any = self.body.get("stream_options") or {}
        return isinstance(options, dict) and options.get("include_usage") is True  # pyright: ignore[reportUnknownMemberType]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", []))

    @property
    def tool_names(self) -> list[str]:
        """The names of the tools offered to the model, in the order sent."""
        return [tool["function"]["name"] for tool in self.body.get("tools", []) if tool.get("type") == "function"]

    @property
    def tools(self) -> list[dict[str, Any]]:
        """The function definitions offered (name, description, parameters)."""
        return [tool["function"] for tool in self.body.get("tools", []) if tool.get("type") == "function"]

    def texts(self, role: str) -> list[str]:
        """The text of every message with `role` (`system`, `user`, `assistant`, `tool`), in order."""
        return [_message_text(message) for message in self.messages if message.get("role") == role]

    @property
    def instructions(self) -> str:
        """Everything sent as system (or developer) instructions, joined."""
        return "\n".join(self.texts("system") + self.texts("developer"))

    @property
    def sections(self) -> dict[str, str]:
        """The tagged data sections (`<chunk>`, `<additional_prompt>`, …) of the first user message."""
        users = self.texts("user")
        return read_data_sections(users[0]) if users else {}

    @property
    def prompt_tokens(self) -> int:
        return estimate_tokens(self.prompt_text)

    @property
    def prompt_text(self) -> str:
        """The prompt as one text, in the order a provider reads it: tools, output schema, then the messages.

        Its length sets `prompt_tokens`; a prefix it shares with an earlier request is what a prefix cache serves.
        """
        response_format: Any = self.body.get("response_format")
        schema = json.dumps(response_format) if response_format else ""
        return json.dumps(self.tools) + schema + json.dumps(self.messages)

    @property
    def response_schema_name(self) -> str | None:
        """The name of the JSON schema a `json_schema` response format asks for, if any."""
        response_format: Any = self.body.get("response_format") or {}
        if response_format.get("type") != "json_schema":
            return None
        schema: Any = response_format.get("json_schema") or {}
        name: Any = schema.get("name")
        return name if isinstance(name, str) else None


@dataclass(frozen=True)
class ToolCall:
    """A call of a function tool; `arguments` is the JSON text as the model wrote it (it may be invalid)."""

    name: str
    arguments: str


@dataclass(frozen=True)
class Reply:
    """What the model answers: text, tool calls, or both."""

    text: str | None = None
    tool_calls: list[ToolCall] = field(default_factory=lambda: list[ToolCall]())
    finish_reason: FinishReason | None = None
    """None: `tool_calls` when there are tool calls, else `stop`."""

    @classmethod
    def tool(cls, name: str, arguments: dict[str, Any] | str) -> Reply:
        """A reply with one call of `name`."""
        text = arguments if isinstance(arguments, str) else json.dumps(arguments)
        return cls(tool_calls=[ToolCall(name, text)])

    @property
    def finish(self) -> FinishReason:
        return self.finish_reason or ("tool_calls" if self.tool_calls else "stop")

    @property
    def completion_tokens(self) -> int:
        return estimate_tokens((self.text or "") + "".join(call.arguments for call in self.tool_calls))

    def cut_to(self, tokens: int) -> Reply:
        """The reply as a server capped at `tokens` output tokens sends it: cut there, finish_reason `length`."""
        budget = tokens * CHARS_PER_TOKEN
        text = (self.text or "")[:budget] or None
        budget -= len(text or "")
        calls: list[ToolCall] = []
        for call in self.tool_calls:
            if budget <= 0:
                break
            calls.append(ToolCall(call.name, call.arguments[:budget]))
            budget -= len(call.arguments)
        return Reply(text=text, tool_calls=calls, finish_reason="length")


@dataclass(frozen=True)
class CompletionIds:
    """The identifiers one completion carries in every chunk."""

    completion_id: str
    model: str
    created: int = field(default_factory=lambda: int(time.time()))

    def tool_call_id(self, index: int) -> str:
        return f"call_{self.completion_id}_{index}"


def usage_json(request: ChatRequest, reply: Reply, cached_tokens: int = 0) -> dict[str, Any]:
    """The usage object; `cached_tokens` of the prompt were served from a prefix cache (OpenAI's field)."""
    prompt, completion = request.prompt_tokens, reply.completion_tokens
    usage: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }
    if cached_tokens:
        usage["prompt_tokens_details"] = {"cached_tokens": cached_tokens}
    return usage


def completion_json(ids: CompletionIds, request: ChatRequest, reply: Reply, cached_tokens: int = 0) -> dict[str, Any]:
    """A whole `chat.completion` object."""
    message: dict[str, Any] = {"role": "assistant", "content": reply.text}
    if reply.tool_calls:
        message["tool_calls"] = [
            {
                "id": ids.tool_call_id(index),
                "type": "function",
                "function": {"name": call.name, "arguments": call.arguments},
            }
            for index, call in enumerate(reply.tool_calls)
        ]
    return {
        "id": ids.completion_id,
        "object": "chat.completion",
        "created": ids.created,
        "model": ids.model,
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish, "logprobs": None}],
        "usage": usage_json(request, reply, cached_tokens),
    }


def chunk_json(
    ids: CompletionIds,
    delta: dict[str, Any] | None = None,
    finish_reason: FinishReason | None = None,
    usage: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One `chat.completion.chunk`; with `usage` and no delta it is the final usage-only chunk."""
    choices: list[dict[str, Any]] = []
    if delta is not None or finish_reason is not None:
        choices.append({"index": 0, "delta": delta or {}, "finish_reason": finish_reason, "logprobs": None})
    chunk: dict[str, Any] = {
        "id": ids.completion_id,
        "object": "chat.completion.chunk",
        "created": ids.created,
        "model": ids.model,
        "choices": choices,
    }
    if usage is not None:
        chunk["usage"] = usage
    return chunk


def error_json(message: str, error_type: str, code: str | None = None) -> dict[str, Any]:
    """An OpenAI-style error body."""
    return {"error": {"message": message, "type": error_type, "param": None, "code": code}}

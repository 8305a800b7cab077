"""Who answers the fake server's requests: a scripted responder, or the offline coach."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from pydantic_ai.messages import ModelMessage, ModelRequest, ToolCallPart, UserPromptPart
from pydantic_ai.models import ModelRequestParameters
from pydantic_ai.tools import ToolDefinition

from planforge.agents.contract import DRAFT_OUTPUT_TOOL, EXPAND_OUTPUT_TOOL, OUTLINE_OUTPUT_TOOL, PLAN_OUTPUT_TOOL
from planforge.offline.model import OfflineCoachError, OfflineCoachModel
from planforge.testing.fake_openai.protocol import ChatRequest, Reply, ToolCall

Responder = Callable[[ChatRequest], Reply | Awaitable[Reply]]
"""Answers one parsed chat request (sync or async). Raise `UnanswerableRequest` for a 400."""


class UnanswerableRequest(ValueError):
    """The responder cannot answer this request; the fake server answers 400 invalid_request_error."""


OUTPUT_NAMES = (DRAFT_OUTPUT_TOOL, OUTLINE_OUTPUT_TOOL, EXPAND_OUTPUT_TOOL, PLAN_OUTPUT_TOOL)


def requested_output(request: ChatRequest) -> tuple[str, bool] | None:
    """Which of planforge's outputs `request` asks for, and whether as a tool call (else as JSON text).

    Tool output offers it as a tool; native output names it as the JSON schema of `response_format`; prompted
    output puts its schema, titled with the name, into the instructions.
    """
    for name in request.tool_names:
        if name in OUTPUT_NAMES:
            return name, True
    if (schema_name := request.response_schema_name) in OUTPUT_NAMES:
        return schema_name, False
    instructions = request.instructions
    for name in OUTPUT_NAMES:
        if f'"title": "{name}"' in instructions:
            return name, False
    return None


def offline_coach_responder() -> Responder:
    """Answers planforge's agents as the offline coach does, from the request's data sections, in the output mode
    the request uses: a tool call, or the same arguments as JSON text (native and prompted output)."""
    coach = OfflineCoachModel()

    async def respond(request: ChatRequest) -> Reply:
        users = request.texts("user")
        if not users:
            raise UnanswerableRequest("the request has no user message")
        if (output := requested_output(request)) is None:
            raise UnanswerableRequest(
                f"the fake server only answers planforge's agents; this request asks for none of their outputs"
                f" ({', '.join(OUTPUT_NAMES)})"
            )
        name, as_tool = output
        messages: list[ModelMessage] = [ModelRequest(parts=[UserPromptPart(users[0])])]
        tools = [ToolDefinition(name=name)]
        parameters = ModelRequestParameters(output_mode="tool", output_tools=tools, allow_text_output=False)
        try:
            response = await coach.request(messages, None, parameters)
        except OfflineCoachError as error:
            raise UnanswerableRequest(str(error)) from error
        calls = [
            ToolCall(part.tool_name, part.args_as_json_str())
            for part in response.parts
            if isinstance(part, ToolCallPart)
        ]
        if as_tool:
            return Reply(tool_calls=calls)
        return Reply(text=calls[0].arguments if calls else "{}")

    return respond

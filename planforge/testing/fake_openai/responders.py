"""Who answers the fake server's requests: a scripted responder, or the offline coach."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from pydantic_ai.messages import ModelMessage, ModelRequest, ToolCallPart, UserPromptPart
from pydantic_ai.models import ModelRequestParameters
from pydantic_ai.tools import ToolDefinition

from planforge.offline.model import OfflineCoachError, OfflineCoachModel
from planforge.testing.fake_openai.protocol import ChatRequest, Reply, ToolCall

Responder = Callable[[ChatRequest], Reply | Awaitable[Reply]]
"""Answers one parsed chat request (sync or async). Raise `UnanswerableRequest` for a 400."""


class UnanswerableRequest(ValueError):
    """The responder cannot answer this request; the fake server answers 400 invalid_request_error."""


def offline_coach_responder() -> Responder:
    """Answers planforge's draft and plan agents as the offline coach does, from the request's data sections."""
    coach = OfflineCoachModel()

    async def respond(request: ChatRequest) -> Reply:
        users = request.texts("user")
        if not users:
            raise UnanswerableRequest("the request has no user message")
        messages: list[ModelMessage] = [ModelRequest(parts=[UserPromptPart(users[0])])]
        # Every offered tool is presented as an output tool: the coach picks the one it knows.
        tools = [ToolDefinition(name=name) for name in request.tool_names]
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
        return Reply(tool_calls=calls)

    return respond

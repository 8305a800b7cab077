"""Reading back what an agent sent: the tagged data sections of a run's request message."""

from __future__ import annotations

from pydantic_ai.messages import ModelMessage, ModelRequest, UserPromptPart

from planforge.prompts import read_data_sections


def request_sections(messages: list[ModelMessage]) -> dict[str, str]:
    """The data sections of the first user message of a run (retries append feedback, not a new request)."""
    for message in messages:
        if isinstance(message, ModelRequest):
            for part in message.parts:
                if isinstance(part, UserPromptPart) and isinstance(part.content, str):
                    return read_data_sections(part.content)
    return {}

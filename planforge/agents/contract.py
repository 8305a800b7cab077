"""What planforge's agents and the models answering them agree on: output names (the output tool's, or the
JSON schema's in native and prompted modes), the streamed week marker, and the tagged data sections of a run's
request message.

The offline coach and the scripted test models answer through these names; they import this module, never an
agent module.
"""

from __future__ import annotations

import re
from typing import Final

from pydantic_ai.messages import ModelMessage, ModelRequest, UserPromptPart

from planforge.llm.output_mode import OutputMode
from planforge.prompts import read_data_sections

DRAFT_OUTPUT_TOOL: Final = "submit_draft"
OUTLINE_OUTPUT_TOOL: Final = "submit_outline"
EXPAND_OUTPUT_TOOL: Final = "submit_weeks"
PLAN_OUTPUT_TOOL: Final = "submit_workouts"

STREAMED_WEEK_KEY: Final = '"week":'
"""Each week of a draft starts with this key in the output tool's JSON arguments: a model streaming a draft
sends it as each week begins, and progress counts it."""
WEEK_START: Final = re.compile(r'(?=\{"week":)')
"""Splits a draft's JSON arguments before each week (how a scripted model streams them week by week)."""


def request_sections(messages: list[ModelMessage]) -> dict[str, str]:
    """The data sections of the first user message of a run (retries append feedback, not a new request)."""
    for message in messages:
        if isinstance(message, ModelRequest):
            for part in message.parts:
                if isinstance(part, UserPromptPart) and isinstance(part.content, str):
                    return read_data_sections(part.content)
    return {}


def answer_once(mode: OutputMode, output_name: str) -> str:
    """How the instructions tell the model to answer, in the agent's output mode (`How to answer: …`)."""
    if mode == "tool":
        return f"call the `{output_name}` tool once"
    return f"reply with one JSON object following the `{output_name}` schema"

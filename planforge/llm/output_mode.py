"""How an agent asks the model for its typed answer: a forced tool call, native JSON-schema output, or a prompt.

| mode       | the request carries                                     | the server must support                   |
|------------|---------------------------------------------------------|-------------------------------------------|
| `tool`     | the output schema as a tool, `tool_choice: "required"`  | tool calls with a forced tool choice      |
| `native`   | `response_format: {"type": "json_schema", ...}`         | JSON-schema structured output             |
| `prompted` | the schema in the instructions, the answer as JSON text | nothing beyond chat completions           |

`auto` (the default) is `tool` for hosted providers (OpenAI, Anthropic and any Model instance, such as the
offline coach) and `prompted` for a model served from `PLANFORGE_BASE_URL`, the one mode every local server
runs. `PLANFORGE_OUTPUT_MODE` sets the mode for every model, `PLANFORGE_OUTPUT_MODES` per model name.
"""

from __future__ import annotations

import sys
from typing import Final, Literal, TypeVar, get_args

from pydantic_ai import NativeOutput, PromptedOutput, ToolOutput
from pydantic_ai.models import Model
from pydantic_ai.models.fallback import FallbackModel

from planforge.settings import Settings

OutputMode = Literal["tool", "native", "prompted"]
"""How the typed answer is asked for (see the module's table)."""
OutputModeSetting = Literal["auto", "tool", "native", "prompted"]
"""An output-mode setting: a mode, or `auto` for the default of the model's provider."""
OUTPUT_MODES: Final[tuple[OutputMode, ...]] = get_args(OutputMode)
LOCAL_DEFAULT: Final[OutputMode] = "prompted"
"""The mode of a model served from a base URL when nothing else is set: every local server supports it."""
HOSTED_DEFAULT: Final[OutputMode] = "tool"

T = TypeVar("T")

OutputSpec = ToolOutput[T] | NativeOutput[T] | PromptedOutput[T]


def is_served_locally(model: Model) -> bool:
    """Whether planforge built `model` for an OpenAI-compatible base URL (a local server)."""
    if isinstance(model, FallbackModel):
        return is_served_locally(model.models[0])
    # Not imported here (the openai SDK takes seconds to import): if the module is not loaded, no model is local.
    local = sys.modules.get("planforge.llm.local")
    return local is not None and isinstance(model, local.LocalChatModel)


def output_mode_for(model: Model, settings: Settings) -> OutputMode:
    """The output mode `model` is asked in: per model name, else for every model, else its provider's default."""
    names = [inner.model_name for inner in model.models] if isinstance(model, FallbackModel) else [model.model_name]
    for name in names:
        if (mode := settings.output_modes.get(name, "auto")) != "auto":
            return mode
    if settings.output_mode != "auto":
        return settings.output_mode
    return LOCAL_DEFAULT if is_served_locally(model) else HOSTED_DEFAULT


def output_spec(output_type: type[T], *, name: str, description: str, mode: OutputMode) -> OutputSpec[T]:
    """The pydantic-ai output type asking for `output_type` in `mode`, under the name the contract gives it.

    The name is the output tool's (tool mode), the JSON schema's name (native) or its title (prompted), so the
    offline coach and the fake server know which answer is asked for in every mode.
    """
    if mode == "tool":
        return ToolOutput(output_type, name=name, description=description)
    if mode == "native":
        return NativeOutput(output_type, name=name, description=description)
    return PromptedOutput(output_type, name=name, description=description)

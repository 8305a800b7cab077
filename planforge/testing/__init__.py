"""Public test doubles for code that embeds planforge: scripted models that need no network or API key.

`scripted_plan_model()` converts any chunk the plan agent sends it (one easy run per non-rest day line) and
`scripted_draft_model(...)` answers the draft agent with a fixed draft; both are pydantic-ai FunctionModels,
so they can also count calls, add latency or fail on purpose.
"""

from planforge.testing.scripted import (
    ScriptedCoach,
    request_sections,
    scripted_draft,
    scripted_draft_model,
    scripted_plan_model,
)

__all__ = ["ScriptedCoach", "request_sections", "scripted_draft", "scripted_draft_model", "scripted_plan_model"]

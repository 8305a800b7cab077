"""Public test doubles for code that embeds planforge: scripted models that need no network or API key.

`scripted_plan_model()` converts any chunk the plan agent sends it (one easy run per non-rest day line) and
`scripted_draft_model(...)` answers the draft agent with a fixed draft; both are pydantic-ai FunctionModels,
so they can also count calls, add latency or fail on purpose.

`FakeOpenAI` is a fake OpenAI-compatible server (plain and streaming chat completions, latency, faults) for
protocol-level tests through the real openai client: `fake_openai_model(fake)` in-process,
`serve_fake_openai(fake)` on 127.0.0.1; more in `planforge.testing.fake_openai`.

`LatencyModel(inner, Latency(...))` answers what `inner` answers (e.g. the offline coach), only as slowly as a
provider with that time to the first token and tokens/s would: for benchmarks without a network.
"""

from planforge.testing.fake_openai import FakeOpenAI, Latency, fake_openai_model, serve_fake_openai
from planforge.testing.latency import LatencyModel
from planforge.testing.scripted import (
    ScriptedCoach,
    request_sections,
    scripted_draft,
    scripted_draft_model,
    scripted_plan_model,
)

__all__ = [
    "FakeOpenAI",
    "Latency",
    "LatencyModel",
    "ScriptedCoach",
    "fake_openai_model",
    "request_sections",
    "scripted_draft",
    "scripted_draft_model",
    "scripted_plan_model",
    "serve_fake_openai",
]

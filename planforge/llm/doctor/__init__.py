"""`planforge doctor`: what an OpenAI-compatible server supports, and what planforge will do with it.

`diagnose(choice, settings)` asks the server at `settings.base_url` a handful of small questions, each bounded by
a time-out, and returns a typed `Diagnosis`:

| check               | how                                                                              |
|---------------------|----------------------------------------------------------------------------------|
| reachable, family   | `GET /models` (`owned_by` names the server; Ollama by `/api/version`)            |
| model present       | the model among the ids `/models` lists (close names suggested)                  |
| output features     | forced tool call, JSON-schema output, usage in streams, both token caps          |
|                     | (`planforge.llm.doctor.probes`: five small chat completions)                     |
| context size        | llama.cpp `/props`, vLLM `max_model_len`, Ollama `/api/ps`, LM Studio `/api/v0`  |

The probe prompts ask for the opposite of what the feature forces, so a server that accepts a feature without
enforcing it (Ollama ignores `tool_choice`) is told apart from one that enforces it. The offline coach and
hosted providers are not probed: the first needs no server, the second is the provider's API.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field, replace
from typing import Final, Literal

from planforge.exceptions import ConfigurationError
from planforge.llm.doctor.probes import FEATURES, Feature, Probe, Verdict, run_probes
from planforge.llm.doctor.server import ContextSize, Server, ServerFamily, inspect_server, read_context_size
from planforge.llm.output_mode import OUTPUT_MODES, OutputMode, output_mode_for
from planforge.llm.profile import effective_settings, is_local_profile
from planforge.settings import OFFLINE_MODEL, Settings

__all__ = [
    "FEATURES",
    "ContextSize",
    "Diagnosis",
    "Feature",
    "Probe",
    "Server",
    "ServerFamily",
    "Verdict",
    "diagnose",
    "inspect_server",
    "planned_output_mode",
    "read_context_size",
    "run_probes",
]

Target = Literal["server", "offline", "hosted"]
"""What doctor looked at: an OpenAI-compatible server, the offline coach, or a hosted provider's model."""

CONTEXT_NEEDED_TOKENS: Final = 8_192
"""A smaller context risks overflow. Measured through the fake server (about 4 characters a token): prompts of
2,000-2,300 tokens for drafts and chunks, answers up to about 1,400 (a 15-week draft, one call); real
tokenizers count JSON denser, so twice that leaves the margin."""
NAME_IGNORING_FAMILIES: Final[frozenset[ServerFamily]] = frozenset({"llama.cpp", "llama-cpp-python"})
"""Servers that answer with their one loaded model whatever name a request gives."""


@dataclass(frozen=True)
class Diagnosis:
    """Everything doctor found out, and what planforge will do with it."""

    target: Target
    model: str
    """The model name as the server is sent it (or the hosted / offline model string)."""
    usable: bool
    problems: tuple[str, ...] = ()
    """What stops planforge from working, each with what to change."""
    notes: tuple[str, ...] = ()
    """What works, but differently than with a hosted provider (estimated usage, a small context)."""
    server: Server | None = None
    model_listed: bool | None = None
    """Whether `/models` lists the model (None: the server lists none)."""
    close_names: tuple[str, ...] = ()
    probes: tuple[Probe, ...] = ()
    context: ContextSize | None = None
    output_mode: OutputMode | None = None
    """The mode planforge will ask this model in, with the current settings."""
    output_mode_source: str = ""
    working_modes: tuple[OutputMode, ...] = ()
    profile: Literal["local", "hosted"] = "hosted"
    environment: dict[str, str] = field(default_factory=lambda: dict[str, str]())
    """The PLANFORGE_* settings that use this model (those already right included)."""

    def probe(self, feature: Feature) -> Probe:
        """The probe of `feature` (a skipped one if it was not asked)."""
        return next((p for p in self.probes if p.feature == feature), Probe(feature, "skipped"))


async def diagnose(choice: str | None, settings: Settings, *, probe_seconds: float = 30.0) -> Diagnosis:
    """Probe the server `choice` is served from and say what planforge will do with it.

    `choice` None means the configured model. A server's faults never raise: an unreachable server is a
    Diagnosis with `usable=False` and the reason. `probe_seconds` bounds each probe that makes the model generate.
    """
    from planforge.llm import default_model_name
    from planforge.llm.local import served_name

    try:
        name = choice or default_model_name(settings)
    except ConfigurationError as error:  # a base URL but no model named: list what the server serves
        assert settings.base_url is not None
        server = await inspect_server(settings.base_url, settings.api_key, probe_seconds=probe_seconds)
        served = f" (--model or PLANFORGE_MODEL); it serves: {', '.join(server.models) or 'none'}"
        problem = f"{error.message}{served if server.reachable else '; ' + (server.problem or '')}"
        return Diagnosis("server", "", usable=False, problems=(problem,), server=server)
    if name == OFFLINE_MODEL:
        return Diagnosis("offline", name, usable=True, notes=("the offline coach runs in-process and needs no server",))
    served_as = served_name(name) if settings.base_url else None
    if settings.base_url is None or served_as is None:
        return await _hosted(name, settings)
    return await _diagnose_server(name, served_as, settings.base_url, settings, probe_seconds)


async def _hosted(name: str, settings: Settings) -> Diagnosis:
    """A provider with its own API: its key is checked, nothing is probed (doctor probes OpenAI-compatible servers)."""
    note = (
        f"{name!r} is served by its provider's own API, which doctor does not probe (set PLANFORGE_BASE_URL to check"
        " an OpenAI-compatible server)"
    )
    try:
        mode, source = await planned_output_mode(name, settings)
    except ConfigurationError as error:
        return Diagnosis("hosted", name, usable=False, problems=(error.message,), notes=(note,))
    profile = _profile(name, settings)
    return Diagnosis("hosted", name, True, notes=(note,), output_mode=mode, output_mode_source=source, profile=profile)


async def _diagnose_server(
    name: str, served: str, base_url: str, settings: Settings, probe_seconds: float
) -> Diagnosis:
    server = await inspect_server(base_url, settings.api_key, probe_seconds=probe_seconds)
    profile = _profile(name, settings)
    found = Diagnosis("server", served, False, server=server, profile=profile, environment=_environment(base_url, name))
    if not server.reachable:
        return replace(found, problems=(server.problem or "the server did not answer",))
    listed, close = _presence(served, server)
    found = replace(found, model_listed=listed, close_names=close)
    notes: list[str] = []
    if listed is False and server.family not in NAME_IGNORING_FAMILIES:
        return replace(found, problems=(_missing_model(served, server, close),))
    if listed is False:
        notes.append(f"{server.family} answers with its loaded model ({', '.join(server.models)}) whatever the name")
    probes = await run_probes(base_url, served, settings.api_key, probe_seconds=probe_seconds)
    context = await read_context_size(server, served, settings.api_key, probe_seconds=probe_seconds)
    mode, source = await planned_output_mode(name, settings)
    working = _working_modes(probes)
    problems = _mode_problems(served, mode, source, working, probes)
    notes += _feature_notes(probes, context, working, mode, served)
    environment = dict(found.environment)
    if problems and working:
        environment["PLANFORGE_OUTPUT_MODES"] = json.dumps({served: _fallback_mode(working)})
    return replace(
        found,
        usable=not problems,
        problems=tuple(problems),
        notes=tuple(notes),
        probes=probes,
        context=context,
        output_mode=mode,
        output_mode_source=source,
        working_modes=working,
        environment=environment,
    )


def _profile(name: str, settings: Settings) -> Literal["local", "hosted"]:
    """The server profile a generation with `name` runs under (the base URL decides it, whatever the model)."""
    return "local" if is_local_profile(effective_settings(settings.model_copy(update={"model": name}))) else "hosted"


def _environment(base_url: str, name: str) -> dict[str, str]:
    return {"PLANFORGE_BASE_URL": base_url, "PLANFORGE_MODEL": name}


async def planned_output_mode(name: str, settings: Settings) -> tuple[OutputMode, str]:
    """The mode planforge asks `name` in with `settings`, and which setting chose it.

    The mode comes from the model planforge itself builds (so doctor never disagrees with a generation); a
    hosted model without its key raises ConfigurationError.
    """
    from planforge.llm import close_model, resolve_model

    model = resolve_model(name, settings.model_copy(update={"fallback_models": []}))
    try:
        mode = output_mode_for(model, settings)
    finally:
        await close_model(model)
    if settings.output_modes.get(model.model_name, "auto") != "auto":
        return mode, "PLANFORGE_OUTPUT_MODES"
    if settings.output_mode != "auto":
        return mode, "PLANFORGE_OUTPUT_MODE"
    where = "a model served from PLANFORGE_BASE_URL" if mode == "prompted" else "a hosted provider"
    return mode, f"auto: the default for {where}"


def _presence(served: str, server: Server) -> tuple[bool | None, tuple[str, ...]]:
    """Whether the server lists `served` (None: it lists nothing), and the closest names it does list."""
    if not server.models:
        return None, ()
    names = set(server.models)
    if served in names or (server.family == "ollama" and ":" not in served and f"{served}:latest" in names):
        return True, ()
    return False, tuple(difflib.get_close_matches(served, server.models, n=3, cutoff=0.5))


def _missing_model(served: str, server: Server, close: tuple[str, ...]) -> str:
    suggestion = f" Close names: {', '.join(close)}." if close else ""
    pull = f" Pull it with `ollama pull {served}`." if server.family == "ollama" else ""
    return f"the server does not serve {served!r} (it serves: {', '.join(server.models)}).{suggestion}{pull}"


def _working_modes(probes: tuple[Probe, ...]) -> tuple[OutputMode, ...]:
    """The output modes the probes showed to work: each needs its feature; prompted only a chat completion."""
    verdicts = {p.feature: p.verdict for p in probes}
    works: dict[OutputMode, bool] = {
        "tool": verdicts.get("forced_tool_call") == "supported",
        "native": verdicts.get("json_schema_output") == "supported",
        "prompted": any(p.verdict in ("supported", "ignored") for p in probes),
    }
    return tuple(mode for mode in OUTPUT_MODES if works[mode])


def _fallback_mode(working: tuple[OutputMode, ...]) -> OutputMode:
    """The mode to switch to: enforced JSON-schema output constrains the answer; prompted output needs nothing."""
    return "native" if "native" in working else "prompted" if "prompted" in working else working[0]


NEEDED_FEATURE: Final[dict[OutputMode, Feature]] = {"tool": "forced_tool_call", "native": "json_schema_output"}


def _mode_problems(
    served: str, mode: OutputMode, source: str, working: tuple[OutputMode, ...], probes: tuple[Probe, ...]
) -> list[str]:
    if not working:
        failures = "; ".join(f"{p.feature}: {p.detail}" for p in probes if p.detail)
        return [f"no chat completion succeeded ({failures})"]
    if mode in working:
        return []
    probe = next(p for p in probes if p.feature == NEEDED_FEATURE[mode])
    fix = json.dumps({served: _fallback_mode(working)})
    said = f" ({probe.detail})" if probe.detail else ""
    return [
        f"{mode} output ({source}) needs {probe.feature.replace('_', ' ')}, which the server {probe.verdict}{said};"
        f" set PLANFORGE_OUTPUT_MODES='{fix}'"
    ]


def _feature_notes(
    probes: tuple[Probe, ...], context: ContextSize, working: tuple[OutputMode, ...], mode: OutputMode, served: str
) -> list[str]:
    verdicts = {p.feature: p.verdict for p in probes}
    notes: list[str] = []
    if "native" in working and mode == "prompted":
        notes.append(
            "the server enforces JSON-schema output: PLANFORGE_OUTPUT_MODES="
            f"'{json.dumps({served: 'native'})}' holds every answer to the schema (prompted works too)"
        )
    if verdicts.get("stream_usage") == "ignored":
        notes.append("no token usage in streams: planforge estimates it (about 4 characters a token) and says so")
    if "supported" not in (verdicts.get("max_tokens"), verdicts.get("max_completion_tokens")):
        notes.append(
            "neither max_tokens nor max_completion_tokens cut the answer: a runaway answer runs until the context is"
            " full; set the server's own limit (llama.cpp -n, Ollama num_predict)"
        )
    if context.tokens is not None and context.tokens < CONTEXT_NEEDED_TOKENS:
        notes.append(
            f"a context of {context.tokens:,} tokens is small for planforge's calls (about {CONTEXT_NEEDED_TOKENS:,}"
            " needed): raise it (llama.cpp -c, Ollama OLLAMA_CONTEXT_LENGTH or num_ctx, vLLM --max-model-len,"
            " LM Studio's context length)"
        )
    return notes

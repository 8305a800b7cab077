"""The models an eval compares: each one named once, served from where it says, and nothing else.

A model spec is `[LABEL=]NAME[#PROMPT_VERSION][@BASE_URL]`:

    offline                                                   the offline coach (always run: the baseline row)
    openai:gpt-4o-mini                                        a hosted model; its provider's key from the environment
    openai:gpt-4o-mini#v1                                     the same model on prompt version v1 (row "…#v1"), to
                                                              compare prompt versions in one run
    local=openai-chat:llama3.2:3b@http://127.0.0.1:8001/v1    an OpenAI-compatible server, in the row "local"

A base URL is an OpenAI-compatible server (chat completions), so only an OpenAI-compatible name takes one:
`openai-chat:MODEL`, `openai:MODEL` or a bare model name (`llama3.2:3b`). Any other provider's name
(`anthropic:…`) with a base URL is an error, and so is such a name while `PLANFORGE_BASE_URL` is set: it is never
silently sent to a local server. A row is exactly the model it names: the settings' fallback models are not used.
"""

from __future__ import annotations

import re
from contextlib import AsyncExitStack
from dataclasses import dataclass
from functools import cache
from typing import Final
from urllib.parse import urlparse

from pydantic_ai.models import Model, known_model_names
from pydantic_ai.providers import infer_provider_class

from planforge.llm import ModelChoice, close_model, resolve_model, retrying_http_client
from planforge.prompts import PromptError, check_prompt_version
from planforge.settings import OFFLINE_MODEL, Settings

OPENAI_COMPATIBLE_PROVIDERS: Final = frozenset({"openai", "openai-chat"})
"""Provider prefixes an OpenAI-compatible server can serve (over chat completions)."""

PLANFORGE_BASE_URL: Final = "PLANFORGE_BASE_URL"
"""Where a model without its own base URL is served from, when that setting is set (as everywhere in planforge)."""

_SPEC = re.compile(
    r"^(?:(?P<label>[\w.\-]+)=)?(?P<name>[^=\s@#][^=\s#]*?)(?:#(?P<version>v\d+))?(?:@(?P<url>https?://\S+))?$"
)


class ModelSpecError(ValueError):
    """A model given to the eval cannot be used as written; the message names the spec and the problem."""

    def __init__(self, spec: str, problem: str) -> None:
        super().__init__(f"model {spec!r}: {problem}")
        self.spec = spec
        self.problem = problem


@dataclass(frozen=True)
class EvalModel:
    """A model under evaluation: what drafts, what converts (default: the same), its row name, where it is served."""

    model: ModelChoice
    """A pydantic-ai model string ("openai:gpt-4o-mini", "offline") or a Model instance."""
    plan_model: ModelChoice | None = None
    """The converting model, when it differs from `model`."""
    label: str | None = None
    """The row name in reports; default: the model string or the Model's name."""
    base_url: str | None = None
    """An OpenAI-compatible server that serves this row's model names (not the hosted provider)."""
    prompt_version: str | None = None
    """The prompt version this row runs on; None: the run's version."""

    @property
    def name(self) -> str:
        """The row name in reports (a row on its own prompt version says which: `openai:gpt-4o-mini#v1`)."""
        if self.label:
            return self.label
        name = self.model if isinstance(self.model, str) else self.model.model_name
        return f"{name}#{self.prompt_version}" if self.prompt_version else name

    @classmethod
    def parse(cls, spec: str) -> EvalModel:
        """The model of a spec `[LABEL=]NAME[@BASE_URL]`; `ModelSpecError` when it cannot be served as written."""
        match = _SPEC.match(spec.strip())
        if match is None:
            raise ModelSpecError(
                spec, "write it as NAME, LABEL=NAME or NAME@BASE_URL (e.g. local=llama3.2@http://…/v1)"
            )
        name, url = match["name"], match["url"]
        if url is not None:
            parsed = urlparse(url)
            if not parsed.netloc:
                raise ModelSpecError(spec, f"{url!r} is not a base URL like http://127.0.0.1:8001/v1")
            served_name(name, url, spec, source="its base URL")  # refuses a non-OpenAI provider now, not mid-run
        if (version := match["version"]) is not None:
            try:
                check_prompt_version(version)
            except PromptError as error:
                raise ModelSpecError(spec, str(error)) from None
        return cls(model=name, label=match["label"], base_url=url, prompt_version=version)


@dataclass(frozen=True)
class ModelRow:
    """A row of the comparison with its models built: what drafts, what converts, and where they are served."""

    name: str
    model: Model
    plan_model: Model
    base_url: str | None
    """The OpenAI-compatible server the row's models are sent to; None for hosted and in-process models."""
    prompt_version: str | None = None
    """The row's own prompt version; None: the run's."""


def served_name(name: str, url: str, spec: str, *, source: str) -> str:
    """The model name to ask the OpenAI-compatible server at `url` for (`openai-chat:llama3` → `llama3`).

    Raises `ModelSpecError` for a name of another provider (`anthropic:…`): such a server cannot serve it.
    """
    if name == OFFLINE_MODEL:
        raise ModelSpecError(spec, "the offline coach runs in-process; it takes no base URL")
    prefix, _, rest = name.partition(":")
    if not rest or not is_provider(prefix):
        return name  # a bare model name, e.g. llama3.2:3b
    if prefix not in OPENAI_COMPATIBLE_PROVIDERS:
        fix = (
            f"unset PLANFORGE_BASE_URL to run it on {prefix!r} itself, and give local models their own base URL"
            " (LABEL=openai-chat:MODEL@URL)"
            if source == PLANFORGE_BASE_URL
            else f"name a hosted {prefix!r} model without a base URL, and a local one as openai-chat:MODEL@URL"
        )
        raise ModelSpecError(
            spec, f"{prefix!r} is not an OpenAI-compatible provider, so {source} {url!r} cannot serve it; {fix}"
        )
    return rest


@cache
def is_provider(prefix: str) -> bool:
    """Whether pydantic-ai knows `prefix` as a provider (`anthropic`, `openai-chat`), not a model (`llama3.2`)."""
    if any(known.startswith(f"{prefix}:") for known in known_model_names()):
        return True
    try:
        infer_provider_class(prefix)
    except ValueError:
        return False
    except ImportError:  # a provider whose SDK is not installed is still a provider
        return True
    return True


def eval_settings(settings: Settings) -> Settings:
    """`settings` for comparing models: no fallback models, so a row's figures are its own model's."""
    return settings.model_copy(update={"fallback_models": []})


def resolve_rows(models: list[EvalModel], settings: Settings, stack: AsyncExitStack) -> list[ModelRow]:
    """Every model built, before anything runs; models built from names are closed when `stack` closes.

    Raises `ModelSpecError` for a model that cannot be served as named, `ConfigurationError` for a missing key.
    """
    names = [m.name for m in models]
    if duplicate := next((name for name in names if names.count(name) > 1), None):
        raise ModelSpecError(duplicate, "two models have this row name; label them (LABEL=NAME)")
    rows: list[ModelRow] = []
    for chosen in models:
        model = build_model(chosen.model, chosen, settings, stack)
        plan = model if chosen.plan_model is None else build_model(chosen.plan_model, chosen, settings, stack)
        served = serving_url(chosen.model, chosen, settings)
        rows.append(ModelRow(chosen.name, model, plan, served[0] if served else None, chosen.prompt_version))
    return rows


def build_judge(judge: ModelChoice | EvalModel, settings: Settings, stack: AsyncExitStack) -> tuple[str, Model]:
    """The LLM judge's name and Model (the same spec syntax as a row's); the offline coach cannot judge."""
    row = judge if isinstance(judge, EvalModel) else EvalModel(judge)
    if row.model == OFFLINE_MODEL:
        raise ModelSpecError(OFFLINE_MODEL, "the offline coach writes plans, it cannot judge them; name an LLM judge")
    return row.name, build_model(row.model, row, settings, stack)


def serving_url(choice: ModelChoice, row: EvalModel, settings: Settings) -> tuple[str, str] | None:
    """The OpenAI-compatible server that serves `choice` in `row`, and where that URL came from; None when the
    model is a Model instance, the offline coach or a hosted model."""
    if isinstance(choice, Model):
        return None
    if row.base_url is not None:
        return row.base_url, "its base URL"
    if settings.base_url is not None and choice != OFFLINE_MODEL:
        return settings.base_url, PLANFORGE_BASE_URL
    return None


def build_model(choice: ModelChoice, row: EvalModel, settings: Settings, stack: AsyncExitStack) -> Model:
    """The Model for `choice` in `row`: served from the row's base URL, `PLANFORGE_BASE_URL`, or its provider.

    A model built here from a name is closed when `stack` closes; a Model instance belongs to the caller.
    """
    if isinstance(choice, Model):
        if row.base_url is not None:
            raise ModelSpecError(row.name, "a Model instance brings its own client; give a base URL with a name")
        return choice
    served = serving_url(choice, row, settings)
    if served is None:
        model = resolve_model(choice, settings.model_copy(update={"base_url": None}))
    else:
        url, source = served
        model = openai_compatible_model(served_name(choice, url, row.name, source=source), url, settings)
    stack.push_async_callback(close_model, model)
    return model


def openai_compatible_model(name: str, base_url: str, settings: Settings) -> Model:
    """`name` on the OpenAI-compatible server at `base_url` (chat completions), with planforge's retry layer."""
    # Imported here: the openai SDK takes seconds to import and offline runs never need it.
    from openai import AsyncOpenAI
    from pydantic_ai.models.openai import OpenAIChatModel
    from pydantic_ai.providers.openai import OpenAIProvider

    client = AsyncOpenAI(
        base_url=base_url,
        api_key=settings.api_key or "not-needed",
        max_retries=0,
        http_client=retrying_http_client(settings),
    )
    return OpenAIChatModel(name, provider=OpenAIProvider(openai_client=client))

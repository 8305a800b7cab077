"""One generation, one object: everything a draft or a plan run was decided with, decided once.

`PlanForge` builds a `DraftRun` or a `PlanRun` at the start of a generation and hands it down; agents,
checks, the cache and the offline coach read their facts from it instead of re-deriving them from the request.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Final, Protocol

from pydantic_ai.models import Model

from planforge.domain.chunk import PlanChunk, WeekText
from planforge.domain.plan import PlanWarning
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.vocabulary import Phase
from planforge.drafttext import SegmentedDraft
from planforge.library.policy import LibraryPolicy
from planforge.prompts import DEFAULT_PROMPT_VERSION
from planforge.settings import Settings

PARSING_MODEL_CHUNK_WEEKS: Final = 13
"""Chunk size for a model that converts by parsing (the offline coach), unless `chunk_weeks` was set."""


@dataclass(frozen=True)
class ConversionProfile:
    """How a plan model's conversions are run: chunk size, and whether the parser cross-checks its answers."""

    chunk_weeks: int
    cross_check: bool

    @classmethod
    def for_model(cls, model: Model, settings: Settings) -> ConversionProfile:
        """The profile of `model`.

        One-week chunks suit LLMs (output limits, latency), and the parser cross-checks what they write. A
        model that converts *by* parsing (the offline coach's class says so with `converts_by_parsing`) has
        neither limit, so it takes a quarter-year per call unless chunk_weeks was set, and cross-checking it
        against itself proves nothing.
        """
        # Asked of the model's class: a wrapper (e.g. one simulating an LLM's latency) converts like an LLM.
        if getattr(type(model), "converts_by_parsing", False):
            explicit = "chunk_weeks" in settings.model_fields_set
            return cls(settings.chunk_weeks if explicit else PARSING_MODEL_CHUNK_WEEKS, cross_check=False)
        return cls(settings.chunk_weeks, cross_check=True)


@dataclass(frozen=True)
class DraftRun:
    """Everything one draft generation depends on (the deps of the draft, outline and expand agents)."""

    request: DraftRequest
    principle: str
    library: LibraryPolicy
    prompt_version: str = DEFAULT_PROMPT_VERSION


class ChunkCheck(Protocol):
    """A check of a chunk's output beyond the structural ones.

    A `soft` check's problems are accepted as warnings on the model's last attempt (the check itself may be
    wrong); a hard check's problems always fail the chunk.
    """

    @property
    def soft(self) -> bool: ...

    def review(self, deps: ChunkDeps, output: PlanChunk) -> tuple[list[str], list[PlanWarning]]:
        """Problems the model must fix, and warnings to pass on when the output is accepted."""
        ...


@dataclass(frozen=True)
class PlanRun:
    """Everything one plan generation depends on, with the draft segmented once."""

    request: PlanRequest
    principle: str
    draft: SegmentedDraft
    """The refined draft in weeks, with its plan-wide context (what every chunk's converter must know)."""
    library: LibraryPolicy
    profile: ConversionProfile
    prompt_version: str = DEFAULT_PROMPT_VERSION
    checks: tuple[ChunkCheck, ...] = field(default=(), compare=False)
    """Checks beyond the structural ones (the parser cross-check), built from this run's facts."""

    def fingerprint(self) -> str:
        """A digest of everything plan-wide that determines a chunk's conversion (the cache key's run part)."""
        context = self.draft.context
        material = {
            "plan_weeks": self.request.weeks,
            "level": self.request.level,
            "principle": self.principle,
            "library": self.library.fingerprint(),
            "context": [context.default_unit, context.default_sport],
            "cross_check": self.profile.cross_check,
            "prompt_version": self.prompt_version,
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class ChunkDeps:
    """One chunk's conversion: its run and its weeks (the plan agent's deps)."""

    run: PlanRun
    weeks: list[WeekText]

    @property
    def library(self) -> LibraryPolicy:
        return self.run.library

    @property
    def week_numbers(self) -> list[int]:
        return [week.week for week in self.weeks]

    @property
    def phase_hints(self) -> dict[int, Phase]:
        return {week.week: week.phase for week in self.weeks if week.phase is not None}

    @property
    def phase_before(self) -> Phase | None:
        """The last training phase the draft names before this chunk (a recovery week is a pause, not a phase):
        a week that names none usually goes on with it, whichever chunk the phase was named in."""
        first = min(self.week_numbers, default=0)
        before: Phase | None = None
        for week in self.run.draft.weeks:
            if week.week < first and week.phase is not None and week.phase != "recovery":
                before = week.phase
        return before

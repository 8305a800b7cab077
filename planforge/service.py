"""The one orchestration point: drafts, plans, and their event streams.

The HTTP API and the CLI are thin adapters over `PlanForge`. Every generation first decides its facts once
(a `DraftRun` or `PlanRun`: principle, library policy, the segmented draft and its plan-wide context, the
conversion profile), then runs as `_draft(request, emit)` / `_plan(request, emit)`; the streaming variants run
the same coroutine (`EventStream`), so a stream and a plain call can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic_ai.models import Model

from planforge.domain.draft import DraftMetadata, DraftResult
from planforge.domain.events import Emit
from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.requirements import Requirements
from planforge.drafttext import check_weeks, render_draft, segment_draft
from planforge.library.enforcement import LibrarySnapshot
from planforge.library.policy import LibraryPolicy
from planforge.library.sqlite_store import SQLiteWorkoutLibrary
from planforge.library.store import WorkoutLibrary
from planforge.llm import ModelChoice, close_model, resolve_model
from planforge.llm.errors import deadline
from planforge.pipeline.budget import Budget
from planforge.pipeline.cache import ChunkCache, InMemoryChunkCache
from planforge.pipeline.converting import ChunkConverter, assemble_plan
from planforge.pipeline.cross_check import ParserCrossCheck
from planforge.pipeline.drafting import DraftWriter
from planforge.pipeline.run import ChunkCheck, ConversionProfile, DraftRun, PlanRun
from planforge.pipeline.streaming import EventStream
from planforge.prompts import DEFAULT_PROMPT_VERSION, check_prompt_version
from planforge.settings import Settings
from planforge.stores.database import database_path
from planforge.stores.training_principles import (
    InMemoryTrainingPrincipleStore,
    PrincipleSource,
    SQLiteTrainingPrincipleStore,
    TrainingPrincipleStore,
    resolve_principle,
)


def _built_here(choice: ModelChoice | None, built: Model, model: ModelChoice | None) -> bool:
    """Whether PlanForge made `built` itself (from a name or the default) rather than being handed it."""
    if isinstance(choice, Model):
        return False
    return not (choice is None and built is model)  # the plan model defaulting to a caller's draft model


def understood_requirements(request: DraftRequest, principle: str) -> Requirements:
    """What the request asks for, as planforge reads it (the draft result's metadata carries it)."""
    # Imported here: `import planforge` leaves the offline coach unloaded until a draft is written.
    from planforge.offline.engine.understand import read_requirements

    return read_requirements(request.additional_prompt, principle, request.start_date)


def utc_now() -> dt.datetime:
    """The default clock: now, in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class PlanForge:
    """Generate training-plan drafts and convert drafts into structured plans.

    `model` drafts (and converts, unless `plan_model` is given): a pydantic-ai model string such as
    `"openai:gpt-4o-mini"`, a `Model` instance, or `"offline"`; None picks `Settings.model`, a configured
    provider, or the offline coach. Converted chunks are cached (`chunk_cache`, in memory by default), so
    converting an edited draft again re-converts only the chunks whose weeks changed.
    """

    def __init__(
        self,
        *,
        model: ModelChoice | None = None,
        plan_model: ModelChoice | None = None,
        settings: Settings | None = None,
        training_principles: TrainingPrincipleStore | None = None,
        library: WorkoutLibrary | None = None,
        chunk_cache: ChunkCache | None = None,
        prompt_version: str = DEFAULT_PROMPT_VERSION,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.settings = settings or Settings()
        check_prompt_version(prompt_version)
        self.model: Model = resolve_model(model, self.settings)
        plan_choice = plan_model if plan_model is not None else self.settings.plan_model
        self.plan_model: Model = self.model if plan_choice is None else resolve_model(plan_choice, self.settings)
        # Models given as instances belong to the caller; those built here from a name are closed by `aclose`.
        self._owned_models = [
            built
            for built, choice in ((self.model, model), (self.plan_model, plan_choice))
            if _built_here(choice, built, model)
        ]
        self._owned_library: SQLiteWorkoutLibrary | None = None
        self.training_principles: TrainingPrincipleStore = (
            training_principles if training_principles is not None else InMemoryTrainingPrincipleStore()
        )
        self.library = library
        self.prompt_version = prompt_version
        self._snapshots: dict[str, LibrarySnapshot] = {}
        self._clock = clock
        self._writer = DraftWriter(self.settings, self.model)
        cache = chunk_cache if chunk_cache is not None else InMemoryChunkCache()
        self._converter = ChunkConverter(self.settings, self.plan_model, cache)
        self._profile = ConversionProfile.for_model(self.plan_model, self.settings)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> PlanForge:
        """A PlanForge for the standalone service: stores in the SQLite file of `settings.data_dir`."""
        settings = settings or Settings()
        path = database_path(settings.data_dir)
        library = SQLiteWorkoutLibrary(path)
        forge = cls(settings=settings, training_principles=SQLiteTrainingPrincipleStore(path), library=library)
        forge._owned_library = library
        return forge

    async def aclose(self) -> None:
        """Close what this PlanForge opened: the HTTP clients of models it built, the stores of `from_settings`."""
        for model in {id(m): m for m in self._owned_models}.values():
            await close_model(model)
        if self._owned_library is not None:
            self._owned_library.close()

    async def __aenter__(self) -> PlanForge:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def training_principle(self, org_id: str) -> tuple[str, PrincipleSource]:
        """The principle a request of `org_id` without an override uses, and where it comes from."""
        return await resolve_principle(self.training_principles, org_id, None)

    async def set_training_principle(self, org_id: str, principle: str) -> None:
        """Store `org_id`'s principle; every later request of the org without an override uses it."""
        await self.training_principles.set(org_id, principle)

    async def generate_draft(self, request: DraftRequest) -> DraftResult:
        """Step 1: an editable draft for `request`."""
        return await self._draft(request, None)

    async def generate_plan(self, request: PlanRequest) -> Plan:
        """Step 2: the structured plan for `request.refined_draft`."""
        return await self._plan(request, None)

    def stream_draft(self, request: DraftRequest) -> EventStream[DraftResult]:
        """Step 1 as events: progress …, then result (or error), then done."""
        return EventStream(lambda emit: self._draft(request, emit))

    def stream_plan(self, request: PlanRequest) -> EventStream[Plan]:
        """Step 2 as events: progress, week and workout events as chunks finish, then result (or error), then done."""
        return EventStream(lambda emit: self._plan(request, emit))

    async def draft_run(self, request: DraftRequest) -> DraftRun:
        """What a draft generation of `request` is decided with: its principle and library policy."""
        principle, _ = await resolve_principle(self.training_principles, request.org_id, request.training_principle)
        return DraftRun(request, principle, await self._library_policy(request), self.prompt_version)

    async def plan_run(self, request: PlanRequest) -> PlanRun:
        """What a plan generation of `request` is decided with: the segmented draft, principle, library, profile.

        Raises `DraftStructureError` when the draft has no readable weeks or not `request.weeks` of them.
        """
        draft = segment_draft(request.refined_draft)
        check_weeks(draft, request.weeks)
        principle, _ = await resolve_principle(self.training_principles, request.org_id, request.training_principle)
        library = await self._library_policy(request)
        checks: tuple[ChunkCheck, ...] = ()
        if self._profile.cross_check:
            checks = (ParserCrossCheck(allow_gaps=library.allows_gaps, context=draft.context),)
        return PlanRun(request, principle, draft, library, self._profile, self.prompt_version, checks)

    async def _draft(self, request: DraftRequest, emit: Emit | None) -> DraftResult:
        run = await self.draft_run(request)
        budget = Budget.from_settings(self.settings)
        async with deadline(self.settings.request_timeout_seconds):
            draft = await self._writer.write(run, emit, budget)
        requirements = understood_requirements(request, run.principle)
        metadata = DraftMetadata(
            weeks=request.weeks,
            level=request.level,
            org_id=request.org_id,
            generated_at=self._clock(),
            requirements=requirements,
        )
        text = render_draft(draft, draft.language or requirements.language)
        return DraftResult(draft=text, training_principle=run.principle, metadata=metadata, usage=budget.spent())

    async def _plan(self, request: PlanRequest, emit: Emit | None) -> Plan:
        run = await self.plan_run(request)
        budget = Budget.from_settings(self.settings)
        async with deadline(self.settings.request_timeout_seconds):
            chunks = await self._converter.convert(run, emit, budget)
        return assemble_plan(run, chunks, budget.spent())

    async def _library_policy(self, request: DraftRequest) -> LibraryPolicy:
        threshold = self.settings.library_match_threshold
        return await LibraryPolicy.load(
            request.workout_preference, request.org_id, self.library, self._snapshots, threshold
        )

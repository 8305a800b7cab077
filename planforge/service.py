"""The one orchestration point: drafts, plans, and their event streams.

The HTTP API and the CLI are thin adapters over `PlanForge`. Every generation first decides its facts once
(a `DraftRun` or `PlanRun`: principle, library policy, the segmented draft and its plan-wide context, the
conversion profile), then runs as `_draft(request, emit)` / `_plan(request, emit)`; the streaming variants run
the same coroutine (`EventStream`), so a stream and a plain call can never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable

from pydantic_ai.models import Model

from planforge.domain.draft import DraftMetadata, DraftResult
from planforge.domain.events import Emit
from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.requirements import Requirements
from planforge.drafttext import SegmentedDraft, check_weeks, render_draft, segment_draft
from planforge.exceptions import InvalidRequestError
from planforge.library.enforcement import LibrarySnapshot
from planforge.library.policy import LibraryPolicy
from planforge.library.store import WorkoutLibrary
from planforge.llm import ModelChoice, close_model, resolve_model
from planforge.llm.errors import deadline
from planforge.llm.profile import effective_settings
from planforge.observability.tracing import generation_span
from planforge.pipeline.budget import Budget
from planforge.pipeline.cache import ChunkCache, InMemoryChunkCache
from planforge.pipeline.converting import ChunkConverter, assemble_plan
from planforge.pipeline.cross_check import ParserCrossCheck, WeekReading, read_weeks
from planforge.pipeline.drafting import DraftWriter
from planforge.pipeline.run import ChunkCheck, ConversionProfile, DraftRun, PlanRun
from planforge.pipeline.streaming import EventStream
from planforge.pipeline.workers import ProcessingBudget, WorkerPool, new_worker_pool, run_cpu_sized, worker_context
from planforge.prompts import DEFAULT_PROMPT_VERSION, check_prompt_version
from planforge.settings import Settings
from planforge.stores.backend import Stores, open_stores
from planforge.stores.training_principles import (
    InMemoryTrainingPrincipleStore,
    PrincipleSource,
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


PROGRESS_STEPS = 13
"""A model that converts by parsing gets chunks of ceil(weeks / 13) weeks: progress per week up to a quarter-year,
at most 13 conversion calls for any plan."""


def check_date_range(request: DraftRequest) -> None:
    """Demand that the plan's last day is a date: start_date "9999-12-31" would overflow the calendar."""
    if request.start_date is None:
        return
    last_day = dt.date.max - dt.timedelta(days=7 * request.weeks - 1)
    if request.start_date > last_day:
        raise InvalidRequestError(
            f"a {request.weeks}-week plan starting {request.start_date.isoformat()} would end after"
            f" {dt.date.max.isoformat()}; the latest start is {last_day.isoformat()}",
            field="start_date",
        )


def _segmented(request: PlanRequest) -> SegmentedDraft:
    draft = segment_draft(request.refined_draft)
    check_weeks(draft, request.weeks)
    return draft


def _first_unreadable(draft: SegmentedDraft, readings: dict[str, WeekReading]) -> None:
    """Raise the first week's parser error, in week order."""
    for week in draft.weeks:
        if isinstance(reading := readings[week.text], Exception):
            raise reading


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
        # A local server's profile (one call at a time, its own deadlines) fills what the caller left unset.
        self.settings = effective_settings(settings or Settings())
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
        self._owned_stores: Stores | None = None
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
        self._cpu_pool = new_worker_pool(self.settings.cpu_workers, self.settings.cpu_worker_niceness)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> PlanForge:
        """A PlanForge for the standalone service, on the stores `settings.database_url` chooses (PostgreSQL, shared
        by replicas), else on the SQLite file of `settings.data_dir`; `aclose` releases them.

        Raises `ConfigurationError` when the Postgres database is unreachable or needs `planforge db upgrade`.
        """
        settings = settings or Settings()
        stores = open_stores(settings)
        forge = cls(
            settings=settings,
            training_principles=stores.training_principles,
            library=stores.library,
            chunk_cache=stores.chunk_cache,
        )
        forge._owned_stores = stores
        return forge

    @property
    def cpu_pool(self) -> WorkerPool:
        """The worker processes this PlanForge runs CPU-bound work in (`Settings.cpu_workers` of them)."""
        return self._cpu_pool

    async def aclose(self) -> None:
        """Close what this PlanForge opened: the HTTP clients of models it built, the stores of `from_settings`."""
        for model in {id(m): m for m in self._owned_models}.values():
            await close_model(model)
        if self._owned_stores is not None:
            await self._owned_stores.aclose()
        await self._cpu_pool.aclose()

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

    def _processing_budget(self, field: str | None) -> ProcessingBudget:
        return ProcessingBudget(self.settings.cpu_budget_seconds, field)

    async def generate_draft(self, request: DraftRequest) -> DraftResult:
        """Step 1: an editable draft for `request`."""
        budget = self._processing_budget("additional_prompt")
        return await self._draft(await self._prepare_draft(request, budget), None, budget)

    async def generate_plan(self, request: PlanRequest) -> Plan:
        """Step 2: the structured plan for `request.refined_draft`."""
        budget = self._processing_budget("refined_draft")
        return await self._plan(await self._prepare_plan(request, budget), None, budget)

    def stream_draft(self, request: DraftRequest) -> EventStream[DraftResult]:
        """Step 1 as events: progress …, then result (or error), then done.

        An invalid request becomes an `error` event; `open_draft_stream` raises it before the stream instead.
        """
        budget = self._processing_budget("additional_prompt")

        async def generation(emit: Emit) -> DraftResult:
            return await self._draft(await self._prepare_draft(request, budget), emit, budget)

        return EventStream(generation)

    def stream_plan(self, request: PlanRequest) -> EventStream[Plan]:
        """Step 2 as events: progress, week and workout events as chunks finish, then result (or error), then done.

        An invalid request becomes an `error` event; `open_plan_stream` raises it before the stream instead.
        """
        budget = self._processing_budget("refined_draft")

        async def generation(emit: Emit) -> Plan:
            return await self._plan(await self._prepare_plan(request, budget), emit, budget)

        return EventStream(generation)

    async def open_draft_stream(self, request: DraftRequest) -> EventStream[DraftResult]:
        """Step 1 as events, after the checks a plain call makes first: an invalid request raises here, as
        `generate_draft` would, so an HTTP stream can answer it with a 4xx before any event is sent."""
        budget = self._processing_budget("additional_prompt")
        run = await self._prepare_draft(request, budget)
        return EventStream(lambda emit: self._draft(run, emit, budget))

    async def open_plan_stream(self, request: PlanRequest) -> EventStream[Plan]:
        """Step 2 as events, after the checks a plain call makes first (draft structure, library policy, and the
        parser's reading for a model that converts by parsing): an invalid request raises here."""
        budget = self._processing_budget("refined_draft")
        run = await self._prepare_plan(request, budget)
        return EventStream(lambda emit: self._plan(run, emit, budget))

    async def draft_run(self, request: DraftRequest) -> DraftRun:
        """What a draft generation of `request` is decided with: its principle and library policy.

        Raises `InvalidRequestError` when the plan would end after the last date there is.
        """
        check_date_range(request)
        principle, _ = await resolve_principle(self.training_principles, request.org_id, request.training_principle)
        return DraftRun(request, principle, await self._library_policy(request), self.prompt_version)

    async def plan_run(self, request: PlanRequest) -> PlanRun:
        """What a plan generation of `request` is decided with: the segmented draft, principle, library, profile.

        Raises `DraftStructureError` when the draft has no readable weeks or not `request.weeks` of them, or (for
        a model that converts by parsing, which would fail on it alike) a week the parser cannot read.
        """
        return await self._prepare_plan(request, self._processing_budget("refined_draft"))

    async def _prepare_draft(self, request: DraftRequest, budget: ProcessingBudget) -> DraftRun:
        with worker_context(self._cpu_pool, budget):
            return await self.draft_run(request)

    async def _prepare_plan(self, request: PlanRequest, budget: ProcessingBudget) -> PlanRun:
        check_date_range(request)
        with worker_context(self._cpu_pool, budget):
            size = len(request.refined_draft)
            draft = await run_cpu_sized(size, _segmented, request)
            readings = await run_cpu_sized(size, read_weeks, draft.weeks, draft.context)
        principle, _ = await resolve_principle(self.training_principles, request.org_id, request.training_principle)
        library = await self._library_policy(request)
        profile = self._profile
        checks: tuple[ChunkCheck, ...] = ()
        if profile.cross_check:
            checks = (ParserCrossCheck(allow_gaps=library.allows_gaps, context=draft.context, readings=readings),)
        else:
            _first_unreadable(draft, readings)  # the model parses too: it would fail on the same week
            if "chunk_weeks" not in self.settings.model_fields_set:
                profile = dataclasses.replace(profile, chunk_weeks=math.ceil(request.weeks / PROGRESS_STEPS))
        return PlanRun(request, principle, draft, library, profile, self.prompt_version, checks)

    async def _draft(self, run: DraftRun, emit: Emit | None, processing: ProcessingBudget) -> DraftResult:
        request = run.request
        budget = Budget.from_settings(self.settings)
        span = generation_span("draft", org_id=request.org_id, weeks=request.weeks, level=request.level)
        with span, worker_context(self._cpu_pool, processing), budget.reported_on_failure():
            async with deadline(self.settings.request_timeout_seconds):
                draft = await self._writer.write(run, emit, budget)
            prompt_size = len(request.additional_prompt or "") + len(run.principle)
            requirements = await run_cpu_sized(prompt_size, understood_requirements, request, run.principle)
        metadata = DraftMetadata(
            weeks=request.weeks,
            level=request.level,
            org_id=request.org_id,
            generated_at=self._clock(),
            requirements=requirements,
        )
        with worker_context(self._cpu_pool, processing):
            text = await run_cpu_sized(
                request.weeks * 1_000, render_draft, draft, draft.language or requirements.language
            )
        return DraftResult(draft=text, training_principle=run.principle, metadata=metadata, usage=budget.spent())

    async def _plan(self, run: PlanRun, emit: Emit | None, processing: ProcessingBudget) -> Plan:
        request = run.request
        budget = Budget.from_settings(self.settings)
        span = generation_span("plan", org_id=request.org_id, weeks=request.weeks, level=request.level)
        with span, worker_context(self._cpu_pool, processing), budget.reported_on_failure():
            async with deadline(self.settings.request_timeout_seconds):
                chunks = await self._converter.convert(run, emit, budget)
        return assemble_plan(run, chunks, budget.spent())

    async def _library_policy(self, request: DraftRequest) -> LibraryPolicy:
        threshold = self.settings.library_match_threshold
        return await LibraryPolicy.load(
            request.workout_preference, request.org_id, self.library, self._snapshots, threshold
        )

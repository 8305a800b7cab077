"""The one orchestration point: drafts, plans, and their event streams.

The HTTP API and the CLI are thin adapters over `PlanForge`. Every generation runs as
`_draft(request, emit)` / `_plan(request, emit)`; the streaming variants run the same coroutine in a task and
yield the events it emits, so a stream and a plain call can never disagree.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import suppress
from typing import TypeVar

from pydantic_ai.models import Model

from planforge.agents.draft import DraftDeps
from planforge.agents.plan import ChunkCheck
from planforge.domain.draft import DraftMetadata, DraftResult
from planforge.domain.events import DoneEvent, Emit, ErrorEvent, Event, ResultEvent
from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.drafttext.context import plan_context
from planforge.drafttext.render import render_draft
from planforge.drafttext.segment import check_weeks, segment_draft
from planforge.exceptions import InvalidRequestError, PlanforgeError, user_message
from planforge.library.enforcement import LibrarySnapshot
from planforge.library.sqlite_store import SQLiteWorkoutLibrary
from planforge.library.store import WorkoutLibrary
from planforge.llm import ModelChoice, close_model, resolve_model
from planforge.llm.errors import deadline
from planforge.offline.model import OfflineCoachModel
from planforge.pipeline.budget import Budget
from planforge.pipeline.cache import ChunkCache, InMemoryChunkCache
from planforge.pipeline.converting import ChunkConverter, assemble_plan
from planforge.pipeline.cross_check import ParserCrossCheck
from planforge.pipeline.drafting import DraftWriter
from planforge.prompts import DEFAULT_PROMPT_VERSION, check_prompt_version
from planforge.settings import Settings
from planforge.stores.database import database_path
from planforge.stores.principles import (
    InMemoryPrincipleStore,
    PrincipleStore,
    SQLitePrincipleStore,
    resolve_principle,
)

OFFLINE_CHUNK_WEEKS = 13
ResultT = TypeVar("ResultT", DraftResult, Plan)


def _built_here(choice: ModelChoice | None, built: Model, model: ModelChoice | None) -> bool:
    """Whether PlanForge made `built` itself (from a name or the default) rather than being handed it."""
    if isinstance(choice, Model):
        return False
    return not (choice is None and built is model)  # the plan model defaulting to a caller's draft model


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
        principles: PrincipleStore | None = None,
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
        self.principles: PrincipleStore = principles if principles is not None else InMemoryPrincipleStore()
        self.library = library
        self.prompt_version = prompt_version
        self._snapshots: dict[str, LibrarySnapshot] = {}
        self._clock = clock
        self._writer = DraftWriter(self.settings, self.model)
        cache = chunk_cache if chunk_cache is not None else InMemoryChunkCache()
        self._converter = ChunkConverter(self._conversion_settings(), self.plan_model, prompt_version, cache)

    def _conversion_settings(self) -> Settings:
        # One-week chunks suit LLMs (output limits, latency). The offline coach has neither: its cost is
        # pydantic-ai's few milliseconds per run, so unless chunk_weeks was set it converts a quarter-year at once.
        if isinstance(self.plan_model, OfflineCoachModel) and "chunk_weeks" not in self.settings.model_fields_set:
            return self.settings.model_copy(update={"chunk_weeks": OFFLINE_CHUNK_WEEKS})
        return self.settings

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> PlanForge:
        """A PlanForge for the standalone service: stores in the SQLite file of `settings.data_dir`."""
        settings = settings or Settings()
        path = database_path(settings.data_dir)
        library = SQLiteWorkoutLibrary(path)
        forge = cls(settings=settings, principles=SQLitePrincipleStore(path), library=library)
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

    async def effective_principle(self, org_id: str) -> str:
        """The org's stored principle, or the built-in default."""
        principle, _ = await resolve_principle(self.principles, org_id, None)
        return principle

    async def generate_draft(self, request: DraftRequest) -> DraftResult:
        """Step 1: an editable draft for `request`."""
        return await self._draft(request, None)

    async def generate_plan(self, request: PlanRequest) -> Plan:
        """Step 2: the structured plan for `request.refined_draft`."""
        return await self._plan(request, None)

    def stream_draft(self, request: DraftRequest) -> AsyncIterator[Event]:
        """Step 1 as events: progress …, then result (or error), then done."""
        return self._stream(lambda emit: self._draft(request, emit))

    def stream_plan(self, request: PlanRequest) -> AsyncIterator[Event]:
        """Step 2 as events: progress, week and workout events as chunks finish, then result (or error), then done."""
        return self._stream(lambda emit: self._plan(request, emit))

    async def _draft(self, request: DraftRequest, emit: Emit | None) -> DraftResult:
        principle, _ = await resolve_principle(self.principles, request.org_id, request.training_principle)
        deps = DraftDeps(request, principle, self.prompt_version, await self._library_snapshot(request))
        budget = Budget.from_settings(self.settings)
        async with deadline(self.settings.request_timeout_seconds):
            draft = await self._writer.write(deps, emit, budget)
        metadata = DraftMetadata(
            weeks=request.weeks, level=request.level, org_id=request.org_id, generated_at=self._clock()
        )
        return DraftResult(
            draft=render_draft(draft), training_principle=principle, metadata=metadata, usage=budget.spent()
        )

    async def _plan(self, request: PlanRequest, emit: Emit | None) -> Plan:
        segmented = segment_draft(request.refined_draft)
        check_weeks(segmented, request.weeks)
        principle, _ = await resolve_principle(self.principles, request.org_id, request.training_principle)
        library = await self._library_snapshot(request)
        checks = self._chunk_checks(request)
        budget = Budget.from_settings(self.settings)
        async with deadline(self.settings.request_timeout_seconds):
            chunks = await self._converter.convert(request, principle, segmented.weeks, emit, budget, checks, library)
        return assemble_plan(request, chunks, budget.spent())

    def _chunk_checks(self, request: PlanRequest) -> tuple[ChunkCheck, ...]:
        # The offline coach converts with the parser itself: cross-checking it against itself proves nothing.
        if isinstance(self.plan_model, OfflineCoachModel):
            return ()
        allow_gaps = request.workout_preference == "strict_existing"
        return (ParserCrossCheck(allow_gaps=allow_gaps, context=plan_context(request.refined_draft)),)

    async def _library_snapshot(self, request: DraftRequest) -> LibrarySnapshot | None:
        """The org's library for a prefer/strict request (None under ai_generate), rebuilt only when it changed."""
        if request.workout_preference == "ai_generate":
            return None
        if self.library is None:
            raise InvalidRequestError(
                f"{request.workout_preference!r} needs a workout library and none is configured",
                field="workout_preference",
            )
        org_id = request.org_id
        version = await self.library.version(org_id)
        cached = self._snapshots.get(org_id)
        if cached is None or cached.version != version:
            workouts = await self.library.list(org_id)
            threshold = self.settings.library_match_threshold
            cached = self._snapshots[org_id] = LibrarySnapshot.build(org_id, version, workouts, threshold)
        if request.workout_preference == "strict_existing" and not cached.workouts:
            raise InvalidRequestError(
                f"org {org_id!r} has no workouts in its library; strict_existing uses library workouts only",
                field="workout_preference",
            )
        return cached

    async def _stream(self, run: Callable[[Emit], Awaitable[ResultT]]) -> AsyncIterator[Event]:
        queue: asyncio.Queue[Event | None] = asyncio.Queue()

        async def emit(event: Event) -> None:
            queue.put_nowait(event)

        async def produce() -> None:
            try:
                queue.put_nowait(ResultEvent(data=await run(emit)))
            except PlanforgeError as error:
                queue.put_nowait(ErrorEvent(error=user_message(error), code=error.code))
            finally:
                queue.put_nowait(None)

        task = asyncio.create_task(produce())
        try:
            while (event := await queue.get()) is not None:
                yield event
            task.result()  # re-raises a bug instead of ending the stream quietly
            yield DoneEvent()
        finally:
            # The consumer went away (e.g. an SSE client disconnected): cancel the in-flight model calls.
            if not task.done():
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task

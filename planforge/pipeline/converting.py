"""Chunked conversion: a plan run's weeks → plan-agent runs per chunk of weeks, concurrently, bounded.

Chunks start all at once under a limit that adapts to the provider (`planforge.pipeline.adaptive`), or run
`Settings.concurrency` at a time when that is set (one at a time for a local server, `planforge.llm.profile`);
each finished chunk is emitted (week and workout events) at once. A chunk that still fails after its retries
fails the whole plan with an error naming its weeks and the last problem; the other chunks are cancelled and
nothing partial is returned.

Every chunk's request starts with what all chunks of the plan share (schema, instructions, principle, plan
context), so providers' prompt caches serve it from the second chunk on (`planforge.llm.caching`). For the cache
to hold that prefix when the others are sent, the first chunk goes alone until its answer begins (the limiter's
cache warm-up); that call is streamed, as its first token is the signal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from contextlib import aclosing

from pydantic_ai.agent import AgentRunResult
from pydantic_ai.models import Model
from pydantic_ai.settings import ModelSettings

from planforge.agents.plan import create_plan_agent, plan_user_prompt
from planforge.domain.chunk import PlanChunk, WeekText
from planforge.domain.events import Emit, ProgressEvent, WeekEvent, WorkoutEvent
from planforge.domain.plan import Plan, PlanWarning, PlanWorkout, WeekInfo, Workout
from planforge.domain.usage import Usage
from planforge.domain.vocabulary import weekday_index
from planforge.exceptions import ChunkConversionError, PlanforgeError
from planforge.llm.caching import shared_prefix_settings, with_cache_point
from planforge.llm.call_signals import signal_output_start, signals_output_start
from planforge.llm.calls import call_deadline, retrying_lost_connections
from planforge.llm.errors import model_errors
from planforge.llm.output_mode import output_mode_for
from planforge.llm.profile import effective_settings, streams_requests
from planforge.pipeline.adaptive import is_warm_up_call, limiter_for
from planforge.pipeline.budget import Budget
from planforge.pipeline.cache import ChunkCache, chunk_key
from planforge.pipeline.concurrency import as_finished
from planforge.pipeline.run import ChunkDeps, PlanRun
from planforge.settings import Settings


def chunk_weeks(weeks: Sequence[WeekText], size: int) -> list[list[WeekText]]:
    """Consecutive chunks of `size` weeks (the last may be shorter), in week order."""
    ordered = sorted(weeks, key=lambda week: week.week)
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


def scheduled_date(start: dt.date, workout: Workout) -> dt.date:
    """Week N spans start + 7·(N−1) … +6; the weekday picks the day inside that span."""
    span_start = start + dt.timedelta(days=7 * (workout.week - 1))
    offset = (weekday_index(workout.day) - span_start.weekday()) % 7
    return span_start + dt.timedelta(days=offset)


def plan_workout(workout: Workout, start: dt.date | None) -> PlanWorkout:
    """The workout as it appears in the plan, with its date when the plan has a start date."""
    return PlanWorkout(**workout.model_dump(), date=scheduled_date(start, workout) if start else None)


CHUNK_OWN_PART = "<chunk>\n"
"""Where a chunk's request stops being the same for every chunk of the plan (the cache point goes before it)."""
USAGE_ESTIMATED = "usage_estimated"
"""The warning code of a plan whose token counts were (partly) estimated: the server reported none."""


def usage_warning(requests: int) -> PlanWarning:
    """Says that `requests` model requests reported no usage, so their tokens are estimates."""
    return PlanWarning(
        code=USAGE_ESTIMATED,
        message=f"the model server reported no token usage for {requests} request(s); their tokens in `usage` are"
        " estimated from the text (about 4 characters a token)",
    )


class ChunkConverter:
    """Runs the plan agent over the chunks of a plan run."""

    def __init__(self, settings: Settings, model: Model, cache: ChunkCache | None) -> None:
        self._settings = effective_settings(settings)
        self._model = model
        self._model_id = f"{model.system}:{model.model_name}"
        self._cache = cache
        self._agent = create_plan_agent(
            output_retries=settings.output_retries, output_mode=output_mode_for(model, self._settings)
        )
        self._stream = streams_requests(self._settings)
        self._can_warm_up = signals_output_start(model)

    async def convert(self, run: PlanRun, emit: Emit | None, budget: Budget) -> list[PlanChunk]:
        """Every chunk converted, in week order; raises the first chunk's error and cancels the rest."""
        weeks = run.draft.weeks
        chunks = chunk_weeks(weeks, run.profile.chunk_weeks)
        if emit:
            await emit(ProgressEvent(status="converting", message=f"Converting {len(weeks)} weeks", progress=0))

        def job(chunk: list[WeekText]) -> Callable[[], Awaitable[PlanChunk]]:
            return lambda: self._convert_chunk(ChunkDeps(run, chunk), budget, len(chunks))

        converted: list[PlanChunk] = []
        limiter = limiter_for(self._settings, len(chunks), shared_prefix=self._can_warm_up)
        async with aclosing(as_finished([job(chunk) for chunk in chunks], limiter)) as finished:
            async for chunk in finished:
                converted.append(chunk)
                if emit:
                    await _emit_chunk(emit, chunk, run, sum(len(c.weeks) for c in converted))
        converted.sort(key=lambda c: min(week.week for week in c.weeks))
        if converted and (estimated := budget.estimated_requests):
            first = converted[0]
            converted[0] = first.model_copy(update={"warnings": [*first.warnings, usage_warning(estimated)]})
        return converted

    async def _convert_chunk(self, deps: ChunkDeps, budget: Budget, chunks: int) -> PlanChunk:
        numbers = deps.week_numbers
        key = chunk_key(deps, self._model_id) if self._cache is not None else ""
        if self._cache is not None and (cached := await self._cache.get(key)):
            return cached
        weeks = range(numbers[0], numbers[-1] + 1)

        def invalid(reason: str) -> PlanforgeError:
            return ChunkConversionError(weeks, reason)

        model_settings: ModelSettings = {"max_tokens": self._settings.max_output_tokens}
        model_settings.update(shared_prefix_settings(chunks))
        label = f"week {weeks.start}" if len(weeks) == 1 else f"weeks {weeks.start}-{weeks.stop - 1}"
        prompt = with_cache_point(plan_user_prompt(deps), CHUNK_OWN_PART, self._model, chunks)
        stream = self._stream or is_warm_up_call()  # the warm-up call's first token lets the other chunks go

        async def run() -> AgentRunResult[PlanChunk]:
            return await self._agent.run(
                prompt,
                deps=deps,
                model=self._model,
                model_settings=model_settings,
                usage=budget.usage,
                usage_limits=budget.limits,
                event_stream_handler=signal_output_start if stream else None,
            )

        async with model_errors(invalid), call_deadline(self._settings.call_timeout_seconds, f"converting {label}"):
            result = await retrying_lost_connections(run, budget.contact)
        if self._cache is not None:
            await self._cache.set(key, result.output)
        return result.output


async def _emit_chunk(emit: Emit, chunk: PlanChunk, run: PlanRun, weeks_done: int) -> None:
    for week in sorted(chunk.weeks, key=lambda w: w.week):
        await emit(WeekEvent(week=week.week, info=WeekInfo(phase=week.phase, focus=week.focus)))
    for workout in _ordered(chunk.workouts):
        await emit(WorkoutEvent(workout=plan_workout(workout, run.request.start_date)))
    total = run.request.weeks
    percent = round(100 * weeks_done / total)
    await emit(ProgressEvent(status="converting", message=f"Converted {weeks_done} of {total} weeks", progress=percent))


def _ordered(workouts: Sequence[Workout]) -> list[Workout]:
    return sorted(workouts, key=lambda w: (w.week, weekday_index(w.day)))


def assemble_plan(run: PlanRun, chunks: Sequence[PlanChunk], usage: Usage) -> Plan:
    """The plan: every chunk's workouts in week/day order with dates, weekly_info, usage and warnings."""
    workouts = _ordered([w for chunk in chunks for w in chunk.workouts])
    weekly = sorted((week for chunk in chunks for week in chunk.weeks), key=lambda w: w.week)
    return Plan(
        content=[plan_workout(w, run.request.start_date) for w in workouts],
        weekly_info={str(w.week): WeekInfo(phase=w.phase, focus=w.focus) for w in weekly},
        usage=usage,
        warnings=[warning for chunk in chunks for warning in chunk.warnings],
    )

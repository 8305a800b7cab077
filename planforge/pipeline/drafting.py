"""Writing a draft: in one call for shorter plans, outline-then-expand for long ones.

From `Settings.outline_from_weeks` weeks on, the draft is written as an outline first (phases, weekly focus,
volume and key sessions), then its weeks are written out in groups of at most `Settings.expand_weeks` weeks
(never across a phase boundary), concurrently, and joined. Progress follows the expansion.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, aclosing
from typing import Any

from pydantic_ai.models import Model
from pydantic_ai.settings import ModelSettings

from planforge.agents.draft import create_draft_agent, draft_problems, draft_user_prompt
from planforge.agents.outline import (
    ExpandDeps,
    create_expand_agent,
    create_outline_agent,
    expand_user_prompt,
    outline_user_prompt,
)
from planforge.domain.draft import Draft, DraftOutline, DraftPhase, DraftWeek
from planforge.domain.events import Emit, ProgressEvent
from planforge.exceptions import GenerationError, PlanforgeError
from planforge.llm.caching import shared_prefix_settings, with_cache_point
from planforge.llm.calls import call_deadline, drain_events, retrying_lost_connections
from planforge.llm.errors import model_errors
from planforge.llm.output_mode import output_mode_for
from planforge.llm.profile import effective_settings, streams_requests
from planforge.pipeline.adaptive import limiter_for
from planforge.pipeline.budget import Budget
from planforge.pipeline.concurrency import as_finished
from planforge.pipeline.draft_progress import DraftProgress
from planforge.pipeline.run import DraftRun
from planforge.settings import Settings

OUTLINE_DONE = 10
"""Progress once the outline is written; the expansion fills the rest."""
EXPANSION_OWN_PART = "<expand>\n"
"""Where an expansion's request stops being the same for every expansion of the draft."""


def expansion_groups(phases: Sequence[DraftPhase], size: int) -> list[range]:
    """Consecutive week ranges of at most `size` weeks, never crossing a phase boundary."""
    groups: list[range] = []
    for phase in phases:
        for start in range(phase.start_week, phase.end_week + 1, size):
            groups.append(range(start, min(start + size, phase.end_week + 1)))
    return groups


def _invalid(what: str) -> Callable[[str], PlanforgeError]:
    return lambda reason: GenerationError(f"the model could not write a valid {what}: {reason}")


class DraftWriter:
    """Runs the draft agents for one PlanForge."""

    def __init__(self, settings: Settings, model: Model) -> None:
        self._settings = effective_settings(settings)
        self._model = model
        retries = settings.output_retries
        mode = output_mode_for(model, self._settings)
        self._draft_agent = create_draft_agent(output_retries=retries, output_mode=mode)
        self._outline_agent = create_outline_agent(output_retries=retries, output_mode=mode)
        self._expand_agent = create_expand_agent(output_retries=retries, output_mode=mode)
        self._stream = streams_requests(self._settings)

    def _run_options(self, budget: Budget, *, calls: int = 1) -> dict[str, Any]:
        model_settings: ModelSettings = {"max_tokens": self._settings.max_output_tokens}
        model_settings.update(shared_prefix_settings(calls))
        return {
            "model": self._model,
            "model_settings": model_settings,
            "usage": budget.usage,
            "usage_limits": budget.limits,
            "event_stream_handler": drain_events if self._stream else None,
        }

    def _deadline(self, what: str) -> AbstractAsyncContextManager[None]:
        return call_deadline(self._settings.call_timeout_seconds, what)

    async def write(self, deps: DraftRun, emit: Emit | None, budget: Budget) -> Draft:
        """The whole draft for `deps.request`; its model usage is counted in `budget`."""
        if deps.request.weeks >= self._settings.outline_from_weeks:
            return await self._write_outlined(deps, emit, budget)
        return await self._write_at_once(deps, emit, budget)

    async def _write_at_once(self, deps: DraftRun, emit: Emit | None, budget: Budget) -> Draft:
        progress = DraftProgress(deps.request.weeks, emit) if emit else None
        if progress:
            await progress.start()
        options = self._run_options(budget)
        if progress:
            options["event_stream_handler"] = progress.handle
        async with model_errors(_invalid("draft")), self._deadline("writing the draft"):
            prompt = draft_user_prompt(deps)
            result = await retrying_lost_connections(
                lambda: self._draft_agent.run(prompt, deps=deps, **options), budget.contact
            )
        if progress:
            await progress.finish()
        return result.output

    async def _write_outlined(self, deps: DraftRun, emit: Emit | None, budget: Budget) -> Draft:
        weeks = deps.request.weeks
        if emit:
            await emit(ProgressEvent(status="thinking", message=f"Outlining {weeks} weeks", progress=0))
        async with model_errors(_invalid("outline")), self._deadline("writing the outline"):
            prompt, options = outline_user_prompt(deps), self._run_options(budget)
            result = await retrying_lost_connections(
                lambda: self._outline_agent.run(prompt, deps=deps, **options), budget.contact
            )
        outline = result.output
        if emit:
            await emit(ProgressEvent(status="drafting", message="Outline ready", progress=OUTLINE_DONE))
        written = await self._expand(deps, outline, emit, budget)
        phases = [phase.as_draft_phase() for phase in outline.phases]
        draft = Draft(title=outline.title, overview=outline.overview, phases=phases, weeks=written)
        if problems := draft_problems(draft, weeks):  # each part was validated; this guards the join
            raise GenerationError(f"the expanded draft does not fit together: {'; '.join(problems)}")
        if emit:
            await emit(ProgressEvent(status="finishing", message="Draft ready", progress=100))
        return draft

    async def _expand_group(self, deps: ExpandDeps, budget: Budget, groups: int) -> list[DraftWeek]:
        label = f"weeks {deps.weeks.start}-{deps.weeks.stop - 1}"
        prompt = with_cache_point(expand_user_prompt(deps), EXPANSION_OWN_PART, self._model, groups)
        async with model_errors(_invalid(label)), self._deadline(f"writing {label}"):
            options = self._run_options(budget, calls=groups)
            result = await retrying_lost_connections(
                lambda: self._expand_agent.run(prompt, deps=deps, **options), budget.contact
            )
        return result.output.weeks

    async def _expand(
        self, deps: DraftRun, outline: DraftOutline, emit: Emit | None, budget: Budget
    ) -> list[DraftWeek]:
        groups = expansion_groups(outline.phases, self._settings.expand_weeks)

        def job(group: range) -> Callable[[], Awaitable[list[DraftWeek]]]:
            return lambda: self._expand_group(ExpandDeps(deps, outline, group), budget, len(groups))

        written: list[DraftWeek] = []
        limiter = limiter_for(self._settings, len(groups))
        async with aclosing(as_finished([job(group) for group in groups], limiter)) as finished:
            async for weeks in finished:
                written += weeks
                if emit:
                    total = deps.request.weeks
                    percent = OUTLINE_DONE + round((95 - OUTLINE_DONE) * len(written) / total)
                    message = f"Wrote {len(written)} of {total} weeks"
                    await emit(ProgressEvent(status="drafting", message=message, progress=percent))
        return sorted(written, key=lambda week: week.week)

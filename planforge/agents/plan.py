"""The plan agent: a chunk of draft weeks → structured workouts with their weekly phase and focus.

A plan is converted chunk by chunk (see `planforge.pipeline.converting`); each chunk's output is checked by
`planforge.agents.checks` and the run's further checks (the parser cross-check), the library policy is
enforced on it, and what is wrong is sent back to the model with what to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic_ai import Agent, ModelRetry, RunContext

from planforge.agents.checks import week_problems, workout_problems
from planforge.agents.contract import PLAN_OUTPUT_TOOL, answer_once
from planforge.agents.library_tool import only_with_library, search_library
from planforge.domain.chunk import PlanChunk
from planforge.domain.plan import PlanWarning
from planforge.domain.vocabulary import Phase
from planforge.drafttext import PlanContext
from planforge.drafttext.context import UNIT_WORDS
from planforge.llm.output_mode import OutputMode, output_spec
from planforge.pipeline.run import ChunkDeps
from planforge.prompts import data_section_text, load_prompt

DATA_TAGS = ("chunk", "training_principle", "draft_weeks")
MAX_REPORTED_PROBLEMS = 6


def plan_instructions(deps: ChunkDeps, mode: OutputMode = "tool") -> str:
    """The system instructions: only trusted values are filled in. They are the same for every chunk of a plan
    (nothing chunk-specific), so a provider's prompt cache can serve them from the second chunk on."""
    run = deps.run
    return load_prompt("plan", "instructions", run.prompt_version).render_offered(
        answer_once=answer_once(mode, PLAN_OUTPUT_TOOL),
        weeks=str(run.request.weeks),
        level=run.request.level,
        library_rules=run.library.prompt_rules(run.prompt_version),
    )


def context_json(context: PlanContext) -> dict[str, Any]:
    """The plan-wide facts a chunk's converter must apply, in words (empty when the draft states none): a chunk's
    weeks do not show the draft's header or its footnotes."""
    facts: dict[str, Any] = {}
    if context.default_unit is not None:
        facts["numbers_without_unit_are"] = UNIT_WORDS[context.default_unit]
    if context.default_sport is not None:
        facts["sessions_naming_no_sport_are"] = context.default_sport
    if context.long_day is not None:
        facts["long_sessions_are_on"] = context.long_day
    if context.footnotes:
        facts["footnotes"] = dict(context.footnotes)
    return facts


def chunk_json(deps: ChunkDeps) -> str:
    """The `<chunk>` section: the plan context, then the weeks to convert with the phase and focus the draft gives.

    What every chunk of a plan shares comes first, so the request stays byte-identical for as long as it can.
    """
    chunk: dict[str, Any] = {"plan_weeks": deps.run.request.weeks}
    if facts := context_json(deps.run.draft.context):
        chunk["plan_context"] = facts
    if any(w.phase is None for w in deps.weeks) and (before := deps.phase_before) is not None:
        chunk["phase_before_chunk"] = before
    chunk["weeks"] = [{"week": w.week, "phase": w.phase, "focus": w.focus} for w in deps.weeks]
    return json.dumps(chunk, ensure_ascii=False)


def plan_user_prompt(deps: ChunkDeps) -> str:
    """The user message: the chunk's weeks (with the phase and focus the draft gives) and their text as data."""
    run = deps.run
    return load_prompt("plan", "request", run.prompt_version).render(
        chunk_json=data_section_text(chunk_json(deps), tags=DATA_TAGS),
        training_principle=data_section_text(run.principle, tags=DATA_TAGS),
        draft_weeks=data_section_text("\n\n".join(week.text for week in deps.weeks), tags=DATA_TAGS),
    )


@dataclass(frozen=True)
class ChunkReview:
    """What the checks found in one answer for a chunk."""

    problems: list[str]
    """Must be fixed: structural problems and those of hard checks."""
    soft_problems: list[str]
    """Should be fixed; accepted as warnings on the last attempt."""
    warnings: list[PlanWarning]


def review_chunk(deps: ChunkDeps, output: PlanChunk) -> ChunkReview:
    """Everything wrong with a chunk's output (structural checks first), and the warnings it carries."""
    phases: dict[int, Phase] = {week.week: week.phase for week in output.weeks}
    problems = week_problems([(w.week, w.phase) for w in output.weeks], deps.week_numbers, deps.phase_hints)
    problems += workout_problems(output.workouts, deps.week_numbers, phases)
    review = ChunkReview(problems, [], [])
    if not problems:
        for check in deps.run.checks:
            check_problems, check_warnings = check.review(deps, output)
            (review.soft_problems if check.soft else review.problems).extend(check_problems)
            review.warnings.extend(check_warnings)
    return review


def _retry_message(problems: list[str]) -> str:
    more = len(problems) - MAX_REPORTED_PROBLEMS
    return "; ".join(problems[:MAX_REPORTED_PROBLEMS]) + (f" (and {more} more)" if more > 0 else "")


def accept_chunk(deps: ChunkDeps, output: PlanChunk, *, last_attempt: bool) -> PlanChunk:
    """The output as accepted, carrying its warnings; raises `ModelRetry` with what the model must fix."""
    review = review_chunk(deps, output)
    enforced = deps.library.enforce(output.workouts)
    problems = review.problems + enforced.problems
    if problems or (review.soft_problems and not last_attempt):
        raise ModelRetry(_retry_message(problems + review.soft_problems))
    unresolved = [PlanWarning(code="unresolved_disagreement", message=p) for p in review.soft_problems]
    warnings = review.warnings + unresolved + enforced.warnings
    return output.model_copy(update={"workouts": enforced.workouts, "warnings": warnings})


def create_plan_agent(*, output_retries: int, output_mode: OutputMode = "tool") -> Agent[ChunkDeps, PlanChunk]:
    """A plan agent asking for its answer in `output_mode`; the model is given per run."""
    agent = Agent[ChunkDeps, PlanChunk](
        None,
        deps_type=ChunkDeps,
        output_type=output_spec(
            PlanChunk, name=PLAN_OUTPUT_TOOL, description="Submit the workouts of the chunk's weeks.", mode=output_mode
        ),
        retries={"output": output_retries},
        name="planforge_plan",
    )
    agent.tool(prepare=only_with_library)(search_library)

    @agent.instructions
    async def _instructions(ctx: RunContext[ChunkDeps]) -> str:  # pyright: ignore[reportUnusedFunction]
        return plan_instructions(ctx.deps, output_mode)

    @agent.output_validator
    async def _validate(ctx: RunContext[ChunkDeps], output: PlanChunk) -> PlanChunk:  # pyright: ignore[reportUnusedFunction]
        return accept_chunk(ctx.deps, output, last_attempt=ctx.last_attempt)

    return agent

"""The plan agent: a chunk of draft weeks → structured workouts with their weekly phase and focus.

A plan is converted chunk by chunk (see `planforge.service`); each chunk's output is checked by
`planforge.agents.checks` and sent back to the model with what to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Protocol

from pydantic_ai import Agent, ModelRetry, RunContext, ToolOutput

from planforge.agents.checks import week_problems, workout_problems
from planforge.agents.library_tool import only_with_library, search_library
from planforge.domain.chunk import PlanChunk, WeekText
from planforge.domain.plan import PlanWarning
from planforge.domain.requests import PlanRequest
from planforge.domain.vocabulary import Phase
from planforge.library.enforcement import LibrarySnapshot
from planforge.prompts import DEFAULT_PROMPT_VERSION, data_section_text, load_prompt

PLAN_OUTPUT_TOOL = "submit_workouts"
DATA_TAGS = ("chunk", "training_principle", "draft_weeks")
MAX_REPORTED_PROBLEMS = 6


@dataclass(frozen=True)
class PlanDeps:
    """Everything one chunk's conversion depends on."""

    request: PlanRequest
    principle: str
    chunk: list[WeekText]
    prompt_version: str = DEFAULT_PROMPT_VERSION
    library: LibrarySnapshot | None = None
    """The org's library under prefer_existing / strict_existing: its tool, and its rules on every answer."""
    extra_checks: tuple[ChunkCheck, ...] = ()
    """Further checks (library rules, the parser cross-check) beyond the structural ones."""
    accepted_warnings: list[PlanWarning] = field(default_factory=lambda: list[PlanWarning]())
    """Filled by the output validator: the warnings of the output it accepted."""

    @property
    def week_numbers(self) -> list[int]:
        return [week.week for week in self.chunk]

    @property
    def phase_hints(self) -> dict[int, Phase]:
        return {week.week: week.phase for week in self.chunk if week.phase is not None}


class ChunkCheck(Protocol):
    """A check of a chunk's output beyond the structural ones.

    A `soft` check's problems are accepted as warnings on the model's last attempt (the check itself may be
    wrong); a hard check's problems always fail the chunk.
    """

    @property
    def soft(self) -> bool: ...

    def review(self, deps: PlanDeps, output: PlanChunk) -> tuple[list[str], list[PlanWarning]]:
        """Problems the model must fix, and warnings to pass on when the output is accepted."""
        ...


def plan_instructions(deps: PlanDeps) -> str:
    """The system instructions: only trusted values are filled in."""
    library_rules = load_prompt("library", deps.request.workout_preference, deps.prompt_version).render()
    return load_prompt("plan", "instructions", deps.prompt_version).render(
        weeks=str(deps.request.weeks), level=deps.request.level, library_rules=library_rules
    )


def plan_user_prompt(deps: PlanDeps) -> str:
    """The user message: the chunk's weeks (with the phase and focus the draft gives) and their text as data."""
    chunk = {
        "plan_weeks": deps.request.weeks,
        "weeks": [{"week": w.week, "phase": w.phase, "focus": w.focus} for w in deps.chunk],
    }
    return load_prompt("plan", "request", deps.prompt_version).render(
        chunk_json=data_section_text(json.dumps(chunk, ensure_ascii=False), tags=DATA_TAGS),
        training_principle=data_section_text(deps.principle, tags=DATA_TAGS),
        draft_weeks=data_section_text("\n\n".join(week.text for week in deps.chunk), tags=DATA_TAGS),
    )


@dataclass(frozen=True)
class ChunkReview:
    """What the checks found in one answer for a chunk."""

    problems: list[str]
    """Must be fixed: structural problems and those of hard checks."""
    soft_problems: list[str]
    """Should be fixed; accepted as warnings on the last attempt."""
    warnings: list[PlanWarning]


def review_chunk(deps: PlanDeps, output: PlanChunk) -> ChunkReview:
    """Everything wrong with a chunk's output (structural checks first), and the warnings it carries."""
    phases: dict[int, Phase] = {week.week: week.phase for week in output.weeks}
    problems = week_problems([(w.week, w.phase) for w in output.weeks], deps.week_numbers, deps.phase_hints)
    problems += workout_problems(output.workouts, deps.week_numbers, phases)
    review = ChunkReview(problems, [], [])
    if not problems:
        for check in deps.extra_checks:
            check_problems, check_warnings = check.review(deps, output)
            (review.soft_problems if check.soft else review.problems).extend(check_problems)
            review.warnings.extend(check_warnings)
    return review


def _retry_message(problems: list[str]) -> str:
    more = len(problems) - MAX_REPORTED_PROBLEMS
    return "; ".join(problems[:MAX_REPORTED_PROBLEMS]) + (f" (and {more} more)" if more > 0 else "")


def create_plan_agent(*, output_retries: int) -> Agent[PlanDeps, PlanChunk]:
    """A plan agent; the model is given per run."""
    agent = Agent[PlanDeps, PlanChunk](
        None,
        deps_type=PlanDeps,
        output_type=ToolOutput(
            PlanChunk, name=PLAN_OUTPUT_TOOL, description="Submit the workouts of the chunk's weeks."
        ),
        retries={"output": output_retries},
        name="planforge_plan",
    )
    agent.tool(prepare=only_with_library)(search_library)

    @agent.instructions
    async def _instructions(ctx: RunContext[PlanDeps]) -> str:  # pyright: ignore[reportUnusedFunction]
        return plan_instructions(ctx.deps)

    @agent.output_validator
    async def _validate(ctx: RunContext[PlanDeps], output: PlanChunk) -> PlanChunk:  # pyright: ignore[reportUnusedFunction]
        review = review_chunk(ctx.deps, output)
        library = ctx.deps.library
        enforced = library.enforce(output.workouts, ctx.deps.request.workout_preference) if library else None
        problems = review.problems + (enforced.problems if enforced else [])
        if problems or (review.soft_problems and not ctx.last_attempt):
            raise ModelRetry(_retry_message(problems + review.soft_problems))
        unresolved = [PlanWarning(code="unresolved_disagreement", message=p) for p in review.soft_problems]
        ctx.deps.accepted_warnings[:] = review.warnings + unresolved + (enforced.warnings if enforced else [])
        if enforced:
            output = output.model_copy(update={"workouts": enforced.workouts})
        elif any(w.library_workout_id for w in output.workouts):
            # Without a library (ai_generate) no id can be real: never pass one on to the plan.
            unlinked = [w.model_copy(update={"library_workout_id": None}) for w in output.workouts]
            output = output.model_copy(update={"workouts": unlinked})
        return output

    return agent

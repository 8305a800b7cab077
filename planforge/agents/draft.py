"""The draft agent: request parameters → a typed `Draft` (weeks × all seven days).

Its output validator demands exactly the requested weeks, numbered 1..N, seven days each in order, and phases
that cover every week once; a violation goes back to the model as a message it can act on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic_ai import Agent, ModelRetry, RunContext

from planforge.agents.contract import DRAFT_OUTPUT_TOOL, answer_once
from planforge.agents.library_tool import only_with_library, search_library
from planforge.coaching import level_brief
from planforge.domain.draft import Draft, DraftPhase, DraftWeek
from planforge.domain.vocabulary import WEEKDAYS
from planforge.llm.output_mode import OutputMode, output_spec
from planforge.pipeline.run import DraftRun
from planforge.prompts import data_section_text, load_prompt

DATA_TAGS = ("draft_request", "training_principle", "additional_prompt")
MAX_REPORTED_PROBLEMS = 5


def draft_instructions(deps: DraftRun, mode: OutputMode = "tool") -> str:
    """The system instructions: only trusted values (weeks, level, library rules, output mode) are filled in."""
    return load_prompt("draft", "instructions", deps.prompt_version).render_offered(
        answer_once=answer_once(mode, DRAFT_OUTPUT_TOOL),
        weeks=str(deps.request.weeks),
        level=deps.request.level,
        library_rules=deps.library.prompt_rules(deps.prompt_version),
        coaching_figures=level_brief(deps.request.level),
    )


def request_json(deps: DraftRun) -> str:
    """The request's parameters as the JSON of the `<draft_request>` data section (no free text in it)."""
    request = deps.request
    start = request.start_date.isoformat() if request.start_date else None
    return json.dumps(
        {
            "weeks": request.weeks,
            "level": request.level,
            "start_date": start,
            "workout_preference": request.workout_preference,
        }
    )


def draft_user_prompt(deps: DraftRun) -> str:
    """The user message: the request as data sections."""
    return load_prompt("draft", "request", deps.prompt_version).render(
        request_json=request_json(deps),
        training_principle=data_section_text(deps.principle, tags=DATA_TAGS),
        additional_prompt=data_section_text(deps.request.additional_prompt, tags=DATA_TAGS),
    )


def draft_problems(draft: Draft, weeks: int) -> list[str]:
    """What is structurally wrong with `draft` for a plan of `weeks` weeks, as messages for the model."""
    return (
        week_number_problems([week.week for week in draft.weeks], range(1, weeks + 1), "the draft")
        + day_problems(draft.weeks)
        + phase_problems(draft.phases, weeks)
    )


def week_number_problems(numbers: list[int], expected: range, what: str) -> list[str]:
    """The weeks must be exactly `expected`, each once, in order."""
    if numbers == list(expected):
        return []
    wanted = f"{expected.start}..{expected.stop - 1}"
    return [f"{what} has weeks {_span(numbers)} but needs exactly weeks {wanted}, each once, in order"]


def day_problems(weeks: Sequence[DraftWeek]) -> list[str]:
    """Every week lists all seven days, Monday to Sunday."""
    problems: list[str] = []
    for week in weeks:
        days = [day.day for day in week.days]
        if days != list(WEEKDAYS):
            missing = [d for d in WEEKDAYS if d not in days]
            detail = f"has no {missing[0]} entry" if missing else f"lists its days as {', '.join(days)}"
            problems.append(
                f"week {week.week} {detail}; every week needs all 7 days Monday to Sunday in order, rest days as 'Rest'"
            )
    return problems


def phase_problems(phases: Sequence[DraftPhase], weeks: int) -> list[str]:
    """The phases cover every week once, in order."""
    covered = [w for phase in phases for w in range(phase.start_week, phase.end_week + 1)]
    if covered == list(range(1, weeks + 1)):
        return []
    return [f"phases cover weeks {_span(covered)}; they must cover weeks 1..{weeks} in order, without gaps or overlaps"]


def _span(numbers: list[int]) -> str:
    if not numbers:
        return "(none)"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}..{numbers[-1]}"
    return ", ".join(map(str, numbers[:20])) + (" …" if len(numbers) > 20 else "")


def create_draft_agent(*, output_retries: int, output_mode: OutputMode = "tool") -> Agent[DraftRun, Draft]:
    """A draft agent asking for its answer in `output_mode`; the model is given per run."""
    agent = Agent[DraftRun, Draft](
        None,
        deps_type=DraftRun,
        output_type=output_spec(
            Draft, name=DRAFT_OUTPUT_TOOL, description="Submit the complete training-plan draft.", mode=output_mode
        ),
        retries={"output": output_retries},
        name="planforge_draft",
    )

    agent.tool(prepare=only_with_library)(search_library)

    @agent.instructions
    async def _instructions(ctx: RunContext[DraftRun]) -> str:  # pyright: ignore[reportUnusedFunction]
        return draft_instructions(ctx.deps, output_mode)

    @agent.output_validator
    async def _validate(ctx: RunContext[DraftRun], draft: Draft) -> Draft:  # pyright: ignore[reportUnusedFunction]
        problems = draft_problems(draft, ctx.deps.request.weeks)
        if problems:
            raise ModelRetry("; ".join(problems[:MAX_REPORTED_PROBLEMS]))
        return draft

    return agent

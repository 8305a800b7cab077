"""Long drafts without one giant call: an outline agent, then week-expansion agents run concurrently.

The outline (phases, and per week its focus, volume and key sessions) is small; each expansion writes a few
weeks day by day from it, so no single call has to emit a whole 52-week draft.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic_ai import Agent, ModelRetry, RunContext

from planforge.agents.contract import EXPAND_OUTPUT_TOOL, OUTLINE_OUTPUT_TOOL, answer_once
from planforge.agents.draft import (
    DATA_TAGS,
    MAX_REPORTED_PROBLEMS,
    day_problems,
    phase_problems,
    request_json,
    week_number_problems,
)
from planforge.agents.library_tool import only_with_library, search_library
from planforge.coaching import level_brief
from planforge.domain.draft import DraftOutline, DraftWeeks
from planforge.library.policy import LibraryPolicy
from planforge.llm.output_mode import OutputMode, output_spec
from planforge.pipeline.run import DraftRun
from planforge.prompts import data_section_text, load_prompt

EXPAND_TAGS = (*DATA_TAGS, "outline", "expand")


def _retry(problems: list[str]) -> ModelRetry:
    return ModelRetry("; ".join(problems[:MAX_REPORTED_PROBLEMS]))


def outline_instructions(deps: DraftRun, mode: OutputMode = "tool") -> str:
    """System instructions of the outline agent (trusted values only)."""
    return load_prompt("outline", "instructions", deps.prompt_version).render_offered(
        answer_once=answer_once(mode, OUTLINE_OUTPUT_TOOL),
        weeks=str(deps.request.weeks),
        level=deps.request.level,
        coaching_figures=level_brief(deps.request.level),
    )


def outline_user_prompt(deps: DraftRun) -> str:
    """The outline request: the parameters and the coach's text as data sections."""
    return load_prompt("outline", "request", deps.prompt_version).render(
        request_json=request_json(deps),
        training_principle=data_section_text(deps.principle, tags=DATA_TAGS),
        additional_prompt=data_section_text(deps.request.additional_prompt, tags=DATA_TAGS),
    )


def create_outline_agent(*, output_retries: int, output_mode: OutputMode = "tool") -> Agent[DraftRun, DraftOutline]:
    """The outline agent asking for its answer in `output_mode`; the model is given per run."""
    agent = Agent[DraftRun, DraftOutline](
        None,
        deps_type=DraftRun,
        output_type=output_spec(
            DraftOutline, name=OUTLINE_OUTPUT_TOOL, description="Submit the plan's outline.", mode=output_mode
        ),
        retries={"output": output_retries},
        name="planforge_outline",
    )

    @agent.instructions
    async def _instructions(ctx: RunContext[DraftRun]) -> str:  # pyright: ignore[reportUnusedFunction]
        return outline_instructions(ctx.deps, output_mode)

    @agent.output_validator
    async def _validate(ctx: RunContext[DraftRun], outline: DraftOutline) -> DraftOutline:  # pyright: ignore[reportUnusedFunction]
        problems = phase_problems(outline.phases, ctx.deps.request.weeks)
        problems += [
            f"phase {phase.name!r} spans {phase.end_week - phase.start_week + 1} week(s) but weekly_minutes has"
            f" {len(phase.weekly_minutes)} number(s); give one per week"
            for phase in outline.phases
            if len(phase.weekly_minutes) != phase.end_week - phase.start_week + 1
        ]
        if problems:
            raise _retry(problems)
        return outline

    return agent


@dataclass(frozen=True)
class ExpandDeps:
    """One expansion: the draft's deps, its outline, and the weeks to write out."""

    draft: DraftRun
    outline: DraftOutline
    weeks: range

    @property
    def library(self) -> LibraryPolicy:
        return self.draft.library


def expand_instructions(deps: ExpandDeps, mode: OutputMode = "tool") -> str:
    """System instructions of an expansion (trusted values only)."""
    draft = deps.draft
    return load_prompt("expand", "instructions", draft.prompt_version).render_offered(
        answer_once=answer_once(mode, EXPAND_OUTPUT_TOOL),
        weeks=str(draft.request.weeks),
        level=draft.request.level,
        library_rules=draft.library.prompt_rules(draft.prompt_version),
        coaching_figures=level_brief(draft.request.level),
    )


def expand_user_prompt(deps: ExpandDeps) -> str:
    """The expansion request: the outline and the weeks to write, as data sections."""
    draft = deps.draft
    return load_prompt("expand", "request", draft.prompt_version).render(
        request_json=request_json(draft),
        expand_json=json.dumps({"weeks": list(deps.weeks)}),
        outline=data_section_text(deps.outline.model_dump_json(), tags=EXPAND_TAGS),
        training_principle=data_section_text(draft.principle, tags=EXPAND_TAGS),
        additional_prompt=data_section_text(draft.request.additional_prompt, tags=EXPAND_TAGS),
    )


def create_expand_agent(*, output_retries: int, output_mode: OutputMode = "tool") -> Agent[ExpandDeps, DraftWeeks]:
    """The week-expansion agent asking for its answer in `output_mode`; the model is given per run."""
    agent = Agent[ExpandDeps, DraftWeeks](
        None,
        deps_type=ExpandDeps,
        output_type=output_spec(
            DraftWeeks, name=EXPAND_OUTPUT_TOOL, description="Submit the written-out weeks.", mode=output_mode
        ),
        retries={"output": output_retries},
        name="planforge_expand",
    )
    agent.tool(prepare=only_with_library)(search_library)

    @agent.instructions
    async def _instructions(ctx: RunContext[ExpandDeps]) -> str:  # pyright: ignore[reportUnusedFunction]
        return expand_instructions(ctx.deps, output_mode)

    @agent.output_validator
    async def _validate(ctx: RunContext[ExpandDeps], output: DraftWeeks) -> DraftWeeks:  # pyright: ignore[reportUnusedFunction]
        numbers = [week.week for week in output.weeks]
        problems = week_number_problems(numbers, ctx.deps.weeks, "your answer") + day_problems(output.weeks)
        if problems:
            raise _retry(problems)
        return output

    return agent

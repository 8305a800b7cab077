"""Structure: the plan has the requested weeks, the draft writes out all seven days, phases run in order."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from pydantic_evals.evaluators import Evaluator, EvaluatorContext, EvaluatorOutput

from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import Phase
from planforge.drafttext.segment import segment_draft
from planforge.evals.schema import AnyExpectations, PlanOutcome
from planforge.exceptions import DraftStructureError
from planforge.offline.parser.days import day_entries

PHASE_RANK: Final[dict[Phase, int]] = {"base": 0, "build": 1, "peak": 2, "taper": 3, "race": 4}
"""Where each phase may come; recovery weeks may sit anywhere, so they have no rank."""


def weeks_share(plan: Plan, weeks: int) -> float:
    """Share of the requested weeks the plan describes, penalised by weeks it should not have."""
    described = {int(key) for key in plan.weekly_info if key.isdigit()} | {w.week for w in plan.content}
    wanted = set(range(1, weeks + 1))
    return len(described & wanted) / len(described | wanted)


def seven_day_share(draft: str) -> float:
    """Share of the draft's weeks that name all seven days (rest days written out, as the spec's drafts do)."""
    try:
        segmented = segment_draft(draft)
    except DraftStructureError:
        return 0.0
    complete = sum(len({day for day, _ in day_entries(week.body)}) == 7 for week in segmented.weeks)
    return complete / len(segmented.weeks) if segmented.weeks else 0.0


def phase_order_share(plan: Plan) -> float:
    """Share of week-to-week transitions that never step back in base → build → peak → taper → race."""
    ranks = [
        PHASE_RANK[info.phase]
        for _, info in sorted((int(k), v) for k, v in plan.weekly_info.items() if k.isdigit())
        if info.phase in PHASE_RANK
    ]
    if len(ranks) < 2:
        return 1.0
    backwards = sum(later < earlier for earlier, later in pairwise(ranks))
    return 1 - backwards / (len(ranks) - 1)


@dataclass
class PlanStructure(Evaluator[DraftRequest, PlanOutcome, AnyExpectations]):
    """Weeks, seven-day weeks and phase order, each as a share (1.0 is perfect), and their mean as `structure`."""

    def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, AnyExpectations]) -> EvaluatorOutput:
        weeks = weeks_share(ctx.output.plan, ctx.inputs.weeks)
        days = seven_day_share(ctx.output.draft)
        order = phase_order_share(ctx.output.plan)
        return {
            "structure": round((weeks + days + order) / 3, 4),
            "structure.weeks": round(weeks, 4),
            "structure.seven_days": round(days, 4),
            "structure.phase_order": round(order, 4),
            "structure.ok": weeks == 1.0 and days == 1.0 and order == 1.0,
        }

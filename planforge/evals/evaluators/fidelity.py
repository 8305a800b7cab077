"""Draft → plan fidelity: every session of the draft converted, with its duration and distance.

The reference is the offline parser's reading of the same draft (`parse_to_workouts`): sessions are paired
by week, day and workout type; a pair matches when every quantity both state agrees within 10%.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pydantic_evals.evaluators import Evaluator, EvaluatorContext, EvaluatorOutput

from planforge.domain.plan import Workout
from planforge.domain.requests import DraftRequest
from planforge.evals.schema import AnyExpectations, PlanOutcome
from planforge.exceptions import DraftStructureError
from planforge.offline.parser import parse_to_workouts

TOLERANCE: Final = 0.10


@dataclass(frozen=True)
class FidelityCount:
    """How a plan's workouts compare with the sessions of its draft."""

    drafted: int
    """Sessions the parser reads in the draft."""
    converted: int
    """Draft sessions with a plan workout on the same week and day, of the same type."""
    matching: int
    """Converted sessions whose duration and distance agree with the draft's."""
    invented: int
    """Plan workouts with no draft session behind them."""


def _duration(workout: Workout) -> float | None:
    if workout.target_duration_in_seconds is not None:
        return workout.target_duration_in_seconds
    parts = [block.total_seconds() for block in workout.content_blocks]
    return sum(p for p in parts if p is not None) if parts and None not in parts else None


def _distance(workout: Workout) -> float | None:
    if workout.target_distance_in_meters is not None:
        return workout.target_distance_in_meters
    parts = [block.total_meters() for block in workout.content_blocks]
    return sum(p for p in parts if p is not None) if parts and None not in parts else None


def _close(expected: float, actual: float) -> bool:
    return abs(actual - expected) <= TOLERANCE * expected


def quantities_match(drafted: Workout, converted: Workout) -> bool:
    """Every quantity both state agrees within 10%; a drafted quantity the conversion lost entirely fails.

    A library workout brings its own quantities: taking them is what prefer/strict_existing asks for.
    """
    if converted.library_workout_id is not None:
        return True
    pairs = [(_duration(drafted), _duration(converted)), (_distance(drafted), _distance(converted))]
    stated = [(want, got) for want, got in pairs if want is not None]
    if not stated:
        return True
    compared = [(want, got) for want, got in stated if got is not None]
    return bool(compared) and all(_close(want, got) for want, got in compared)


def compare(drafted: Sequence[Workout], plan: Sequence[Workout]) -> FidelityCount:
    """Pair draft sessions with plan workouts by (week, day, type), in order, and count the outcome."""
    waiting: dict[tuple[int, str, str], list[Workout]] = defaultdict(list)
    for workout in plan:
        waiting[(workout.week, workout.day, workout.workout_type)].append(workout)
    converted = matching = 0
    for session in drafted:
        candidates = waiting[(session.week, session.day, session.workout_type)]
        if not candidates:
            continue
        best = next((c for c in candidates if quantities_match(session, c)), candidates[0])
        candidates.remove(best)
        converted += 1
        matching += quantities_match(session, best)
    invented = sum(len(left) for left in waiting.values())
    return FidelityCount(len(drafted), converted, matching, invented)


@dataclass
class DraftFidelity(Evaluator[DraftRequest, PlanOutcome, AnyExpectations]):
    """`fidelity` = matching sessions / max(draft sessions, plan workouts): a dropped, invented or resized
    session lowers it. Details: converted share, quantity share, invented count; `fidelity.ok` when exact."""

    def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, AnyExpectations]) -> EvaluatorOutput:
        try:
            drafted, _ = parse_to_workouts(ctx.output.draft)
        except DraftStructureError:
            return {"fidelity": 0.0, "fidelity.ok": False}
        plan = ctx.output.plan
        # Under strict_existing a session without a fitting library workout is left out and reported as a gap.
        gaps = {(w.week, w.day) for w in plan.warnings if w.code == "library_gap"}
        drafted = [session for session in drafted if (session.week, session.day) not in gaps]
        count = compare(drafted, plan.content)
        total = max(count.drafted, len(plan.content))
        return {
            "fidelity": round(count.matching / total, 4) if total else 1.0,
            "fidelity.converted": round(count.converted / count.drafted, 4) if count.drafted else 1.0,
            "fidelity.quantities": round(count.matching / count.converted, 4) if count.converted else 1.0,
            "fidelity.invented": float(count.invented),
            "fidelity.ok": count.matching == count.drafted and count.invented == 0,
        }

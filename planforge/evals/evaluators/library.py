"""Library compliance: under strict_existing every training workout is a workout of the org's library.

The race is the athlete's event, kept as planned under either preference (`planforge.library.enforcement`): it is
no library workout and is left out of the share.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic_evals.evaluators import Evaluator, EvaluatorContext, EvaluatorOutput

from planforge.domain.requests import DraftRequest
from planforge.evals.paths import load_library, sample_library_path
from planforge.evals.schema import AnyExpectations, PlanOutcome
from planforge.quality.measures import is_race


@dataclass
class LibraryCompliance(Evaluator[DraftRequest, PlanOutcome, AnyExpectations]):
    """`library` = share of training workouts (the race aside) whose library_workout_id exists in the library;
    `library.unknown_ids` counts ids that do not (invented). strict_existing must reach 1.0 (`library.ok`);
    prefer_existing must invent no id. Reports nothing for ai_generate."""

    library_file: str | None = None
    """A library JSON file; None: the sample library of `evals/library/`."""

    def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, AnyExpectations]) -> EvaluatorOutput:
        preference = ctx.inputs.workout_preference
        if preference == "ai_generate":
            return {}
        path = Path(self.library_file) if self.library_file else sample_library_path()
        known = {workout.id for workout in load_library(path)}
        workouts = [w for w in ctx.output.plan.content if not is_race(w)]
        ids = [w.library_workout_id for w in workouts]
        from_library = sum(workout_id in known for workout_id in ids)
        unknown = sum(workout_id is not None and workout_id not in known for workout_id in ids)
        share = from_library / len(workouts) if workouts else 0.0
        strict_ok = share == 1.0 if preference == "strict_existing" else True
        return {
            "library": round(share, 4),
            "library.unknown_ids": float(unknown),
            "library.ok": strict_ok and unknown == 0,
        }

"""The eval harness's evaluators (pydantic-evals `Evaluator` dataclasses), deterministic first.

Each reports what it measured, not only pass or fail: a main score named after it (`structure`,
`constraints`, `coaching`, `fidelity`, `library`, `similarity`, `judge`, each 0–1), detail scores
`<name>.<part>`, and one assertion `<name>.ok` (the judge: `judge.pass`).
"""

from __future__ import annotations

from typing import Final

from pydantic_evals.evaluators import Evaluator

from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators.coaching import CoachingRules
from planforge.evals.evaluators.constraints import RequestConstraints
from planforge.evals.evaluators.fidelity import DraftFidelity
from planforge.evals.evaluators.judge import DEFAULT_RUBRIC, PlanJudge
from planforge.evals.evaluators.library import LibraryCompliance
from planforge.evals.evaluators.similarity import GoldenSimilarity
from planforge.evals.evaluators.structure import PlanStructure
from planforge.evals.schema import CaseExpectations, PlanOutcome

PlanEvaluator = Evaluator[DraftRequest, PlanOutcome, CaseExpectations]

EVALUATOR_TYPES: Final[tuple[type[PlanEvaluator], ...]] = (
    PlanStructure,
    RequestConstraints,
    CoachingRules,
    DraftFidelity,
    LibraryCompliance,
    GoldenSimilarity,
)
"""The deterministic evaluators a dataset file may name (the judge is added at run time, never from a file)."""

MAIN_SCORES: Final[tuple[str, ...]] = (
    "structure",
    "constraints",
    "coaching",
    "fidelity",
    "library",
    "similarity",
    "judge",
)
"""The main score of each evaluator, in report order."""

__all__ = [
    "DEFAULT_RUBRIC",
    "EVALUATOR_TYPES",
    "MAIN_SCORES",
    "CoachingRules",
    "DraftFidelity",
    "GoldenSimilarity",
    "LibraryCompliance",
    "PlanEvaluator",
    "PlanJudge",
    "PlanStructure",
    "RequestConstraints",
]

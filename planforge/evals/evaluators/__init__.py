"""The eval harness's evaluators (pydantic-evals `Evaluator` dataclasses), deterministic first.

Each reports what it measured, not only pass or fail: a main score named after it (0–1), detail scores
`<name>.<part>`, and one assertion `<name>.ok` (the judge: `judge.pass`). A v2 evaluator with nothing to check
on a case reports only the label `<name>.not_applicable` (see `base`).

Dataset v2 (`V2_EVALUATORS`): `race`, `constraints`, `language`, `peak_long`, `spikes`, `progression`,
`volume`, `intensity`, `quality`, `taper`, `session_sizes`, `novice`, `principle`, with `structure`,
`fidelity` and `library` from v1, and `long_share` and `similarity` as information (no assertion). Every
coaching figure they apply comes from `planforge.coaching`. Dataset v1 keeps its own list (`EVALUATOR_TYPES`).
"""

from __future__ import annotations

from typing import Final

from pydantic_evals.evaluators import Evaluator

from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators.coaching import CoachingRules
from planforge.evals.evaluators.constraints import RequestConstraints
from planforge.evals.evaluators.fidelity import DraftFidelity
from planforge.evals.evaluators.intensity import IntensityDistribution, PrincipleAdherence, QualitySessions
from planforge.evals.evaluators.judge import DEFAULT_RUBRIC, PlanJudge
from planforge.evals.evaluators.language import DraftLanguage
from planforge.evals.evaluators.library import LibraryCompliance
from planforge.evals.evaluators.load import LoadProgression, WeeklyVolume
from planforge.evals.evaluators.long_sessions import LongSessionPeak, LongSessionShare, SessionSpikes
from planforge.evals.evaluators.race import RaceCheck
from planforge.evals.evaluators.requested import StatedConstraints
from planforge.evals.evaluators.similarity import GoldenSimilarity
from planforge.evals.evaluators.sizes import NoviceOnset, SessionSizes
from planforge.evals.evaluators.structure import PlanStructure
from planforge.evals.evaluators.taper import TaperAndRaceWeek
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import AnyExpectations, CaseExpectations, PlanOutcome

PlanEvaluator = Evaluator[DraftRequest, PlanOutcome, CaseExpectations]
PlanEvaluatorV2 = Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]
AnyPlanEvaluator = Evaluator[DraftRequest, PlanOutcome, AnyExpectations]

EVALUATOR_TYPES: Final[tuple[type[PlanEvaluator], ...]] = (
    PlanStructure,
    RequestConstraints,
    CoachingRules,
    DraftFidelity,
    LibraryCompliance,
    GoldenSimilarity,
)
"""The deterministic evaluators a dataset file may name (the judge is added at run time, never from a file)."""

V2_EVALUATORS: Final[tuple[type[PlanEvaluatorV2], ...]] = (
    PlanStructure,
    RaceCheck,
    StatedConstraints,
    DraftLanguage,
    LongSessionPeak,
    SessionSpikes,
    LoadProgression,
    WeeklyVolume,
    IntensityDistribution,
    QualitySessions,
    TaperAndRaceWeek,
    SessionSizes,
    NoviceOnset,
    PrincipleAdherence,
    LongSessionShare,
    DraftFidelity,
    LibraryCompliance,
    GoldenSimilarity,
)
"""The deterministic evaluators of dataset v2, in report order (the judge is added at run time)."""

MAIN_SCORES: Final[tuple[str, ...]] = (
    "structure",
    "race",
    "constraints",
    "language",
    "peak_long",
    "spikes",
    "progression",
    "volume",
    "intensity",
    "quality",
    "taper",
    "session_sizes",
    "novice",
    "principle",
    "coaching",
    "fidelity",
    "library",
    "long_share",
    "similarity",
    "judge",
)
"""The main score of each evaluator, in report order."""

INFORMATION_SCORES: Final[frozenset[str]] = frozenset({"long_share", "similarity"})
"""Main scores reported for information only: no assertion rests on them."""

__all__ = [
    "DEFAULT_RUBRIC",
    "EVALUATOR_TYPES",
    "INFORMATION_SCORES",
    "MAIN_SCORES",
    "V2_EVALUATORS",
    "AnyPlanEvaluator",
    "CoachingRules",
    "DraftFidelity",
    "DraftLanguage",
    "GoldenSimilarity",
    "IntensityDistribution",
    "LibraryCompliance",
    "LoadProgression",
    "LongSessionPeak",
    "LongSessionShare",
    "NoviceOnset",
    "PlanEvaluator",
    "PlanEvaluatorV2",
    "PlanJudge",
    "PlanStructure",
    "PrincipleAdherence",
    "QualitySessions",
    "RaceCheck",
    "RequestConstraints",
    "SessionSizes",
    "SessionSpikes",
    "StatedConstraints",
    "TaperAndRaceWeek",
    "WeeklyVolume",
]

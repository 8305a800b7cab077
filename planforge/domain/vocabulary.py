"""The closed vocabularies of planforge, in one place.

Every set the spec (and `shared/spec/facts.md`) names is a `Literal` alias here, so the JSON schema a
model sees lists the allowed values and pydantic rejects anything else. Sub-types are grouped by workout
type in `SUB_TYPES_BY_TYPE`; a workout's sub-type must belong to its type.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

Level = Literal["beginner", "intermediate", "advanced"]
"""Athlete level, as in the spec."""

WorkoutPreference = Literal["ai_generate", "prefer_existing", "strict_existing"]
"""How the AI may use the org's workout library (the spec's `workout_preference`)."""

Phase = Literal["base", "build", "peak", "taper", "recovery", "race"]
"""Training phase. The spec names base, build, peak and taper; recovery and race are for plans that need them."""

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
"""Days of the plan week, Monday first (as the spec's examples)."""

WorkoutType = Literal["run", "bike", "swim", "strength", "walk", "hike", "cross-training"]
"""The spec's workout types plus cross-training (the spec's own example draft has "Cross-training or rest")."""

RunSubType = Literal[
    "easy-run",
    "recovery-run",
    "long-run",
    "tempo-run",
    "interval-run",
    "hill-repeats",
    "fartlek",
    "progression-run",
    "race-pace-run",
    "trail-run",
    "race",
]
BikeSubType = Literal[
    "endurance-ride", "recovery-ride", "long-ride", "tempo-ride", "interval-ride", "hill-ride", "brick", "race"
]
SwimSubType = Literal["endurance-swim", "technique-swim", "interval-swim", "open-water-swim", "race"]
StrengthSubType = Literal["strength-training", "core", "mobility"]
WalkSubType = Literal["walk"]
HikeSubType = Literal["hike"]
CrossTrainingSubType = Literal["cross-training"]

WorkoutSubType = Literal[
    RunSubType,
    BikeSubType,
    SwimSubType,
    StrengthSubType,
    WalkSubType,
    HikeSubType,
    CrossTrainingSubType,
]
"""Every workout sub-type; which ones a type allows is `SUB_TYPES_BY_TYPE`."""

BlockType = Literal["warm-up", "run", "interval", "recovery-run", "cool-down"]
"""content_blocks types (facts.md). An `interval` block nests its `run` and `recovery-run` children."""

PaceZone = Literal["z1", "z2", "z3", "z4", "z5", "z6"]
"""Pace zones, z1 easy … z6 sprint."""

LengthTarget = Literal["distance", "duration"]
"""Whether a block is measured by distance or by duration."""

IntensityTarget = Literal["pace", "heartrate", "power"]
"""What a block's intensity is steered by."""

RaceSport = Literal["run", "trail-run", "bike", "swim", "triathlon", "duathlon"]
"""The sport of a target race; `triathlon` and `duathlon` are multi-sport races."""

RaceDistance = Literal[
    "5k",
    "10k",
    "half-marathon",
    "marathon",
    "50k",
    "ultra",
    "sprint-triathlon",
    "olympic-triathlon",
    "half-ironman",
    "ironman",
    "sportive",
    "gran-fondo",
    "century",
    "open-water",
    "other",
]
"""A named race distance; `ultra`, `sportive`, `gran-fondo`, `open-water` and `other` need a length in km."""

Language = Literal["en", "de", "fr", "es", "it", "pt", "nl"]
"""ISO 639-1 code of a language planforge writes and reads drafts in."""

WEEKDAYS: Final[tuple[Weekday, ...]] = get_args(Weekday)
LEVELS: Final[tuple[Level, ...]] = get_args(Level)
WORKOUT_TYPES: Final[tuple[WorkoutType, ...]] = get_args(WorkoutType)

SUB_TYPES_BY_TYPE: Final[dict[WorkoutType, tuple[str, ...]]] = {
    "run": get_args(RunSubType),
    "bike": get_args(BikeSubType),
    "swim": get_args(SwimSubType),
    "strength": get_args(StrengthSubType),
    "walk": get_args(WalkSubType),
    "hike": get_args(HikeSubType),
    "cross-training": get_args(CrossTrainingSubType),
}

HARD_SUB_TYPES: Final[frozenset[str]] = frozenset(
    {
        "tempo-run",
        "interval-run",
        "hill-repeats",
        "fartlek",
        "race-pace-run",
        "race",
        "tempo-ride",
        "interval-ride",
        "hill-ride",
        "interval-swim",
    }
)
"""Sub-types that count as quality (moderate or high intensity) sessions for the easy/hard split."""


def weekday_index(day: Weekday) -> int:
    """Monday → 0 … Sunday → 6."""
    return WEEKDAYS.index(day)


def check_sub_type(workout_type: WorkoutType, workout_sub_type: str) -> None:
    """Raise ValueError unless `workout_sub_type` belongs to `workout_type`."""
    allowed = SUB_TYPES_BY_TYPE[workout_type]
    if workout_sub_type not in allowed:
        raise ValueError(
            f"workout_sub_type {workout_sub_type!r} does not belong to workout_type {workout_type!r};"
            f" allowed: {', '.join(allowed)}"
        )

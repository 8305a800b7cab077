"""Phases and weekly volume: how a plan of N weeks is cut into base, build, peak and taper, and how much
training each week holds.

Volume is training minutes per week, in 5-minute steps. It starts at a level- and goal-dependent figure,
grows at most 8% a week (under the 10% convention, leaving room for rounding) up to a ceiling, drops by a
quarter in a step-back week every `step_back_every` weeks, and returns to the previous level afterwards.
A race plan ends with a taper of 1–3 weeks that cuts volume progressively to half the peak in race week
(Bosquet 2007: −41–60%), with the race on the last week's long-run day.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.domain.vocabulary import Level, Phase
from planforge.offline.engine.requirements import Goal, Requirements

WEEKLY_GROWTH: Final = 1.08
STEP_BACK_FACTOR: Final = 0.75
TAPER_FACTORS: Final[dict[int, tuple[float, ...]]] = {1: (0.5,), 2: (0.7, 0.5), 3: (0.8, 0.65, 0.5)}

# Weekly minutes (start, ceiling) by level for a half-marathon runner; other goals scale these.
_LEVEL_MINUTES: Final[dict[Level, tuple[int, int]]] = {
    "beginner": (120, 210),
    "intermediate": (180, 330),
    "advanced": (270, 480),
}
_GOAL_SCALE: Final[dict[Goal, float]] = {
    "5k": 0.85,
    "10k": 0.9,
    "half": 1.0,
    "marathon": 1.2,
    "ultra": 1.35,
    "triathlon-sprint": 1.5,
    "triathlon-olympic": 1.8,
    "triathlon-half": 2.2,
    "triathlon-full": 2.6,
    "cycling": 1.5,
    "general": 1.0,
}
# Taper length by race (coach guidance: 5K–10K 7–10 days, half 10–14 days, marathon 2–3 weeks).
_TAPER_WEEKS: Final[dict[Goal, int]] = {
    "5k": 1,
    "10k": 1,
    "half": 2,
    "marathon": 3,
    "ultra": 3,
    "triathlon-sprint": 1,
    "triathlon-olympic": 1,
    "triathlon-half": 2,
    "triathlon-full": 3,
    "cycling": 1,
    "general": 1,
}


@dataclass(frozen=True)
class WeekTarget:
    """What one week is for and how much it holds."""

    week: int
    phase: Phase
    minutes: int
    """Training minutes the week's sessions add up to (the race itself not included)."""
    phase_week: int
    """0-based index of the week inside its phase, to rotate session choices."""
    step_back: bool = False
    taper: bool = False
    race_week: bool = False


def floor5(minutes: float) -> int:
    """Round down to a 5-minute step."""
    return int(minutes // 5 * 5)


def taper_weeks(weeks: int, requirements: Requirements) -> int:
    """How many final weeks taper: 0 without a race, else by race, capped to a fifth of the plan (≥ 1)."""
    if not requirements.race:
        return 0
    return min(_TAPER_WEEKS[requirements.goal], max(1, weeks // 5))


def phase_lengths(weeks: int, requirements: Requirements) -> list[tuple[Phase, int]]:
    """Consecutive (phase, number of weeks) covering the plan; short plans keep the phases that matter."""
    tapering = taper_weeks(weeks, requirements)
    rest = weeks - tapering
    lengths: list[tuple[Phase, int]]
    if not requirements.race:
        base = max(1, -(-weeks // 2))
        lengths = [("base", base), ("build", weeks - base)]
    elif rest <= 3:
        short: tuple[Phase, ...] = ("base", "build", "peak")
        lengths = [(phase, 1) for phase in short[3 - rest :]]
    else:
        peak = max(1, round(rest * 0.2))
        build = max(1, round(rest * 0.35))
        lengths = [("base", rest - peak - build), ("build", build), ("peak", peak)]
    lengths.append(("taper", tapering))
    return [(phase, length) for phase, length in lengths if length > 0]


def _is_step_back(index: int, training_weeks: int, every: int) -> bool:
    # Never the first week, nor the last week before the taper (the peak should stand there).
    week = index + 1
    return training_weeks > 3 and week % every == 0 and week < training_weeks


def weekly_targets(weeks: int, level: Level, requirements: Requirements) -> list[WeekTarget]:
    """One target per week, in order."""
    start, ceiling = (floor5(minutes * _GOAL_SCALE[requirements.goal]) for minutes in _LEVEL_MINUTES[level])
    tapering = taper_weeks(weeks, requirements)
    training_weeks = weeks - tapering
    phases: list[Phase] = [phase for phase, length in phase_lengths(weeks, requirements) for _ in range(length)]
    targets: list[WeekTarget] = []
    level_minutes, peak = start, start
    for index, phase in enumerate(phases):
        phase_week = index - phases.index(phase)
        if index >= training_weeks:
            factor = TAPER_FACTORS[tapering][index - training_weeks]
            race_week = index == weeks - 1
            targets.append(
                WeekTarget(index + 1, phase, floor5(peak * factor), phase_week, taper=True, race_week=race_week)
            )
            continue
        if _is_step_back(index, training_weeks, requirements.step_back_every):
            targets.append(WeekTarget(index + 1, phase, floor5(level_minutes * STEP_BACK_FACTOR), phase_week, True))
            continue
        if index > 0:  # after a step-back week this grows from the level before it
            level_minutes = min(ceiling, max(level_minutes, floor5(level_minutes * WEEKLY_GROWTH)))
        peak = max(peak, level_minutes)
        targets.append(WeekTarget(index + 1, phase, level_minutes, phase_week))
    return targets

"""How much: plausible peak-week volume by race and level, sessions a week, and a novice's first weeks.

Sources:
- Running, peak week (published programmes, their peak weeks; 1 mi = 1.609 km):
  - 5K: Higdon 5K Novice ≈ 8 mi of running (3 + 2 + 3 mi) plus walks; 5K Intermediate ≈ 22 mi; 5K Advanced ≈ 30 mi.
  - 10K: Higdon 10K Novice ≈ 10.5 mi plus cross-training; 10K Intermediate ≈ 27 mi (for runners already at 15–25 mi);
    10K Advanced starts at 26 mi.
  - Half marathon: Higdon Novice 2 ≈ 23 mi (3 + 5 + 3 + 12); Hansons (Humphrey) novice/intermediate half plan peaks
    at 30–40 mi.
  - Marathon: Higdon Novice 1 builds from 15 to ≈ 40 mi; Hansons Beginner peaks near 57 mi; Pfitzinger 18/55 at
    55 mi, 18/70 at 70 mi; Fitzgerald's taper brackets put high volume above 80 mi.
  Hours are derived from km with the level's long-run pace (long_sessions.LONG_RUN_PACE_MIN_PER_KM).
  The 50K/ultra row has no published weekly figure in planforge's sources: None.
- Triathlon, peak week (the notes' triathlon table, no level split): sprint 5–8 h, Olympic 8–12 h, 70.3 10–14 h,
  full 12–20 h. Cycling events and open-water swims: no published weekly figure in the sources: None.
- Sessions a week (Q11, a heuristic): beginner 3–4, intermediate 4–5, advanced 5–7 (Higdon Novice 1: 4 runs, 1
  cross-training day, 2 rest days; Garmin Coach lets the runner pick 3–5).
- Novice onset: NHS Couch to 5K (nhs.uk): 9 weeks, 3 runs a week with a rest day between; each run starts with a
  5-minute brisk walk; week 1 alternates 60 s of running with 90 s of walking for 20 minutes; the longest
  continuous run grows 1, 1.5, 3, 5, 20, 25, 25, 28 and 30 minutes over weeks 1–9.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from planforge.coaching.band import Band
from planforge.coaching.long_sessions import LONG_RUN_PACE_MIN_PER_KM
from planforge.coaching.races import Race
from planforge.domain.vocabulary import Level, RaceDistance

_HOURS_STEP: Final = 0.5


@dataclass(frozen=True)
class WeeklyVolume:
    """A plausible peak week: hours for every sport, km for running; None where no source gives a figure."""

    hours: Band | None
    """Training time in the peak week, all sports."""
    run_km: Band | None
    """Running distance in the peak week (running races only)."""


# Peak-week running km; each band spans the programmes above for that race and level, rounded to 5 km. 10K and
# half-marathon advanced extend the next-lower level's programmes (no advanced programme figure at hand).
_RUN_KM: Final[Mapping[RaceDistance, Mapping[Level, Band]]] = {
    "5k": {"beginner": Band(10, 20), "intermediate": Band(25, 40), "advanced": Band(40, 60)},
    "10k": {"beginner": Band(15, 25), "intermediate": Band(30, 45), "advanced": Band(40, 65)},
    "half-marathon": {"beginner": Band(25, 40), "intermediate": Band(40, 65), "advanced": Band(55, 80)},
    "marathon": {"beginner": Band(50, 95), "intermediate": Band(65, 95), "advanced": Band(85, 130)},
}

_TRIATHLON_HOURS: Final[Mapping[RaceDistance, Band]] = {
    "sprint-triathlon": Band(5, 8),
    "olympic-triathlon": Band(8, 12),
    "half-ironman": Band(10, 14),
    "ironman": Band(12, 20),
}

NOVICE_WEEKS_AHEAD_ALLOWED: Final = 2
"""How many weeks ahead of Couch to 5K a never-runner's plan may be before its runs count as too long.

Two: a week-1 bout may then reach 3 minutes ("at most a few minutes", issue 17), and run/walk plans that differ
from the NHS one week by week still pass, while a 20-minute run in week 1 does not. Being behind is always fine
(the NHS says to repeat any week until ready)."""

SESSIONS_PER_WEEK: Final[Mapping[Level, Band]] = {
    "beginner": Band(3, 4),
    "intermediate": Band(4, 5),
    "advanced": Band(5, 7),
}
"""Sessions a week in a single-sport plan, by level (Q11)."""


def peak_weekly_volume(race: Race, level: Level) -> WeeklyVolume:
    """The plausible peak week of a plan for `race` at `level`."""
    if race.reference in _TRIATHLON_HOURS:
        return WeeklyVolume(hours=_TRIATHLON_HOURS[race.reference], run_km=None)
    run_km = _RUN_KM.get(race.reference, {}).get(level)
    if run_km is None:
        return WeeklyVolume(hours=None, run_km=None)
    pace = LONG_RUN_PACE_MIN_PER_KM[level]
    hours = Band(run_km.min * pace.min / 60, run_km.max * pace.max / 60).rounded_out(_HOURS_STEP)
    return WeeklyVolume(hours=hours, run_km=run_km)


@dataclass(frozen=True)
class NoviceOnset:
    """How someone who has never run starts: run/walk, building to continuous running (NHS Couch to 5K)."""

    runs_per_week: int
    """Runs a week, with a rest day between them."""
    warm_up_walk_minutes: float
    """Brisk walk before each run."""
    first_week_run_seconds: int
    """Week 1: each running bout."""
    first_week_walk_seconds: int
    """Week 1: each walking bout between them."""
    first_week_session_minutes: float
    """Week 1: the run/walk part of each session, warm-up walk not counted."""
    longest_run_minutes_by_week: tuple[float, ...]
    """The longest continuous run in each week of the programme, week 1 first."""

    @property
    def weeks(self) -> int:
        """The programme's length in weeks."""
        return len(self.longest_run_minutes_by_week)

    def longest_run_minutes(self, week: int) -> float | None:
        """The longest continuous run a never-runner's plan may hold in `week` (1-based); None after the programme."""
        if week < 1:
            raise ValueError(f"weeks count from 1, got {week!r}")
        if week > self.weeks:
            return None
        return self.longest_run_minutes_by_week[min(week + NOVICE_WEEKS_AHEAD_ALLOWED, self.weeks) - 1]

    def allows_continuous_run(self, week: int, minutes: float) -> bool:
        """Whether a continuous run of `minutes` in plan week `week` suits someone who has never run."""
        limit = self.longest_run_minutes(week)
        return limit is None or minutes <= limit


NOVICE_ONSET: Final = NoviceOnset(
    runs_per_week=3,
    warm_up_walk_minutes=5,
    first_week_run_seconds=60,
    first_week_walk_seconds=90,
    first_week_session_minutes=20,
    longest_run_minutes_by_week=(1, 1.5, 3, 5, 20, 25, 25, 28, 30),
)

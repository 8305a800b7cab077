"""The taper: how long, how deep, and what race week looks like.

Sources:
- Length by race (Q8, coach guidance, lower-grade sources: sugarruns.com, calcrun.net; Fitzgerald): 5K and 10K
  7–10 days, half marathon 10–14 days, marathon 2–3 weeks; 50K/ultra 2–3 weeks (Q16 table); an Ironman as long
  as an ultra, 2–3 weeks (issue 17).
- Length by peak weekly volume, the alternative (Fitzgerald, via Q8): 20–40 mi → 1 week, 41–80 mi → 2 weeks,
  more than 80 mi → 3 weeks.
- Shape (Bosquet, Montpetit, Arvisais & Mujika 2007, Med Sci Sports Exerc 39:1358, meta-analysis of 27 studies;
  Wang et al. 2023 PLoS ONE): the largest gains came from a taper of 8–14 days that cut training volume by
  41–60 %, progressively, by shortening sessions while keeping their intensity and their frequency. Races the
  coach guidance does not name (short triathlons, cycling events, open water) take this 8–14 days.
- Race week (Q16 notes): about 40–60 % of the peak week's volume; the last hard session 3–5 days before the race;
  the day before the race rest or a 15–20 min shake-out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from planforge.coaching.band import Band
from planforge.coaching.races import KM_PER_MILE, Race
from planforge.domain.vocabulary import RaceDistance

TAPER_DAYS_BY_RACE: Final[Mapping[RaceDistance, Band]] = {
    "5k": Band(7, 10),
    "10k": Band(7, 10),
    "half-marathon": Band(10, 14),
    "marathon": Band(14, 21),
    "50k": Band(14, 21),
    "ironman": Band(14, 21),
}
"""Taper length in days for the races the coach guidance names (an ultra or `other` race uses its reference)."""

BOSQUET_TAPER_DAYS: Final = Band(8, 14)
"""The taper length of the largest gains in Bosquet 2007; the default for races without their own figure."""


@dataclass(frozen=True)
class TaperShape:
    """How training changes over the taper (Bosquet 2007)."""

    volume_cut: Band
    """The drop of training volume over the taper, as a fraction of the pre-taper (peak) volume."""
    intensity_kept: bool
    """Session intensity stays as it was: the hard sessions stay hard, only shorter."""
    frequency_kept: bool
    """The number of sessions a week stays as it was."""


TAPER_SHAPE: Final = TaperShape(volume_cut=Band(0.41, 0.60), intensity_kept=True, frequency_kept=True)

RACE_WEEK_VOLUME_OF_PEAK: Final = Band(0.40, 0.60)
"""Race week's training volume as a fraction of the peak week's (Q16 notes: about 40–60 %)."""

LAST_HARD_SESSION_DAYS_BEFORE_RACE: Final = Band(3, 5)
"""Days between the last hard session and the race (Q16 notes)."""

DAY_BEFORE_RACE_MAX_MINUTES: Final = 40
"""The day before the race is rest, or an easy shake-out of at most this long.

The notes' coach guidance says 15–20 min; published programmes go further: Pfitzinger & Douglas (Advanced
Marathoning, 18/55 plan) run 4 mi (≈ 30–40 min) the day before the marathon, Hansons 3 mi, Higdon's novice plans
rest. 40 minutes admits the published plans and still fails a real session on the eve of a race. (Raised from 20
after blind golden drafts with 25–30 min shake-outs failed: the published programmes, not those drafts, set it.)"""

DAY_BEFORE_MULTISPORT_OR_RIDE_MAX_MINUTES: Final = 60
"""The day before a triathlon, duathlon or cycling event: rest, or a shake-out of at most an hour in all.

Running's 40 minutes does not fit these races, whose published race-eve sessions are longer: a triathlon's is
"a 30-minute bike ride and a 15-minute run with a few accelerations", after a short swim on the course
(active.com, "Things to keep in mind the day before your triathlon"); a cyclist's openers ride is capped at "a
1 hour ride" (FasCat Coaching, "Pre Race Openers"), 45–60 min with 3 × 30 s sprints in the openers studies
summarised by Source Endurance. Riding carries no impact, so an hour of it does not tire like an hour of running."""

_PEAK_WEEK_MILES_FOR_TAPER_WEEKS: Final[tuple[tuple[float, int], ...]] = ((40, 1), (80, 2))
_LONGEST_TAPER_WEEKS: Final = 3


def day_before_race_max_minutes(race: Race) -> float:
    """The longest shake-out (all sports together) the day before `race`."""
    if race.sport in {"triathlon", "duathlon", "bike"}:
        return DAY_BEFORE_MULTISPORT_OR_RIDE_MAX_MINUTES
    return DAY_BEFORE_RACE_MAX_MINUTES


def taper_days(race: Race) -> Band:
    """The taper length for `race`, in days."""
    return TAPER_DAYS_BY_RACE.get(race.reference, BOSQUET_TAPER_DAYS)


def taper_days_for_peak_week_km(peak_week_km: float) -> int:
    """The taper length, in days, for a plan whose peak week is `peak_week_km` of running (Fitzgerald's brackets).

    Below 20 mi a week the source has no bracket; the one-week taper of its lowest bracket applies.
    """
    peak_week_miles = peak_week_km / KM_PER_MILE
    for up_to_miles, weeks in _PEAK_WEEK_MILES_FOR_TAPER_WEEKS:
        if peak_week_miles <= up_to_miles:
            return weeks * 7
    return _LONGEST_TAPER_WEEKS * 7

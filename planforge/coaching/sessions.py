"""Session sizes: swim sessions, the longest plausible session of each leg, race-week caps, swims a day.

All sizes derive from the peak long sessions (long_sessions.py) and the taper (taper.py), so each figure keeps the
source it was derived from:
- Swim sessions per triathlon: the notes' triathlon table (sprint 1,000–2,000 m ... full 3,000–4,500 m).
- Longest plausible session: the largest peak any level reaches, times `FAR_OUTSIDE_RATIO`: anything longer is far
  too long even for an advanced athlete.
- Race-week sessions: race week holds 40–60 % of the peak week's volume, and Bosquet 2007 found the taper works by
  shortening sessions, not dropping them; so no race-week session is longer than 60 % of the peak session.
- At most one swim a day (issue 17's rule for age-group plans; the notes give no source, so it is a planforge
  convention: two swims a day is squad training, not a plan for one athlete).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.coaching.band import Band
from planforge.coaching.long_sessions import FAR_OUTSIDE_RATIO, peak_long_session
from planforge.coaching.races import Leg, Race
from planforge.coaching.taper import RACE_WEEK_VOLUME_OF_PEAK
from planforge.domain.vocabulary import LEVELS, Level

MAX_SWIMS_PER_DAY: Final = 1
"""At most one swim session a day."""

METRES_PER_KM: Final = 1000

_ROUNDING: Final = 1e-6
"""Limits are products of published figures (3.0 km × 0.6): a session written at the limit itself (1,800 m) must not
fail on the last bit of a float."""


@dataclass(frozen=True)
class SessionLimit:
    """The most one session may be: a time, a distance, or both (a session must stay within each it has)."""

    max_minutes: float | None
    """The longest duration, when known."""
    max_km: float | None
    """The longest distance, when known."""

    def allows(self, *, minutes: float | None = None, km: float | None = None) -> bool:
        """Whether a session of `minutes` and/or `km` stays within every limit that applies."""
        too_long = (
            minutes is not None and self.max_minutes is not None and minutes > self.max_minutes + _ROUNDING
        ) or (km is not None and self.max_km is not None and km > self.max_km + _ROUNDING)
        return not too_long


def swim_session_m(race: Race) -> Band | None:
    """The peak swim session for `race`, in metres; None for a race without a swim (the same at every level)."""
    if "swim" not in race.legs:
        return None
    # The triathlon table has no level split, and open water follows it: any level gives the same band.
    swim_km = peak_long_session(race, "beginner", "swim").distance_km
    return swim_km.scaled(METRES_PER_KM) if swim_km is not None else None


def longest_plausible_session(race: Race, leg: Leg) -> SessionLimit | None:
    """The longest plausible training session of `leg` in a plan for `race`; None when the race has no such leg.

    The largest peak of any level, widened by `FAR_OUTSIDE_RATIO`.
    """
    if leg not in race.legs:
        return None
    peaks = [peak_long_session(race, level, leg) for level in LEVELS]
    minutes = [peak.time_minutes.max for peak in peaks if peak.time_minutes is not None]
    km = [peak.distance_km.max for peak in peaks if peak.distance_km is not None]
    return SessionLimit(
        max_minutes=max(minutes) * FAR_OUTSIDE_RATIO if minutes else None,
        max_km=max(km) * FAR_OUTSIDE_RATIO if km else None,
    )


def race_week_session_limit(race: Race, level: Level, leg: Leg) -> SessionLimit:
    """The longest `leg` session in race week, race excluded: at most 60 % of the peak session's maximum."""
    peak = peak_long_session(race, level, leg)
    share = RACE_WEEK_VOLUME_OF_PEAK.max
    return SessionLimit(
        max_minutes=peak.time_minutes.max * share if peak.time_minutes is not None else None,
        max_km=peak.distance_km.max * share if peak.distance_km is not None else None,
    )

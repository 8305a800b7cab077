"""The peak long session of each race, level and leg, and what "far too short" and "far too long" mean.

Sources (shared/notes/coaching-and-formats.md, Q16 "typical peaks of published plans"):
- Running, peak long run, "time or distance, whichever comes first": 5K beginner 30–45 min, intermediate 60–75,
  advanced 75–90 (Higdon 5K Novice peaks at a 3-mile run, Advanced at 90 minutes); 10K 50–60 min (8–10 km),
  75–90 min (12–16 km), 90–100 min (16–19 km); half marathon 16–18 km (≈ 2 h), 19–21 km, 22–26 km; marathon
  18–20 mi (29–32 km) capped at ≈ 3–3.5 h (Higdon Novice 1 peaks at 20 mi), 20 mi (Higdon Intermediate), 20–22 mi
  (32–35 km) capped at ≈ 3 h (Pfitzinger 18/55); 50K/ultra 3–4 h, 4–5 h, 5 h, each with back-to-back weekend runs.
  Hansons caps long runs near 3 h ("after 3 hours of running you have crossed the point of diminishing returns").
- Triathlon, by race for every level (the table has no level split): swim session sprint 1,000–2,000 m, Olympic
  2,000–3,000 m, 70.3 2,500–3,500 m, full 3,000–4,500 m; long ride 60–90 min, 2–2.5 h, 3–4 h, 5–6 h; long run
  45–60 min, 75–90 min, 1 h 45–2 h, 2–2.5 h (≈ 30 km cap).
- Cycling events (sportive, gran fondo, century): the long ride builds to 75–100 % of the event's expected
  duration; at a steady riding speed that is 75–100 % of its distance too, and its time at the reference
  riding speed (`REFERENCE_RIDING_KMH`).

Where a source gives only a time or only a distance, the other is derived with the level's long-run pace
(`LONG_RUN_PACE_MIN_PER_KM`), rounded outwards, and then held to the source's cap. The 50K row stays time-only:
trail pace depends on the terrain. An open-water swim takes the session-to-race ratio of the triathlon whose swim
leg is nearest in length.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from planforge.coaching.band import Band
from planforge.coaching.races import KM_PER_MILE, Leg, Race, race_for
from planforge.domain.vocabulary import Level, RaceDistance

LongSessionFit = Literal["far-too-short", "short", "within", "long", "far-too-long"]
"""How a session compares with its peak band, from far too short to far too long."""

FITS: Final[tuple[LongSessionFit, ...]] = ("far-too-short", "short", "within", "long", "far-too-long")

FAR_OUTSIDE_RATIO: Final = 1.3
"""A session is *far* outside its band when it is more than 30 % beyond it: above `max × 1.3` or below `min / 1.3`.

Why 30 %, applied as a ratio on both sides (the notes: far below is as wrong as far above):
- Above: +30 % is where the BJSM single-session cohort's "small spike" band ends (Frandsen, ..., Nielsen 2025);
  past it lie the moderate and large spikes, and the same limit fails a single-session spike (progression.py).
- Below: Hansons' beginner marathon peaks at 16 mi (25.7 km), 11 % under the 18 mi (29 km) band: a deliberate
  published choice that must read as "short", not as a failure; a marathon peaking at 21 km (a half marathon's
  long run) is 27 % under and fails.
- The ratio keeps the two sides symmetric: 1/1.3 ≈ 0.77 of the minimum.
"""

LONG_RUN_PACE_MIN_PER_KM: Final[Mapping[Level, Band]] = {
    "beginner": Band(6.0, 7.5),
    "intermediate": Band(5.5, 6.25),
    "advanced": Band(5.0, 5.75),
}
"""The long-run pace of each level, used only to turn a published time into a distance or back.

Implied by the Q16 rows that pair a time with a distance (10K: 50–60 min for 8–10 km = 6:00–6:15/km, 75–90 min for
12–16 km = 5:38–6:15, 90–100 min for 16–19 km = 5:16–5:38; half marathon 16–18 km in ≈ 2 h = 6:40–7:30) and by
the training paces Higdon's programmes assume (Novice 10:00/mile = 6:13/km, Intermediate 9:00 = 5:35,
Advanced 8:00 = 4:58)."""

CLIMBING_WORK: Final[tuple[str, ...]] = ("hill repeats", "sustained climbs")
"""What a hilly cycling event needs on top of the long ride (notes: climbing-specific work)."""

CYCLING_LONG_RIDE_OF_EVENT: Final = Band(0.75, 1.0)
"""The peak long ride as a fraction of the event's expected duration (or, at steady speed, its distance)."""

REFERENCE_RIDING_KMH: Final = 25.0
"""The riding speed a cycling event's expected duration is estimated at when the plan writes its rides in hours:
planforge's reference riding pace (`planforge.quality.measures`, 144 s/km), the one a ride given by distance is
timed with. A hilly event takes longer, so its time band errs short, never long."""

_MINUTES_STEP: Final = 5
_KM_STEP: Final = 0.5
_OPEN_WATER_KM_STEP: Final = 0.1


@dataclass(frozen=True)
class PeakLongSession:
    """The peak (longest) session of one leg in a plan for one race and level."""

    leg: Leg
    """The leg's sport; also the workout type of the session."""
    time_minutes: Band | None
    """The peak session's duration, when a source gives or implies one."""
    distance_km: Band | None
    """The peak session's distance, when a source gives or implies one."""
    back_to_back: bool = False
    """The peak is a weekend of two long sessions on consecutive days (ultras), not one."""

    def __post_init__(self) -> None:
        if self.time_minutes is None and self.distance_km is None:
            raise ValueError(f"a peak {self.leg} session needs a time band, a distance band or both")

    def fit(self, *, minutes: float | None = None, km: float | None = None) -> LongSessionFit | None:
        """How a session of `minutes` and/or `km` compares with this peak; None if no measure can be compared.

        Time or distance, whichever comes first: going past either maximum is too long, reaching either minimum
        is enough. With the fits ordered from far too short to far too long, that is the larger of the two.
        """
        measured = ((minutes, self.time_minutes), (km, self.distance_km))
        fits: list[LongSessionFit] = [
            fit_in_band(value, band) for value, band in measured if value is not None and band is not None
        ]
        return max(fits, key=FITS.index) if fits else None


def fit_in_band(value: float, band: Band) -> LongSessionFit:
    """Where `value` falls against `band`, with `FAR_OUTSIDE_RATIO` separating "short" from "far too short"."""
    if value < band.min / FAR_OUTSIDE_RATIO:
        return "far-too-short"
    if value < band.min:
        return "short"
    if value <= band.max:
        return "within"
    if value <= band.max * FAR_OUTSIDE_RATIO:
        return "long"
    return "far-too-long"


@dataclass(frozen=True)
class _RunningPeak:
    time_minutes: Band | None = None
    distance_km: Band | None = None
    cap_minutes: float | None = None
    back_to_back: bool = False
    time_only: bool = False  # no distance is derived: ultra pace depends on the terrain


# The Q16 running table. Marathon intermediate: the source's single figure, 20 mi (32 km), widened by a mile each
# side (the spacing of published peaks, 19–21 mi) so that it is a band; its cap is the beginner's 3.5 h, the
# larger one the table states. 50K advanced: the source's "5 h", widened by half an hour each side likewise.
_RUNNING_PEAKS: Final[Mapping[RaceDistance, Mapping[Level, _RunningPeak]]] = {
    "5k": {
        "beginner": _RunningPeak(time_minutes=Band(30, 45)),
        "intermediate": _RunningPeak(time_minutes=Band(60, 75)),
        "advanced": _RunningPeak(time_minutes=Band(75, 90)),
    },
    "10k": {
        "beginner": _RunningPeak(Band(50, 60), Band(8, 10)),
        "intermediate": _RunningPeak(Band(75, 90), Band(12, 16)),
        "advanced": _RunningPeak(Band(90, 100), Band(16, 19)),
    },
    "half-marathon": {
        "beginner": _RunningPeak(distance_km=Band(16, 18)),
        "intermediate": _RunningPeak(distance_km=Band(19, 21)),
        "advanced": _RunningPeak(distance_km=Band(22, 26)),
    },
    # The marathon programmes publish miles (18–20, 20, 20–22 mi); the table's km are those miles rounded.
    "marathon": {
        "beginner": _RunningPeak(distance_km=Band(18, 20).scaled(KM_PER_MILE), cap_minutes=210),
        "intermediate": _RunningPeak(distance_km=Band(19, 21).scaled(KM_PER_MILE), cap_minutes=210),
        "advanced": _RunningPeak(distance_km=Band(20, 22).scaled(KM_PER_MILE), cap_minutes=180),
    },
    "50k": {
        "beginner": _RunningPeak(time_minutes=Band(180, 240), back_to_back=True, time_only=True),
        "intermediate": _RunningPeak(time_minutes=Band(240, 300), back_to_back=True, time_only=True),
        "advanced": _RunningPeak(time_minutes=Band(270, 330), back_to_back=True, time_only=True),
    },
}


@dataclass(frozen=True)
class _TriathlonPeak:
    swim_km: Band
    ride_minutes: Band
    run_minutes: Band
    run_cap_km: float | None = None


_TRIATHLON_PEAKS: Final[Mapping[RaceDistance, _TriathlonPeak]] = {
    "sprint-triathlon": _TriathlonPeak(Band(1.0, 2.0), Band(60, 90), Band(45, 60)),
    "olympic-triathlon": _TriathlonPeak(Band(2.0, 3.0), Band(120, 150), Band(75, 90)),
    "half-ironman": _TriathlonPeak(Band(2.5, 3.5), Band(180, 240), Band(105, 120)),
    "ironman": _TriathlonPeak(Band(3.0, 4.5), Band(300, 360), Band(120, 150), run_cap_km=30),
}


def peak_long_sessions(race: Race, level: Level) -> tuple[PeakLongSession, ...]:
    """The peak session of each leg of `race` for an athlete of `level`, in race order."""
    match race.sport:
        case "triathlon" | "duathlon":  # a duathlon: its triathlon's bike and run peaks (races.py)
            return tuple(peak for peak in _triathlon_peaks(race, level) if peak.leg in race.legs)
        case "bike":
            km = CYCLING_LONG_RIDE_OF_EVENT.scaled(race.bike_km)
            minutes = km.scaled(60 / REFERENCE_RIDING_KMH).rounded_out(_MINUTES_STEP)
            return (PeakLongSession("bike", minutes, km),)
        case "swim":
            swim_km = _open_water_ratio(race.swim_km).scaled(race.swim_km).rounded_out(_OPEN_WATER_KM_STEP)
            return (PeakLongSession("swim", None, swim_km),)
        case _:
            return (_running_peak(_RUNNING_PEAKS[race.reference][level], level),)


def peak_long_session(race: Race, level: Level, leg: Leg) -> PeakLongSession:
    """The peak session of one leg; ValueError if `race` has no such leg."""
    for peak in peak_long_sessions(race, level):
        if peak.leg == leg:
            return peak
    raise ValueError(f"race {race.distance!r} has no {leg!r} leg; its legs are {', '.join(race.legs)}")


def cycling_long_ride_minutes(expected_event_hours: float) -> Band:
    """The peak long ride for a cycling event expected to take `expected_event_hours`: 75–100 % of it."""
    return CYCLING_LONG_RIDE_OF_EVENT.scaled(expected_event_hours * 60)


def _running_peak(row: _RunningPeak, level: Level) -> PeakLongSession:
    pace = LONG_RUN_PACE_MIN_PER_KM[level]
    minutes, km = row.time_minutes, row.distance_km
    if minutes is None and km is not None:
        minutes = Band(km.min * pace.min, km.max * pace.max).rounded_out(_MINUTES_STEP)
    if km is None and minutes is not None and not row.time_only:
        km = Band(minutes.min / pace.max, minutes.max / pace.min).rounded_out(_KM_STEP)
    if row.cap_minutes is not None and minutes is not None:
        minutes = Band(min(minutes.min, row.cap_minutes), min(minutes.max, row.cap_minutes))
    return PeakLongSession("run", minutes, km, row.back_to_back)


def _triathlon_peaks(race: Race, level: Level) -> tuple[PeakLongSession, ...]:
    peak = _TRIATHLON_PEAKS[race.reference]
    pace = LONG_RUN_PACE_MIN_PER_KM[level]
    run_km = Band(peak.run_minutes.min / pace.max, peak.run_minutes.max / pace.min).rounded_out(_KM_STEP)
    if peak.run_cap_km is not None:
        run_km = Band(min(run_km.min, peak.run_cap_km), min(run_km.max, peak.run_cap_km))
    return (
        PeakLongSession("swim", None, peak.swim_km),
        PeakLongSession("bike", peak.ride_minutes, None),
        PeakLongSession("run", peak.run_minutes, run_km),
    )


def _open_water_ratio(swim_km: float) -> Band:
    """Peak swim session ÷ race swim of the triathlon whose swim leg is nearest `swim_km` (by ratio)."""

    def distance_from(triathlon: RaceDistance) -> float:
        return abs(math.log(swim_km / race_for(triathlon).swim_km))

    nearest = min(_TRIATHLON_PEAKS, key=distance_from)
    return _TRIATHLON_PEAKS[nearest].swim_km.scaled(1 / race_for(nearest).swim_km)

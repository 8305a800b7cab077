"""Each `RaceDistance` as a race: its sport, its legs in km, and the named race whose figures apply to it.

Leg lengths:
- Running: 5 km, 10 km, half marathon 21.0975 km, marathon 42.195 km, 50 km.
- Triathlon (swim / bike / run): sprint 0.75 / 20 / 5 km, Olympic 1.5 / 40 / 10 km, 70.3 1.9 / 90 / 21.1 km,
  full 3.8 / 180 / 42.2 km (shared/notes/coaching-and-formats.md, triathlon race distances).
- A century is 100 miles of cycling.
- `ultra`, `sportive`, `gran-fondo`, `open-water` and `other` have no fixed length: the caller gives `distance_km`.
- A duathlon (`race_for("other", km, sport="duathlon")`) is run / bike / run: World Triathlon's standard duathlon
  10 / 40 / 5 km, the sprint 5 / 20 / 2.5 km; another length keeps those proportions (15 km of 55 running).

The published tables (long sessions, taper, volume) name only some races. `Race.reference` says which named race's
figures apply: the race itself when the tables name it, `50k` for any ultra (the sources' row is "50K trail/ultra"),
and for `other`, which planforge reads as a running race, the running race nearest in length. A duathlon takes the
figures of the triathlon whose bike leg is nearest in length, without the swim (standard → Olympic, sprint →
sprint): the notes' multisport table is the published source nearest to it, and no source gives duathlon its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal, get_args

from planforge.domain.vocabulary import RaceDistance, RaceSport

DUATHLON_RUN_SHARE: Final = 15 / 55
"""The running share of a duathlon's length: 10 + 5 km of the standard duathlon's 55 (World Triathlon)."""

Leg = Literal["swim", "bike", "run"]
"""The sport of one race leg. Each is also the `WorkoutType` of the sessions that train the leg, so the leg names
the workout type that carries its long session (a triathlon has three: the long swim, ride and run)."""

LEGS: Final[tuple[Leg, ...]] = get_args(Leg)

KM_PER_MILE: Final = 1.609344
"""International mile, for the sources that give miles (Higdon, Pfitzinger, Hansons, Fitzgerald)."""

MARATHON_KM: Final = 42.195

# Relative difference tolerated between a caller's `distance_km` and a fixed race length: course measurement and
# rounding ("42 km", "21.1 km") stay well inside it; a different race does not.
_LENGTH_TOLERANCE: Final = 0.10

_RUNNING_REFERENCES: Final[tuple[tuple[RaceDistance, float], ...]] = (
    ("5k", 5.0),
    ("10k", 10.0),
    ("half-marathon", 21.0975),
    ("marathon", MARATHON_KM),
)


@dataclass(frozen=True)
class Race:
    """A target race: what it is, how long each leg is, and which published figures apply to it."""

    distance: RaceDistance
    """The race as requested."""
    sport: RaceSport
    """The race's sport; `triathlon` for the multi-sport distances."""
    swim_km: float
    """Length of the swim leg in km (0 when there is none)."""
    bike_km: float
    """Length of the bike leg in km (0 when there is none)."""
    run_km: float
    """Length of the run leg in km (0 when there is none)."""
    reference: RaceDistance
    """The named race whose published figures (long sessions, taper, volume) apply to this one."""

    @property
    def legs(self) -> tuple[Leg, ...]:
        """The legs of the race, in race order (swim, bike, run)."""
        lengths = {"swim": self.swim_km, "bike": self.bike_km, "run": self.run_km}
        return tuple(leg for leg in LEGS if lengths[leg] > 0)

    @property
    def total_km(self) -> float:
        """The race's whole length in km, all legs together."""
        return self.swim_km + self.bike_km + self.run_km


def _running(distance: RaceDistance, run_km: float, reference: RaceDistance | None = None) -> Race:
    return Race(distance, "run", 0.0, 0.0, run_km, reference or distance)


def _triathlon(distance: RaceDistance, swim_km: float, bike_km: float, run_km: float) -> Race:
    return Race(distance, "triathlon", swim_km, bike_km, run_km, distance)


_FIXED: Final[dict[RaceDistance, Race]] = {
    race.distance: race
    for race in (
        _running("5k", 5.0),
        _running("10k", 10.0),
        _running("half-marathon", 21.0975),
        _running("marathon", MARATHON_KM),
        # The 50K row of the sources is "trail/ultra"; road or trail, the sessions are runs.
        _running("50k", 50.0),
        _triathlon("sprint-triathlon", 0.75, 20.0, 5.0),
        _triathlon("olympic-triathlon", 1.5, 40.0, 10.0),
        _triathlon("half-ironman", 1.9, 90.0, 21.1),
        _triathlon("ironman", 3.8, 180.0, 42.2),
        Race("century", "bike", 0.0, 100 * KM_PER_MILE, 0.0, "century"),
    )
}


def race_for(distance: RaceDistance, distance_km: float | None = None, sport: RaceSport | None = None) -> Race:
    """The race `distance` names; `distance_km` is its length for the distances without a fixed one.

    `sport="duathlon"` reads an `other` race of `distance_km` as a duathlon (run, bike, run), not as a running race;
    any other `sport` changes nothing (the distance says it).

    Raises ValueError when a distance without a fixed length has no `distance_km`, when an ultra is no longer
    than a marathon, or when `distance_km` contradicts a fixed length by more than 10 %.
    """
    if distance_km is not None and distance_km <= 0:
        raise ValueError(f"distance_km must be positive, got {distance_km!r}")
    if sport == "duathlon" and distance != "other":
        raise ValueError(f"a duathlon is an 'other' distance with its distance_km, not {distance!r}")
    if distance in _FIXED:
        race = _FIXED[distance]
        if distance_km is not None and abs(distance_km / race.total_km - 1) > _LENGTH_TOLERANCE:
            raise ValueError(
                f"distance {distance!r} is {race.total_km:g} km; distance_km {distance_km!r} contradicts it"
            )
        return race
    if distance_km is None:
        raise ValueError(f"distance {distance!r} has no fixed length; pass its distance_km")
    if sport == "duathlon":
        return duathlon(distance_km)
    match distance:
        case "ultra":
            if distance_km <= MARATHON_KM:
                raise ValueError(f"an ultra is longer than a marathon ({MARATHON_KM} km), got {distance_km!r} km")
            return _running("ultra", distance_km, reference="50k")
        case "other":
            return _running("other", distance_km, reference=_nearest_running_race(distance_km))
        case "open-water":
            return Race("open-water", "swim", distance_km, 0.0, 0.0, "open-water")
        case _:  # sportive, gran-fondo
            return Race(distance, "bike", 0.0, distance_km, 0.0, distance)


def duathlon(total_km: float) -> Race:
    """A duathlon of `total_km` (run, bike, run in the standard proportions), with the figures of the triathlon
    whose bike leg is nearest its own."""
    run_km = total_km * DUATHLON_RUN_SHARE
    bike_km = total_km - run_km
    triathlons: tuple[RaceDistance, ...] = ("sprint-triathlon", "olympic-triathlon", "half-ironman", "ironman")
    reference = min(triathlons, key=lambda named: abs(math.log(bike_km / _FIXED[named].bike_km)))
    return Race("other", "duathlon", 0.0, bike_km, run_km, reference)


def _nearest_running_race(run_km: float) -> RaceDistance:
    """The named running race nearest in length (by ratio, so 15 km is nearer 21.1 than 10); past a marathon, 50k."""
    if run_km > MARATHON_KM:
        return "50k"
    return min(_RUNNING_REFERENCES, key=lambda named: abs(math.log(run_km / named[1])))[0]

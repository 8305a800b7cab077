"""Shared cases for the coaching tests: a length for every race distance that needs one."""

from __future__ import annotations

from planforge.coaching import Race, race_for
from planforge.domain.vocabulary import RaceDistance

NEEDS_LENGTH: dict[RaceDistance, float] = {
    "ultra": 80,
    "sportive": 110,
    "gran-fondo": 150,
    "open-water": 3,
    "other": 15,
}
"""A plausible length for each distance without a fixed one."""


def any_race(distance: RaceDistance) -> Race:
    """The race `distance` names, with a length from `NEEDS_LENGTH` where it needs one."""
    return race_for(distance, NEEDS_LENGTH.get(distance))

"""Distances on a cycling event's long rides: "Long ride 3h30 (~90 km)".

A sportive, gran fondo or century is ridden over a distance, and its long rides build towards that distance
(the knowledge: 75–100 % of the event's); a rider plans them in km as much as in hours. The distance is the
ride's time at the event's own speed (its distance over the expected time the athlete gave), else at a steady
endurance speed, rounded to 5 km.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from planforge.offline.engine.fitness import RIDE_KMH
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.week import Week

_KM_STEP: Final = 5


def ride_speed_kmh(profile: Profile) -> float | None:
    """The speed a cycling event's long rides are stated at; None for a plan without a cycling event."""
    race, requirement = profile.race, profile.requirements.race
    if race is None or race.sport != "bike":
        return None
    if requirement is not None and requirement.expected_minutes:
        return race.bike_km / (requirement.expected_minutes / 60)
    return RIDE_KMH


def with_ride_distances(profile: Profile, week: Week) -> Week:
    """The week with each long ride of a cycling-event plan carrying its distance."""
    speed = ride_speed_kmh(profile)
    if speed is None:
        return week
    return {
        day: [
            replace(s, meters=round(s.minutes / 60 * speed / _KM_STEP) * _KM_STEP * 1000.0)
            if s.kind == "long-ride" and s.minutes > 0
            else s
            for s in sessions
        ]
        for day, sessions in week.items()
    }

"""Session sizes: swim sessions, the longest plausible session, race-week limits."""

from __future__ import annotations

from itertools import pairwise

import pytest

from planforge.coaching import (
    MAX_SWIMS_PER_DAY,
    Leg,
    SessionLimit,
    longest_plausible_session,
    race_for,
    race_week_session_limit,
    swim_session_m,
)
from planforge.domain.vocabulary import RaceDistance


def test_the_sprint_triathlon_swim_band_excludes_3000_m() -> None:
    band = swim_session_m(race_for("sprint-triathlon"))
    assert band is not None
    assert (band.min, band.max) == (1000, 2000)
    assert not band.contains(3000)


def test_swim_sessions_grow_with_triathlon_distance() -> None:
    bands = [
        swim_session_m(race_for(distance))
        for distance in ("sprint-triathlon", "olympic-triathlon", "half-ironman", "ironman")
    ]
    for shorter, longer in pairwise(band for band in bands if band is not None):
        assert shorter.min < longer.min
        assert shorter.max < longer.max


def test_a_race_without_a_swim_has_no_swim_band() -> None:
    assert swim_session_m(race_for("marathon")) is None


def test_at_most_one_swim_a_day() -> None:
    assert MAX_SWIMS_PER_DAY == 1


@pytest.mark.parametrize(
    ("distance", "leg", "minutes", "km", "plausible"),
    [
        ("marathon", "run", None, 35, True),
        ("marathon", "run", None, 50, False),
        ("5k", "run", 90, None, True),
        ("5k", "run", 150, None, False),
        ("ironman", "bike", 360, None, True),
        ("ironman", "bike", 480, None, False),
        ("sprint-triathlon", "swim", None, 3.0, False),
    ],
)
def test_longest_plausible_session(
    distance: RaceDistance, leg: Leg, minutes: float | None, km: float | None, plausible: bool
) -> None:
    limit = longest_plausible_session(race_for(distance), leg)
    assert limit is not None
    assert limit.allows(minutes=minutes, km=km) is plausible


def test_a_leg_outside_the_race_has_no_plausible_size() -> None:
    assert longest_plausible_session(race_for("marathon"), "bike") is None


@pytest.mark.parametrize(
    ("distance", "leg", "minutes", "km", "allowed"),
    [
        ("marathon", "run", None, 16, True),
        ("marathon", "run", None, 25, False),  # a last long run left in race week
        ("marathon", "run", 150, None, False),
        ("olympic-triathlon", "bike", 60, None, True),
        ("olympic-triathlon", "swim", None, 2.5, False),
        ("olympic-triathlon", "swim", None, 1.8, True),  # exactly 60 % of 3.0 km: at the limit, not past it
    ],
)
def test_race_week_sessions_stay_under_60_percent_of_the_peak(
    distance: RaceDistance, leg: Leg, minutes: float | None, km: float | None, allowed: bool
) -> None:
    limit = race_week_session_limit(race_for(distance), "beginner", leg)
    assert limit.allows(minutes=minutes, km=km) is allowed


def test_a_session_limit_checks_each_measure_it_has() -> None:
    limit = SessionLimit(max_minutes=60, max_km=None)
    assert limit.allows(minutes=60, km=500)
    assert not limit.allows(minutes=61)

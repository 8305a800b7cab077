"""Taper: its length by race and by peak volume, its shape, race week and the days before the race."""

from __future__ import annotations

from itertools import pairwise

import pytest

from planforge.coaching import (
    DAY_BEFORE_RACE_MAX_MINUTES,
    KM_PER_MILE,
    LAST_HARD_SESSION_DAYS_BEFORE_RACE,
    RACE_WEEK_VOLUME_OF_PEAK,
    TAPER_SHAPE,
    Band,
    race_for,
    taper_days,
    taper_days_for_peak_week_km,
)
from planforge.domain.vocabulary import RaceDistance


@pytest.mark.parametrize(
    ("distance", "distance_km", "days"),
    [
        ("5k", None, Band(7, 10)),
        ("10k", None, Band(7, 10)),
        ("half-marathon", None, Band(10, 14)),
        ("marathon", None, Band(14, 21)),
        ("50k", None, Band(14, 21)),
        ("ultra", 100, Band(14, 21)),
        ("ironman", None, Band(14, 21)),
        ("other", 15, Band(10, 14)),  # nearest a half marathon
        # No race-specific figure: Bosquet's 8–14 days.
        ("sprint-triathlon", None, Band(8, 14)),
        ("half-ironman", None, Band(8, 14)),
        ("gran-fondo", 150, Band(8, 14)),
        ("open-water", 5, Band(8, 14)),
    ],
)
def test_taper_length_by_race(distance: RaceDistance, distance_km: float | None, days: Band) -> None:
    assert taper_days(race_for(distance, distance_km)) == days


def test_running_tapers_grow_with_race_distance() -> None:
    tapers = [taper_days(race_for(distance)) for distance in ("5k", "half-marathon", "marathon")]
    for shorter, longer in pairwise(tapers):
        assert shorter.min < longer.min
        assert shorter.max < longer.max


@pytest.mark.parametrize(
    ("peak_week_miles", "days"),
    [(15, 7), (30, 7), (40, 7), (41, 14), (80, 14), (81, 21), (120, 21)],
)
def test_taper_length_by_peak_volume(peak_week_miles: float, days: int) -> None:
    assert taper_days_for_peak_week_km(peak_week_miles * KM_PER_MILE) == days


def test_the_taper_cuts_volume_and_keeps_intensity_and_frequency() -> None:
    assert TAPER_SHAPE.volume_cut == Band(0.41, 0.60)
    assert TAPER_SHAPE.intensity_kept
    assert TAPER_SHAPE.frequency_kept


def test_race_week_and_the_days_before_the_race() -> None:
    assert (RACE_WEEK_VOLUME_OF_PEAK.min, RACE_WEEK_VOLUME_OF_PEAK.max) == (0.40, 0.60)
    assert (LAST_HARD_SESSION_DAYS_BEFORE_RACE.min, LAST_HARD_SESSION_DAYS_BEFORE_RACE.max) == (3, 5)
    pfitzinger_4_miles_at_9_min, hansons_3_miles_at_10_min, a_real_session = 36, 30, 60
    assert pfitzinger_4_miles_at_9_min <= DAY_BEFORE_RACE_MAX_MINUTES
    assert hansons_3_miles_at_10_min <= DAY_BEFORE_RACE_MAX_MINUTES
    assert a_real_session > DAY_BEFORE_RACE_MAX_MINUTES

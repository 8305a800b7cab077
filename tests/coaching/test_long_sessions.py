"""Peak long sessions: a band for every race, level and leg, the Q16 figures, and the far-outside tolerance."""

from __future__ import annotations

from itertools import pairwise
from typing import get_args

import pytest

from planforge.coaching import (
    FAR_OUTSIDE_RATIO,
    KM_PER_MILE,
    Band,
    Leg,
    LongSessionFit,
    PeakLongSession,
    cycling_long_ride_minutes,
    fit_in_band,
    peak_long_session,
    peak_long_sessions,
    race_for,
)
from planforge.domain.vocabulary import LEVELS, Level, RaceDistance
from tests.coaching.helpers import any_race

RUNNING_BY_LENGTH: tuple[RaceDistance, ...] = ("5k", "10k", "half-marathon", "marathon", "50k")
TRIATHLONS_BY_LENGTH: tuple[RaceDistance, ...] = ("sprint-triathlon", "olympic-triathlon", "half-ironman", "ironman")


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("distance", get_args(RaceDistance))
def test_every_race_and_level_has_a_peak_band_per_leg(distance: RaceDistance, level: Level) -> None:
    race = any_race(distance)
    peaks = peak_long_sessions(race, level)
    assert tuple(peak.leg for peak in peaks) == race.legs
    for peak in peaks:
        bands = [band for band in (peak.time_minutes, peak.distance_km) if band is not None]
        assert bands
        assert all(band.min < band.max for band in bands)


def test_the_marathon_beginner_band_contains_32_km_and_excludes_75_minutes() -> None:
    peak = peak_long_session(race_for("marathon"), "beginner", "run")
    assert peak.distance_km is not None
    assert peak.time_minutes is not None
    assert peak.distance_km.contains(32)
    assert not peak.time_minutes.contains(75)
    assert peak.fit(minutes=75) == "far-too-short"


@pytest.mark.parametrize(
    ("distance", "level", "leg", "minutes", "km", "expected"),
    [
        # Q16 figures, in band.
        ("5k", "beginner", "run", 40, None, "within"),
        ("10k", "intermediate", "run", 80, 14, "within"),
        ("half-marathon", "advanced", "run", None, 24, "within"),
        ("marathon", "beginner", "run", None, 20 * KM_PER_MILE, "within"),  # Higdon Novice 1
        ("marathon", "advanced", "run", None, 22 * KM_PER_MILE, "within"),  # Pfitzinger 18/55
        ("50k", "intermediate", "run", 270, None, "within"),
        ("ironman", "advanced", "bike", 330, None, "within"),
        ("sprint-triathlon", "beginner", "swim", None, 1.5, "within"),
        # Short but published: Hansons' beginner marathon peaks at 16 mi.
        ("marathon", "beginner", "run", None, 16 * KM_PER_MILE, "short"),
        # Far outside, either way.
        ("marathon", "beginner", "run", None, 21.1, "far-too-short"),
        ("marathon", "beginner", "run", None, 45, "far-too-long"),
        ("5k", "beginner", "run", 90, None, "far-too-long"),
        ("sprint-triathlon", "beginner", "swim", None, 3.0, "far-too-long"),
        ("ironman", "advanced", "run", None, 35, "long"),  # the ≈ 30 km cap
        # Whichever comes first: reaching the time cap is enough; passing it is too long.
        ("marathon", "beginner", "run", 210, 25, "within"),
        ("marathon", "beginner", "run", 240, 32, "long"),
        # Nothing comparable: the 50K band is time only.
        ("50k", "beginner", "run", None, 30, None),
    ],
)
def test_sessions_fit_their_peak_band(
    distance: RaceDistance,
    level: Level,
    leg: Leg,
    minutes: float | None,
    km: float | None,
    expected: LongSessionFit | None,
) -> None:
    peak = peak_long_session(race_for(distance), level, leg)
    assert peak.fit(minutes=minutes, km=km) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (10 / FAR_OUTSIDE_RATIO - 0.01, "far-too-short"),
        (10 / FAR_OUTSIDE_RATIO, "short"),
        (10, "within"),
        (20, "within"),
        (20 * FAR_OUTSIDE_RATIO, "long"),
        (20 * FAR_OUTSIDE_RATIO + 0.01, "far-too-long"),
    ],
)
def test_far_outside_starts_30_percent_beyond_the_band(value: float, expected: LongSessionFit) -> None:
    assert FAR_OUTSIDE_RATIO == 1.3
    assert fit_in_band(value, Band(10, 20)) == expected


@pytest.mark.parametrize("level", LEVELS)
def test_running_peaks_grow_with_race_distance(level: Level) -> None:
    peaks = [peak_long_session(race_for(distance), level, "run") for distance in RUNNING_BY_LENGTH]
    times = [peak.time_minutes for peak in peaks]
    assert all(band is not None for band in times)
    for shorter, longer in pairwise(band for band in times if band is not None):
        assert shorter.min < longer.min
        assert shorter.max < longer.max
    distances = [peak.distance_km for peak in peaks if peak.distance_km is not None]
    assert len(distances) == 4  # 5K to marathon; the 50K band is time only
    for shorter, longer in pairwise(distances):
        assert shorter.min < longer.min
        assert shorter.max < longer.max


@pytest.mark.parametrize(
    ("leg", "measure"), [("swim", "distance_km"), ("bike", "time_minutes"), ("run", "time_minutes")]
)
def test_triathlon_peaks_grow_with_race_distance(leg: Leg, measure: str) -> None:
    bands: list[Band] = [
        getattr(peak_long_session(race_for(distance), "intermediate", leg), measure)
        for distance in TRIATHLONS_BY_LENGTH
    ]
    for shorter, longer in pairwise(bands):
        assert shorter.min < longer.min
        assert shorter.max < longer.max


@pytest.mark.parametrize("distance", RUNNING_BY_LENGTH[:4])
def test_running_peak_distance_grows_with_level(distance: RaceDistance) -> None:
    distances = [peak_long_session(race_for(distance), level, "run").distance_km for level in LEVELS]
    for lower, higher in pairwise(band for band in distances if band is not None):
        assert lower.min <= higher.min
        assert lower.max <= higher.max


@pytest.mark.parametrize("distance", ["50k", "ultra"])
def test_ultra_peaks_are_back_to_back(distance: RaceDistance) -> None:
    assert peak_long_session(race_for(distance, 80 if distance == "ultra" else None), "beginner", "run").back_to_back


@pytest.mark.parametrize(
    ("distance", "distance_km", "expected"), [("sportive", 100, Band(75, 100)), ("gran-fondo", 160, Band(120, 160))]
)
def test_a_cycling_long_ride_is_75_to_100_percent_of_the_event(
    distance: RaceDistance, distance_km: float, expected: Band
) -> None:
    for level in LEVELS:
        assert peak_long_session(race_for(distance, distance_km), level, "bike").distance_km == expected
    assert cycling_long_ride_minutes(4) == Band(180, 240)


def test_an_open_water_swim_follows_the_nearest_triathlon_swim() -> None:
    # 1.5 km is the Olympic swim, whose peak session is 2,000–3,000 m.
    assert peak_long_session(race_for("open-water", 1.5), "beginner", "swim").distance_km == Band(2.0, 3.0)


def test_a_leg_the_race_does_not_have_is_refused() -> None:
    with pytest.raises(ValueError, match="no 'swim' leg"):
        peak_long_session(race_for("marathon"), "beginner", "swim")


def test_a_peak_without_any_band_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a time band"):
        PeakLongSession("run", None, None)

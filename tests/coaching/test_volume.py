"""Volume: plausible peak weeks, sessions a week, and a never-runner's first weeks."""

from __future__ import annotations

from itertools import pairwise

import pytest

from planforge.coaching import (
    KM_PER_MILE,
    NOVICE_ONSET,
    SESSIONS_PER_WEEK,
    Band,
    peak_weekly_volume,
    race_for,
)
from planforge.domain.vocabulary import LEVELS, Level, RaceDistance

RUNNING_BY_LENGTH: tuple[RaceDistance, ...] = ("5k", "10k", "half-marathon", "marathon")


@pytest.mark.parametrize(
    ("distance", "hours"),
    [
        ("sprint-triathlon", Band(5, 8)),
        ("olympic-triathlon", Band(8, 12)),
        ("half-ironman", Band(10, 14)),
        ("ironman", Band(12, 20)),
    ],
)
def test_triathlon_peak_week_hours(distance: RaceDistance, hours: Band) -> None:
    for level in LEVELS:
        assert peak_weekly_volume(race_for(distance), level).hours == hours


@pytest.mark.parametrize(
    ("distance", "level", "programme_miles"),
    [
        ("5k", "beginner", 8),  # Higdon 5K Novice
        ("10k", "intermediate", 27),  # Higdon 10K Intermediate
        ("half-marathon", "beginner", 23),  # Higdon Novice 2
        ("marathon", "beginner", 40),  # Higdon Novice 1
        ("marathon", "beginner", 56),  # Hansons Beginner
        ("marathon", "intermediate", 55),  # Pfitzinger 18/55
        ("marathon", "advanced", 70),  # Pfitzinger 18/70
    ],
)
def test_published_peak_weeks_are_plausible(distance: RaceDistance, level: Level, programme_miles: float) -> None:
    run_km = peak_weekly_volume(race_for(distance), level).run_km
    assert run_km is not None
    assert run_km.contains(programme_miles * KM_PER_MILE)


@pytest.mark.parametrize("level", LEVELS)
def test_running_volume_grows_with_race_distance(level: Level) -> None:
    bands = [peak_weekly_volume(race_for(distance), level).run_km for distance in RUNNING_BY_LENGTH]
    for shorter, longer in pairwise(band for band in bands if band is not None):
        assert shorter.min <= longer.min
        assert shorter.max <= longer.max


@pytest.mark.parametrize("distance", RUNNING_BY_LENGTH)
def test_running_volume_grows_with_level_and_comes_with_hours(distance: RaceDistance) -> None:
    volumes = [peak_weekly_volume(race_for(distance), level) for level in LEVELS]
    assert all(volume.hours is not None and volume.run_km is not None for volume in volumes)
    for lower, higher in pairwise(volume.run_km for volume in volumes if volume.run_km is not None):
        assert lower.min < higher.min
        assert lower.max <= higher.max  # Hansons' Beginner marathon already runs at Pfitzinger 18/55 volume


@pytest.mark.parametrize(("distance", "distance_km"), [("ultra", 100), ("gran-fondo", 150), ("open-water", 3)])
def test_no_weekly_figure_is_invented_where_no_source_gives_one(distance: RaceDistance, distance_km: float) -> None:
    volume = peak_weekly_volume(race_for(distance, distance_km), "intermediate")
    assert (volume.hours, volume.run_km) == (None, None)


def test_sessions_a_week_by_level() -> None:
    assert [SESSIONS_PER_WEEK[level] for level in LEVELS] == [Band(3, 4), Band(4, 5), Band(5, 7)]


def test_novice_onset_is_couch_to_5k() -> None:
    onset = NOVICE_ONSET
    assert (onset.weeks, onset.runs_per_week) == (9, 3)
    assert (onset.first_week_run_seconds, onset.first_week_walk_seconds, onset.first_week_session_minutes) == (
        60,
        90,
        20,
    )
    assert onset.longest_run_minutes_by_week[-1] == 30


@pytest.mark.parametrize(
    ("week", "minutes", "allowed"),
    [
        (1, 1, True),  # the NHS week-1 bout
        (1, 3, True),  # "a few minutes"
        (1, 5, False),
        (1, 35, False),
        (2, 20, False),
        (5, 20, True),
        (7, 30, True),
        (10, 45, True),  # past the programme: the usual progression rules apply
    ],
)
def test_a_never_runner_starts_with_short_bouts(week: int, minutes: float, allowed: bool) -> None:
    assert NOVICE_ONSET.allows_continuous_run(week, minutes) is allowed


def test_weeks_count_from_one() -> None:
    with pytest.raises(ValueError, match="count from 1"):
        NOVICE_ONSET.longest_run_minutes(0)

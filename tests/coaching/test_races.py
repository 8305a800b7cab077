"""Races: every RaceDistance resolves to a race with its legs, and lengths that contradict it are refused."""

from __future__ import annotations

from typing import get_args

import pytest

from planforge.coaching import Leg, race_for
from planforge.domain.vocabulary import RaceDistance
from tests.coaching.helpers import NEEDS_LENGTH, any_race


@pytest.mark.parametrize("distance", get_args(RaceDistance))
def test_every_distance_is_a_race_with_legs(distance: RaceDistance) -> None:
    race = any_race(distance)
    assert race.distance == distance
    assert race.legs
    assert race.total_km > 0


@pytest.mark.parametrize(
    ("distance", "sport", "legs", "swim_km", "bike_km", "run_km"),
    [
        ("5k", "run", ("run",), 0, 0, 5),
        ("half-marathon", "run", ("run",), 0, 0, 21.0975),
        ("marathon", "run", ("run",), 0, 0, 42.195),
        ("sprint-triathlon", "triathlon", ("swim", "bike", "run"), 0.75, 20, 5),
        ("olympic-triathlon", "triathlon", ("swim", "bike", "run"), 1.5, 40, 10),
        ("half-ironman", "triathlon", ("swim", "bike", "run"), 1.9, 90, 21.1),
        ("ironman", "triathlon", ("swim", "bike", "run"), 3.8, 180, 42.2),
        ("century", "bike", ("bike",), 0, pytest.approx(160.934, abs=0.001), 0),
    ],
)
def test_fixed_races_have_their_published_legs(
    distance: RaceDistance, sport: str, legs: tuple[Leg, ...], swim_km: float, bike_km: float, run_km: float
) -> None:
    race = race_for(distance)
    assert (race.sport, race.legs) == (sport, legs)
    assert (race.swim_km, race.bike_km, race.run_km) == (swim_km, bike_km, run_km)


@pytest.mark.parametrize(
    ("distance", "distance_km", "sport", "legs"),
    [
        ("ultra", 100, "run", ("run",)),
        ("sportive", 110, "bike", ("bike",)),
        ("gran-fondo", 150, "bike", ("bike",)),
        ("open-water", 3, "swim", ("swim",)),
        ("other", 15, "run", ("run",)),
    ],
)
def test_races_without_a_fixed_length_take_the_callers(
    distance: RaceDistance, distance_km: float, sport: str, legs: tuple[Leg, ...]
) -> None:
    race = race_for(distance, distance_km)
    assert (race.sport, race.legs, race.total_km) == (sport, legs, distance_km)


@pytest.mark.parametrize("distance", list(NEEDS_LENGTH))
def test_a_race_without_a_fixed_length_needs_one(distance: RaceDistance) -> None:
    with pytest.raises(ValueError, match="distance_km"):
        race_for(distance)


@pytest.mark.parametrize(
    ("distance", "distance_km", "error"),
    [
        ("marathon", 30, "contradicts"),
        ("5k", 10, "contradicts"),
        ("ultra", 42.195, "longer than a marathon"),
        ("other", 0, "positive"),
    ],
)
def test_contradicting_lengths_are_refused(distance: RaceDistance, distance_km: float, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        race_for(distance, distance_km)


def test_a_rounded_length_of_a_fixed_race_is_accepted() -> None:
    assert race_for("marathon", 42).run_km == 42.195


@pytest.mark.parametrize(
    ("distance", "distance_km", "reference"),
    [
        ("other", 3, "5k"),
        ("other", 8, "10k"),
        ("other", 15, "half-marathon"),
        ("other", 30, "marathon"),
        ("other", 60, "50k"),
        ("ultra", 160, "50k"),
        ("marathon", None, "marathon"),
        ("ironman", None, "ironman"),
    ],
)
def test_the_reference_is_the_named_race_whose_figures_apply(
    distance: RaceDistance, distance_km: float | None, reference: RaceDistance
) -> None:
    assert race_for(distance, distance_km).reference == reference


def test_a_duathlon_is_run_bike_run_sized_like_the_triathlon_of_its_bike_leg() -> None:
    standard = race_for("other", 55, sport="duathlon")  # 10 km run, 40 km bike, 5 km run
    assert standard.sport == "duathlon"
    assert standard.legs == ("bike", "run")
    assert standard.bike_km == pytest.approx(40)
    assert standard.run_km == pytest.approx(15)
    assert standard.reference == "olympic-triathlon"
    assert race_for("other", 27.5, sport="duathlon").reference == "sprint-triathlon"


def test_a_duathlon_is_not_read_as_an_ultra_and_has_no_swim_peak() -> None:
    from planforge.coaching import peak_long_sessions

    peaks = peak_long_sessions(race_for("other", 55, sport="duathlon"), "intermediate")
    assert [p.leg for p in peaks] == ["bike", "run"]
    run = peaks[1]
    assert run.time_minutes is not None
    assert run.time_minutes.max == 90  # an Olympic triathlon's, not a 50K's 4–5 h
    assert race_for("other", 55).reference == "50k"  # without the sport, `other` stays a running race


def test_a_duathlon_must_be_an_other_distance() -> None:
    with pytest.raises(ValueError, match="duathlon"):
        race_for("marathon", sport="duathlon")

"""Durations and distances as coaches write them."""

from __future__ import annotations

import pytest

from planforge.drafttext.days import fold
from planforge.offline.parser.distances import find_distances, race_distance
from planforge.offline.parser.durations import find_durations


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45 min", [2700]),
        ("45'", [2700]),
        ("90'", [5400]),
        ("1h15", [4500]),
        ("Long run 1h30", [5400]),
        ("1 hr 15 min", [4500]),
        ("1:15:00", [4500]),
        ("Langer Lauf 1:30 h", [5400]),
        ("2h", [7200]),
        ("1,5 Std.", [5400]),
        ("1.5 hours", [5400]),
        ("30 s", [30]),
        ('8 x 30"', [30]),
        ("an hour", [3600]),
        ("half an hour", [1800]),
        ("1-and-a-half minutes", [90]),
        ("one and a half hours", [5400]),
        ("une heure", [3600]),
        ("45-60 min", [2700]),  # a range: its lower bound
        ("40–50'", [2400]),
        ("2.5–3 h", [9000]),
        ("40 min @ 5:30/km", [2400]),  # the pace is not a duration
        ("15 min warm-up, 20 min tempo", [900, 1200]),
        ("6 x 800m", []),
    ],
)
def test_durations(text: str, seconds: list[float]) -> None:
    assert [q.value for q in find_durations(fold(text))] == seconds


def test_clock_time_is_minutes_and_seconds_inside_a_repetition() -> None:
    assert [q.value for q in find_durations("3:00", within_rep=True)] == [180]
    assert [q.value for q in find_durations("3:00")] == [10800]


@pytest.mark.parametrize(
    ("text", "meters"),
    [
        ("8 km", [8000]),
        ("10k easy", [10000]),
        ("5 mi", [8046.72]),
        ("5 miles", [8046.72]),
        ("800m", [800]),
        ("1500 m", [1500]),
        ("2000 yd", [1828.8]),
        ("8-10 km", [8000]),  # a range: its lower bound
        ("3-4 mi", [4828.032]),
        ("10-13 miles", [16093.44]),
        ("6 x 800m @ 5K pace w/ 400m jog", [800, 400]),  # "5K pace" is a pace, not a distance
        ("tempo @ 10k", []),
        ("a ritmo de 10k", []),
        ("10m warm-up", []),  # minutes, not meters
    ],
)
def test_distances(text: str, meters: list[float]) -> None:
    assert [q.value for q in find_distances(fold(text))] == pytest.approx(meters)


@pytest.mark.parametrize(
    ("text", "meters"),
    [
        ("race: half marathon", 21097.5),
        ("halbmarathon", 21097.5),
        ("media maraton", 21097.5),
        ("marathon", 42195),
        ("race: 10k", 10000),
        ("5k parkrun race", 5000),
        ("race day", None),
    ],
)
def test_race_distance(text: str, meters: float | None) -> None:
    assert race_distance(text) == meters


# Height climbed is no distance: "m+", "D+", "hm", "of climbing", "dénivelé", "desnivel".
@pytest.mark.parametrize(
    ("text", "meters"),
    [
        ("Trail 3 h (hills, 900 m+)", []),
        ("Trail 22 km, 1100 m D+", [22000]),
        ("Sortie trail 15 km, D+ 700 m", [15000]),
        ("Berglauf 10 km, 600 Hm", [10000]),
        ("Long run 28 km with 500 m of climbing", [28000]),
        ("Rando 4 h, dénivelé 1200 m", []),
        ("Tirada 20 km con desnivel positivo de 800 m", [20000]),
        ("6 x 200 m + 4 x 100 m", [200, 100]),  # a "+" between reps is a list, not climbing
        ("Run 3000 m + 400 m jog", [3000, 400]),
    ],
)
def test_climbing_is_not_distance(text: str, meters: list[float]) -> None:
    assert [q.value for q in find_distances(fold(text))] == pytest.approx(meters)


def test_height_climbed_names_no_half_marathon() -> None:
    assert race_distance(fold("Race: mountain race, 800 hm")) is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("caminata 2 h por el monte", [7200]), ("Lauf 1 h pro Tag", [3600]), ("5 min per km", []),
     ("4:30 pro km", []), ("1:50 por 100 m", [])],
)  # fmt: skip
def test_por_pro_per_is_a_pace_only_before_a_distance(text: str, seconds: list[float]) -> None:
    assert [q.value for q in find_durations(fold(text))] == seconds

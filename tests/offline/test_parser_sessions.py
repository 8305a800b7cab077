"""One day's text → sessions: the engine's canonical session texts and handwritten forms."""

from __future__ import annotations

import pytest

from planforge.offline.parser.sessions import parse_day

Row = tuple[str, str, int | None, float | None]


@pytest.mark.parametrize(
    ("text", "sessions"),
    [
        ("Rest", []),
        ("Day off", []),
        ("Ruhetag", []),
        ("Repos", []),
        ("Descanso", []),
        ("—", []),
        ("Easy run 45 min", [("run", "easy-run", 2700, None)]),
        ("Easy run 8 km", [("run", "easy-run", None, 8000)]),
        ("Recovery run 30 min", [("run", "recovery-run", 1800, None)]),
        ("Long run 16 km", [("run", "long-run", None, 16000)]),
        ("Long run 1h30", [("run", "long-run", 5400, None)]),
        ("Tempo run 30 min", [("run", "tempo-run", 1800, None)]),
        ("Tempo: 15 min warm-up, 20 min @ threshold, 10 min cool-down", [("run", "tempo-run", 2700, None)]),
        ("Intervals: 15 min warm-up, 6 x 800m @ 5K pace w/ 400m jog, 10 min cool-down",
         [("run", "interval-run", None, None)]),
        ("Hill repeats: 8 x 60 s uphill w/ jog down", [("run", "hill-repeats", 480, None)]),
        ("Fartlek 40 min", [("run", "fartlek", 2400, None)]),
        ("Progression run 50 min", [("run", "progression-run", 3000, None)]),
        ("Race pace run 12 km", [("run", "race-pace-run", None, 12000)]),
        ("Trail run 60 min", [("run", "trail-run", 3600, None)]),
        ("Strength 30 min", [("strength", "strength-training", 1800, None)]),
        ("Cross-training 40 min", [("cross-training", "cross-training", 2400, None)]),
        ("Bike 60 min", [("bike", "endurance-ride", 3600, None)]),
        ("Swim 1500 m", [("swim", "endurance-swim", None, 1500)]),
        ("Brick: Bike 60 min + Run 20 min", [("bike", "brick", 3600, None), ("run", "easy-run", 1200, None)]),
        ("Race: Half marathon", [("run", "race", None, 21097.5)]),
        ("Race: Marathon", [("run", "race", None, 42195)]),
        ("Walk 30 min", [("walk", "walk", 1800, None)]),
        ("Hike 2h", [("hike", "hike", 7200, None)]),
        ("Easy run 40 min + Strength 20 min",
         [("run", "easy-run", 2400, None), ("strength", "strength-training", 1200, None)]),
        ("Easy run 45 min + strides", [("run", "easy-run", 2700, None)]),
        ("Tirada larga 16 km", [("run", "long-run", None, 16000)]),
        ("Sortie longue 1h30", [("run", "long-run", 5400, None)]),
        ("10 km locker", [("run", "easy-run", None, 10000)]),
        ("Long 8-10 km", [("run", "long-run", None, 9000)]),
        ("Seuil : 15 min d'échauffement, 3 x 10 min au seuil, 10 min retour au calme",
         [("run", "tempo-run", 3300, None)]),
        ("Open water swim 30 min", [("swim", "open-water-swim", 1800, None)]),
        ("Yoga 30 min", [("strength", "mobility", 1800, None)]),
    ],
)  # fmt: skip
def test_sessions(text: str, sessions: list[Row]) -> None:
    parsed = parse_day("Tuesday", text)
    assert [(s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parsed] == sessions
    assert all(s.day == "Tuesday" and s.confident for s in parsed)


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [("Cross-training or rest", "cross-training"), ("Rest or easy 30 min", "easy-run"),
     ("Repos ou footing 30 min", "easy-run"), ("Bike 45 min (optional)", "endurance-ride")],
)  # fmt: skip
def test_rest_alternatives_are_optional_sessions(text: str, sub_type: str) -> None:
    [session] = parse_day("Friday", text)
    assert session.optional
    assert session.workout_sub_type == sub_type


def test_explicit_lengths_are_flagged_for_cross_checks() -> None:
    [steady] = parse_day("Monday", "Easy run 45 min")
    [structured] = parse_day("Monday", "Tempo: 15 min warm-up, 20 min @ threshold, 10 min cool-down")
    assert (steady.explicit_duration, steady.explicit_distance) == (True, False)
    assert (structured.explicit_duration, structured.duration_seconds) == (False, 2700)
    assert steady.content_blocks == []
    assert [block.type for block in structured.content_blocks] == ["warm-up", "run", "cool-down"]


@pytest.mark.parametrize("text", ["something unreadable", "Easy 10m then more"])
def test_guesses_are_not_confident(text: str) -> None:
    [session] = parse_day("Monday", text)
    assert not session.confident


def test_a_bare_distance_is_a_confident_easy_run() -> None:
    [session] = parse_day("Monday", "5 mi")
    assert (session.workout_sub_type, session.confident) == ("easy-run", True)

"""Sessions as other coaches write them: footnote markers, ranges, units in a table's header, more languages."""

from __future__ import annotations

import pytest

from planforge.offline.parser import parse_draft
from planforge.offline.parser.days import clean_session_text
from planforge.offline.parser.sessions import parse_day

Reading = tuple[str, str, int | None, float | None]


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        ("Easy Run¹ 40–50 min", "Easy Run 40–50 min"),
        ("Riders Choice1 60-75 min", "Riders Choice 60-75 min"),
        ("Long run† 16 km", "Long run 16 km"),
        ("Intervals[2]: 6 x 800", "Intervals: 6 x 800"),
        ("Zone2 ride 60 min", "Zone2 ride 60 min"),  # a number that belongs to its word stays
        ("VO2 max 5 x 3 min", "VO2 max 5 x 3 min"),
    ],
)
def test_footnote_markers_are_dropped(written: str, cleaned: str) -> None:
    assert clean_session_text(written) == cleaned


def test_a_footnote_line_ends_the_day_above_it() -> None:
    text = "Week 1\nMon: rest\nSun: Long run² 14–16 km\n² Long: the last 20 minutes at marathon pace, 5 x 1 km"
    [week] = parse_draft(text)
    assert [(s.day, s.workout_sub_type, s.distance_meters, s.text) for s in week.sessions] == [
        ("Sunday", "long-run", 14000.0, "Long run 14–16 km"),  # a range: its lower bound, the range in the text
    ]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Easy run 40–50 min", ("run", "easy-run", 2400, None)),
        ("Long ride 2.5–3 h", ("bike", "long-ride", 9000, None)),
        ("10-13 miles easy", ("run", "easy-run", None, 16093.4)),
        ("3-4 x 1 km @ 10k pace", ("run", "interval-run", None, 3000.0)),
    ],
)
def test_a_range_counts_its_lower_bound(text: str, reading: Reading) -> None:
    [session] = parse_day("Monday", text)
    assert (session.workout_type, session.workout_sub_type, session.duration_seconds, session.distance_meters) == (
        reading
    )


def test_a_day_table_with_units_in_its_header() -> None:
    text = (
        "Week 1\n| Day | Session | Duration (min) | Distance (km) |\n|---|---|---|---|\n"
        "| Tue | Easy run | 45 | |\n| Thu | Tempo | 30 | |\n| Sun | Long run | | 16 |\n"
    )
    [week] = parse_draft(text)
    assert [(s.day, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in week.sessions] == [
        ("Tuesday", "easy-run", 2700, None),
        ("Thursday", "tempo-run", 1800, None),
        ("Sunday", "long-run", None, 16000.0),
    ]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("rozbieganie 8 km", ("run", "easy-run", None, 8000.0)),
        ("interwały 6 x 800 m", ("run", "interval-run", None, 4800.0)),
        ("długi bieg 20 km", ("run", "long-run", None, 20000.0)),
        ("siłownia 45 min", ("strength", "strength-training", 2700, None)),
        ("rower 1 godz.", ("bike", "endurance-ride", 3600, None)),
        ("långpass 16 km", ("run", "long-run", None, 16000.0)),
        ("intervaller 5 x 1000 m", ("run", "interval-run", None, 5000.0)),
        ("simning 2 km", ("swim", "endurance-swim", None, 2000.0)),
        ("styrketræning 30 min", ("strength", "strength-training", 1800, None)),
        ("langtur 18 km", ("run", "long-run", None, 18000.0)),
        ("sykling 2 timer", ("bike", "endurance-ride", 7200, None)),
        ("dlouhý běh 15 km", ("run", "long-run", None, 15000.0)),
        ("plavání 40 minut", ("swim", "endurance-swim", 2400, None)),
        ("RACE – półmaraton", ("run", "race", None, 21097.5)),
    ],
)
def test_sessions_in_more_languages(text: str, reading: Reading) -> None:
    [session] = parse_day("Monday", text)
    assert (session.workout_type, session.workout_sub_type, session.duration_seconds, session.distance_meters) == (
        reading
    )


@pytest.mark.parametrize("rest", ["wolne", "odpoczynek", "volno", "vila", "hvile"])
def test_rest_words_in_more_languages(rest: str) -> None:
    assert parse_day("Monday", rest) == []


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("SkiErg 5 km steady", ("cross-training", "cross-training", None, 5000.0)),
        ("SkiErg intervals: 8 x 1 min hard / 1 min easy", ("cross-training", "cross-training", None, None)),
        ("Pool running (deep water) 40 min", ("cross-training", "cross-training", 2400, None)),
        ("Swim 30 min easy (cross-training)", ("swim", "endurance-swim", 1800, None)),
        ("30 min cross train (bike, pool)", ("cross-training", "cross-training", 1800, None)),
        # a run, not a walk; its bouts add up to its length
        ("Walk/run: 6 x (4 min walk, 1 min jog)", ("run", "interval-run", 1800, None)),
        ('Hills: 10 x 45" up hard, walk down', ("run", "hill-repeats", 450, None)),
        ("RACE — mile, Twilight Invite", ("run", "race", None, 1609.3)),
    ],
)
def test_sports_named_by_their_words(text: str, reading: Reading) -> None:
    [session] = parse_day("Monday", text)
    assert (session.workout_type, session.workout_sub_type, session.duration_seconds, session.distance_meters) == (
        reading
    )

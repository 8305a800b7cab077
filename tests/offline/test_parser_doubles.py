"""Two-a-day plans (AM/PM), one-letter days between pipes, glued shorthand and bare numbers that can only be minutes."""

from __future__ import annotations

import pytest

from planforge.domain.vocabulary import Weekday
from planforge.drafttext.context import NO_CONTEXT, PlanContext
from planforge.drafttext.days import day_marks
from planforge.offline.parser import parse_draft
from planforge.offline.parser.sessions import parse_day

MINUTES = PlanContext(default_unit="min")
Reading = tuple[str, int | None, float | None]


def _readings(day: Weekday, text: str, context: PlanContext = NO_CONTEXT) -> list[Reading]:
    return [(s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parse_day(day, text, context=context)]


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("AM 8 x 300 m @ mile pace / PM easy 35", [("interval-run", None, 2400.0), ("easy-run", 2100, None)]),
        ("AM: tempo 25 min | PM: easy 30", [("tempo-run", 1500, None), ("easy-run", 1800, None)]),
        ("AM easy 45 / PM core 10", [("easy-run", 2700, None), ("core", 600, None)]),
        ("Easy run 50 min, in the morning", [("easy-run", 3000, None)]),  # a time of day alone is no session
    ],
)
def test_am_and_pm_sessions_on_one_line(text: str, readings: list[Reading]) -> None:
    assert _readings("Tuesday", text) == readings


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("easy 40", ("easy-run", 2400, None)),  # nobody runs 40 km easy
        ("strength 15", ("strength-training", 900, None)),
        ("easy 8", ("easy-run", None, None)),  # 8 km or 8 min? left unmeasured
        ("long 22", ("long-run", None, None)),  # a long run of 22 may be kilometres
    ],
)
def test_a_lone_bare_number_is_minutes_only_when_nothing_else_fits(text: str, reading: Reading) -> None:
    [session] = _readings("Monday", text)
    assert session == reading


def test_minutes_read_from_a_bare_number_are_marked_as_guessed() -> None:
    [session] = parse_day("Monday", "easy 40")
    assert not session.confident


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("E45", ("easy-run", 2700, None)),
        ("REC30", ("recovery-run", 1800, None)),
        ("X40 (bike or elliptical)", ("cross-training", 2400, None)),
        ("I 6X800", ("interval-run", None, 4800.0)),  # a capital X between numbers is still a repetition
    ],
)
def test_shorthand_glued_to_its_number(text: str, reading: Reading) -> None:
    [session] = _readings("Monday", text, MINUTES)
    assert session == reading


def test_one_letter_days_between_pipes_in_their_order() -> None:
    text = "M OFF | T E40 | W T2x10 | Th E35 | F OFF | Sa E30 | Su LR 14k"
    assert [day for _, _, day in day_marks(text)] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]  # fmt: skip


def test_a_capital_letter_out_of_order_is_no_day() -> None:
    # "T" after Monday is Tuesday; a second "T" after Wednesday is tempo shorthand, not a day.
    assert [day for _, _, day in day_marks("M easy | T E40 | W rest | T 20")] == ["Monday", "Tuesday", "Wednesday"]


def test_a_shorthand_week_line_with_one_letter_days() -> None:
    text = "Numbers alone = minutes.\n\nW1  M OFF | T E45 | W T3x10 | Th E40 | F OFF | Sa E30 | Su LR 16k\n"
    [week] = parse_draft(text)
    assert [(s.day, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in week.sessions] == [
        ("Tuesday", "easy-run", 2700, None),
        ("Wednesday", "tempo-run", 1800, None),
        ("Thursday", "easy-run", 2400, None),
        ("Saturday", "easy-run", 1800, None),
        ("Sunday", "long-run", None, 16000.0),
    ]


def test_undated_sessions_with_a_long_day_in_the_header_and_a_day_in_brackets() -> None:
    text = (
        "Week 1 - 3 runs, long one on Friday this week\n- easy 30\n- fartlek 6 x 2 min\n- long 12 km\n\n"
        "Week 2 - 3 runs\n- easy 25\n- easy 20 with strides\n- parkrun 5 km (Saturday)\n\nCheers, Coach Jo\n"
    )
    first, second = parse_draft(text)
    long_run = next(s for s in first.sessions if s.workout_sub_type == "long-run")
    assert long_run.day == "Friday"  # the header moves this week's long run, and only this week's
    assert [s.duration_seconds for s in first.sessions if s.workout_sub_type == "easy-run"] == [1800]
    assert [(s.day, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in second.sessions] == [
        ("Tuesday", "easy-run", 1500, None),
        ("Thursday", "easy-run", 1200, None),
        ("Saturday", "race", None, 5000.0),  # the day it names; the sign-off is no session
    ]


@pytest.mark.parametrize(
    ("text", "meters"),
    [
        ("Swim technique, 1800 total: WU 300, drill 6 x 50, main 8 x 100, CD 300", 1800.0),
        ("Swim intervals (2200): WU 400, main 12 x 100 @ CSS, CD 400", 2200.0),
        ("Swim total: 1500 - easy 500, pull 500, kick 500", 1500.0),
    ],
)
def test_a_swim_total_written_as_a_bare_number_is_metres(text: str, meters: float) -> None:
    [(sub_type, _, distance)] = _readings("Tuesday", text)
    assert sub_type.endswith("-swim")
    assert distance == meters


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Ski (classic): 4 x 8 min threshold, 2 min easy", ("cross-training", "cross-training")),
        ("Roller ski 50 min", ("cross-training", "cross-training")),
        ("Langrenn 2 t", ("cross-training", "cross-training")),
        ("Fjelltur 3 timer", ("hike", "hike")),
        ("Konkurranse: 5 km", ("run", "race")),
        ("závod 10 km", ("run", "race")),
        ("START: półmaraton 21,1 km", ("run", "race")),
        ("zabawa biegowa 40 min", ("run", "fartlek")),
        ("bieg z narastającą prędkością 45 min", ("run", "progression-run")),
        ("bieg w tempie progowym 2 x 10 min", ("run", "tempo-run")),
        ("siła ogólna 30 min", ("strength", "strength-training")),
        ("vyjížďka na kole 90 min", ("bike", "endurance-ride")),
        ("procházka 60 min", ("walk", "walk")),
        ("Gåtur 60 min", ("walk", "walk")),
        ("Restitutionsløb 30 min", ("run", "recovery-run")),
        ("Svømning, teknik 45 min", ("swim", "technique-swim")),
        ("Lang cykeltur 2 timer", ("bike", "long-ride")),
        ("Recovery spin 45 min < 55% FTP", ("bike", "recovery-ride")),
        ("Endurance ride 90 min @ 65-70% FTP", ("bike", "endurance-ride")),
        ("Sweet spot ride 60 min @ 90% FTP", ("bike", "tempo-ride")),
        ("Gym: core 25 min", ("strength", "core")),
        ("Gym 45 min (legs and core)", ("strength", "strength-training")),
    ],
)
def test_skiing_hiking_race_and_more_european_words(text: str, reading: tuple[str, str]) -> None:
    [session] = parse_day("Saturday", text)
    assert (session.workout_type, session.workout_sub_type) == reading


def test_a_norwegian_hour_abbreviation() -> None:
    [session] = parse_day("Sunday", "Langtur 1 t 30 min")
    assert (session.workout_sub_type, session.duration_seconds) == ("long-run", 5400)

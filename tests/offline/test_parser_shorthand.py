"""Table-driven cases for terse plans, spreadsheet tables, plan-wide defaults, run/walk, swims and rest notes."""

from __future__ import annotations

import pytest

from planforge.drafttext.context import PlanContext, plan_context
from planforge.drafttext.days import day_marks
from planforge.drafttext.segment import segment_draft
from planforge.offline.parser import parse_draft
from planforge.offline.parser.sessions import parse_day

MILE = 1609.344
MILES = PlanContext(default_unit="mi")
KM = PlanContext(default_unit="km")
CYCLING = PlanContext(default_sport="bike")


@pytest.mark.parametrize(
    ("text", "context", "sub_type", "meters"),
    [
        ("L 15mi", PlanContext(), "long-run", 15 * MILE),
        ("E 7", MILES, "easy-run", 7 * MILE),
        ("E 7", KM, "easy-run", 7000.0),
        ("rec 3", MILES, "recovery-run", 3 * MILE),
        ("L 14 w/ last 4 @ M", MILES, "long-run", 14 * MILE),
        ("1E + 8x400 R + 1E", MILES, "interval-run", None),
        ("3E + 25' T + 1E", MILES, "tempo-run", None),
        ("T 3x1mi", PlanContext(), "tempo-run", None),
    ],
)
def test_terse_shorthand(text: str, context: PlanContext, sub_type: str, meters: float | None) -> None:
    [session] = parse_day("Monday", text, context=context)
    assert session.workout_type == "run"
    assert session.workout_sub_type == sub_type
    if meters is not None:
        assert session.distance_meters == pytest.approx(meters, abs=0.2)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("All distances in km.", "km"),
        ("Distances in miles unless noted", "mi"),
        ("Distanzen sind in km angegeben", "km"),
        ("Mileage in mi", "mi"),
        ("Easy run 5 miles", None),
    ],
)
def test_plan_level_unit_note(text: str, unit: str | None) -> None:
    assert plan_context(text).default_unit == unit


def test_a_cycling_plan_makes_unnamed_sessions_rides() -> None:
    text = "FTP 280 W. Every ride in Z2 unless noted. Sweet spot twice a week, one long ride, spin on Monday."
    assert plan_context(text).default_sport == "bike"
    assert plan_context("Run 5 km, bike 1h, run 30 min, swim 1 km").default_sport is None


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("3x12' @ 90% FTP", "tempo-ride"),
        ("6x3' @ 115% FTP, 3' easy", "interval-ride"),
        ("2h Z2 steady", "endurance-ride"),
        ("45' Z1 spin", "recovery-ride"),
        ("3h30 endurance Z2", "long-ride"),
        ("75' with 4x1' high cadence drills", "endurance-ride"),
    ],
)
def test_rides_in_a_cycling_plan(text: str, sub_type: str) -> None:
    [session] = parse_day("Tuesday", text, context=CYCLING)
    assert (session.workout_type, session.workout_sub_type) == ("bike", sub_type)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Run 2 min, walk 1 min, repeat 6 times", [("run", "interval-run")]),
        ("Jog 3 min, walk 2 min, jog 3 min, walk 2 min", [("run", "interval-run")]),
        ("Easy run 40 min, then walk 30 min", [("run", "easy-run"), ("walk", "walk")]),
        ("Swim 1800 m drills — 6x50 kick + 4x100 pull buoy", [("swim", "technique-swim")]),
        ("Swim 1000 m + Swim 1000 m", [("swim", "endurance-swim"), ("swim", "endurance-swim")]),
        ("80' Z2 ride + 15' run off the bike", [("bike", "brick"), ("run", "easy-run")]),
        ("bike or swim 40 min", [("cross-training", "cross-training")]),
    ],
)
def test_one_or_several_sessions(text: str, types: list[tuple[str, str]]) -> None:
    assert [(s.workout_type, s.workout_sub_type) for s in parse_day("Monday", text)] == types


@pytest.mark.parametrize(
    ("text", "meters", "seconds"),
    [
        ("Swim 1800 m drills — 6x50 kick + 4x100 pull buoy", 1800.0, None),
        ("Swim 8x200 @ CSS, total 2400 m", 2400.0, None),
        ("Bike 3x15' sweetspot, 2h total", None, 7200),
        ("Nuoto 12x100, totale 2000 m", 2000.0, None),
    ],
)
def test_stated_totals_win(text: str, meters: float | None, seconds: int | None) -> None:
    [session] = parse_day("Monday", text)
    assert (session.distance_meters, session.duration_seconds) == (meters, seconds)


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Corsa lunga 1h40", "long-run"),
        ("palestra 40' (squat, stacchi)", "strength-training"),
        ("Run 45' progressivo, ultimi 5' a ritmo gara", "progression-run"),
        ("séance au seuil 4x8' à allure semi, r=2'", "tempo-run"),
        ("course de préparation : semi-marathon à fond", "race"),
        ("Duurloop 70 min", "easy-run"),
    ],
)
def test_italian_french_dutch_words(text: str, sub_type: str) -> None:
    [session] = parse_day("Sunday", text)
    assert session.workout_sub_type == sub_type


@pytest.mark.parametrize(
    "text",
    ["Rest. Great job, that's week 2 done!", "Off. Sleep well and eat well.", "Rest"],
)
def test_rest_with_a_sentence_after_it(text: str) -> None:
    assert parse_day("Saturday", text) == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("M: rest | T: E 5 | W: 8x400 | R: T 3 | F: off", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        ("lunedì: riposo\nmartedì: corsa\nsabato: bici\ndomenica: lungo", ["Monday", "Tuesday", "Saturday", "Sunday"]),
        ("maandag: rust\ndinsdag: loop\nwoensdag: fiets\nzaterdag: x\nzondag: y",
         ["Monday", "Tuesday", "Wednesday", "Saturday", "Sunday"]),
        ("Monday – Run 1 min. Do this twice.", ["Monday"]),
        ("Friday: easy\nWeekend – Rest", ["Friday", "Saturday", "Sunday"]),
        ("I ran 5 m. T-shirt on.", []),
    ],
)  # fmt: skip
def test_day_marks_in_more_forms(text: str, days: list[str]) -> None:
    assert [day for _, _, day in day_marks(text)] == days


def test_a_semicolon_spreadsheet_export_is_a_table_of_weeks() -> None:
    text = "Plan export\nWk;Mon;Tue;Wed;Thu;Fri;Sat;Sun;km\n1;Rest;Easy 6 km;6x400m;Rest;Easy 5 km;Long 14 km;Rest;25\n"
    text += "2\tRest\tEasy 7 km\tTempo 30 min\tRest\tEasy 5 km\tLong 15 km\tRest\t27\n"
    text = text.replace("2\t", "2;").replace("\t", ";")
    weeks = parse_draft(text)
    assert [w.week for w in weeks] == [1, 2]
    assert [s.workout_sub_type for s in weeks[1].sessions] == ["easy-run", "tempo-run", "easy-run", "long-run"]


def test_a_tab_separated_export_is_a_table_of_weeks() -> None:
    text = "Week\tMon\tTue\tWed\tThu\tFri\tSat\tSun\n1\tRest\tEasy 6 km\tRest\tRest\tRest\tLong 12 km\tRest\n"
    [week] = parse_draft(text)
    assert [(s.day, s.distance_meters) for s in week.sessions] == [("Tuesday", 6000.0), ("Saturday", 12000.0)]


def test_prose_with_semicolons_is_no_table() -> None:
    text = "Notes; keep easy days easy; sleep; eat well\nWeek 1\n- Monday: Easy run 30 min\n"
    weeks = segment_draft(text).weeks
    assert [(week.week, week.body) for week in weeks] == [(1, "- Monday: Easy run 30 min")]


def test_a_whole_week_on_one_line_between_pipes() -> None:
    text = "Distances in miles.\n- W1 M: off | T: E 4 | W: 1E + 6x300 R + 1E | R: E 4 + gym | F: off | Sa: L 9"
    [week] = parse_draft(text)
    assert week.sessions[0].distance_meters == pytest.approx(4 * MILE, abs=0.2)
    assert [(s.day, s.workout_sub_type) for s in week.sessions] == [
        ("Tuesday", "easy-run"), ("Wednesday", "interval-run"), ("Thursday", "easy-run"),
        ("Thursday", "strength-training"), ("Saturday", "long-run"),
    ]  # fmt: skip

"""Plan structures beyond "Week N" + day lines: dated and numbered days, decorated headers, Portuguese,
one-sentence weeks, bulleted rest days, stated totals, race rehearsals and headers over sub-bullets."""

from __future__ import annotations

import pytest

from planforge.domain.vocabulary import Weekday
from planforge.exceptions import DraftStructureError
from planforge.offline.parser import parse_draft
from planforge.offline.parser.sessions import parse_day


def sessions_of(text: str) -> list[tuple[int, Weekday, str, int | None, float | None]]:
    return [
        (week.week, s.day, s.workout_sub_type, s.duration_seconds, s.distance_meters)
        for week in parse_draft(text)
        for s in week.sessions
    ]


def test_dated_lines_are_grouped_into_monday_weeks() -> None:
    text = (
        "Ana's October block\n\n"
        "Thu 1 Oct - easy 40 min\nSat 3 Oct - long run 14 km\nSun 4 Oct - rest\n"
        "Tue 6 Oct - tempo 25 min\nFri 9 Oct - swim 1500 m\n"
    )
    assert sessions_of(text) == [
        (1, "Thursday", "easy-run", 2400, None),
        (1, "Saturday", "long-run", None, 14000),
        (2, "Tuesday", "tempo-run", 1500, None),
        (2, "Friday", "endurance-swim", None, 1500),
    ]


def test_dates_without_weekday_names_use_the_year_the_plan_states() -> None:
    text = "Plan for March 2027\n2027-03-01: rest\n2027-03-02: easy 30 min\n2027-03-09: easy 35 min\n"
    assert sessions_of(text) == [(1, "Tuesday", "easy-run", 1800, None), (2, "Tuesday", "easy-run", 2100, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Day 1: rest\nDay 2: easy run 30 min\nDay 9: bike 1 h\nDay 14: long run 12 km\n",
            [(1, "Tuesday", "easy-run"), (2, "Tuesday", "endurance-ride"), (2, "Sunday", "long-run")],
        ),
        (  # a weekday named on a line moves Day 1
            "Day 1 (Wed): swim 1000 m\nDay 2: rest\nDay 5: gym 30 min\nDay 8: tempo run 20 min\n",
            [(1, "Wednesday", "endurance-swim"), (1, "Sunday", "strength-training"), (2, "Wednesday", "tempo-run")],
        ),
    ],
)
def test_numbered_days_are_grouped_by_seven(text: str, expected: list[tuple[int, Weekday, str]]) -> None:
    assert [found[:3] for found in sessions_of(text)] == expected


@pytest.mark.parametrize(
    "header",
    [
        "=== Week 2 ===",
        "--- WEEK 2 ---",
        "Week 2 ~~~",
        "【Week 2】",
        "[Week 2]",
        "WEEK TWO",
        "Woche zwei",
        "Semaine deux",
        "Semana dos",
    ],
)
def test_decorated_and_spelled_week_headers(header: str) -> None:
    text = f"Week 1\nMon: easy 20 min\n\n{header}\nMon: easy 25 min\n"
    assert [found[:2] for found in sessions_of(text)] == [(1, "Monday"), (2, "Monday")]


def test_portuguese_days_and_one_sentence_week_with_a_sign_off() -> None:
    text = (
        "Semana 1\nseg: descanso\nter: rodagem 30 min\nqua: musculação 40 min\nqui: tiros 6 x 400 m\n"
        "sáb: caminhada 50 min\ndomingo: longão 12 km\n\n"
        "Semana 2: segunda descanso, terça corrida leve 35 min, quarta e quinta descanso, domingo prova de 5 km!\n\n"
        "Boa sorte, qualquer coisa me chama.\n"
    )
    assert [found[:3] for found in sessions_of(text)] == [
        (1, "Tuesday", "easy-run"),
        (1, "Wednesday", "strength-training"),
        (1, "Thursday", "interval-run"),
        (1, "Saturday", "walk"),
        (1, "Sunday", "long-run"),
        (2, "Tuesday", "easy-run"),
        (2, "Sunday", "race"),
    ]


def test_a_week_with_no_readable_day_is_still_named() -> None:
    with pytest.raises(DraftStructureError, match=r"week 2: neither a day nor a session found .*'whatever feels good'"):
        parse_draft("Week 1\nMon: easy 20 min\n\nWeek 2\nwhatever feels good\n\nWeek 3\nTue: easy 30 min\n")


@pytest.mark.parametrize("rest", ["●\tRest", "· Rest Day", "• Off", "- REST DAY 🛌", "▪ Day off ✅"])
def test_rest_days_behind_bullets(rest: str) -> None:
    assert sessions_of(f"Week 1\nMonday\n{rest}\n\nTuesday\n{rest}\n\nWednesday\n• Easy run 30 min\n") == [
        (1, "Wednesday", "easy-run", 1800, None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 × 45 s hill sprints, jog down, 35 min total", [("hill-repeats", 2100, None)]),
        ("Threshold · 4 × 5:00 @ Z4 / 1:00 Recover · 38:00", [("tempo-run", 2280, None)]),
        ("6 x (2 min run, 1 min walk). Roughly 30 min in total", [("interval-run", 1800, None)]),
        ("Long run 3h30 on the course, race-day shoes and gels", [("long-run", 12600, None)]),
        ("Long run 2h with race fuelling rehearsal", [("long-run", 7200, None)]),
        ("Swim 2,400 m steady", [("endurance-swim", None, 2400)]),
        ("Tempo:\n- 2 km easy\n- 3 x 2 km @ threshold, 2' jog\n- 1 km easy", [("tempo-run", None, None)]),
        ("Easy run 30 min\n- Gym 20 min", [("easy-run", 1800, None), ("strength-training", 1200, None)]),
    ],
)
def test_day_texts(text: str, expected: list[tuple[str, int | None, float | None]]) -> None:
    found = [(s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parse_day("Monday", text)]
    assert [f[0] for f in found] == [e[0] for e in expected]
    for (_, seconds, meters), (_, want_seconds, want_meters) in zip(found, expected, strict=True):
        if want_seconds is not None:
            assert seconds == want_seconds
        if want_meters is not None:
            assert meters == want_meters

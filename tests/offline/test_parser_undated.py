"""Weeks that list sessions without weekdays: every session kept, placed by the documented rule, one note a week."""

from __future__ import annotations

import pytest

from planforge.exceptions import DraftStructureError
from planforge.offline.parser import parse_draft

Placed = list[tuple[str, str]]


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        # the long session on Sunday, the others spread before it in the order written
        (
            "Week 1\nYour 3 runs this week:\n- Easy run 30 min\n- Intervals 6 x 400 m w/ 200 m jog\n- Long run 10 km",
            [("Tuesday", "easy-run"), ("Thursday", "interval-run"), ("Sunday", "long-run")],
        ),
        # labels are no sessions' words ("Séance 2 :"), and the long day the plan names is kept, the others before
        # it from Tuesday on (Monday and Friday free)
        (
            "Long runs on Saturdays.\n\nSemaine 1\nSéance 1 : footing 40 min\nSéance 2 : fractionné 8 x 400 m\n"
            "Séance 3 : sortie longue 1h15",
            [("Tuesday", "easy-run"), ("Thursday", "interval-run"), ("Saturday", "long-run")],
        ),
        # an "N sessions" summary and no long session: spread through the week
        (
            "Week 2 — 4 sessions\n- Swim 2 km\n- Bike 1 h\n- Run 30 min\n- Strength 20 min",
            [("Tuesday", "endurance-swim"), ("Thursday", "endurance-ride"), ("Saturday", "easy-run"),
             ("Sunday", "strength-training")],
        ),
        # the list after the summary, on the header's line
        (
            "Week 3: 3 runs: easy 30 min, tempo 20 min, long run 12 km",
            [("Tuesday", "easy-run"), ("Thursday", "tempo-run"), ("Sunday", "long-run")],
        ),
        # hard sessions kept apart: in the order written intervals and tempo would fall on Monday and Tuesday
        (
            "Week 4\n- Intervals 5 x 1 km\n- Tempo 25 min\n- Easy 40 min\n- Easy 30 min\n- Long run 16 km",
            [("Monday", "easy-run"), ("Tuesday", "interval-run"), ("Thursday", "tempo-run"), ("Saturday", "easy-run"),
             ("Sunday", "long-run")],
        ),
        # summaries in other languages, their count in digits or words
        (
            "Semana 1\nEsta semana: 3 treinos: corrida leve 30 min, tiros 6 x 400 m, longão 60 min",
            [("Tuesday", "easy-run"), ("Thursday", "interval-run"), ("Sunday", "long-run")],
        ),
        (
            "Uge 2\nTre ture: rolig løbetur 30 min; intervaller 6 x 400 m; langtur 12 km",
            [("Tuesday", "easy-run"), ("Thursday", "interval-run"), ("Sunday", "long-run")],
        ),
        (
            "Tydzień 3\n3 treningi:\n- bieg spokojny 30 min\n- interwały 6 x 400 m\n- długi bieg 12 km",
            [("Tuesday", "easy-run"), ("Thursday", "interval-run"), ("Sunday", "long-run")],
        ),
        # a note is no session
        (
            "Week 5\n- Easy 30 min\n- Notes: sleep 8 h, hydrate\n- Long run 90 min",
            [("Wednesday", "easy-run"), ("Sunday", "long-run")],
        ),
    ],
)  # fmt: skip
def test_sessions_without_weekdays_are_placed_by_the_rule(text: str, placed: Placed) -> None:
    [week] = parse_draft(text)
    assert [(session.day, session.workout_sub_type) for session in week.sessions] == placed
    [note] = week.notes
    assert note.startswith(f"week {week.week} names no weekdays: its sessions were placed on ")


def test_a_line_with_two_sessions_is_one_training_day() -> None:
    [week] = parse_draft("Week 1\n- Run 30 min + strength 20 min\n- Long run 12 km")
    assert [(s.day, s.workout_type) for s in week.sessions] == [
        ("Wednesday", "run"),
        ("Wednesday", "strength"),
        ("Sunday", "run"),
    ]


@pytest.mark.parametrize("text", ["Week 5: Rest week", "Week 5\nRest", "Week 5: full rest\n- off"])
def test_a_week_of_rest_has_no_sessions_and_says_so(text: str) -> None:
    [week] = parse_draft(text)
    assert (week.sessions, week.notes) == ([], ["week 5 names no session: read as a week of rest"])


def test_a_week_of_prose_only_is_an_error_quoting_it() -> None:
    with pytest.raises(DraftStructureError, match=r"week 2: neither a day nor a session found \(it has 'Feel free"):
        parse_draft("Week 1\n- Mon: easy 30 min\nWeek 2\nFeel free to adapt, whatever suits you")

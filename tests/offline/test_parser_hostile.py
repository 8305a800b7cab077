"""Hostile and implausible drafts: each becomes a `DraftStructureError` naming the week and the day and quoting
the line, or is read as the coach meant it; never an overflow, never a model retry loop."""

from __future__ import annotations

import pytest

from planforge.drafttext.segment import segment_draft
from planforge.exceptions import DraftStructureError
from planforge.offline.parser import check_plausible, parse_draft
from planforge.offline.parser.sessions import parse_day

DIGITS_400 = "9" * 400


def _week(tuesday: str) -> str:
    return f"Week 1\n- Monday: Rest\n- Tuesday: {tuesday}\n- Wednesday: Easy run 30 min\n"


@pytest.mark.parametrize(
    ("tuesday", "message"),
    [
        (
            "Easy run 99999999 min",
            "week 1 Tuesday: more than 1000 h is no plausible length for a run session (at most 12h); check the"
            " number in 'Easy run 99999999 min'",
        ),
        (
            "Easy run 1000 km",
            "week 1 Tuesday: 1000 km is no plausible distance for a run session (at most 120 km); check the number"
            " in 'Easy run 1000 km'",
        ),
        (
            f"Easy run {DIGITS_400} min",
            f"week 1 Tuesday: more than 1000 h is no plausible length for a run session (at most 12h); check the"
            f" number in 'Easy run {'9' * 70}…'",
        ),
        (
            f"Swim {DIGITS_400} m",
            "week 1 Tuesday: more than 100000 km is no plausible distance for a swim session (at most 15 km)",
        ),
        (
            "Easy run 30 min + Swim 20 min + Bike 60 min + Strength 20 min",
            "week 1 Tuesday has 4 sessions, but at most 3 fit one day: move one to another day ('Easy run 30 min +"
            " Swim 20 min + Bike 60 min + Strength 20 min')",
        ),
        ("Bike 20 h", "week 1 Tuesday: 20h is no plausible length for a bike session (at most 12h)"),
    ],
)
def test_implausible_days_are_errors_naming_week_day_and_line(tuesday: str, message: str) -> None:
    with pytest.raises(DraftStructureError) as caught:
        parse_draft(_week(tuesday))
    assert message in caught.value.problem


def test_a_crowded_day_counts_every_entry_of_that_day() -> None:
    text = "Week 2\n- Mon: Run 30 min + Swim 20 min\n- Tue: rest\n- Mon PM: Bike 60 min + Gym 30 min"
    with pytest.raises(DraftStructureError, match="week 2 Monday has 4 sessions"):
        parse_draft(text)


@pytest.mark.parametrize(
    ("text", "sessions"),
    [
        # three sessions, not one 20-minute run
        (
            "AM easy run 30 min / PM easy run 30 min / Strength 20 min",
            [("run", 1800), ("run", 1800), ("strength", 1200)],
        ),
        ("Run 30 min / Strength 20 min", [("run", 1800), ("strength", 1200)]),
        ("AM run 40 min, PM swim 30 min", [("run", 2400), ("swim", 1800)]),
        ("6x3' hard / 90\" jog", [("run", 1620)]),  # a slash before a recovery joins it
        ("Bike / swim 45 min", [("cross-training", 2700)]),  # a slash without lengths offers a choice
        (f"{DIGITS_400} x 400m", [("run", None)]),  # a repetition count has two digits: no overflow
    ],
)
def test_sessions_of_a_day(text: str, sessions: list[tuple[str, int | None]]) -> None:
    assert [(s.workout_type, s.duration_seconds) for s in parse_day("Monday", text)] == sessions


def test_a_distance_in_a_strength_session_is_an_exercise_not_its_length() -> None:
    [week] = parse_draft("Week 1\n- Monday: Strength: farmer carry 400 m, squats 3 x 10, 30 min\n- Tuesday: rest")
    assert [(s.workout_type, s.duration_seconds, s.distance_meters) for s in week.sessions] == [
        ("strength", 1800, None)
    ]


def test_an_impossible_speed_drops_the_length_read_from_a_step_with_a_note() -> None:
    [week] = parse_draft('Week 2\n- Monday: Swim: 1000 / 800 / 600 P with 30" rest — 2400 m\n- Tuesday: rest')
    [session] = week.sessions
    assert (session.duration_seconds, session.distance_meters) == (None, 2400.0)
    assert week.notes == ["week 2 Monday: 2.4 km in 30 s is 288.0 km/h, not a swim speed; the duration is left out"]


@pytest.mark.parametrize(
    ("text", "seconds", "steps"),
    [
        # the stated total holds more than its repetitions: the rest is a steady step, as the plan checks demand
        ("Long run 2 h with 3 x 10 min @ MP", 7200, [("run", 5400), ("interval", 1800)]),
        ("Bike 3x15' sweetspot, 2h total", 7200, [("run", 4500), ("interval", 2700)]),
        ("Swim 8x200 @ CSS, total 2400 m", None, [("run", None), ("interval", None)]),
    ],
)
def test_blocks_add_up_to_the_stated_total(text: str, seconds: int | None, steps: list[tuple[str, int | None]]) -> None:
    [session] = parse_day("Monday", text)
    assert session.duration_seconds == seconds
    assert [(block.type, block.total_seconds()) for block in session.content_blocks] == steps


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Week 1\n- Mon: rest\nWeek 2\n- Tue: Easy run 1000 km", "week 2 Tuesday: 1000 km is no plausible distance"),
        ("Week 1\n- Run 30 min + swim 20 min + bike 1 h + gym 30 min", "week 1 Wednesday has 4 sessions"),
    ],
)
def test_check_plausible_raises_before_any_converter(text: str, message: str) -> None:
    with pytest.raises(DraftStructureError, match=message):
        check_plausible(segment_draft(text))


def test_check_plausible_leaves_weeks_it_cannot_read_to_the_converter() -> None:
    check_plausible(segment_draft("Week 1\nSame as last block, but feel free to adapt\nWeek 2\n- Mon: easy 30 min"))

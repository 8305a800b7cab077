"""Readings added from blind set 8's misses (issue 12), each stated as a general rule with the project's own wording:
weeks of a longer book numbered from 1, clock times that are start times, Pfitzinger's codes with a unit legend,
Finnish and Japanese plans, numbers in words and self-corrections, weeks written as prose, a sheet's sport column
before "Rest"."""

from __future__ import annotations

import pytest

from planforge.offline.parser import parse_draft
from planforge.offline.parser.sessions import parse_day

Row = tuple[int, str, str, str, int | None, float | None]
MILE = 1609.344


def rows(text: str) -> list[Row]:
    """(week, day, type, sub-type, seconds, metres) of every session the parser reads in `text`."""
    return [
        (week.week, s.day, s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters)
        for week in parse_draft(text)
        for s in week.sessions
    ]


def sizes(day_text: str) -> list[tuple[str, int | None, float | None]]:
    """(sub-type, seconds, metres) of each session of one day's text."""
    return [(s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parse_day("Tuesday", day_text)]


def test_weeks_of_a_longer_book_are_numbered_from_one() -> None:
    text = "Week 12\nTue: easy 30 min\n\nWeek 13\nTue: easy 35 min\n\nWeek 14\nTue: easy 40 min\n"
    assert [(week, seconds) for week, _, _, _, seconds, _ in rows(text)] == [(1, 1800), (2, 2100), (3, 2400)]


def test_a_lone_week_and_a_gap_keep_their_numbers() -> None:
    assert [row[0] for row in rows("Week 4\nTue: easy 30 min\n")] == [4]
    gapped = "Week 2\nTue: easy 30 min\n\nWeek 5\nTue: easy 30 min\n"
    assert [row[0] for row in rows(gapped)] == [2, 5]


@pytest.mark.parametrize(
    ("day_text", "expected"),
    [
        ("7am tempo 8 km", [("tempo-run", None, 8000.0)]),
        ("5:45 a.m. easy 10 km + 6:15 PM easy 5 km", [("easy-run", None, 10000.0), ("easy-run", None, 5000.0)]),
        ("6.30am steady 12 km", [("easy-run", None, 12000.0)]),
        ("noon core 15 min", [("core", 900, None)]),
    ],
)
def test_twelve_hour_clock_times_are_start_times(
    day_text: str, expected: list[tuple[str, int | None, float | None]]
) -> None:
    assert sizes(day_text) == expected


@pytest.mark.parametrize(
    ("day_text", "expected"),
    [
        ("19:15 intervals: 5 x 1 km, 2' jog", [("interval-run", None, None)]),
        ("06:45 easy run 40'", [("easy-run", 2400, None)]),
        ("easy 35 min, meet at 18:00 by the lake", [("easy-run", 2100, None)]),
        ("long run 18 km, back by ~11:30", [("long-run", None, 18000.0)]),
    ],
)
def test_twenty_four_hour_clock_times_are_start_times(
    day_text: str, expected: list[tuple[str, int | None, float | None]]
) -> None:
    assert sizes(day_text) == expected


@pytest.mark.parametrize(
    ("day_text", "seconds"), [("1:30 long run", 5400), ("0:45 easy", 2700), ("10:00 min easy", 600)]
)
def test_lengths_written_like_clocks_stay_lengths(day_text: str, seconds: int) -> None:
    assert sizes(day_text)[0][1] == seconds


def test_pfitzinger_codes_with_a_unit_legend() -> None:
    text = (
        "Each number is the miles of the run.\n"
        "Week 1\n"
        "Tue  VO2 9 w/ 6 x 800m @ 5K pace\n"
        "Wed  MLR 12\n"
        "Thu  GA 7 + 8 x 100m SP\n"
        "Sat  LT 9 w/ 5 @ threshold\n"
        "Sun  LR 17\n"
    )
    assert [(day, sub, round(metres or 0)) for _, day, _, sub, _, metres in rows(text)] == [
        ("Tuesday", "interval-run", round(9 * MILE)),
        ("Wednesday", "long-run", round(12 * MILE)),
        ("Thursday", "easy-run", round(7 * MILE)),  # the strides belong to the run
        ("Saturday", "tempo-run", round(9 * MILE)),
        ("Sunday", "long-run", round(17 * MILE)),
    ]


def test_a_finnish_plan() -> None:
    text = (
        "Viikko 1\n"
        "ma: lepo\n"
        "ti: PK 40 min\n"
        "ke: uinti 45 min\n"
        "to: VK 4 x 8 min, palautus 2 min\n"
        "pe: kävely 30 min\n"
        "la: kuntosali 30 min + venyttely 10 min\n"
        "su: pitkä lenkki 20 km\n"
    )
    assert [(day, sub, seconds, metres) for _, day, _, sub, seconds, metres in rows(text)] == [
        ("Tuesday", "easy-run", 2400, None),
        ("Wednesday", "endurance-swim", 2700, None),
        ("Thursday", "tempo-run", 2400, None),  # the reps and their recoveries, as in English
        ("Friday", "walk", 1800, None),
        ("Saturday", "strength-training", 1800, None),
        ("Saturday", "mobility", 600, None),
        ("Sunday", "long-run", None, 20000.0),
    ]


def test_a_japanese_plan_with_full_width_digits() -> None:
    text = (
        "第2週\n"
        "月　休養\n"
        "火　ジョグ ５０分\n"
        "水　筋トレ 40分\n"
        "木　朝：ジョグ 30分 ／ 夕：体幹 10分\n"
        "土　ペース走 ８ｋｍ\n"
        "日　ロング走 2時間\n"
    )
    assert [(day, sub, seconds, metres) for _, day, _, sub, seconds, metres in rows(text)] == [
        ("Tuesday", "easy-run", 3000, None),
        ("Wednesday", "strength-training", 2400, None),
        ("Thursday", "easy-run", 1800, None),
        ("Thursday", "core", 600, None),
        ("Saturday", "tempo-run", None, 8000.0),
        ("Sunday", "long-run", 7200, None),
    ]


@pytest.mark.parametrize(
    ("day_text", "expected"),
    [
        ("thirty-five minutes easy", [("easy-run", 2100, None)]),
        ("long run, an hour and a quarter", [("long-run", 4500, None)]),
        ("long run, an hour and a half", [("long-run", 5400, None)]),
        ("steady, three quarters of an hour", [("easy-run", 2700, None)]),
        ("twelve by two hundred metres, jog between", [("interval-run", None, 2400.0)]),
        ("long run of twenty-one K", [("long-run", None, 21000.0)]),
        ("swim, about a thousand metres easy", [("endurance-swim", None, 1000.0)]),
        ("um, easy run, uh, forty minutes", [("easy-run", 2400, None)]),
    ],
)
def test_numbers_in_words(day_text: str, expected: list[tuple[str, int | None, float | None]]) -> None:
    assert sizes(day_text) == expected


def test_number_words_that_size_nothing_stay_words() -> None:
    [session] = parse_day("Tuesday", "one of the harder days: tempo 30 min")
    assert (session.workout_sub_type, session.duration_seconds, session.distance_meters) == ("tempo-run", 1800, None)


def test_a_self_correction_keeps_the_last_word() -> None:
    text = "forty minutes on the bike, or... no, actually, make it an hour on the bike"
    assert [(s.workout_type, s.duration_seconds) for s in parse_day("Saturday", text)] == [("bike", 3600)]


def test_weeks_written_as_prose() -> None:
    text = (
        "Week 1. A gentle start, so keep it chatty. On Tuesday run 30 minutes easy. Wednesday is a gym day: 35 minutes"
        " of strength work. Thursday is free, and on Saturday go long: 10 km.\n\n"
        "Week 2. On Tuesday run 35 minutes easy. Thursday, swap the gym for an easy hour on the bike. Saturday,"
        " long run of 12 km.\n"
    )
    assert [(week, day, sub, seconds, metres) for week, day, _, sub, seconds, metres in rows(text)] == [
        (1, "Tuesday", "easy-run", 1800, None),
        (1, "Wednesday", "strength-training", 2100, None),
        (1, "Saturday", "long-run", None, 10000.0),
        (2, "Tuesday", "easy-run", 2100, None),
        (2, "Thursday", "endurance-ride", 3600, None),
        (2, "Saturday", "long-run", None, 12000.0),
    ]


@pytest.mark.parametrize("day_text", ["Bike Rest", "Swim rest", "Strength - Off", "free"])
def test_a_sport_column_before_rest_is_a_rest_day(day_text: str) -> None:
    assert parse_day("Friday", day_text) == []


def test_ditto_marks_in_a_table_repeat_the_cell_above() -> None:
    text = (
        "| Week | Day | Session | Time |\n"
        "|---|---|---|---|\n"
        "| 1 | Tue | Easy run | 40 min |\n"
        "| 〃 | Wed | Easy run | 〃 |\n"
        "| 〃 | 〃 | Core | 10 min |\n"
        "| 2 | Tue | Tempo run | 30 min |\n"
        '| " | Thu | ditto | " |\n'
        "| do. | Sat | Long run | 90 min |\n"
    )
    assert [(week, day, sub, seconds) for week, day, _, sub, seconds, _ in rows(text)] == [
        (1, "Tuesday", "easy-run", 2400),
        (1, "Wednesday", "easy-run", 2400),
        (1, "Wednesday", "core", 600),
        (2, "Tuesday", "tempo-run", 1800),
        (2, "Thursday", "tempo-run", 1800),
        (2, "Saturday", "long-run", 5400),
    ]


def test_a_line_remarking_on_a_week_already_read_adds_no_week() -> None:
    text = "Week 1\nTue: easy 30 min\nWeek 2\nTue: easy 35 min\n\nWeek 2 is an easier one, no race until June.\n"
    assert [(week, seconds) for week, _, _, _, seconds, _ in rows(text)] == [(1, 1800), (2, 2100)]


@pytest.mark.parametrize(
    ("day_text", "expected"),
    [
        ("brick – bike 40 km, T-run 5 km", [("brick", None, 40000.0), ("easy-run", None, 5000.0)]),
        ("run 12 000 m steady", [("easy-run", None, 12000.0)]),
        ("8 x 300 m with 60 seconds of walking between", [("interval-run", None, None)]),
        ("easy 5 km. The race is the Saturday after, we'll plan it then", [("easy-run", None, 5000.0)]),
    ],
)
def test_brick_distances_grouped_thousands_walk_recoveries_and_later_races(
    day_text: str, expected: list[tuple[str, int | None, float | None]]
) -> None:
    found = sizes(day_text)
    assert [(sub, seconds, metres if sub != "interval-run" else None) for sub, seconds, metres in found] == expected


@pytest.mark.parametrize("day_text", ["both rest, I know it's a lot of rest", "off - travel day"])
def test_rest_with_a_remark_is_a_rest_day(day_text: str) -> None:
    assert parse_day("Friday", day_text) == []


def test_a_sheet_whose_duration_column_is_hours_and_minutes() -> None:
    text = (
        "week;day;session;time (h:mm);notes\n"
        '1;Tue;Easy + strides;0:35;"4 x 20 s strides; relaxed"\n'
        "1;Thu;Fartlek;0:45;\"8 x 2' on; 1' off\"\n"
        "1;Sun;Long run;1:40;\n"
    )
    assert [(day, sub, seconds) for _, day, _, sub, seconds, _ in rows(text)] == [
        ("Tuesday", "easy-run", 2100),
        ("Thursday", "fartlek", 2700),  # the column's length, not 8 x 2' + 1'
        ("Sunday", "long-run", 6000),
    ]


def test_a_length_before_total_is_the_total_whatever_follows() -> None:
    [session] = parse_day("Thursday", "Fartlek 45 min total 2' off (8 x 2' on)")
    assert (session.workout_sub_type, session.duration_seconds) == ("fartlek", 2700)


def test_time_marks_after_their_sessions() -> None:
    text = "Each number is the miles of the run.\nWeek 1\nThu  GA 10 (AM) · Rec 5 (PM)\n"
    assert [(day, sub, round(metres or 0)) for _, day, _, sub, _, metres in rows(text)] == [
        ("Thursday", "easy-run", round(10 * MILE)),
        ("Thursday", "recovery-run", round(5 * MILE)),
    ]


def test_a_threshold_run_named_first_keeps_its_name_over_a_race_pace() -> None:
    [session] = parse_day("Tuesday", "Threshold 10 km w/ 6 km @ HM pace")
    assert session.workout_sub_type == "tempo-run"

"""Plans as coaches send them: chat threads, weeks named mid-text or not at all, more languages, unit headers."""

from __future__ import annotations

import pytest

from planforge.drafttext.context import plan_context
from planforge.drafttext.days import day_marks, weekday_named
from planforge.drafttext.segment import segment_draft
from planforge.drafttext.tables import header_unit, with_unit
from planforge.offline.parser import parse_draft

WHATSAPP = """\
12/06/2024, 19:42 - Coach Ana: Hi Sam, week 1:
12/06/2024, 19:42 - Coach Ana: Mon rest, Tue easy 40', Wed 6x800 w/ 400 jog, Thu rest, Sun long 16k
12/06/2024, 20:01 - Sam: thanks! can I move Tue to Wed?
19/06/2024, 18:10 - Coach Ana: Nice work 💪 Week 2: Mon rest, Tue easy 45', Sat parkrun, Sun long 18k
19/06/2024, 18:12 - Sam: legs heavy after the 16k, still ok for tues?
"""
IMESSAGE = """\
[Sun 1 Jun, 19:42] Coach Dani: Here's next week 👇
Mon off. Tue easy 6k. Wed 5x1k @ 10k pace. Thu off. Fri 40' easy. Sat 5k parkrun. Sun long 14k
[Sun 1 Jun, 19:44] Tom: 👍 cheers
[Sun 8 Jun, 20:05] Coach Dani: Massive 🔥 Wk2:
Mon rest, Tue 45' easy, Sun 16k long
"""


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        # only the coach's messages; a week named inside a message starts it
        (WHATSAPP, {1: "Monday Tuesday Wednesday Thursday Sunday", 2: "Monday Tuesday Saturday Sunday"}),
        # the days before the first week header are the week before it ("Here's next week" → week 1)
        (IMESSAGE, {1: "Monday Tuesday Wednesday Thursday Friday Saturday Sunday", 2: "Monday Tuesday Sunday"}),
        # no header at all: a new week each time the days start over
        (
            "Plan for Sam\nMon rest, Tue easy 6k, Sun long 14k. Mon off, Tue easy 8k, Sat parkrun, Sun long 16k",
            {1: "Monday Tuesday Sunday", 2: "Monday Tuesday Saturday Sunday"},
        ),
        # a line that ends by naming a week introduces it
        (
            "This week: Mon rest, Tue easy 40 min, Sun long run 12 km\nAnd for week 2:\nMon rest\nTue easy 45 min",
            {1: "Monday Tuesday Sunday", 2: "Monday Tuesday"},
        ),
    ],
)
def test_weeks_and_days_of_plans_sent_as_messages(text: str, weeks: dict[int, str]) -> None:
    found = {week.week: " ".join(day for _, _, day in day_marks(week.body)) for week in segment_draft(text).weeks}
    assert found == weeks


def test_the_athletes_messages_are_no_sessions() -> None:
    sessions = [(week.week, s.day, s.text) for week in parse_draft(WHATSAPP) for s in week.sessions]
    assert sessions == [
        (1, "Tuesday", "easy 40'"),
        (1, "Wednesday", "6x800 w/ 400 jog"),
        (1, "Sunday", "long 16k"),
        (2, "Tuesday", "easy 45'"),
        (2, "Saturday", "parkrun"),
        (2, "Sunday", "long 18k"),
    ]


@pytest.mark.parametrize(
    ("header", "week"),
    [("Tydzień 2", 2), ("Tydz. 3", 3), ("Týden 4", 4), ("Vecka 5", 5), ("Uge 6", 6), ("Uke 7", 7), ("Wk2:", 2)],
)
def test_week_words_in_more_languages(header: str, week: int) -> None:
    [found] = segment_draft(f"{header}\nMon: rest\nTue: easy 30 min").weeks
    assert found.week == week


@pytest.mark.parametrize(
    ("token", "day"),
    [
        ("Poniedziałek", "Monday"), ("Wt.", "Tuesday"), ("Środa", "Wednesday"), ("Czw.", "Thursday"),
        ("Piątek", "Friday"), ("Sob.", "Saturday"), ("Niedz.", "Sunday"), ("Pondělí", "Monday"), ("Úterý", "Tuesday"),
        ("Čtvrtek", "Thursday"), ("Neděle", "Sunday"), ("Måndag", "Monday"), ("Tisdag", "Tuesday"),
        ("Lördag", "Saturday"), ("Søndag", "Sunday"), ("Tirsdag", "Tuesday"), ("Lørdag", "Saturday"),
        ("Onsdag", "Wednesday"), ("Torsdag", "Thursday"), ("Fredag", "Friday"),
    ],
)  # fmt: skip
def test_day_names_in_more_languages(token: str, day: str) -> None:
    assert weekday_named(token) == day


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Pon. – wolne\nWt. – easy run 10 km", ["Monday", "Tuesday"]),
        ("Po: volno\nÚt: běh 40 min", ["Monday", "Tuesday"]),
        ("Man: hvile\nTir: rolig 40 min", ["Monday", "Tuesday"]),
        # everyday words that are also abbreviations count only with ':' or '.'
        ("Easy 40 min on the track\nto the park and back", []),
        ("Fri 40' easy. Sat 5k parkrun", ["Friday", "Saturday"]),  # "Sat" follows Friday: a day after all
        ("Tue: easy. Sat down and stretch", ["Tuesday"]),  # but not after any day
    ],
)
def test_day_marks_in_more_languages(text: str, days: list[str]) -> None:
    assert [day for _, _, day in day_marks(text)] == days


@pytest.mark.parametrize(
    ("text", "unit", "long_day"),
    [
        ("All distances in miles unless noted", "mi", None),
        ("(all times in minutes)", "min", None),
        ("Units: km", "km", None),
        ("Long runs on Saturdays.", None, "Saturday"),
        ("Sortie longue le dimanche", None, "Sunday"),
        ("Sun: long run\nMon: rest", None, None),  # a day on the next line names no long day
    ],
)
def test_plan_wide_facts(text: str, unit: str | None, long_day: str | None) -> None:
    context = plan_context(text)
    assert (context.default_unit, context.long_day) == (unit, long_day)


@pytest.mark.parametrize(
    ("cell", "unit"),
    [("Mon (min)", "min"), ("Duration [min]", "min"), ("Distance (km)", "km"), ("Miles", "mi"), ("Time, min", "min"),
     ("Mi", None), ("Session", None)],
)  # fmt: skip
def test_a_column_header_names_its_unit(cell: str, unit: str | None) -> None:
    assert header_unit(cell) == unit


@pytest.mark.parametrize(
    ("cell", "with_minutes"),
    [("45", "45 min"), ("Tempo 30", "Tempo 30 min"), ("60-75", "60-75 min"), ("3x10 @ 5k", "3x10 @ 5k"),
     ("Easy 40 min", "Easy 40 min"), ("Z2 60", "Z2 60 min"), ("Rest", "Rest")],
)  # fmt: skip
def test_bare_numbers_take_the_columns_unit(cell: str, with_minutes: str) -> None:
    assert with_unit(cell, "min") == with_minutes


def test_a_table_whose_header_says_minutes_has_durations() -> None:
    text = (
        "| Week | Mon (min) | Tue (min) | Wed (min) | Sun (km) |\n|---|---|---|---|---|\n"
        "| 1 | Rest | Easy 40 | Tempo 25 | Long 12 |\n"
    )
    [week] = parse_draft(text)
    assert [(s.day, s.duration_seconds, s.distance_meters) for s in week.sessions] == [
        ("Tuesday", 2400, None),
        ("Wednesday", 1500, None),
        ("Sunday", None, 12000.0),
    ]

"""Plans as coaches really write them (issue 12): Dutch day columns and "1u15" hours, one-letter days, week totals,
back-to-back weekends, time on feet, zone-based rides, calendar exports, weeks and days written by reference,
emoji, flattened nested lists; run/walk bouts as blocks in seven languages (issue 11).

The wording here is the project's own, not the blind sets': each case states a general rule of reading."""

from __future__ import annotations

from typing import Any

import pytest

from planforge.domain.plan import ContentBlock
from planforge.drafttext import segment_draft
from planforge.offline.parser import parse_draft, parse_to_workouts
from planforge.offline.parser.sessions import parse_day

Row = tuple[int, str, str, str, int | None, float | None]


def rows(text: str) -> list[Row]:
    """(week, day, type, sub-type, seconds, metres) of every session the parser reads in `text`."""
    return [
        (week.week, s.day, s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters)
        for week in parse_draft(text)
        for s in week.sessions
    ]


def test_dutch_day_columns_hours_and_two_a_days() -> None:
    text = (
        "Week 1\n"
        "ma  rustdag\n"
        "di  ochtend: zwemmen 1500 m\n"
        "    avond: lopen – duurloop 40 min\n"
        "wo  fietsen – duurrit 1u15\n"
        "do\tlopen 3 x 10 min drempel, 1u totaal\n"
        "za  wisseltraining: fietsen 1u → lopen 15 min\n"
        "zo  lange duurloop 1u30\n"
    )
    assert rows(text) == [
        (1, "Tuesday", "swim", "endurance-swim", None, 1500.0),
        (1, "Tuesday", "run", "easy-run", 2400, None),
        (1, "Wednesday", "bike", "endurance-ride", 4500, None),
        (1, "Thursday", "run", "tempo-run", 3600, None),
        (1, "Saturday", "bike", "brick", 3600, None),
        (1, "Saturday", "run", "easy-run", 900, None),
        (1, "Sunday", "run", "long-run", 5400, None),
    ]


def test_one_letter_days_before_a_dash() -> None:
    text = "wk 1\nM – easy 5 mi\nT – 6 x 800m\nW – easy 4 mi + core 15'\nF – off\n"
    assert [(day, sub) for _, day, _, sub, _, _ in rows(text)] == [
        ("Monday", "easy-run"),
        ("Tuesday", "interval-run"),
        ("Wednesday", "easy-run"),
        ("Wednesday", "core"),
    ]


def test_week_totals_are_no_week_and_no_session() -> None:
    text = (
        "Week 1 (~4 h)\nTue: easy 1:00\nSun: long 2:30\nWeek 1 total: 3h30\n\n"
        "Week 2\nTue: easy 1:10\nSun: long 2:45\nWeek summary: Planned 3:55:00 · 38.00 km\n"
    )
    assert rows(text) == [
        (1, "Tuesday", "run", "easy-run", 3600, None),
        (1, "Sunday", "run", "long-run", 9000, None),
        (2, "Tuesday", "run", "easy-run", 4200, None),
        (2, "Sunday", "run", "long-run", 9900, None),
    ]


def test_a_back_to_back_weekend_on_one_line_is_two_long_runs() -> None:
    text = "Week 1\nTue: easy 1h\nSat/Sun back-to-back: Sat 3:00 trail, Sun 2:00 easy on tired legs\n"
    assert rows(text)[1:] == [
        (1, "Saturday", "run", "long-run", 10800, None),
        (1, "Sunday", "run", "long-run", 7200, None),
    ]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("long run 3h – practise race food and gels", ("run", "long-run", 10800, None)),
        ("B2B 2h easy", ("run", "long-run", 7200, None)),
        ("Ride 1h45 SST 3x15' @ 90%", ("bike", "tempo-ride", 6300, None)),  # the lead time holds the set
        ("Ride 1h threshold 2x20'", ("bike", "tempo-ride", 3600, None)),
        ("Ride 1h15 Z2 + 6 x 15 s sprints", ("bike", "endurance-ride", 4500, None)),  # short sprints ride along
        ("tempo run of 40 min (20 min @ HM pace)", ("run", "tempo-run", 2400, None)),  # brackets elaborate
        ("long run +3 km (so 18 km)", ("run", "long-run", None, 18000.0)),  # a change is no size
        ("potenziamento 30'", ("strength", "strength-training", 1800, None)),
        ("alongamento 15 min", ("strength", "mobility", 900, None)),
    ],
)
def test_sessions_read_by_their_words(text: str, reading: tuple[str, str, int | None, float | None]) -> None:
    [session] = parse_day("Monday", text)
    assert (session.workout_type, session.workout_sub_type, session.duration_seconds, session.distance_meters) == (
        reading
    )


@pytest.mark.parametrize(
    "text",
    [
        "no intervals this week, rest",
        "kein Intervall diese Woche, Ruhetag",
        "Note · Dentist at 09:30",
        "Reminder: book the pool lane",
    ],
)
def test_no_session_in_rest_and_notes(text: str) -> None:
    assert parse_day("Wednesday", text) == []


def test_a_calendar_export_reads_its_planned_sizes() -> None:
    text = (
        "--- Week of Apr 6 ---\n"
        "Mon 2026-04-06 · Day Off\n"
        "Tue 2026-04-07 · Run · Threshold 3x10'\n"
        "    Planned: 1:00:00 · 11.00 km · TSS 70 · IF 0.85\n"
        "    Description: 15' WU, 3 x 10' @ LTHR (3' jog), 10' CD.\n"
        "Wed 2026-04-08 · Note · Flight at 06:40\n"
        "Thu 2026-04-09 · Bike · Sweet Spot 2x20'\n"
        "    Planned: 1:30:00 · TSS 90\n"
        "Week summary: Planned 2:30:00 · 11.00 km · TSS 160\n"
    )
    assert [row[1:] for row in rows(text)] == [
        ("Tuesday", "run", "tempo-run", 3600, 11000.0),
        ("Thursday", "bike", "tempo-ride", 5400, None),
    ]


def test_weeks_and_days_written_by_reference() -> None:
    text = (
        "WEEK 1\nTue: Easy run 40 min\nThu: Strength 30 min\nSat: same as Tuesday\nSun: Long run 14 km\n\n"
        "WEEK 2 – same as week 1 except:\nSun: long run +2 km (so 16 km)\n\n"
        "WEEK 3 – repeat week 2, with the easy run longer (Tue 45 min)\n"
        "and swap Thursday's strength for an easy run of 30 min.\n"
    )
    assert rows(text) == [
        (1, "Tuesday", "run", "easy-run", 2400, None),
        (1, "Thursday", "strength", "strength-training", 1800, None),
        (1, "Saturday", "run", "easy-run", 2400, None),
        (1, "Sunday", "run", "long-run", None, 14000.0),
        (2, "Tuesday", "run", "easy-run", 2400, None),
        (2, "Thursday", "strength", "strength-training", 1800, None),
        (2, "Saturday", "run", "easy-run", 2400, None),
        (2, "Sunday", "run", "long-run", None, 16000.0),
        (3, "Tuesday", "run", "easy-run", 2700, None),
        (3, "Thursday", "run", "easy-run", 1800, None),
        (3, "Saturday", "run", "easy-run", 2400, None),
        (3, "Sunday", "run", "long-run", None, 16000.0),
    ]


def test_a_week_that_names_a_week_without_changes_keeps_its_own_days() -> None:
    text = "Week 1\nTue: easy 30 min\nThu: easy 30 min\n\nWeek 2 (like week 1)\nTue: easy 35 min\n"
    assert [row for row in rows(text) if row[0] == 2] == [(2, "Tuesday", "run", "easy-run", 2100, None)]


def test_emoji_mark_sports_and_digits() -> None:
    text = "Week 1\nMon 😴 rest\nTue 🏊 45'\nWed 🧘 20'\nSun 🏃‍♀️ long run 5️⃣ km 🐢\n💯 moved for ~2h this week!\n"
    assert [row[1:] for row in rows(text)] == [
        ("Tuesday", "swim", "endurance-swim", 2700, None),
        ("Wednesday", "strength", "mobility", 1200, None),
        ("Sunday", "run", "long-run", None, 5000.0),
    ]


def test_a_flattened_nested_list_reads_notes_as_notes() -> None:
    text = (
        "1. Week 1 – start\n"
        "a. Monday: rest\n"
        "b. Tuesday: strength (gym), 30 min\n"
        "i. squats 3 x 10, lunges 3 x 8\n"
        "c. Thursday: intervals 6 x 400 m[a]\n"
        "i. warm up 10 min, cool down 10 min\n"
        "2. Week 2 – more\n"
        "a. Tuesday: easy run 6 km\n"
    )
    assert [(row[0], row[1], row[3]) for row in rows(text)] == [
        (1, "Tuesday", "strength-training"),
        (1, "Thursday", "interval-run"),
        (2, "Tuesday", "easy-run"),
    ]


def _blocks(blocks: list[ContentBlock]) -> list[dict[str, Any]]:
    return [block.model_dump(exclude_defaults=True) for block in blocks]


RUN_WALK_BLOCKS = [
    {"type": "warm-up", "block_length_target": "duration", "block_duration_in_seconds": 300, "block_pace": "z1"},
    {
        "type": "interval",
        "block_length_target": "duration",
        "block_pace": "z2",
        "block_repeat": 8,
        "content_blocks": [
            {"type": "run", "block_length_target": "duration", "block_duration_in_seconds": 60, "block_pace": "z2"},
            {
                "type": "recovery-run",
                "block_length_target": "duration",
                "block_duration_in_seconds": 90,
                "block_pace": "z1",
            },
        ],
    },
]


@pytest.mark.parametrize(
    "text",
    [
        "Run/walk 25 min: 8 x (60 s run, 90 s walk)",
        "Laufen/Gehen 25 min: 8 x (60 s Laufen, 90 s Gehen)",
        "Course/marche 25 min : 8 x (60 s course, 90 s marche)",
        "Correr/caminar 25 min: 8 x (60 s correr, 90 s caminar)",
        "Corsa/camminata 25 min: 8 x (60 s corsa, 90 s camminata)",
        "Corrida/caminhada 25 min: 8 x (60 s corrida, 90 s caminhada)",
        "Hardlopen/wandelen 25 min: 8 x (60 s hardlopen, 90 s wandelen)",
    ],
)
def test_run_walk_bouts_are_blocks_after_the_brisk_walk(text: str) -> None:
    [session] = parse_day("Tuesday", text)
    assert (session.workout_sub_type, session.duration_seconds) == ("interval-run", 1500)
    assert _blocks(session.content_blocks) == RUN_WALK_BLOCKS
    assert session.confident


def test_run_walk_without_a_stated_length_is_its_bouts() -> None:
    [session] = parse_day("Tuesday", "Run 1 min, walk 90 s, repeat 8 times")
    assert session.duration_seconds == 1200
    assert _blocks(session.content_blocks) == RUN_WALK_BLOCKS[1:]


def test_a_converted_run_walk_keeps_its_blocks() -> None:
    workouts, _ = parse_to_workouts("Week 1\n- Tuesday: Run/walk 25 min: 8 x (60 s run, 90 s walk)\n")
    assert _blocks(workouts[0].content_blocks) == RUN_WALK_BLOCKS


@pytest.mark.parametrize(
    "text",
    [
        "Swim 1500 m: 8 x 100 m @ CSS w/ 15 s rest",
        "Schwimmen 1500 m: 8 x 100 m @ CSS mit 15 s Pause",
        "Natación 1500 m: 8 x 100 m @ CSS con 15 s de descanso",
        "Zwemmen 1500 m: 8 x 100 m @ CSS met 15 s rust",
        "Swim 1500 m: 8 x 100 m @ CSS (15 s rest)",
    ],
)
def test_a_paced_swim_set_keeps_its_rest(text: str) -> None:
    [session] = parse_day("Friday", text)
    [repeat] = [block for block in session.content_blocks if block.type == "interval"]
    assert [(child.type, child.block_duration_in_seconds) for child in repeat.content_blocks][1:] == [
        ("recovery-run", 15)
    ]


def test_a_pool_length_is_metres_and_a_run_after_a_swim_is_its_own() -> None:
    swim, fartlek = parse_day("Tuesday", "Swim 800 m: 200 m warm-up, 4 x 25 m drills, 100 m cool-down + Fartlek 20 min")
    assert (swim.workout_type, swim.distance_meters, swim.confident) == ("swim", 800.0, True)
    assert (fartlek.workout_sub_type, fartlek.duration_seconds) == ("fartlek", 1200)


def test_workouts_are_named_in_the_drafts_language() -> None:
    """A session whose words tell no language ("Tempo 30 min") is named in the draft's (German here)."""
    text = "Woche 1\n- Montag: Ruhetag\n- Dienstag: Tempo 30 min\n- Donnerstag: Lockerer Lauf 40 min\n"
    workouts, _ = parse_to_workouts(text)
    assert workouts[0].workout_name == "Tempolauf 30 min"


def test_same_as_last_week_repeats_the_week_before_with_the_days_it_changes() -> None:
    text = (
        "Week 1\nTue: easy 0:45\nSat/Sun back-to-back: 2:30 and 1:30, both easy\n\n"
        "Week 2\nSame as last week, but Sunday 2:00\n"
    )
    assert rows(text) == [
        (1, "Tuesday", "run", "easy-run", 2700, None),
        (1, "Saturday", "run", "long-run", 9000, None),
        (1, "Sunday", "run", "long-run", 5400, None),
        (2, "Tuesday", "run", "easy-run", 2700, None),
        (2, "Saturday", "run", "long-run", 9000, None),
        (2, "Sunday", "run", "long-run", 7200, None),
    ]


def test_day_columns_in_norwegian_and_zone_rides() -> None:
    text = "Uke 1\nman  rolig løp 45 min\nons  hvile\nlør  langtur 1t30\nsøn  1h15 sweetspot 3 x 10'\n"
    assert [row[1:] for row in rows(text)] == [
        ("Monday", "run", "easy-run", 2700, None),
        ("Saturday", "run", "long-run", 5400, None),
        ("Sunday", "bike", "tempo-ride", 4500, None),
    ]


def test_a_yearless_export_reads_day_first_dates_by_their_weekdays() -> None:
    text = (
        "Mon 06/04 — Run — Easy\n  Planned duration: 0:50:00   Planned distance: 9.0 km\n"
        "Wed 08/04 — Swim — CSS set\n  Planned duration: 1:00:00   Planned distance: 2800 m\n"
        "Mon 13/04 — Bike — Endurance\n  Planned duration: 2:30:00\n"
    )
    assert [(row[0], row[1], row[4], row[5]) for row in rows(text)] == [
        (1, "Monday", 3000, 9000.0),
        (1, "Wednesday", 3600, 2800.0),
        (2, "Monday", 9000, None),
    ]


def test_lines_wrapped_by_a_pdf_go_on_and_notes_name_no_day() -> None:
    text = (
        "WEEK 1\n"
        "Wednesday Tempo run: 15 min warm-up, 20 min at\n"
        "tempo, 10 min cool-\n"
        "down\n"
        "Saturday Long run 16 km\n"
        "Notes: fuel on long runs. Swap Tue/Wed if the pool timetable changes.\n"
    )
    assert [(row[1], row[3], row[4], row[5]) for row in rows(text)] == [
        ("Wednesday", "tempo-run", 2700, None),
        ("Saturday", "long-run", None, 16000.0),
    ]


def test_a_days_line_may_part_its_items_with_pipes() -> None:
    text = "Week 1\nTue: easy 30'\nSun: Duration: 45:00 | Distance: 8 km | Easy\n"
    assert rows(text)[1:] == [(1, "Sunday", "run", "easy-run", 2700, 8000.0)]


@pytest.mark.parametrize(
    "text",
    ["(400 m fast, 200 m jog) x 6", "(400m fast / 200m jog) x 6", "6 x (400 m fast, 200 m jog)"],
)
def test_a_bracketed_repetition_counts_before_or_after(text: str) -> None:
    [session] = parse_day("Wednesday", text)
    [repeat] = session.content_blocks
    assert (session.workout_sub_type, repeat.block_repeat) == ("interval-run", 6)
    assert [(child.type, child.block_distance_in_meters) for child in repeat.content_blocks] == [
        ("run", 400.0),
        ("recovery-run", 200.0),
    ]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("AM parkrun at tempo effort, not a race (5 km)", ("run", "tempo-run", None, 5000.0)),
        ("Swim – technique, 30 min: 10 x 50 m drills", ("swim", "technique-swim", 1800, None)),
        ("easy 5 km + 5 x 100 m przebieżki", ("run", "easy-run", None, 5000.0)),
    ],
)
def test_sessions_read_whole(text: str, reading: tuple[str, str, int | None, float | None]) -> None:
    [session] = parse_day("Saturday", text)
    assert (session.workout_type, session.workout_sub_type, session.duration_seconds, session.distance_meters) == (
        reading
    )


def test_an_export_of_dated_items_reads_duration_and_distance_lines() -> None:
    text = (
        "Tuesday, March 3, 2026\nEasy Run\nDuration: 45:00 | Distance: 8.00 km\n\n"
        "Thursday, March 5, 2026\nIntervals 6 x 800 m\nDuration: 55:00\n\n"
        "Sunday, March 8, 2026\nLong Run\nDistance: 16.00 km\n"
    )
    assert [row[1:] for row in rows(text)] == [
        ("Tuesday", "run", "easy-run", 2700, 8000.0),
        ("Thursday", "run", "interval-run", 3300, None),
        ("Sunday", "run", "long-run", None, 16000.0),
    ]


def test_lower_case_days_in_a_texted_list_follow_each_other() -> None:
    text = "wk1: mon off / tue 8k easy / thu off / fri 5k easy / sat off / sun 15k long\n"
    assert [(row[1], row[5]) for row in rows(text)] == [
        ("Tuesday", 8000.0),
        ("Friday", 5000.0),
        ("Sunday", 15000.0),
    ]


@pytest.mark.parametrize(
    ("text", "reps", "seconds"),
    [
        ("Run 2' / walk 1' x 8", 8, 1440),
        ("8 rounds of 2 min jog + 1 min walk", 8, 1440),
        ("Alternate 1 min run and 1 min walk for 20 min", 10, 1200),  # as many bouts as the length holds
        ("run/walk 30 min (3 min run / 1 min walk)", 7, 1800),  # 7 bouts, 2 min of brisk walk first
    ],
)
def test_run_walk_written_other_ways(text: str, reps: int, seconds: int) -> None:
    [session] = parse_day("Thursday", text)
    [bouts] = [block for block in session.content_blocks if block.type == "interval"]
    assert (session.workout_sub_type, bouts.block_repeat, session.duration_seconds) == ("interval-run", reps, seconds)


def test_a_run_or_a_walk_of_the_same_length_is_no_run_walk() -> None:
    assert [s.workout_type for s in parse_day("Friday", "run 30 min / walk 30 min")] == ["run", "walk"]


def test_a_table_with_a_column_per_sport() -> None:
    text = (
        "Week 1\n| Day | Swim | Bike | Run |\n|-----|------|------|-----|\n"
        "| Mon | 2000 m | – | – |\n| Tue | – | 1h | 30 min |\n| Wed | – | – | 6 x 800 m |\n"
    )
    assert [row[1:4] for row in rows(text)] == [
        ("Monday", "swim", "endurance-swim"),
        ("Tuesday", "bike", "endurance-ride"),
        ("Tuesday", "run", "easy-run"),
        ("Wednesday", "run", "interval-run"),
    ]


def test_a_paragraph_names_its_days_after_then() -> None:
    text = "Week 1\nTuesday easy 40 minutes, then Wednesday 6 x 800 m. Friday thirty minutes easy.\n"
    assert [(row[1], row[3]) for row in rows(text)] == [
        ("Tuesday", "easy-run"),
        ("Wednesday", "interval-run"),
        ("Friday", "easy-run"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "WEEK 1\nTue: Easy run 40 min\nSat: same as Tuesday\nSun: Long run 14 km\n\n"
        "WEEK 2 – same as week 1 except:\nSun: long run 16 km\n\n"
        "WEEK 3 – repeat week 2, with the easy run longer (Tue 45 min)\n",
        "Week 1\nTue: easy 0:45\nSat/Sun back-to-back: 2:30 and 1:30\n\nWeek 2\nSame as last week, but Sunday 2:00\n",
    ],
)
def test_weeks_read_by_reference_read_the_same_again(text: str) -> None:
    """A chunk of weeks sent on for conversion is the weeks' own text, copies included: read again, it says the
    same."""
    again = "\n\n".join(week.text for week in segment_draft(text).weeks)
    assert rows(again) == rows(text)


def test_czech_day_columns_read_so_as_saturday_after_friday() -> None:
    text = "Týden 1\npo   volno\nút   klus 40 min\npá   volno\nso   dlouhý běh 15 km\nne   kolo 1,5 h\n"
    assert [(row[1], row[3]) for row in rows(text)] == [
        ("Tuesday", "easy-run"),
        ("Saturday", "long-run"),
        ("Sunday", "endurance-ride"),
    ]


def test_german_so_after_friday_is_still_sunday() -> None:
    text = "Woche 1\nFr  Lauf 8 km locker\nSo  Langer DL 20 km\n"
    assert [row[1] for row in rows(text)] == ["Friday", "Sunday"]


def test_a_ride_into_a_run_is_a_brick_in_any_language() -> None:
    assert [(s.workout_type, s.workout_sub_type) for s in parse_day("Saturday", "bike 1h → corrida 15 min")] == [
        ("bike", "brick"),
        ("run", "easy-run"),
    ]

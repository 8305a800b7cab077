"""Spreadsheets with one row per session (a week column, a day column), pasted as tabs or aligned columns."""

from __future__ import annotations

from planforge.offline.parser import parse_draft

Row = tuple[int, str, str, int | None, float | None]


def _rows(text: str) -> list[Row]:
    return [
        (week.week, s.day, s.workout_sub_type, s.duration_seconds, s.distance_meters)
        for week in parse_draft(text)
        for s in week.sessions
    ]


def test_a_tab_separated_sheet_with_units_in_its_headers() -> None:
    text = "\n".join(
        [
            "My block, straight from Sheets",
            "Week\tDay\tSport\tSession\tDuration (min)\tDistance (km)\tNotes",
            "1\tMon\tRest\t\t\t\t",
            "1\tWed\tRun\tEasy\t35\t6\tconversational",
            "1\tThu\tBike\tIntervals\t50\t\t4x4' hard, 4' easy",  # the column's 50 min, not the sets' 32
            "1\tSat\tBike\tBrick\t90\t\tthen run",
            "1\tSat\tRun\tEasy\t15\t\toff the bike",  # a second row on one day: a second session
            "2\tTue\tSwim\tEndurance\t\t1.8\tsteady",
            "2\tSun\tRun\tLong\t80\t14\t",
        ]
    )
    assert _rows(text) == [
        (1, "Wednesday", "easy-run", 2100, 6000.0),
        (1, "Thursday", "interval-ride", 3000, None),
        (1, "Saturday", "brick", 5400, None),
        (1, "Saturday", "easy-run", 900, None),
        (2, "Tuesday", "endurance-swim", None, 1800.0),
        (2, "Sunday", "long-run", 4800, 14000.0),
    ]


def test_columns_aligned_with_spaces_and_a_dashed_rule() -> None:
    text = "\n".join(
        [
            "Half marathon, block 2",
            "",
            "Wk  Day  Workout      Distance (mi)  Notes",
            "--  ---  -----------  -------------  -----------------",
            "1   Tue  Easy         5              relaxed",
            "1   Thu  Intervals    7              5 x 1k @ 10k pace",
            "1   Fri  Cross-train                 40 min spin",
            "1   Sun  Long run     12",
            "2   Tue  Easy         6",
            "2   Sun  Long run     13             last 3 @ HMP",
        ]
    )
    mile = 1609.344
    assert [
        (week, day, sub, duration, round(d / mile, 2) if d else d) for week, day, sub, duration, d in _rows(text)
    ] == [  # in miles
        (1, "Tuesday", "easy-run", None, 5.0),
        (1, "Thursday", "interval-run", None, 7.0),  # the column's 7 mi, not the reps' 5 km
        (1, "Friday", "cross-training", 2400, None),  # no distance: the notes say what it is
        (1, "Sunday", "long-run", None, 12.0),
        (2, "Tuesday", "easy-run", None, 6.0),
        (2, "Sunday", "long-run", None, 13.0),
    ]


def test_aligned_text_without_week_and_day_columns_is_left_alone() -> None:
    text = "Week 1\nMon  Easy run  30 min\nWed  Tempo     40 min\nSat  Long run  90 min\n"
    assert _rows(text) == [
        (1, "Monday", "easy-run", 1800, None),
        (1, "Wednesday", "tempo-run", 2400, None),
        (1, "Saturday", "long-run", 5400, None),
    ]

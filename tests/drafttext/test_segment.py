"""Segmentation of draft texts into weeks: header forms, phases, ranges, tables, paragraphs, errors."""

from __future__ import annotations

import pytest

from planforge.drafttext.segment import check_weeks, phase_named_in, segment_draft
from planforge.exceptions import DraftStructureError


@pytest.mark.parametrize(
    ("header", "week", "focus"),
    [
        ("Week 1: Aerobic foundation", 1, "Aerobic foundation"),
        ("WEEK 3 - Build", 3, "Build"),
        ("## Week 4", 4, None),
        ("**Week 5**", 5, None),
        ("Wk 6", 6, None),
        ("W7", 7, None),
        ("Woche 8: Aufbau", 8, "Aufbau"),
        ("Semaine 9 : Seuil", 9, "Seuil"),
        ("Semana 10: Ritmo", 10, "Ritmo"),
        ("Week 11 (May 5–11): Peak", 11, "Peak"),
        ("=== Week 12 ===", 12, None),
        ("~~ WEEK 2: Build ~~", 2, "Build"),
        ("【Week 3】", 3, None),
        ("Week Four", 4, None),
        ("Semana doze – Pico", 12, "Pico"),
        ("Semaine onze", 11, None),
    ],
)
def test_week_header_forms(header: str, week: int, focus: str | None) -> None:
    [found] = segment_draft(f"{header}\n- Monday: Rest").weeks
    assert (found.week, found.focus, found.body) == (week, focus, "- Monday: Rest")


def test_phase_header_sets_the_phase_of_following_weeks() -> None:
    text = "Title\n\nPhase 1 (Weeks 1–2): Base Building\nWhy.\n\nWeek 1\n- Monday: Rest\nWeek 2\n- Monday: Rest\n"
    text += "Phase 2 (Week 3): Taper\nWeek 3\n- Monday: Rest"
    segmented = segment_draft(text)
    assert [(w.week, w.phase) for w in segmented.weeks] == [(1, "base"), (2, "base"), (3, "taper")]


def test_week_range_with_days_gives_each_week_the_days() -> None:
    weeks = segment_draft("Weeks 1-2: Base\n- Monday: Rest\n- Tuesday: Easy run 30 min").weeks
    assert [(w.week, w.phase, w.body) for w in weeks] == [
        (1, "base", "- Monday: Rest\n- Tuesday: Easy run 30 min"),
        (2, "base", "- Monday: Rest\n- Tuesday: Easy run 30 min"),
    ]


def test_week_range_without_days_is_a_phase_header() -> None:
    weeks = segment_draft("Weeks 1–4: Build phase\nHarder.\nWeek 1\n- Monday: Rest").weeks
    assert [(w.week, w.phase) for w in weeks] == [(1, "build")]


def test_paragraph_in_the_header_is_the_body() -> None:
    [week] = segment_draft("Week 1 (base): Mon rest, Tue easy 5 mi, Sat long 8 mi").weeks
    assert week.body == "Mon rest, Tue easy 5 mi, Sat long 8 mi"
    assert week.focus is None


def test_markdown_table_with_weeks_as_rows() -> None:
    text = (
        "| Week | Phase | Focus | Mon | Tue | Wed |\n|---|---|---|---|---|---|\n"
        "| 1 | Base | Easy | Rest | Easy 5 km | |\n| 2 | Build | Harder | Rest | Tempo 20 min | Easy 6 km |\n"
    )
    weeks = segment_draft(text).weeks
    assert [(w.week, w.phase, w.focus) for w in weeks] == [(1, "base", "Easy"), (2, "build", "Harder")]
    assert weeks[1].body == "- Monday: Rest\n- Tuesday: Tempo 20 min\n- Wednesday: Easy 6 km"
    assert weeks[0].body.endswith("- Wednesday: Rest")  # an empty cell is a rest day


def test_pipe_table_with_weeks_as_columns() -> None:
    text = "Day | Week 1 | Week 2\nMon | Rest | Rest\nTue | Easy 5 km | Easy 6 km\nWed | Rest | Tempo 20 min\n"
    weeks = segment_draft(text).weeks
    assert [w.week for w in weeks] == [1, 2]
    assert weeks[1].body == "- Monday: Rest\n- Tuesday: Easy 6 km\n- Wednesday: Tempo 20 min"


def test_no_week_header_is_a_clear_error() -> None:
    with pytest.raises(DraftStructureError, match="no week found: expected week headers"):
        segment_draft("Run a lot.\nRest sometimes.")


@pytest.mark.parametrize(
    ("text", "weeks", "message"),
    [
        ("Week 1\nWeek 1", 1, "week 1 appears more than once"),
        ("Week 1\nWeek 3", 3, "missing week 2"),
        ("Week 1\nWeek 2", 1, "unexpected week 2"),
    ],
)
def test_check_weeks(text: str, weeks: int, message: str) -> None:
    with pytest.raises(DraftStructureError, match=message):
        check_weeks(segment_draft(text), weeks)


@pytest.mark.parametrize(
    ("text", "phase"),
    [("Base Building", "base"), ("Taper", "taper"), ("Race week", "race"), ("Aufbau", "build"), ("Notes", None)],
)
def test_phase_named_in(text: str, phase: str | None) -> None:
    assert phase_named_in(text) == phase


def test_a_plan_dated_per_line_is_cut_into_calendar_weeks() -> None:
    segmented = segment_draft("Coach notes\n\nSat 29 Aug: easy 30'\nSun 30 Aug: rest\nMon 31 Aug: long 60'\n")
    assert [(w.week, w.body) for w in segmented.weeks] == [
        (1, "Saturday: easy 30'\nSunday: rest"),
        (2, "Monday: long 60'"),
    ]


def test_numbered_days_follow_a_day_one_note() -> None:
    text = "Day 1 = Thursday\nDay 1 - easy 20 min\nDay 4 - rest\nDay 5 - long 50 min\nDay 8 - tempo 20 min"
    assert [(w.week, w.body) for w in segment_draft(text).weeks] == [
        (1, "Thursday: easy 20 min\nSunday: rest\nMonday: long 50 min"),
        (2, "Thursday: tempo 20 min"),
    ]


def test_two_dated_lines_are_one_week_read_by_its_weekdays() -> None:
    [week] = segment_draft("Tue 7 Jul: easy 30'\nWed 8 Jul: rest").weeks
    assert (week.week, week.body) == (1, "Tue 7 Jul: easy 30'\nWed 8 Jul: rest")

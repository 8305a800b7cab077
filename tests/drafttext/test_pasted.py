"""Texts pasted from elsewhere: checklists, emails, aligned sheets with weeks as columns, mixed date formats, and
day names typed in a hurry."""

from __future__ import annotations

import pytest

from planforge.drafttext.days import day_marks, misspelt_weekday
from planforge.drafttext.pasted import email_body, without_checkbox
from planforge.drafttext.segment import WEEK_HEADER, segment_draft


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        ("- [x] Tue – easy 5 km", "- Tue – easy 5 km"),
        ("[ ] Wed – strength 25 min", "Wed – strength 25 min"),
        ("☐ Sat – long run 8 km", "Sat – long run 8 km"),
        ("  * [X] Sun – walk", "  * Sun – walk"),
        ("[2] Tempo: see note", "[2] Tempo: see note"),  # a footnote marker is no box
    ],
)
def test_a_checklist_box_is_taken_off(line: str, cleaned: str) -> None:
    assert without_checkbox(line) == cleaned


EMAIL = [
    "Subject: Re: plan",
    "From: Marta",
    "Hi Tom,",
    "Week 1",
    "Tuesday: easy run 30 min",
    "Best,",
    "--",
    "Club sessions: Tue & Thu 18:30 track",
    "> On 28 Nov 2026, at 19:02, Tom wrote:",
    "> I ran 25 min easy on Sunday",
]


def test_an_email_is_read_for_its_body() -> None:
    assert email_body(EMAIL, is_week_header=WEEK_HEADER) == ["Hi Tom,", "Week 1", "Tuesday: easy run 30 min", "Best,"]


def test_a_dash_line_before_a_week_is_no_signature() -> None:
    lines = ["Week 1", "Mon: easy 30 min", "--", "Week 2", "Mon: easy 35 min"]
    assert email_body(lines, is_week_header=WEEK_HEADER) == lines


@pytest.mark.parametrize(
    ("word", "day"),
    [("wensday", "Wednesday"), ("wendesday", "Wednesday"), ("satruday", "Saturday"), ("frday", "Friday"),
     ("tusday", "Tuesday"), ("sunny", None), ("friendly", None), ("today", None), ("monthly", None)],
)  # fmt: skip
def test_a_misspelt_day_name_is_read_only_when_close(word: str, day: str | None) -> None:
    assert misspelt_weekday(word) == day


def test_misspelt_days_start_entries_only_at_a_line_start_before_a_separator() -> None:
    text = "wensday - strength 30 min\nsatruday: long run\nsunny and warm - enjoy\nplan for wensday"
    assert [day for _, _, day in day_marks(text)] == ["Wednesday", "Saturday"]


def test_an_aligned_table_with_weeks_as_columns_gives_one_week_per_column() -> None:
    text = (
        "        WEEK 1         WEEK 2\nMon     rest           rest\nTue     easy 30 min    easy 35 min\n"
        "Sun     long 50 min    long 55 min\n"
    )
    weeks = segment_draft(text).weeks
    assert [(week.week, week.body) for week in weeks] == [
        (1, "- Monday: rest\n- Tuesday: easy 30 min\n- Sunday: long 50 min"),
        (2, "- Monday: rest\n- Tuesday: easy 35 min\n- Sunday: long 55 min"),
    ]


def test_slashed_dates_follow_the_weekdays_written_beside_them_and_dotted_dates_are_day_first() -> None:
    text = "Plan 2026\nTue 3/3 easy\nThu 3/5 intervals\nSat 3/7 easy\n10.03. easy\n17.03. long run\n"
    weeks = segment_draft(text).weeks
    assert [(week.week, [day for _, _, day in day_marks(week.body)]) for week in weeks] == [
        (1, ["Tuesday", "Thursday", "Saturday"]),
        (2, ["Tuesday"]),
        (3, ["Tuesday"]),
    ]


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        (  # a web page's list
            "<p>Week 1</p><ul><li>Mon: rest</li><li>Tue: easy 30&nbsp;min</li></ul>",
            [(1, "- Mon: rest\n- Tue: easy 30 min")],
        ),
        (  # an HTML table of weeks
            "<table><tr><th>Week</th><th>Mon</th><th>Tue</th><th>Wed</th></tr>"
            "<tr><td>1</td><td>rest</td><td>easy 30 min</td><td>gym</td></tr></table>",
            [(1, "- Monday: rest\n- Tuesday: easy 30 min\n- Wednesday: gym")],
        ),
        (  # emoji bullets
            "📅 Week 1\n🏃 Tue – easy 30 min\n💪 Wed: strength 20 min",
            [(1, "Tue – easy 30 min\nWed: strength 20 min")],
        ),
    ],
)
def test_html_and_emoji_bullets_are_read_as_the_text_they_show(text: str, weeks: list[tuple[int, str]]) -> None:
    assert [(week.week, week.body) for week in segment_draft(text).weeks] == weeks


def test_an_angle_bracket_in_a_target_is_no_html() -> None:
    [week] = segment_draft("Week 1\nSun: Recovery spin 45 min <60% FTP, HR < 130").weeks
    assert week.body == "Sun: Recovery spin 45 min <60% FTP, HR < 130"


def test_a_week_that_repeats_another_gets_its_days_after_its_own_words() -> None:
    text = "Week 1\nTue: easy 30 min\nWeek 2\nSame as week 1, a bit longer\nWeek 3: repeat week 1\nWeek 4\nnotes only"
    bodies = {week.week: week.body for week in segment_draft(text).weeks}
    assert bodies == {
        1: "Tue: easy 30 min",
        2: "Same as week 1, a bit longer\nTue: easy 30 min",
        3: "Tue: easy 30 min",
        4: "notes only",  # names no week to repeat
    }

"""Progression: weekly growth, step-back weeks, and the single-session spike rule."""

from __future__ import annotations

import pytest

from planforge.coaching import (
    LOADING_PATTERNS,
    SPIKE_WINDOW_DAYS,
    STEP_BACK_EVERY_WEEKS,
    Status,
    spike_status,
    weekly_growth_status,
)
from planforge.coaching.progression import growth


@pytest.mark.parametrize(
    ("session", "longest_in_window", "status"),
    [
        (10, 10, "pass"),
        (8, 10, "pass"),
        (11, 10, "pass"),  # exactly +10 %
        (11.5, 10, "warn"),
        (13, 10, "warn"),  # exactly +30 %
        (13.5, 10, "fail"),
        (30, 16, "fail"),  # a long run jumping from 16 to 30 km
        (5, None, "pass"),  # a plan's first session has nothing to spike from
    ],
)
def test_a_session_is_judged_against_the_longest_of_the_last_30_days(
    session: float, longest_in_window: float | None, status: Status
) -> None:
    assert SPIKE_WINDOW_DAYS == 30
    assert spike_status(session, longest_in_window) == status


@pytest.mark.parametrize(
    ("week", "previous_week", "two_weeks_before", "status"),
    [
        (110, 100, None, "pass"),
        (115, 100, None, "warn"),
        (120, 105, 100, "warn"),  # +14 % on the week, +20 % over two: a warning, no failure
        (140, 125, 100, "fail"),  # +40 % over two weeks
        (130, 130, 100, "pass"),  # exactly +30 % over two weeks, flat last week
    ],
)
def test_weekly_growth(week: float, previous_week: float, two_weeks_before: float | None, status: Status) -> None:
    assert weekly_growth_status(week, previous_week, two_weeks_before) == status


def test_growth_needs_a_positive_reference() -> None:
    with pytest.raises(ValueError, match="positive reference"):
        growth(10, 0)


def test_a_step_back_week_comes_every_3_to_4_weeks() -> None:
    assert LOADING_PATTERNS["3:1"].cycle_weeks == 4
    assert LOADING_PATTERNS["2:1"].cycle_weeks == 3
    assert (STEP_BACK_EVERY_WEEKS.min, STEP_BACK_EVERY_WEEKS.max) == (3, 4)

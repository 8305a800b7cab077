"""Each coaching rule on hand-made good and bad plans."""

from __future__ import annotations

import pytest

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.vocabulary import WEEKDAYS, WorkoutSubType, WorkoutType
from planforge.quality import (
    check_all,
    easy_hard_split,
    hard_day_spacing,
    long_run_share,
    rest_days,
    step_back_weeks,
    taper,
    volume_jumps,
)


def session(
    week: int,
    day: int,
    minutes: int,
    sub_type: WorkoutSubType = "easy-run",
    workout_type: WorkoutType = "run",
    blocks: list[ContentBlock] | None = None,
) -> Workout:
    return Workout(
        week=week,
        phase="base",
        day=WEEKDAYS[day],
        workout_name="Session",
        workout_description="A session.",
        workout_type=workout_type,
        workout_sub_type=sub_type,
        target_duration_in_seconds=minutes * 60,
        content_blocks=blocks or [],
    )


def weeks_of(minutes_per_week: list[int], days: tuple[int, ...] = (1, 3, 5, 6)) -> list[Workout]:
    """Plain easy weeks with the given training minutes, spread over `days`."""
    plan: list[Workout] = []
    for week, minutes in enumerate(minutes_per_week, start=1):
        share = minutes // len(days)
        plan += [session(week, day, share) for day in days]
    return plan


@pytest.mark.parametrize(
    ("minutes", "status"),
    [
        pytest.param([200, 216, 232, 248], "pass", id="8% a week"),
        pytest.param([200, 280], "fail", id="40% in one week"),
        pytest.param([200, 200, 280], "fail", id="40% after a flat week"),
        pytest.param([200, 232, 200], "warn", id="16% once"),
        pytest.param([200, 224, 250, 270], "warn", id="over 10% twice, under 30% over two weeks"),
        pytest.param([200, 220, 160, 232], "pass", id="back from a step-back week to the previous level"),
        pytest.param([200, 200, 280, 300], "fail", id="jump then more"),
    ],
)
def test_volume_jumps(minutes: list[int], status: str) -> None:
    assert volume_jumps(weeks_of(minutes), len(minutes), False).status == status


def test_volume_jumps_reports_the_worst_weekly_increase() -> None:
    result = volume_jumps(weeks_of([200, 280]), 2, False)
    assert result.value == pytest.approx(0.4)
    assert "week 2" in result.detail


def test_volume_jumps_ignores_the_race_itself() -> None:
    plan = [*weeks_of([200, 200]), session(2, 6, 240, "race")]
    assert volume_jumps(plan, 2, True).status == "pass"


def tempo(week: int, day: int) -> Workout:
    """45 minutes of which 20 are at threshold."""
    blocks = [
        ContentBlock(type="warm-up", block_length_target="duration", block_duration_in_seconds=900, block_pace="z2"),
        ContentBlock(type="run", block_length_target="duration", block_duration_in_seconds=1200, block_pace="z4"),
        ContentBlock(type="cool-down", block_length_target="duration", block_duration_in_seconds=600, block_pace="z1"),
    ]
    return session(week, day, 45, "tempo-run", blocks=blocks)


@pytest.mark.parametrize(
    ("plan", "status", "share"),
    [
        pytest.param([session(1, 1, 60), session(1, 3, 60)], "pass", 1.0, id="all easy"),
        pytest.param([session(1, 1, 60), session(1, 3, 60, "tempo-run")], "fail", 0.5, id="half hard"),
        pytest.param([session(1, 1, 70), session(1, 3, 30, "interval-run")], "warn", 0.7, id="70/30"),
        pytest.param([session(1, 1, 35), tempo(1, 3)], "pass", 0.75, id="only z3+ blocks count as hard"),
    ],
)
def test_easy_hard_split(plan: list[Workout], status: str, share: float) -> None:
    result = easy_hard_split(plan, 1, False)
    assert (result.status, result.value) == (status, pytest.approx(share))


@pytest.mark.parametrize("long_minutes", [75, 120, 150, 200])
def test_long_run_share_is_information_never_a_failure(long_minutes: int) -> None:
    # Higdon Novice 1 puts about half a low-mileage week into its 20-mile long run: no share is wrong by itself.
    others = 3
    rest = 300 - long_minutes
    plan = [session(1, day, rest // others + (day < rest % others)) for day in range(others)]
    plan.append(session(1, 6, long_minutes, "long-run"))
    result = long_run_share(plan, 1, False)
    assert result.status == "pass"
    assert result.value == pytest.approx(long_minutes / 300, abs=1e-4)
    assert "information only" in result.detail


def test_rest_days_fail_for_a_week_without_rest() -> None:
    plan = [*weeks_of([200]), *(session(2, day, 30) for day in range(7))]
    result = rest_days(plan, 2, False)
    assert (result.status, result.value) == ("fail", 0)
    assert "week(s) 2" in result.detail


def test_rest_days_pass_with_a_rest_day_every_week() -> None:
    assert rest_days(weeks_of([200, 200]), 2, False).status == "pass"


@pytest.mark.parametrize(
    ("minutes", "race", "status"),
    [
        pytest.param([300, 330, 165], True, "pass", id="50% cut"),
        pytest.param([300, 330, 330], True, "fail", id="no taper"),
        pytest.param([300, 330, 280], True, "fail", id="15% cut is no taper"),
        pytest.param([300, 330, 230], True, "warn", id="30% cut"),
        pytest.param([300, 330, 330], False, "pass", id="no race, no taper needed"),
    ],
)
def test_taper(minutes: list[int], race: bool, status: str) -> None:
    assert taper(weeks_of(minutes), len(minutes), race).status == status


def test_taper_leaves_the_race_out_of_race_week() -> None:
    plan = [*weeks_of([300, 330, 165]), session(3, 6, 240, "race")]
    assert taper(plan, 3, True).value == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("minutes", "status"),
    [
        pytest.param([200, 210, 220, 160, 230, 240, 250, 180], "pass", id="3:1"),
        pytest.param([200] * 8, "warn", id="never steps back"),
    ],
)
def test_step_back_weeks_is_soft(minutes: list[int], status: str) -> None:
    assert step_back_weeks(weeks_of(minutes), len(minutes), False).status == status


@pytest.mark.parametrize(
    ("hard_days", "status"),
    [
        pytest.param([(1, 1), (1, 3), (2, 1), (2, 4)], "pass", id="spaced"),
        pytest.param([(1, 1), (1, 2), (2, 1), (2, 4)], "warn", id="once back to back"),
        pytest.param([(1, 1), (1, 2), (2, 1), (2, 2)], "fail", id="every week"),
        pytest.param([(1, 6), (2, 0), (2, 3), (3, 6), (4, 0)], "fail", id="Sunday then Monday, across weeks"),
    ],
)
def test_hard_day_spacing(hard_days: list[tuple[int, int]], status: str) -> None:
    plan = [session(week, day, 45, "interval-run") for week, day in hard_days]
    assert hard_day_spacing(plan, 4, False).status == status


def test_check_all_runs_every_rule_on_a_good_plan() -> None:
    plan = weeks_of([200, 216, 232, 170, 248, 260, 150])
    results = check_all(plan, 7, True)
    assert [result.rule for result in results] == [
        "volume_jumps",
        "easy_hard_split",
        "long_run_share",
        "rest_days",
        "taper",
        "step_back_weeks",
        "hard_day_spacing",
    ]
    assert {result.status for result in results} == {"pass"}

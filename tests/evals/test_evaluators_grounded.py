"""The v2 checks as their sources have them: what each judges, and where it does not apply (issue 17 point 4)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic_evals.evaluators import EvaluationReason

from planforge.domain.plan import PlanWorkout
from planforge.evals.evaluators import (
    LoadProgression,
    LongSessionPeak,
    QualitySessions,
    SessionSpikes,
    TaperAndRaceWeek,
    WeeklyVolume,
)
from tests.evals.helpers import context_v2, run_week, weeks_of, workout


def ok(output: Any, name: str) -> bool:
    values = [v for key, v in output.items() if key.startswith(f"{name}.") and key.endswith(".ok")]
    assert values, f"{name} made no assertion: {output}"
    return all((v.value if isinstance(v, EvaluationReason) else v) for v in values)


def race(week: int, day: str = "Sunday", km: float = 10, **fields: Any) -> PlanWorkout:
    return workout(week, day, "race", 45, target_distance_in_meters=km * 1000, **fields)  # type: ignore[arg-type]


def test_peak_long_does_not_judge_a_plan_that_starts_inside_the_taper() -> None:
    half = {"sport": "run", "distance": "half-marathon", "week": 2, "day": "Saturday"}
    final_two_weeks = weeks_of(run_week(1, (40, 30, 40, 70)), [race(2, "Saturday", km=21.1)])
    result = LongSessionPeak().evaluate(context_v2(final_two_weeks, race=half))
    assert set(result) == {"peak_long.not_applicable"}
    # A plan with weeks before the taper is judged: 70 minutes is far too short for a half marathon's peak.
    longer = {**half, "week": 6}
    build = weeks_of(*(run_week(w, (40, 30, 40, 70)) for w in range(1, 6)), [race(6, "Saturday", km=21.1)])
    assert not ok(LongSessionPeak().evaluate(context_v2(build, level="beginner", race=longer)), "peak_long")


def test_the_last_quality_session_and_run_walks_are_not_race_week_size_failures() -> None:
    ten_k = {"sport": "run", "distance": "10k", "week": 4, "day": "Sunday"}
    build = [run_week(w, (50, 40, 50, 90)) for w in range(1, 4)]
    quality = workout(4, "Tuesday", "interval-run", 70)  # 10-12 km with warm-up and cool-down, 5 days out
    week = [quality, workout(4, "Thursday", "easy-run", 30), race(4)]
    result = TaperAndRaceWeek().evaluate(context_v2(weeks_of(*build, week), level="beginner", race=ten_k))
    assert result["taper.race_week_sessions.ok"].value is True  # type: ignore[union-attr]
    long_left = [workout(4, "Thursday", "long-run", 70), race(4)]  # an easy 70 min three days out is too long
    result = TaperAndRaceWeek().evaluate(context_v2(weeks_of(*build, long_left), level="beginner", race=ten_k))
    assert result["taper.race_week_sessions.ok"].value is False  # type: ignore[union-attr]


@pytest.mark.parametrize(("sport", "minutes", "passes"), [("run", 50, False), ("triathlon", 50, True)])
def test_the_day_before_limit_depends_on_the_race_sport(sport: str, minutes: int, passes: bool) -> None:
    expected = (
        {"sport": "run", "distance": "10k", "week": 4, "day": "Sunday"}
        if sport == "run"
        else {"sport": "triathlon", "distance": "olympic-triathlon", "week": 4, "day": "Sunday"}
    )
    build = [run_week(w, (50, 40, 50, 90)) for w in range(1, 4)]
    eve = [workout(4, "Saturday", "endurance-ride", minutes, workout_type="bike"), race(4)]
    result = TaperAndRaceWeek().evaluate(context_v2(weeks_of(*build, eve), race=expected))
    assert result["taper.day_before.ok"].value is passes  # type: ignore[union-attr]


def test_quality_runs_per_level_are_judged_in_running_plans_only() -> None:
    hard = [workout(1, day, "interval-run", 45) for day in ("Tuesday", "Thursday", "Saturday")]
    plan = weeks_of(hard, run_week(2), [race(3)])
    running = {"sport": "run", "distance": "10k", "week": 3, "day": "Sunday"}
    assert not ok(QualitySessions().evaluate(context_v2(plan, level="beginner", race=running)), "quality")
    tri = {"sport": "triathlon", "distance": "olympic-triathlon", "week": 3, "day": "Sunday"}
    assert set(QualitySessions().evaluate(context_v2(plan, level="beginner", race=tri))) == {"quality.not_applicable"}


def test_spikes_are_judged_on_runs_only() -> None:
    rides = [[workout(w, "Saturday", "long-ride", 120, workout_type="bike")] for w in range(1, 6)]
    rides.append([workout(6, "Saturday", "long-ride", 300, workout_type="bike")])
    result = SessionSpikes().evaluate(context_v2(weeks_of(*rides)))
    assert set(result) == {"spikes.not_applicable"}


def test_the_stated_current_volume_raises_the_plausible_peak_week() -> None:
    ten_k = {"sport": "run", "distance": "10k", "week": 3, "day": "Sunday"}
    big = [
        workout(w, d, "easy-run", 95)
        for w in (1, 2)
        for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Saturday", "Sunday")
    ]
    plan = weeks_of(big[:6], big[6:], [race(3)])
    assert not ok(WeeklyVolume().evaluate(context_v2(plan, level="advanced", race=ten_k)), "volume")
    already = {"km_per_week": 80.0}
    assert ok(WeeklyVolume().evaluate(context_v2(plan, level="advanced", race=ten_k, current_volume=already)), "volume")


def test_returning_to_the_load_of_the_last_month_is_no_growth() -> None:
    # Two light weeks (a B race and its recovery week), then back to the load held before them.
    weeks = [run_week(1, (50, 40, 50, 90)), run_week(2, (50, 40, 50, 90)), run_week(3, (20, 20, 20, 30)),
             run_week(4, (20, 20, 20, 30)), run_week(5, (50, 40, 50, 95))]  # fmt: skip
    assert ok(LoadProgression().evaluate(context_v2(weeks_of(*weeks))), "progression")
    steep = [run_week(1, (20, 20, 20, 30)), run_week(2, (25, 25, 25, 40)), run_week(3, (35, 30, 35, 60))]
    assert not ok(LoadProgression().evaluate(context_v2(weeks_of(*steep))), "progression")


def test_a_tune_up_race_on_the_long_run_day_keeps_the_day() -> None:
    from planforge.evals.evaluators import StatedConstraints

    tune_up = [*run_week(1, (40, 30, 40))[:3], race(1, km=16)]  # a 10K time trial with warm-up and cool-down
    plan = weeks_of(tune_up, run_week(2))
    result = StatedConstraints().evaluate(context_v2(plan, long_session_day={"run": "Sunday"}))
    assert ok(result, "constraints")
    saturday_long = [*run_week(1, (40, 30))[:2], workout(1, "Saturday", "long-run", 90)]  # the long run moved
    moved = weeks_of(saturday_long, run_week(2))
    assert not ok(StatedConstraints().evaluate(context_v2(moved, long_session_day={"run": "Sunday"})), "constraints")

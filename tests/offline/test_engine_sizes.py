"""How big and how shaped the engine's plans are, from what the athlete can do today to the race's peak.

Each test is one finding of the outside coach's review (docs/reviews/2026-12-01-offline-coach), stated for the
general case: the plan starts from the athlete's stated fitness, its long sessions reach the race's and level's
peak (the knowledge's Q16 table), its load grows safely, its weeks are shaped like a coach's, and its paces come
from what the athlete has run. Requirements are built directly, so these tests judge the planning, not the reading.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planforge.coaching import cycling_long_ride_minutes, peak_long_session, race_for
from planforge.domain.plan import Workout
from planforge.domain.requirements import (
    CurrentVolume,
    HoursPerWeek,
    RaceRequirement,
    RaceResult,
    Requirements,
    TimeCaps,
)
from planforge.domain.vocabulary import Level, weekday_index
from planforge.offline.engine import EnginePlan
from planforge.offline.engine.writer import plan_from
from planforge.quality.measures import workout_seconds

MONDAY = dt.date(2027, 1, 4)


def plan(requirements: Requirements, weeks: int, level: Level) -> EnginePlan:
    return plan_from(requirements, weeks, level, MONDAY)


def minutes(workout: Workout) -> float:
    return workout_seconds(workout) / 60


def training(result: EnginePlan) -> list[Workout]:
    return [w for w in result.workouts if w.workout_sub_type != "race"]


def weekly(result: EnginePlan, weeks: int) -> list[float]:
    totals = [0.0] * weeks
    for workout in training(result):
        totals[workout.week - 1] += minutes(workout)
    return totals


def phases(result: EnginePlan) -> dict[int, str]:
    return {int(week): info.phase for week, info in result.weekly_info.items()}


def run_race(distance: str, **fields: object) -> RaceRequirement:
    return RaceRequirement(sport="run", distance=distance, day="Sunday", **fields)  # type: ignore[arg-type]  # a test's literal


def test_an_advanced_runner_starts_from_their_own_week_and_not_at_the_peak_long_run() -> None:
    """80 km a week over 6 runs: week 1 near those 80 km (not 6.5 h of a weaker week), its long run near a third of
    it (not the 2h35 peak-sized run of week 1) and the long run grows from there."""
    asked = Requirements(
        race=run_race("marathon"), goal_time="3:00:00", days_per_week=6, current_volume=CurrentVolume(km_per_week=80)
    )
    result = plan(asked, 16, "advanced")
    week = weekly(result, 16)
    assert week[0] >= 80 * 4.6  # 80 km at no faster than 4:36/km, an easy pace for a sub-3 runner
    longs = [minutes(w) for w in result.workouts if w.workout_sub_type == "long-run"]
    assert longs[0] <= 0.8 * max(longs)
    assert max(longs) >= 150


def test_a_runner_of_three_half_hours_is_never_given_shorter_runs() -> None:
    """ "Three times a week for 30 minutes", a plan of four runs: no run of the first weeks under 30 minutes."""
    asked = Requirements(
        race=run_race("10k"), days_per_week=4,
        current_volume=CurrentVolume(minutes_per_week=90, sessions_per_week=3),
    )  # fmt: skip
    result = plan(asked, 8, "beginner")
    first = [minutes(w) for w in training(result) if w.week <= 2]
    assert min(first) >= 30, first
    peak = peak_long_session(race_for("10k"), "beginner", "run").time_minutes
    assert peak is not None
    assert max(minutes(w) for w in result.workouts if w.workout_sub_type == "long-run") >= peak.min


def test_a_swimmer_of_200_metres_starts_near_it_and_builds() -> None:
    """ "I can swim 200 m": the first swims are short (400 m at most, not 1,000 m) and they grow, never shrink."""
    swimmer = CurrentVolume(sport="swim", longest_session_m=200, stroke="breaststroke")
    asked = Requirements(
        race=RaceRequirement(sport="triathlon", distance="sprint-triathlon", day="Sunday"),
        hours_per_week=HoursPerWeek(max=6), current_by_sport={"swim": swimmer},
    )  # fmt: skip
    result = plan(asked, 10, "beginner")
    swims = [(w.week, w.target_distance_in_meters or 0) for w in training(result) if w.workout_type == "swim"]
    assert max(m for week, m in swims if week == 1) <= 400
    assert max(m for _, m in swims) >= 800


def test_a_first_half_marathon_long_run_reaches_two_hours() -> None:
    """16–18 km for a beginner (Q16): about two hours at a 2:15 runner's easy pace, not 1h45 (14 km)."""
    asked = Requirements(
        race=run_race("half-marathon"), goal_time="2:15:00",
        current_volume=CurrentVolume(km_per_week=25, sessions_per_week=4, longest_session_km=12),
    )  # fmt: skip
    result = plan(asked, 12, "beginner")
    longs = [minutes(w) for w in result.workouts if w.workout_sub_type == "long-run"]
    assert longs[0] >= 12 * 6.5  # the 12 km run the athlete does today
    assert max(longs) >= 115


def test_a_marathoners_long_runs_carry_marathon_pace() -> None:
    asked = Requirements(race=run_race("marathon"), goal_time="3:00:00", days_per_week=6)
    result = plan(asked, 16, "advanced")
    finishes = [
        w for w in result.workouts if w.workout_sub_type == "long-run" and any(
            b.block_pace == "z3" for b in w.content_blocks
        )
    ]  # fmt: skip
    assert len(finishes) >= 2
    assert all("4:16/km" in w.workout_description for w in finishes)
    assert {phases(result)[w.week] for w in finishes} <= {"build", "peak"}


def test_a_century_rides_towards_three_quarters_of_its_time() -> None:
    """A 6.5 h century: the long ride peaks at 75–80 % of the event (about 4h50), from a long ride of hours."""
    asked = Requirements(
        race=RaceRequirement(sport="bike", distance="century", day="Saturday", expected_minutes=390),
        current_volume=CurrentVolume(sport="bike", minutes_per_week=420, sessions_per_week=4),
        time_caps=TimeCaps(per_day_minutes={"Tuesday": 60, "Thursday": 60}),
    )  # fmt: skip
    result = plan(asked, 12, "intermediate")
    rides = [minutes(w) for w in result.workouts if w.workout_sub_type == "long-ride"]
    band = cycling_long_ride_minutes(6.5)
    assert band.min <= max(rides) <= 0.8 * band.max
    assert rides[0] >= 120
    assert all(minutes(w) <= 60 for w in training(result) if w.day in {"Tuesday", "Thursday"})


def test_a_half_ironman_is_sized_as_one_and_its_swims_grow() -> None:
    asked = Requirements(
        race=RaceRequirement(sport="triathlon", distance="half-ironman", day="Sunday"),
        sessions_per_week={"swim": 2, "strength": 1}, hours_per_week=HoursPerWeek(min=10, max=12),
        long_session_day={"bike": "Saturday", "run": "Sunday"},
    )  # fmt: skip
    result = plan(asked, 20, "intermediate")
    swims = [w for w in training(result) if w.workout_type == "swim"]
    first = max(w.target_distance_in_meters or 0 for w in swims if w.week == 1)
    longest = max(w.target_distance_in_meters or 0 for w in swims)
    assert first < longest <= 3500
    ride = max(minutes(w) for w in training(result) if w.workout_type == "bike")
    run = max(minutes(w) for w in result.workouts if w.workout_sub_type == "long-run")
    assert 180 <= ride <= 240
    assert 100 <= run <= 120
    assert max(minutes(w) for w in training(result) if w.workout_type == "strength") <= 45


def test_an_hours_range_is_lived_in_and_the_swims_still_build() -> None:
    """12–15 h: every week before the taper within the range (step-back weeks a little under), and the swims grow
    from the first week instead of starting at their peak to fill the hours."""
    asked = Requirements(
        race=RaceRequirement(sport="triathlon", distance="olympic-triathlon", day="Sunday"),
        sessions_per_week={"swim": 3}, hours_per_week=HoursPerWeek(min=12, max=15),
        long_session_day={"bike": "Saturday", "run": "Sunday"},
    )  # fmt: skip
    weeks = 14
    result = plan(asked, weeks, "intermediate")
    week = weekly(result, weeks)
    building = [week[number - 1] for number, phase in sorted(phases(result).items()) if phase != "taper"]
    assert min(building) >= 12 * 60 * 0.95
    assert max(week) <= 15 * 60
    swims = [w for w in training(result) if w.workout_type == "swim"]
    first = max(w.target_distance_in_meters or 0 for w in swims if w.week == 1)
    assert first < max(w.target_distance_in_meters or 0 for w in swims)


GROWTH_CASES: list[tuple[Requirements, int, Level, float]] = [
    (Requirements(race=run_race("half-marathon"), goal_time="2:00:00", excluded_days=["Monday", "Friday"],
                  current_volume=CurrentVolume(km_per_week=25, sessions_per_week=3, longest_session_km=14)),
     10, "intermediate", 1.10),
    (Requirements(race=run_race("marathon"), goal_time="4:00:00", age=58, days_per_week=4, no_back_to_back=["run"],
                  current_volume=CurrentVolume(km_per_week=35, sessions_per_week=4)), 18, "intermediate", 1.07),
    (Requirements(race=run_race("marathon"), days_per_week=4, excluded_days=["Wednesday"],
                  current_volume=CurrentVolume(km_per_week=30, sessions_per_week=4)), 18, "beginner", 1.10),
    (Requirements(race=RaceRequirement(sport="trail-run", distance="50k", day="Saturday"), days_per_week=5,
                  back_to_back_long=True, current_volume=CurrentVolume(km_per_week=50, sessions_per_week=5)),
     16, "intermediate", 1.10),
]  # fmt: skip


@pytest.mark.parametrize(("asked", "weeks", "level", "growth"), GROWTH_CASES)
def test_no_week_grows_by_30_percent_and_build_weeks_by_about_10(
    asked: Requirements, weeks: int, level: Level, growth: float
) -> None:
    """Week over week: never 30 % (the week after a step-back week returns to the level before it, +25 %), a build
    week over a build week about 10 % (7 % for a masters runner), 5 minutes of rounding aside."""
    week = weekly(plan(asked, weeks, level), weeks)
    for index in range(1, weeks):
        assert week[index] < week[index - 1] * 1.3, index + 1
        if index >= 2 and week[index - 1] >= week[index - 2]:
            assert week[index] <= week[index - 1] * growth + 5, index + 1


@pytest.mark.parametrize("level", ["beginner", "intermediate"])
def test_a_masters_or_first_marathoner_runs_only_one_run_over_two_hours_a_week(level: Level) -> None:
    age = 58 if level == "intermediate" else None
    asked = Requirements(
        race=run_race("marathon"), age=age, days_per_week=4,
        current_volume=CurrentVolume(km_per_week=35, sessions_per_week=4),
    )  # fmt: skip
    result = plan(asked, 18, level)
    for week in range(1, 19):
        runs = [minutes(w) for w in training(result) if w.week == week and w.workout_type == "run"]
        assert sum(m > 120 for m in runs) <= 1, (week, runs)
        assert sorted(runs)[-2:-1] == [] or sorted(runs)[-2] <= 90, (week, runs)


def test_an_ultra_holds_back_to_back_weekends_and_climbs_when_the_race_does() -> None:
    """Saturday's long run, Sunday's second one of at least 40 % of it, one quality session beside them (not the
    review's Monday tempo, Tuesday 130-minute run and Wednesday hills), runs on trails and hills."""
    asked = Requirements(
        race=RaceRequirement(sport="trail-run", distance="50k", day="Saturday", elevation_gain_m=1500),
        days_per_week=5, back_to_back_long=True,
        current_volume=CurrentVolume(km_per_week=50, sessions_per_week=5),
    )  # fmt: skip
    result = plan(asked, 16, "intermediate")
    by_phase = phases(result)
    lighter = {int(n) for n, info in result.weekly_info.items() if "step-back" in info.focus}
    for week in (w for w, phase in by_phase.items() if phase in {"build", "peak"} and w < 14 and w not in lighter):
        sessions = {w.day: w for w in training(result) if w.week == week}
        if "Saturday" in sessions and sessions["Saturday"].workout_sub_type == "long-run":
            sunday = sessions.get("Sunday")
            assert sunday is not None, week
            assert minutes(sunday) >= 0.4 * minutes(sessions["Saturday"]), week
            quality = [w for w in sessions.values() if w.workout_sub_type in {"tempo-run", "hill-repeats", "fartlek"}]
            assert len(quality) <= 1, week  # the long weekend is the week's big work: one quality session beside it
        midweek = [minutes(w) for day, w in sessions.items() if day not in {"Saturday", "Sunday"}]
        assert max(midweek) <= 120, week
    assert any(w.workout_sub_type == "trail-run" for w in training(result))
    assert any(w.workout_sub_type == "hill-repeats" for w in training(result))


def test_quality_days_are_never_back_to_back_beside_a_medium_long_run() -> None:
    asked = Requirements(
        race=run_race("marathon"), goal_time="3:00:00", days_per_week=6, excluded_days=["Monday"],
        time_caps=TimeCaps(weekday_minutes=45), long_session_day={"run": "Sunday"},
        medium_long_day={"run": "Saturday"}, current_volume=CurrentVolume(km_per_week=80, sessions_per_week=6),
    )  # fmt: skip
    result = plan(asked, 16, "advanced")
    hard = {"tempo-run", "interval-run", "hill-repeats", "race-pace-run", "fartlek"}
    days = sorted({(w.week - 1) * 7 + weekday_index(w.day) for w in training(result) if w.workout_sub_type in hard})
    assert not [day for day in days if day - 1 in days]
    weekdays = [minutes(w) for w in training(result) if w.day not in {"Saturday", "Sunday"}]
    assert max(weekdays) <= 45
    saturday = [minutes(w) for w in training(result) if w.day == "Saturday" and phases(result)[w.week] == "peak"]
    assert saturday
    assert min(saturday) >= 60  # the medium-long run the athlete asked for


def test_paces_come_from_a_recent_race() -> None:
    """ "10K best 52:00" (VDOT ≈ 38): threshold about 5:17/km, easy 6:04–6:43/km, 10K pace 5:12/km, in the text."""
    asked = Requirements(
        race=RaceRequirement(sport="run", distance="10k", day="Saturday"),
        race_results=[RaceResult(sport="run", distance="10k", time="0:52:00")],
        current_volume=CurrentVolume(km_per_week=25, sessions_per_week=3),
    )  # fmt: skip
    result = plan(asked, 10, "intermediate")
    text = " ".join(w.workout_description for w in training(result))
    assert "5:17/km" in text or "5:12/km" in text
    assert "(5:12/km)" in text or "(5:17/km)" in text


def test_a_never_runner_reaches_thirty_minutes_before_race_week_and_steps_back() -> None:
    asked = Requirements(
        race=RaceRequirement(sport="run", distance="5k", day="Saturday"), days_per_week=3,
        current_volume=CurrentVolume(never_trained=True),
    )  # fmt: skip
    result = plan(asked, 9, "beginner")
    runs = [w for w in training(result) if w.workout_type == "run"]
    assert max(minutes(w) for w in runs if w.week == 8 and "walk" not in w.workout_description.lower()) >= 30
    week = weekly(result, 9)
    step_backs = [int(n) for n, info in result.weekly_info.items() if "step-back" in info.focus]
    assert all(week[n - 1] < week[n - 2] for n in step_backs), week

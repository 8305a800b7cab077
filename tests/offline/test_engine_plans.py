"""The engine's plans, judged by the coaching knowledge (`planforge.coaching`) and by what the request stated.

Peak long sessions within their race's band, a light race week with nothing after the race, quality by level,
run/walk for a never-runner, safe growth, blocks in long plans, and every stated constraint kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planforge.coaching import (
    NOVICE_ONSET,
    QUALITY_SESSIONS_PER_WEEK,
    RACE_WEEK_VOLUME_OF_PEAK,
    SPIKE_FAIL_ABOVE,
    TWO_WEEK_GROWTH_FAIL_ABOVE,
    cycling_long_ride_minutes,
    peak_long_sessions,
    race_for,
    race_week_session_limit,
)
from planforge.coaching.races import Leg
from planforge.domain.plan import Workout
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import LEVELS, WEEKDAYS, Level, RaceDistance, weekday_index
from planforge.offline.engine import EnginePlan, write_plan
from planforge.quality.measures import hard_seconds, is_hard, workout_seconds

MONDAY = dt.date(2026, 3, 2)


def plan_for(
    prompt: str | None, weeks: int, level: Level, start: dt.date | None = None, principle: str = ""
) -> EnginePlan:
    request = DraftRequest(weeks=weeks, level=level, org_id="org_test", additional_prompt=prompt, start_date=start)
    return write_plan(request, principle)


def date_of(workout: Workout, start: dt.date) -> dt.date:
    first = start + dt.timedelta(days=7 * (workout.week - 1))
    return first + dt.timedelta(days=(weekday_index(workout.day) - first.weekday()) % 7)


def training(plan: EnginePlan) -> list[Workout]:
    return [w for w in plan.workouts if w.workout_sub_type != "race"]


def weekly_minutes(plan: EnginePlan, weeks: int) -> list[float]:
    totals = [0.0] * weeks
    for workout in training(plan):
        totals[workout.week - 1] += workout_seconds(workout) / 60
    return totals


def minutes(workout: Workout) -> float:
    return workout_seconds(workout) / 60


PEAK_CASES: list[tuple[str, RaceDistance, Level]] = [
    ("5K race", "5k", "beginner"),
    ("10K race", "10k", "intermediate"),
    ("First half marathon", "half-marathon", "beginner"),
    ("Half marathon", "half-marathon", "advanced"),
    ("My first marathon", "marathon", "beginner"),
    ("Marathon, goal 3:05", "marathon", "advanced"),
    ("First 50K trail race", "50k", "intermediate"),
    ("Sprint triathlon", "sprint-triathlon", "beginner"),
    ("Olympic distance triathlon", "olympic-triathlon", "intermediate"),
    ("Half Ironman 70.3", "half-ironman", "intermediate"),
    ("Full-distance Ironman", "ironman", "advanced"),
]


@pytest.mark.parametrize(("prompt", "distance", "level"), PEAK_CASES)
def test_the_peak_long_session_of_each_leg_is_sized_by_the_race(
    prompt: str, distance: RaceDistance, level: Level
) -> None:
    """Not a share of the week: the knowledge's peak for the race and level, never far outside its band."""
    plan = plan_for(prompt, 20, level)
    race = race_for(distance)
    for peak in peak_long_sessions(race, level):
        legs = [w for w in training(plan) if w.workout_type == peak.leg]
        longest = max(legs, key=minutes)
        km = max((w.target_distance_in_meters or 0) / 1000 for w in legs) or None
        fit = peak.fit(minutes=minutes(longest), km=km if peak.leg == "swim" else None)
        assert fit in {"short", "within", "long"}, (peak.leg, minutes(longest), km, fit)


@pytest.mark.parametrize("start_day", range(7), ids=list(WEEKDAYS))
@pytest.mark.parametrize("race_day", ["Saturday", "Sunday", "Thursday"])
def test_the_race_is_on_its_date_for_any_start_day_and_nothing_follows_it(start_day: int, race_day: str) -> None:
    start = MONDAY + dt.timedelta(days=start_day)
    last_week = start + dt.timedelta(days=7 * 11)
    race_date = next(
        last_week + dt.timedelta(days=n) for n in range(7) if WEEKDAYS[(last_week.weekday() + n) % 7] == race_day
    )
    prompt = f"Half marathon on {race_day} {race_date.day} {race_date.strftime('%B')} {race_date.year}."
    plan = plan_for(prompt, 12, "intermediate", start)
    races = [w for w in plan.workouts if w.workout_sub_type == "race"]
    assert [(date_of(w, start), w.target_distance_in_meters) for w in races] == [(race_date, 21097.5)]
    assert [w for w in plan.workouts if date_of(w, start) > race_date] == []
    day_before = [w for w in training(plan) if date_of(w, start) == race_date - dt.timedelta(days=1)]
    assert sum(map(minutes, day_before)) <= 20


RACE_WEEK_CASES = [("Marathon", "intermediate"), ("Olympic distance triathlon", "advanced"), ("10K race", "beginner"),
                   ("Sprint triathlon", "intermediate")]  # fmt: skip


@pytest.mark.parametrize(("prompt", "level"), RACE_WEEK_CASES)
def test_race_week_is_light_and_its_sessions_short(prompt: str, level: Level) -> None:
    """The seven days before the race: at most 60 % of the peak week, each session within its leg's race-week limit,
    no hard session in the last three days."""
    weeks = 16
    plan = plan_for(prompt, weeks, level)
    race = next(w for w in plan.workouts if w.workout_sub_type == "race")
    race_day = (race.week - 1) * 7 + weekday_index(race.day)
    window = [w for w in training(plan) if race_day - 7 < (w.week - 1) * 7 + weekday_index(w.day) < race_day]
    peak = max(weekly_minutes(plan, weeks)[: weeks - 3])
    assert sum(map(minutes, window)) <= RACE_WEEK_VOLUME_OF_PEAK.max * peak
    reference = race_for("marathon" if prompt == "Marathon" else "olympic-triathlon" if "Olympic" in prompt
                         else "10k" if "10K" in prompt else "sprint-triathlon")  # fmt: skip
    for workout in window:
        if workout.workout_type in reference.legs:
            leg: Leg = workout.workout_type  # type: ignore[assignment]  # narrowed by the check above
            limit = race_week_session_limit(reference, level, leg)
            assert limit.allows(minutes=minutes(workout), km=None), workout
        last_days = race_day - ((workout.week - 1) * 7 + weekday_index(workout.day)) < 3
        assert not (last_days and is_hard(workout)), workout


def _plan_day(workout: Workout) -> int:
    return (workout.week - 1) * 7 + weekday_index(workout.day)


def test_a_race_week_alone_is_cut_from_the_athletes_own_week() -> None:
    """Asked for race week only, the plan is 40–60 % of the week the athlete runs (not a week of 15-minute jogs),
    with one short session at race pace 3–5 days out and every session within the race-week limit."""
    prompt = "Racing a road 5K this Saturday, going for sub-17. I normally run about 70 km a week over 6 days."
    plan = plan_for(prompt, 1, "advanced", MONDAY)
    race = next(w for w in plan.workouts if w.workout_sub_type == "race")
    assert race.day == "Saturday"
    week = sum(map(minutes, training(plan)))
    # 70 km is 5 h at a quick easy pace (4:17/km) and 7 h at a slow one (6:00/km).
    assert RACE_WEEK_VOLUME_OF_PEAK.min * 300 <= week <= RACE_WEEK_VOLUME_OF_PEAK.max * 420
    hard = [_plan_day(race) - _plan_day(w) for w in training(plan) if is_hard(w)]
    assert len(hard) == 1, hard
    assert 3 <= hard[0] <= 5, hard
    limit = race_week_session_limit(race_for("5k"), "advanced", "run")
    assert all(limit.allows(minutes=minutes(w)) for w in training(plan))


@pytest.mark.parametrize(("prompt", "level"), RACE_WEEK_CASES)
def test_race_week_keeps_one_short_touch_of_race_pace(prompt: str, level: Level) -> None:
    """Intensity kept, volume cut (Bosquet 2007): race week holds a hard session, the last 3–5 days before the race."""
    plan = plan_for(prompt, 12, level)
    race = next(w for w in plan.workouts if w.workout_sub_type == "race")
    days_out = [_plan_day(race) - _plan_day(w) for w in training(plan) if is_hard(w) and w.week == race.week]
    assert days_out, "no hard session in race week"
    assert min(days_out) >= 3, days_out
    assert max(days_out) <= 5, days_out


def test_a_duathlon_trains_like_the_triathlon_of_its_length() -> None:
    """A standard duathlon (10/40/5 km) is not a 55 km ultra: long ride and long run in its peak bands (those of an
    Olympic triathlon), a taper of about two weeks, no swims."""
    prompt = "Standard-distance duathlon in 12 weeks: 10 km run, 40 km bike, 5 km run, on a Sunday."
    plan = plan_for(prompt, 12, "intermediate")
    race = race_for("other", 55, sport="duathlon")
    for peak in peak_long_sessions(race, "intermediate"):
        longest = max(minutes(w) for w in training(plan) if w.workout_type == peak.leg)
        assert peak.fit(minutes=longest) in {"short", "within", "long"}, (peak.leg, longest)
    assert {w.workout_type for w in training(plan)} == {"run", "bike"}
    assert [t.phase for t in plan.weekly_info.values()].count("taper") <= 2


def test_a_cycling_events_long_rides_state_their_distance() -> None:
    """A gran fondo's long rides build towards its distance (the knowledge: 75–100 % of it), stated in km too."""
    plan = plan_for("Gran fondo of 160 km in 16 weeks, I expect about 6 hours.", 16, "intermediate")
    rides = [w for w in training(plan) if w.workout_sub_type == "long-ride"]
    assert rides
    assert all(w.target_distance_in_meters for w in rides)
    assert all("km)" in w.workout_description for w in rides)
    longest = max((w.target_distance_in_meters or 0) / 1000 for w in rides)
    (peak,) = peak_long_sessions(race_for("gran-fondo", 160), "intermediate")
    assert peak.fit(km=longest) in {"short", "within", "long"}, longest


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize(
    "prompt", [*(case[0] for case in PEAK_CASES), "Sprint triathlon in 10 weeks, max 6 hours a week.", "Gran fondo"]
)
def test_the_long_session_is_the_longest_of_its_sport_every_week(prompt: str, level: Level) -> None:
    """Never a "long run" shorter than a midweek run or a quality session of the same week (taper excepted)."""
    weeks = 12
    plan = plan_for(prompt, weeks, level)
    for week in range(1, weeks + 1):
        if plan.weekly_info[str(week)].phase == "taper":
            continue
        for sport, long in (("run", "long-run"), ("bike", "long-ride")):
            sessions = [w for w in training(plan) if w.week == week and w.workout_type == sport]
            longs = [minutes(w) for w in sessions if w.workout_sub_type == long]
            others = [minutes(w) for w in sessions if w.workout_sub_type != long]
            if longs and others:
                assert max(others) <= max(longs), (week, sport, longs, others)


CONSTRAINT_CASES = [
    ("Half marathon. I can only train on Tuesday, Thursday and Saturday, max 1 hour per session.", "beginner"),
    ("Marathon. Mondays are always off, 5 days a week, long run on Saturday.", "intermediate"),
    ("Marathon. No running on consecutive days, I'm happy to cycle on other days. Long run on Sunday.", "beginner"),
    ("Olympic triathlon. I have 8-10 hours a week. Two swims, three rides and three runs a week.", "intermediate"),
    ("10K. Weekday sessions max 45 minutes, long run on Sunday, 4 days a week.", "advanced"),
    ("Half Ironman 70.3. No more than 9 hours in any week. Long ride on Saturday, long run on Sunday.", "advanced"),
]


@pytest.mark.parametrize(("prompt", "level"), CONSTRAINT_CASES)
def test_every_stated_constraint_is_kept(prompt: str, level: Level) -> None:
    weeks = 14
    plan = plan_for(prompt, weeks, level)
    asked = plan.requirements
    full = range(1, weeks)  # race week excepted
    allowed = set(asked.allowed_days or WEEKDAYS) - set(asked.excluded_days)
    assert {w.day for w in training(plan)} <= allowed
    for sport in asked.no_back_to_back:
        days = {(w.week - 1) * 7 + weekday_index(w.day) for w in plan.workouts if w.workout_type == sport}
        assert not any(day + 1 in days for day in days)
    caps = asked.time_caps
    if caps is not None:
        assert all(minutes(w) <= (caps.cap_for(w.day) or 10_000) for w in training(plan))
    if asked.hours_per_week is not None and asked.hours_per_week.max is not None:
        assert max(weekly_minutes(plan, weeks)) <= asked.hours_per_week.max * 60 * 1.05
    if asked.hours_per_week is not None and asked.hours_per_week.min is not None:
        assert min(weekly_minutes(plan, weeks)[: weeks - 3]) >= asked.hours_per_week.min * 60 * 0.95
    by_week = {week: [w for w in training(plan) if w.week == week] for week in full}
    if asked.days_per_week is not None:
        assert {len({w.day for w in sessions}) for sessions in by_week.values()} == {asked.days_per_week}
    for sport, count in asked.sessions_per_week.items():
        counts = {sum(w.workout_type == sport for w in by_week[week]) for week in range(1, weeks - 2)}
        assert counts == {count}, sport
    for sport, day in asked.long_session_day.items():
        longs = {w.day for w in training(plan) if w.workout_type == sport and w.workout_sub_type.startswith("long")}
        assert longs <= {day}, sport


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("prompt", ["Marathon", "5K race", "Olympic distance triathlon", "Gran fondo in June"])
def test_quality_sessions_follow_the_level(prompt: str, level: Level) -> None:
    plan = plan_for(prompt, 16, level)
    most = QUALITY_SESSIONS_PER_WEEK[level].max
    quality = Counter((w.week, w.workout_type) for w in training(plan) if is_hard(w))
    assert max(quality.values(), default=0) <= most
    if level == "advanced" and prompt == "Marathon":
        assert max(quality.values()) == 2  # a sub-3 marathoner gets two, not one
    total = sum(workout_seconds(w) for w in training(plan))
    assert sum(hard_seconds(w) for w in training(plan)) / total <= 0.25


def test_a_never_runner_starts_with_run_walk() -> None:
    plan = plan_for("I have never run. I want to run my local parkrun 5K on Saturday.", 9, "beginner")
    runs = [w for w in training(plan) if w.workout_type == "run"]
    for run in runs:
        limit = NOVICE_ONSET.longest_run_minutes(run.week)
        walking = "walk" in run.workout_description.lower()
        assert walking or limit is None or minutes(run) <= limit, run
    assert all("walk" in w.workout_description.lower() for w in runs if w.week <= 4)


@pytest.mark.parametrize(("prompt", "weeks", "level"), [("Marathon, I run 25 km a week", 18, "beginner"),
                                                        ("Half marathon", 52, "intermediate"),
                                                        ("Olympic distance triathlon", 24, "advanced")])  # fmt: skip
def test_load_grows_safely(prompt: str, weeks: int, level: Level) -> None:
    """Weekly time never grows more than 30 % over two weeks; no session is 30 % longer than the longest of its
    sport in the 30 days before it."""
    plan = plan_for(prompt, weeks, level)
    weekly = weekly_minutes(plan, weeks)
    for index in range(2, weeks):
        reference = max(weekly[max(0, index - 3) : index - 1])
        assert weekly[index] <= reference * (1 + TWO_WEEK_GROWTH_FAIL_ABOVE) + 1, index + 1
    sessions = sorted(training(plan), key=lambda w: (w.week, weekday_index(w.day)))
    for index, session in enumerate(sessions):
        day = (session.week - 1) * 7 + weekday_index(session.day)
        window = [minutes(s) for s in sessions[:index] if s.workout_type == session.workout_type
                  and day - 30 <= (s.week - 1) * 7 + weekday_index(s.day) < day]  # fmt: skip
        if day >= 30 and window:
            assert minutes(session) <= max(window) * (1 + SPIKE_FAIL_ABOVE) + 1, session


def test_the_plan_starts_near_todays_volume_across_sports() -> None:
    """A triathlete's "11-12 h a week" is all their training: the first week is near it, split over the sports
    (not eleven hours of running)."""
    prompt = "Langdistanz in 20 Wochen, Rennen am Sonntag. Die Grundlage steht (ca. 11-12 h pro Woche)."
    plan = plan_for(prompt, 20, "advanced")
    first = [w for w in training(plan) if w.week == 1]
    assert 9 * 60 <= sum(map(minutes, first)) <= 12.5 * 60
    run_minutes = sum(minutes(w) for w in first if w.workout_type == "run")
    assert run_minutes <= 0.45 * sum(map(minutes, first))


def _long_runs(plan: EnginePlan) -> dict[int, float]:
    return {w.week: minutes(w) for w in plan.workouts if w.workout_sub_type == "long-run"}


def test_a_year_long_plan_builds_in_blocks_with_tune_up_races() -> None:
    plan = plan_for("Marathon, goal 3:45. I run about 30 km a week. Long runs on Sunday.", 52, "intermediate")
    long_runs = _long_runs(plan)
    assert max(long_runs[w] for w in range(37, 45)) > max(long_runs[w] for w in range(17, 25)) > long_runs[1]
    tune_ups = [w for w in plan.workouts if w.workout_sub_type == "race" and w.week < 52]
    assert len(tune_ups) >= 1
    for first in range(1, 46, 4):  # no flat month: the long run changes within every four weeks
        assert len({long_runs.get(week) for week in range(first, first + 4)}) > 1


def test_swims_are_sized_for_the_race() -> None:
    plan = plan_for("Sprint triathlon", 12, "intermediate")
    swims = [w for w in training(plan) if w.workout_type == "swim"]
    assert max(w.target_distance_in_meters or 0 for w in swims) <= 2000
    assert max(Counter((w.week, w.day) for w in swims).values()) == 1


def test_goal_paces_are_written_into_the_workouts() -> None:
    plan = plan_for("Half marathon, goal time 1:45", 12, "intermediate")
    texts = " ".join(day.session for week in plan.draft.weeks for day in week.days)
    assert "(4:59/km)" in texts  # half-marathon pace
    assert "/km)" in texts.split("threshold")[1]  # threshold pace


def test_a_polarized_3_to_1_principle_is_applied() -> None:
    weeks = 16
    plan = plan_for("Half marathon", weeks, "advanced", principle="Polarized: 80 % easy, almost no threshold; 3:1.")
    threshold = sum(minutes(w) for w in training(plan) if w.workout_sub_type in {"tempo-run", "race-pace-run"})
    assert threshold / sum(map(minutes, training(plan))) <= 0.10
    weekly = weekly_minutes(plan, weeks)
    assert [week + 1 for week in range(1, weeks - 2) if weekly[week] < weekly[week - 1]][:3] == [4, 8, 12]


def test_the_overview_says_what_could_not_be_kept_or_used() -> None:
    plan = plan_for("Marathon. I can only train on Tuesday and Saturday, 5 days a week. I love pizza.", 16, "beginner")
    overview = plan.draft.overview
    assert "Could not keep: 5 training days a week (only 2 days are free)" in overview
    assert "Not used: “I love pizza.”" in overview


def test_same_request_same_plan() -> None:
    assert plan_for("Marathon in 3:15", 26, "advanced") == plan_for("Marathon in 3:15", 26, "advanced")


def _days(plan: EnginePlan) -> Iterable[str]:
    return (day.session for week in plan.draft.weeks for day in week.days)


@settings(max_examples=40, deadline=None)
@given(
    weeks=st.integers(1, 52),
    level=st.sampled_from(LEVELS),
    prompt=st.one_of(st.none(), st.text(max_size=200), st.sampled_from([case[0] for case in PEAK_CASES])),
    start=st.one_of(st.none(), st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31))),
)
def test_any_request_gives_a_valid_draft(weeks: int, level: Level, prompt: str | None, start: dt.date | None) -> None:
    plan = plan_for(prompt, weeks, level, start)
    assert [week.week for week in plan.draft.weeks] == list(range(1, weeks + 1))
    assert all([day.day for day in week.days] == list(WEEKDAYS) for week in plan.draft.weeks)
    covered = [w for phase in plan.draft.phases for w in range(phase.start_week, phase.end_week + 1)]
    assert covered == list(range(1, weeks + 1))
    assert all(_days(plan))
    assert len(plan.draft.overview) <= 1_500


@pytest.mark.parametrize(
    "prompt",
    [
        "Get fit for summer with cycling and the gym, no race. At most 5 hours a week.",
        "Voglio rimettermi in forma per l'estate con bici e palestra, nessuna gara. Al massimo 5 ore a settimana.",
    ],
)
def test_a_ride_and_gym_fitness_plan_gives_the_days_strength_does_not_take_to_riding(prompt: str) -> None:
    # An intermediate's four training days: one strength session, the other three days on the bike (the
    # knowledge's sessions a week by level), not a day lost when strength is held to one.
    plan = plan_for(prompt, 6, "intermediate")
    for week in range(1, 7):
        counts = Counter(w.workout_type for w in plan.workouts if w.week == week)
        assert counts == {"bike": 3, "strength": 1}


def test_a_sportives_long_ride_starts_from_a_share_of_its_peak_and_gets_near_the_band() -> None:
    # 100 km in about 4 hours, 8 weeks, a beginner: published plans go from about 1h45 to 3h-3h30; growing a
    # 75-minute first long ride by 10 % a week peaks at 2 h, far short of the knowledge's band.
    prompt = "100 km sportive on a Sunday in 8 weeks. I expect about 4 hours. Long ride on Saturday."
    plan = plan_for(prompt, 8, "beginner")
    band = cycling_long_ride_minutes(4.0)
    long_rides = [minutes(w) for w in plan.workouts if w.workout_sub_type == "long-ride"]
    assert long_rides[0] >= 100
    assert max(long_rides) >= band.min * 0.9


@pytest.mark.parametrize(
    ("prompt", "weeks"),
    [("Sprint triathlon on Sunday. At most 6 hours a week.", 10), ("Olympic triathlon in 8 weeks.", 8)],
)
def test_a_peak_the_plan_falls_short_of_is_named_by_the_session_that_falls_short(prompt: str, weeks: int) -> None:
    # Not "the usual peak long swim (25 min); from today's volume it reaches 25 min".
    overview = plan_for(prompt, weeks, "intermediate").draft.overview
    found = re.search(r"the usual peak [a-z ]+ \(([^)]+)\); from today's volume it reaches ([0-9hmin ]+)", overview)
    assert found is None or found[1] != found[2].strip()

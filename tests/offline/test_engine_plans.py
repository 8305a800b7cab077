"""The engine's plans: valid structure, coaching rules pass, the prompt's constraints honoured, text = numbers."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import LEVELS, WEEKDAYS, Level
from planforge.offline.engine import EnginePlan, read_requirements, write_plan
from planforge.quality import check_all

PRINCIPLE = "Progressive overload with 80/20 easy-hard split. Prioritize aerobic base before adding speed work."
GOAL_PROMPTS = {
    "5k": "Training for a 5K race",
    "half": "Athlete is targeting a half marathon, goal time 1:45",
    "marathon": "Targeting a sub-4 hour marathon",
    "triathlon": "Olympic distance triathlon in the summer",
    "cycling": "Gran fondo in September",
    "general": "General fitness, no race",
}


def plan_for(weeks: int, level: Level, prompt: str | None, principle: str = PRINCIPLE) -> EnginePlan:
    request = DraftRequest(weeks=weeks, level=level, org_id="org_test", additional_prompt=prompt)
    return write_plan(request, principle)


def assert_valid_structure(plan: EnginePlan, weeks: int) -> None:
    draft = plan.draft
    assert [week.week for week in draft.weeks] == list(range(1, weeks + 1))
    for week in draft.weeks:
        assert [day.day for day in week.days] == list(WEEKDAYS)
    covered = [w for phase in draft.phases for w in range(phase.start_week, phase.end_week + 1)]
    assert covered == list(range(1, weeks + 1)), "phases must cover every week once, in order"
    order = ["base", "build", "peak", "taper"]
    assert [order.index(phase.phase) for phase in draft.phases] == sorted(order.index(p.phase) for p in draft.phases)
    assert set(plan.weekly_info) == {str(w) for w in range(1, weeks + 1)}


@pytest.mark.parametrize("weeks", [1, 4, 12, 26, 52])
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("goal", list(GOAL_PROMPTS))
def test_drafts_pass_the_coaching_rules(weeks: int, level: Level, goal: str) -> None:
    prompt = GOAL_PROMPTS[goal]
    plan = plan_for(weeks, level, prompt)
    assert_valid_structure(plan, weeks)
    results = check_all(plan.workouts, weeks, read_requirements(prompt, PRINCIPLE).race)
    assert [(r.rule, r.detail) for r in results if r.status == "fail"] == []


@pytest.mark.parametrize("goal", list(GOAL_PROMPTS))
def test_the_rules_pass_cleanly_for_a_typical_plan(goal: str) -> None:
    """A 16-week intermediate plan draws no warning either."""
    prompt = GOAL_PROMPTS[goal]
    plan = plan_for(16, "intermediate", prompt)
    results = check_all(plan.workouts, 16, read_requirements(prompt, PRINCIPLE).race)
    assert [(r.rule, r.detail) for r in results if r.status != "pass"] == []


def test_day_text_states_the_workouts_numbers() -> None:
    plan = plan_for(12, "intermediate", GOAL_PROMPTS["half"] + ". Strength once a week.")
    by_day: dict[tuple[int, str], list[str]] = {}
    for workout in plan.workouts:
        by_day.setdefault((workout.week, workout.day), []).append(workout.workout_name)
        text = next(d.session for d in plan.draft.weeks[workout.week - 1].days if d.day == workout.day)
        if workout.target_distance_in_meters and workout.workout_type == "swim":
            assert f"{int(workout.target_distance_in_meters)} m" in text
        elif workout.target_duration_in_seconds and not workout.content_blocks:
            assert f"{workout.target_duration_in_seconds // 60} min" in text
        elif workout.content_blocks:
            block_seconds = sum(block.total_seconds() or 0 for block in workout.content_blocks)
            assert block_seconds == workout.target_duration_in_seconds
            warm_up = workout.content_blocks[0].block_duration_in_seconds or 0
            assert f"{warm_up // 60} min warm-up" in text
    for week in plan.draft.weeks:
        for day in week.days:
            count = len(by_day.get((week.week, day.day), []))
            assert day.session == "Rest" if count == 0 else len(day.session.split(" + ")) == count


def test_rest_days_are_exactly_rest_and_every_week_has_one() -> None:
    plan = plan_for(12, "advanced", GOAL_PROMPTS["marathon"])
    for week in plan.draft.weeks:
        rest = [day for day in week.days if day.session == "Rest"]
        assert rest, f"week {week.week} has no rest day"
        assert all(day.session.strip() == "Rest" for day in rest)


def test_race_is_on_the_last_weeks_long_run_day() -> None:
    plan = plan_for(12, "intermediate", GOAL_PROMPTS["half"] + ". Long run on Saturday.")
    races = [w for w in plan.workouts if w.workout_sub_type == "race"]
    assert [(w.week, w.day) for w in races] == [(12, "Saturday")]
    assert plan.draft.weeks[-1].days[5].session == "Race: Half marathon"
    assert plan.draft.phases[-1].phase == "taper"


def test_no_race_means_no_taper() -> None:
    plan = plan_for(12, "intermediate", GOAL_PROMPTS["general"])
    assert "taper" not in {phase.phase for phase in plan.draft.phases}
    assert not [w for w in plan.workouts if w.workout_sub_type == "race"]


@pytest.mark.parametrize("days", [2, 3, 4, 5, 6])
def test_days_per_week_is_honoured(days: int) -> None:
    plan = plan_for(16, "intermediate", f"Half marathon, {days} days per week")
    training = Counter((w.week, w.day) for w in plan.workouts)
    per_week = Counter(week for week, _ in training)
    targets = {week.week: week.focus for week in plan.draft.weeks}
    for week, count in per_week.items():
        assert count <= days
        if targets[week].startswith("Building") or targets[week].startswith("Aerobic"):
            assert count == days, f"week {week} trains {count} days, asked {days}"


@pytest.mark.parametrize("day", ["Monday", "Wednesday", "Saturday", "Sunday"])
def test_long_run_day_is_honoured(day: str) -> None:
    plan = plan_for(12, "intermediate", f"Marathon. Long run on {day}.")
    long_days = {w.day for w in plan.workouts if w.workout_sub_type == "long-run"}
    assert long_days == {day}
    results = check_all(plan.workouts, 12, True)
    assert [r.rule for r in results if r.status == "fail"] == []


@pytest.mark.parametrize("goal", ["half", "marathon", "5k", "general"])
@pytest.mark.parametrize("level", LEVELS)
def test_one_trail_run_per_week(goal: str, level: Level) -> None:
    plan = plan_for(12, level, GOAL_PROMPTS[goal] + ". One trail run per week.")
    trail_runs = Counter(w.week for w in plan.workouts if w.workout_sub_type == "trail-run")
    assert trail_runs == dict.fromkeys(range(1, 13), 1)
    assert all("Trail run" in day.session for week in plan.draft.weeks for day in week.days if "Trail" in day.session)


def test_triathlon_mixes_swim_bike_run_with_bricks() -> None:
    plan = plan_for(12, "intermediate", GOAL_PROMPTS["triathlon"])
    types = Counter(w.workout_type for w in plan.workouts)
    assert min(types["swim"], types["bike"], types["run"]) >= 12
    assert any(w.workout_sub_type == "brick" for w in plan.workouts)
    assert any(day.session.startswith("Brick: Bike") for week in plan.draft.weeks for day in week.days)


def test_cycling_plans_ride() -> None:
    plan = plan_for(8, "beginner", GOAL_PROMPTS["cycling"])
    assert {w.workout_type for w in plan.workouts} == {"bike"}


def test_goal_time_gives_paces_in_descriptions() -> None:
    plan = plan_for(12, "intermediate", GOAL_PROMPTS["half"])
    race_pace = [w for w in plan.workouts if w.workout_sub_type == "race-pace-run"]
    assert race_pace
    assert all("4:59/km" in w.workout_description for w in race_pace)  # 1:45 over 21.1 km


def test_principle_step_back_cadence_is_honoured() -> None:
    plan = plan_for(16, "intermediate", GOAL_PROMPTS["marathon"], "Step-back week every third week")
    step_backs = [week.week for week in plan.draft.weeks if week.focus.startswith("Step-back")]
    assert step_backs == [3, 6, 9, 12]  # weeks 14–16 taper


def test_same_request_same_plan() -> None:
    assert plan_for(26, "advanced", GOAL_PROMPTS["marathon"]) == plan_for(26, "advanced", GOAL_PROMPTS["marathon"])


def test_session_texts_use_the_regular_vocabulary() -> None:
    shapes = re.compile(
        r"^(?:Race: .+|Swim \d+ m|[A-Z][a-z -]+(?:: Bike)? \d+ min"
        r"|[A-Z][a-z ]+: \d+ min warm-up, .+, \d+ min cool-down)$"
    )
    for goal in GOAL_PROMPTS:
        plan = plan_for(12, "advanced", GOAL_PROMPTS[goal])
        for week in plan.draft.weeks:
            for day in week.days:
                parts = [] if day.session == "Rest" else day.session.split(" + ")
                assert all(shapes.match(part) for part in parts), day.session


@settings(max_examples=60, deadline=None)
@given(
    weeks=st.integers(1, 52),
    level=st.sampled_from(LEVELS),
    prompt=st.one_of(
        st.none(),
        st.sampled_from(list(GOAL_PROMPTS.values())),
        st.builds(
            lambda goal, days, day, trail: f"{goal}. {days} days per week. Long run on {day}.{trail}",
            st.sampled_from(list(GOAL_PROMPTS.values())),
            st.integers(1, 7),
            st.sampled_from(WEEKDAYS),
            st.sampled_from(["", " One trail run per week.", " Strength twice a week."]),
        ),
        st.text(max_size=200),
    ),
)
def test_any_valid_request_gives_a_valid_draft(weeks: int, level: Level, prompt: str | None) -> None:
    plan = plan_for(weeks, level, prompt)
    assert_valid_structure(plan, weeks)
    assert all(day.session for week in plan.draft.weeks for day in week.days)
    assert sorted((w.week, WEEKDAYS.index(w.day)) for w in plan.workouts) == [
        (w.week, WEEKDAYS.index(w.day)) for w in plan.workouts
    ]
    assert all(any(day.session == "Rest" for day in week.days) for week in plan.draft.weeks)

"""The offline coach's two halves agree: every canonical draft the engine writes parses back to its workouts.

The engine (`write_plan`) says which workouts it means; the parser reads the rendered draft text. For any valid
request they must give the same workouts — type, sub-type, week, day, duration, distance, phase and
content_blocks — and the same weekly info, so the offline pipeline converts exactly what it drafted.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.vocabulary import LEVELS, WEEKDAYS, Level, Weekday
from planforge.drafttext.render import render_draft
from planforge.offline.engine import EnginePlan, write_plan
from planforge.offline.parser import parse_draft, parse_to_workouts
from planforge.service import PlanForge

GOALS = [
    "Training for a 5K race",
    "parkrun PB, 5K in 24:30",
    "10K race in the spring, goal time 45:00",
    "Athlete is targeting a half marathon, goal time 1:45",
    "Targeting a sub-4 hour marathon",
    "Marathon in October, goal 3:15:00",
    "First 50K ultra trail race",
    "Sprint triathlon in June",
    "Olympic distance triathlon in the summer",
    "Half Ironman 70.3",
    "Ironman in the autumn",
    "Gran fondo cycling event in September",
    "General fitness, no race",
]
CONSTRAINTS = [
    *(f"{days} days per week" for days in range(3, 7)),
    *(f"Long run on {day}" for day in WEEKDAYS),
    "One trail run per week",
    "Strength once a week",
    "Prefers long runs on Saturday mornings",
]
PRINCIPLES = [
    "",
    "Progressive overload with 80/20 easy-hard split.",
    "3:1 loading: three build weeks, then a step-back week.",
    "Polarized training: mostly easy, a little very hard, almost nothing in between.",
]


def prompt_text(goal: str, constraints: list[str]) -> str:
    return ". ".join([goal, *constraints]) + "."


additional_prompts = st.one_of(
    st.none(),
    st.builds(
        prompt_text,
        st.sampled_from(GOALS),
        st.lists(st.sampled_from(CONSTRAINTS), max_size=3, unique=True),
    ),
)

Signature = tuple[int, Weekday, str, str, int | None, float | None, str, list[ContentBlock]]


def signature(workout: Workout) -> Signature:
    """What the engine and the parser must agree on (names and descriptions are each side's own words)."""
    return (
        workout.week,
        workout.day,
        workout.workout_type,
        workout.workout_sub_type,
        workout.target_duration_in_seconds,
        workout.target_distance_in_meters,
        workout.phase,
        workout.content_blocks,
    )


def draft_request(weeks: int, level: Level, prompt: str | None, principle: str = "") -> DraftRequest:
    return DraftRequest(
        weeks=weeks, level=level, org_id="org_test", additional_prompt=prompt, training_principle=principle or None
    )


def assert_parses_back(request: DraftRequest, plan: EnginePlan) -> None:
    text = render_draft(plan.draft)
    workouts, weekly_info = parse_to_workouts(text, weeks=request.weeks)
    assert [signature(w) for w in workouts] == [signature(w) for w in plan.workouts]
    assert weekly_info == plan.weekly_info
    # The parser reads the canonical text without guessing and finds nothing optional in it, so the
    # cross-check of an LLM's conversion holds it to every session.
    sessions = [session for week in parse_draft(text, weeks=request.weeks) for session in week.sessions]
    assert [s.text for s in sessions if not s.confident or s.optional] == []


@settings(max_examples=100, deadline=None)
@given(
    weeks=st.integers(1, 52),
    level=st.sampled_from(LEVELS),
    prompt=additional_prompts,
    principle=st.sampled_from(PRINCIPLES),
)
def test_every_canonical_draft_parses_back_to_the_engines_workouts(
    weeks: int, level: Level, prompt: str | None, principle: str
) -> None:
    request = draft_request(weeks, level, prompt, principle)
    assert_parses_back(request, write_plan(request, principle))


@pytest.mark.parametrize("goal", GOALS)
def test_each_goal_parses_back_over_a_full_cycle(goal: str) -> None:
    """16 weeks reach every phase: bricks in build and peak, a race (or none) at the end."""
    request = draft_request(16, "advanced", goal)
    assert_parses_back(request, write_plan(request, ""))


def test_a_brick_is_the_ride_then_the_run_off_the_bike() -> None:
    request = draft_request(12, "intermediate", "Olympic distance triathlon")
    plan = write_plan(request, "")
    brick_days = {(w.week, w.day) for w in plan.workouts if w.workout_sub_type == "brick"}
    assert brick_days
    workouts, _ = parse_to_workouts(render_draft(plan.draft), weeks=12)
    for week, day in brick_days:
        text = plan.draft.weeks[week - 1].days[WEEKDAYS.index(day)].session
        on_day = [(w.workout_type, w.workout_sub_type) for w in workouts if (w.week, w.day) == (week, day)]
        assert on_day == [("bike", "brick"), ("run", "easy-run")], text


def test_race_distances_are_the_races_own() -> None:
    """A running race by its name's length; a multi-sport race as its legs; a cycling event by its stated length."""
    races: dict[str, list[tuple[str, float | None]]] = {}
    goals = ("Half marathon", "Marathon", "First 50K ultra trail race", "Half Ironman 70.3", "Gran fondo of 160 km")
    for goal in goals:
        plan = write_plan(draft_request(8, "intermediate", goal), "")
        workouts, _ = parse_to_workouts(render_draft(plan.draft), weeks=8)
        legs = [w for w in workouts if w.workout_sub_type == "race"]
        races[goal] = [(w.workout_type, w.target_distance_in_meters) for w in legs]
    assert races == {
        "Half marathon": [("run", 21097.5)],
        "Marathon": [("run", 42195.0)],
        "First 50K ultra trail race": [("run", 50000.0)],
        "Half Ironman 70.3": [("swim", 1900.0), ("bike", 90000.0), ("run", 21100.0)],
        "Gran fondo of 160 km": [("bike", 160000.0)],
    }


PIPELINE_CASES: list[dict[str, Any]] = [
    {"weeks": 12, "level": "intermediate", "prompt": "Half marathon, goal time 1:45", "principle": "80/20"},
    {"weeks": 16, "level": "advanced", "prompt": "Olympic distance triathlon. 6 days per week.", "principle": ""},
    {"weeks": 6, "level": "beginner", "prompt": "5K. One trail run per week. Long run on Saturday.", "principle": ""},
    {"weeks": 52, "level": "advanced", "prompt": "Marathon in 3:15:00. 6 days per week.", "principle": "3:1"},
]


@pytest.mark.anyio
@pytest.mark.parametrize("case", PIPELINE_CASES, ids=lambda case: f"{case['weeks']}w-{case['level']}")
async def test_the_offline_pipeline_yields_the_engines_workouts(case: dict[str, Any]) -> None:
    forge = PlanForge(model="offline")
    request = draft_request(case["weeks"], case["level"], case["prompt"], case["principle"])
    draft = await forge.generate_draft(request)
    engine = write_plan(request, draft.training_principle)
    assert draft.draft == render_draft(engine.draft)

    plan = await forge.generate_plan(PlanRequest(**request.model_dump(), refined_draft=draft.draft))

    assert [signature(Workout.model_validate(w.model_dump(exclude={"date"}))) for w in plan.content] == [
        signature(w) for w in engine.workouts
    ]
    assert plan.weekly_info == engine.weekly_info
    assert plan.warnings == []

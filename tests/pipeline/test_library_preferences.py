"""prefer_existing and strict_existing through the public API: the tool, the rules, gaps, isolation."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart, ToolReturnPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import InvalidRequestError, PlanForge, PlanforgeError, PlanRequest, Settings
from planforge.agents.plan import PLAN_OUTPUT_TOOL
from planforge.library import InMemoryWorkoutLibrary, LibraryWorkout
from planforge.testing import ScriptedCoach, request_sections

pytestmark = pytest.mark.anyio

LIBRARY = [
    LibraryWorkout(
        id="easy45",
        workout_name="Easy Run 45 min",
        workout_description="Conversational pace.",
        workout_type="run",
        workout_sub_type="easy-run",
        target_duration_in_seconds=2700,
    ),
    LibraryWorkout(
        id="long90",
        workout_name="Long Run 90 min",
        workout_description="Steady long run.",
        workout_type="run",
        workout_sub_type="long-run",
        target_duration_in_seconds=5400,
    ),
]
DRAFT = """Week 1: Base
- Monday: Rest
- Tuesday: Easy run 45 min
- Wednesday: Swim 1500 m
- Thursday: Rest
- Friday: Rest
- Saturday: Long run 90 min
- Sunday: Rest
"""


def library() -> InMemoryWorkoutLibrary:
    return InMemoryWorkoutLibrary({"club": LIBRARY, "rivals": [LIBRARY[0].model_copy(update={"id": "secret"})]})


def request(preference: str, org: str = "club") -> PlanRequest:
    return PlanRequest(weeks=1, level="beginner", org_id=org, refined_draft=DRAFT, workout_preference=preference)  # type: ignore[arg-type]


def converter(edit: Any = None) -> FunctionModel:
    """Converts the draft faithfully as generated workouts (no library ids), then applies `edit`."""
    coach = ScriptedCoach()

    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        args = coach.convert(request_sections(messages))
        for workout in args["workouts"]:
            if workout["day"] == "Wednesday":
                workout.update(workout_type="swim", workout_sub_type="endurance-swim", workout_name="Swim 1500 m")
                workout.update(target_distance_in_meters=1500, target_duration_in_seconds=2400)
            if workout["day"] == "Saturday":
                workout.update(workout_sub_type="long-run", workout_name="Long run 90 min")
        if edit:
            edit(args)
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, args)])

    return FunctionModel(answer)


async def test_strict_uses_only_library_workouts_and_reports_gaps() -> None:
    forge = PlanForge(model="test", plan_model=converter(), library=library())
    plan = await forge.generate_plan(request("strict_existing"))
    by_id = {w.id: w for w in LIBRARY}
    assert [(w.day, w.library_workout_id) for w in plan.content] == [("Tuesday", "easy45"), ("Saturday", "long90")]
    for workout in plan.content:
        library_workout = by_id[workout.library_workout_id or ""]
        assert workout.workout_name == library_workout.workout_name
        assert workout.target_duration_in_seconds == library_workout.target_duration_in_seconds
    assert [(w.code, w.week, w.day) for w in plan.warnings] == [("library_gap", 1, "Wednesday")]


async def test_prefer_uses_matches_and_generates_the_rest() -> None:
    forge = PlanForge(model="test", plan_model=converter(), library=library())
    plan = await forge.generate_plan(request("prefer_existing"))
    assert [(w.day, w.library_workout_id) for w in plan.content] == [
        ("Tuesday", "easy45"),
        ("Wednesday", None),
        ("Saturday", "long90"),
    ]
    assert plan.warnings == []


@pytest.mark.parametrize(("threshold", "expected"), [(50, "easy45"), (60, None)])
async def test_prefer_threshold_is_a_setting(threshold: float, expected: str | None) -> None:
    def rename_tuesday(args: dict[str, Any]) -> None:
        args["workouts"][0]["workout_name"] = "Steady aerobic jog"  # scores about 55 against "Easy Run 45 min"

    settings = Settings(library_match_threshold=threshold)
    forge = PlanForge(model="test", plan_model=converter(rename_tuesday), library=library(), settings=settings)
    plan = await forge.generate_plan(request("prefer_existing"))
    assert plan.content[0].library_workout_id == expected


async def test_ai_generate_never_touches_the_library() -> None:
    def claim_library_ids(args: dict[str, Any]) -> None:
        for workout in args["workouts"]:
            workout["library_workout_id"] = "secret"  # another org's id, or any made-up one

    forge = PlanForge(model="test", plan_model=converter(claim_library_ids), library=library())
    plan = await forge.generate_plan(request("ai_generate"))
    assert len(plan.content) == 3
    assert all(w.library_workout_id is None for w in plan.content)


async def test_a_made_up_library_id_is_sent_back_to_the_model() -> None:
    def made_up_once(args: dict[str, Any]) -> None:
        if not made_up_once.done:  # type: ignore[attr-defined]
            args["workouts"][0]["library_workout_id"] = "secret"  # the other org's id
            made_up_once.done = True  # type: ignore[attr-defined]

    made_up_once.done = False  # type: ignore[attr-defined]
    forge = PlanForge(model="test", plan_model=converter(made_up_once), library=library())
    plan = await forge.generate_plan(request("strict_existing"))
    assert {w.library_workout_id for w in plan.content} == {"easy45", "long90"}


async def test_tool_is_offered_only_with_a_library_preference_and_searches_the_own_org() -> None:
    seen: dict[str, Any] = {}
    coach = ScriptedCoach()

    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        seen.setdefault("tools", [t.name for t in info.function_tools])
        returns = [p for m in messages for p in getattr(m, "parts", []) if isinstance(p, ToolReturnPart)]
        if info.function_tools and not returns:
            query = {"text": "easy run", "workout_type": "run", "duration_minutes": 45}
            return ModelResponse(parts=[ToolCallPart("search_library", query)])
        if returns:
            seen["results"] = json.loads(returns[0].model_response_str())
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, coach.convert(request_sections(messages)))])

    forge = PlanForge(model="test", plan_model=FunctionModel(answer), library=library())
    await forge.generate_plan(request("prefer_existing", org="rivals"))
    assert seen["tools"] == ["search_library"]
    assert [r["id"] for r in seen["results"]] == ["secret"]  # rivals see only their own workout

    seen.clear()
    await forge.generate_plan(request("ai_generate"))
    assert seen["tools"] == []


async def test_strict_with_an_empty_library_or_none_is_a_clear_error() -> None:
    forge = PlanForge(model="test", plan_model=converter(), library=library())
    with pytest.raises(InvalidRequestError, match="org 'nobody' has no workouts") as caught:
        await forge.generate_plan(request("strict_existing", org="nobody"))
    assert caught.value.field == "workout_preference"
    with pytest.raises(InvalidRequestError, match="needs a workout library"):
        await PlanForge(model="test", plan_model=converter()).generate_plan(request("prefer_existing"))


WORKOUT_TYPES = ["run", "bike", "swim", "strength"]
SUB_TYPE = {"run": "easy-run", "bike": "endurance-ride", "swim": "endurance-swim", "strength": "core"}
random_workout = st.fixed_dictionaries(
    {
        "day": st.sampled_from(["Tuesday", "Wednesday", "Saturday"]),
        "workout_type": st.sampled_from(WORKOUT_TYPES),
        "workout_name": st.sampled_from(["Easy Run", "Long Run 90 min", "Ride", "Swim drills", "Core", "x"]),
        "library_workout_id": st.sampled_from([None, None, "easy45", "long90", "secret", "nope"]),
        "target_duration_in_seconds": st.integers(600, 7200),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.lists(st.lists(random_workout, max_size=5), min_size=1, max_size=4))
async def test_strict_never_contains_a_non_library_workout(answers: list[list[dict[str, Any]]]) -> None:
    """Whatever the model answers, a strict plan holds library workouts only (or fails cleanly)."""
    calls: list[int] = []

    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        workouts = answers[min(len(calls), len(answers) - 1)]
        calls.append(1)
        args = {
            "weeks": [{"week": 1, "phase": "base", "focus": "Base"}],
            "workouts": [
                {
                    **w,
                    "week": 1,
                    "phase": "base",
                    "workout_description": "d",
                    "workout_sub_type": SUB_TYPE[w["workout_type"]],
                }
                for w in workouts
            ],
        }
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, args)])

    forge = PlanForge(model="test", plan_model=FunctionModel(answer), library=library())
    try:
        plan = await forge.generate_plan(request("strict_existing"))
    except PlanforgeError:
        return  # a clean, typed failure is allowed; a non-library workout never is
    library_ids = {w.id: w for w in LIBRARY}
    for workout in plan.content:
        assert workout.library_workout_id in library_ids
        assert workout.workout_name == library_ids[workout.library_workout_id].workout_name

"""Every evaluator on hand-made good and bad plans: each must tell them apart, with its measured value."""

from __future__ import annotations

import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge.domain.plan import Plan, PlanWarning, PlanWorkout
from planforge.evals.evaluators import (
    CoachingRules,
    DraftFidelity,
    GoldenSimilarity,
    LibraryCompliance,
    PlanJudge,
    PlanStructure,
    RequestConstraints,
)
from planforge.offline.parser import parse_to_workouts
from tests.evals.helpers import GOOD_DRAFT, context, plan_of, week_of, workout

STEADY = plan_of(week_of(1) + week_of(2, 1.05) + week_of(3, 1.1), ["base", "build", "build"])


def draft_plan() -> Plan:
    workouts, info = parse_to_workouts(GOOD_DRAFT)
    return Plan(content=[PlanWorkout.model_validate(w.model_dump()) for w in workouts], weekly_info=info)


def test_coaching_rules_pass_a_steady_plan_and_fail_a_40_percent_jump() -> None:
    good = CoachingRules().evaluate(context(STEADY))
    jump = CoachingRules().evaluate(context(plan_of(week_of(1) + week_of(2, 1.4) + week_of(3, 1.96), ["base"] * 3)))
    assert good["coaching.volume_jumps"] == 1.0
    assert jump["coaching.volume_jumps"] == 0.0
    assert jump["coaching.volume_jumps.value"] == pytest.approx(0.4, abs=0.01)
    assert jump["coaching.ok"] is False
    assert good["coaching"] > jump["coaching"]


def test_coaching_rules_fail_a_week_without_rest() -> None:
    every_day = [workout(1, day, "easy-run", 30) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    every_day += [workout(1, "Saturday", "easy-run", 30), workout(1, "Sunday", "long-run", 40)]
    result = CoachingRules().evaluate(context(plan_of(every_day, ["base"])))
    assert result["coaching.rest_days"] == 0.0
    assert result["coaching.rest_days.value"] == 0.0
    assert CoachingRules().evaluate(context(STEADY))["coaching.rest_days.value"] == 3.0


def test_coaching_rules_require_a_taper_only_for_race_plans() -> None:
    no_taper = plan_of(week_of(1) + week_of(2, 1.05) + week_of(3, 1.1), ["base", "build", "taper"])
    assert CoachingRules().evaluate(context(no_taper, race=True))["coaching.taper"] == 0.0
    assert CoachingRules().evaluate(context(no_taper, race=False))["coaching.taper"] == 1.0


def test_structure_measures_missing_weeks_and_phases_out_of_order() -> None:
    good = PlanStructure().evaluate(context(draft_plan(), weeks=2))
    assert good["structure.ok"] is True
    assert good["structure"] == 1.0
    missing = PlanStructure().evaluate(context(plan_of(week_of(1), ["base"]), weeks=2))
    assert missing["structure.weeks"] == 0.5
    backwards = PlanStructure().evaluate(context(plan_of(week_of(1) + week_of(2), ["taper", "base"])))
    assert backwards["structure.phase_order"] == 0.0
    assert backwards["structure.ok"] is False


def test_structure_counts_draft_weeks_missing_days() -> None:
    short = GOOD_DRAFT.replace("- Wednesday: Rest\n", "", 1)
    assert PlanStructure().evaluate(context(draft_plan(), draft=short, weeks=2))["structure.seven_days"] == 0.5


def test_constraints_report_the_share_of_weeks_keeping_each() -> None:
    wrong_day = plan_of(week_of(1) + week_of(2, long_day="Saturday"), ["base", "build"])
    result = RequestConstraints().evaluate(context(wrong_day, days_per_week=4, long_run_day="Sunday"))
    assert result["constraints.long_run_day"] == 0.5
    assert result["constraints.days_per_week"] == 0.5  # week 2 holds two sessions on Saturday: three days
    assert result["constraints.ok"] is False
    good = RequestConstraints().evaluate(context(STEADY, days_per_week=4, long_run_day="Sunday"))
    assert good == {
        "constraints.days_per_week": 1.0,
        "constraints.long_run_day": 1.0,
        "constraints": 1.0,
        "constraints.ok": True,
    }


def test_constraints_require_recurring_sessions_every_week_but_race_week() -> None:
    trail = [workout(1, "Wednesday", "trail-run", 50), workout(2, "Wednesday", "trail-run", 50)]
    plan = plan_of(week_of(1) + week_of(2) + week_of(3) + trail, ["base"] * 3)
    assert RequestConstraints().evaluate(context(plan, recurring=["trail-run"], race=True))["constraints"] == 1.0
    assert RequestConstraints().evaluate(context(plan, recurring=["trail-run"]))["constraints.recurring"] == 0.6667
    assert RequestConstraints().evaluate(context(STEADY)) == {}


def test_fidelity_is_exact_for_a_faithful_plan_and_catches_a_dropped_or_resized_session() -> None:
    faithful = draft_plan()
    assert DraftFidelity().evaluate(context(faithful))["fidelity"] == 1.0
    dropped = Plan(content=faithful.content[1:], weekly_info=faithful.weekly_info)
    result = DraftFidelity().evaluate(context(dropped))
    assert result["fidelity.ok"] is False
    assert result["fidelity.converted"] == 0.875
    resized = Plan(
        content=[faithful.content[0].model_copy(update={"target_duration_in_seconds": 3600}), *faithful.content[1:]],
        weekly_info=faithful.weekly_info,
    )
    assert DraftFidelity().evaluate(context(resized))["fidelity.quantities"] == 0.875
    invented = Plan(content=[*faithful.content, workout(1, "Monday", "easy-run", 30)], weekly_info=faithful.weekly_info)
    assert DraftFidelity().evaluate(context(invented))["fidelity.invented"] == 1.0


def test_fidelity_accepts_library_quantities_and_reported_gaps() -> None:
    faithful = draft_plan()
    first = faithful.content[0]
    from_library = first.model_copy(update={"target_duration_in_seconds": 3600, "library_workout_id": "lib-1"})
    substituted = Plan(content=[from_library, *faithful.content[1:]], weekly_info=faithful.weekly_info)
    assert DraftFidelity().evaluate(context(substituted))["fidelity"] == 1.0
    gap = PlanWarning(code="library_gap", message="no fit", week=first.week, day=first.day)
    with_gap = Plan(content=faithful.content[1:], weekly_info=faithful.weekly_info, warnings=[gap])
    assert DraftFidelity().evaluate(context(with_gap))["fidelity.ok"] is True


def test_library_compliance_under_strict_existing() -> None:
    from_library = [workout(1, "Tuesday", "easy-run", 30, library_workout_id="lib-easy-30")]
    invented = [*from_library, workout(1, "Thursday", "tempo-run", 30, library_workout_id="made-up")]
    good = LibraryCompliance().evaluate(context(plan_of(from_library, ["base"]), preference="strict_existing"))
    bad = LibraryCompliance().evaluate(context(plan_of(invented, ["base"]), preference="strict_existing"))
    assert good == {"library": 1.0, "library.unknown_ids": 0.0, "library.ok": True}
    assert bad == {"library": 0.5, "library.unknown_ids": 1.0, "library.ok": False}
    assert LibraryCompliance().evaluate(context(plan_of(invented, ["base"]))) == {}


def test_similarity_to_the_golden_draft_week_by_week() -> None:
    same = GoldenSimilarity().evaluate(context(STEADY, draft=GOOD_DRAFT))
    other = GOOD_DRAFT.replace("Easy run", "Bike").replace("Tempo run", "Swim").replace("Long run", "Hike")
    differs = GoldenSimilarity().evaluate(context(STEADY, draft=other))
    half = GoldenSimilarity().evaluate(context(STEADY, draft=GOOD_DRAFT.split("\n\n")[0]))
    assert same["similarity"] == 1.0
    assert 0.3 < differs["similarity"] < 0.9
    assert half["similarity"] == 0.5


@pytest.mark.anyio
async def test_plan_judge_asks_the_judge_model_with_the_case_rubric() -> None:
    prompts: list[str] = []

    def judge(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        prompts.append(str(messages[-1].parts[-1].content))  # type: ignore[union-attr]
        args = {"reason": "Tapers well.", "pass": True, "score": 0.8}
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, args)])

    result = await PlanJudge(model=FunctionModel(judge)).evaluate(context(STEADY, rubric="Tapers into the race."))
    assert result["judge"].value == 0.8  # type: ignore[union-attr]
    assert result["judge.pass"].value is True  # type: ignore[union-attr]
    assert "Tapers into the race." in prompts[0]
    assert "Tuesday: Easy run 40 min" in prompts[0]  # the judge reads the draft text


def test_library_compliance_leaves_the_race_out_of_a_strict_plan() -> None:
    training = [workout(1, "Tuesday", "easy-run", 30, library_workout_id="lib-easy-30")]
    race = workout(1, "Sunday", "race", 100, target_distance_in_meters=21097)  # the athlete's event, no library id
    result = LibraryCompliance().evaluate(context(plan_of([*training, race], ["base"]), preference="strict_existing"))
    assert result == {"library": 1.0, "library.unknown_ids": 0.0, "library.ok": True}
    untouched = workout(1, "Thursday", "tempo-run", 30)  # training that is not from the library still fails
    result = LibraryCompliance().evaluate(
        context(plan_of([*training, untouched, race], ["base"]), preference="strict_existing")
    )
    assert result["library.ok"] is False

"""Meta-evaluation: the bad coaches each write one flaw, and the harness tells them from the golden drafts."""

from __future__ import annotations

import pytest

from planforge import DraftRequest, PlanForge, PlanRequest, PlanWorkout
from planforge.evals.dataset import load_dataset
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.meta import MetaSummary, Verdict, meta_evaluate, summarize
from planforge.testing.bad_coaches import (
    BAD_COACHES,
    ECHO_COACH,
    REFERENCE_COACH,
    CoachCase,
    days_ignored,
    oversized_swims,
    render,
)
from planforge.testing.bad_coaches.flaws import short_long_sessions
from tests.evals.helpers import run_week, weeks_of

BAD_CAUGHT_TARGET = 0.95
GOLDEN_PASS_TARGET = 1.0


def written(week: int, minutes: tuple[int, ...]) -> list[PlanWorkout]:
    """A week of runs whose descriptions are the draft's words, as a conversion keeps them."""
    return [
        w.model_copy(update={"workout_description": f"{w.workout_sub_type.replace('-', ' ').capitalize()} {m} min"})
        for w, m in zip(run_week(week, minutes), minutes, strict=True)
    ]


def coach_case(language: str = "en", **expect: object) -> CoachCase:
    plan = weeks_of(written(1, (40, 30, 40, 60)), written(2, (45, 30, 45, 70)))
    metadata = CaseExpectationsV2.model_validate(
        {"golden_draft": "-" * 10, "goal": "10K", "language": language, **expect}
    )
    return CoachCase(DraftRequest(weeks=2, level="intermediate", org_id="eval"), metadata, plan)


def test_there_are_at_least_ten_bad_coaches_each_with_its_flaw() -> None:
    assert len(BAD_COACHES) >= 10
    assert len({coach.name for coach in BAD_COACHES}) == len(BAD_COACHES)
    assert all(coach.flaw for coach in BAD_COACHES)


def test_a_bad_coach_writes_nothing_where_its_flaw_cannot_apply() -> None:
    assert days_ignored(coach_case()) is None  # no day constraint to ignore
    assert oversized_swims(coach_case()) is None  # no swim
    by_name = {coach.name: coach for coach in BAD_COACHES}
    assert by_name["no-race"].draft(coach_case()) is None


def test_days_ignored_moves_training_onto_the_ruled_out_days() -> None:
    changed = days_ignored(coach_case(excluded_days=["Saturday", "Monday"]))
    assert changed is not None
    assert {w.day for w in changed} <= {"Saturday", "Monday"}
    assert len(changed) == 8


def test_drafts_are_written_in_the_case_language_with_all_seven_days() -> None:
    text = render(coach_case().golden.content, 2, "de")
    assert text.splitlines()[:3] == ["Woche 1", "- Montag: Ruhetag", "- Dienstag: Easy run 40 min"]  # golden words kept
    assert sum(line.startswith("- ") for line in text.splitlines()) == 14


@pytest.mark.anyio
async def test_the_echo_coach_writes_the_golden_plan_back_unchanged() -> None:
    case = coach_case()
    forge = PlanForge(model="offline")
    draft = ECHO_COACH.draft(case)
    assert draft is not None
    plan = await forge.generate_plan(PlanRequest(**case.request.model_dump(), refined_draft=draft))
    size = [(w.week, w.day, w.workout_sub_type, w.target_duration_in_seconds) for w in plan.content]
    assert size == [(w.week, w.day, w.workout_sub_type, w.target_duration_in_seconds) for w in case.golden.content]


@pytest.fixture(scope="module")
def verdicts() -> list[Verdict]:
    import asyncio

    return asyncio.run(meta_evaluate(load_dataset()))


@pytest.fixture(scope="module")
def meta(verdicts: list[Verdict]) -> MetaSummary:
    return summarize(verdicts)


def test_bad_coaches_are_caught_on_the_cases_their_flaw_applies_to(meta: MetaSummary) -> None:
    assert meta.bad_caught is not None
    assert meta.bad_caught >= BAD_CAUGHT_TARGET


def test_golden_drafts_pass_every_evaluator(verdicts: list[Verdict], meta: MetaSummary) -> None:
    failing = {v.case: v.failed for v in verdicts if v.coach == REFERENCE_COACH.name and not v.passed}
    assert failing == {}  # each failing golden with the evaluators it failed (benchmarks/eval_meta.py --cases)
    assert meta.golden_pass == GOLDEN_PASS_TARGET


def test_the_echo_control_adds_no_flaw_of_its_own(meta: MetaSummary) -> None:
    assert meta.control_pass == 1.0


def test_a_multi_sport_race_split_into_legs_is_written_once() -> None:
    line = "Race day: Sprint triathlon (750 m swim, 20 km bike, 5 km run)"
    legs = [
        workout.model_copy(update={"workout_type": sport, "workout_sub_type": "race", "workout_description": line})
        for workout, sport in zip(written(1, (20, 40, 25)), ("swim", "bike", "run"), strict=True)
    ]
    same_day = [leg.model_copy(update={"day": "Sunday"}) for leg in legs]
    text = render(same_day, 1, "en")
    assert text.count("Race day") == 1


def test_short_long_sessions_leaves_a_race_week_only_plan_alone() -> None:
    race_week = coach_case(race={"sport": "run", "distance": "10k", "week": 1, "day": "Sunday"})
    assert short_long_sessions(race_week) is None
    build = coach_case(race={"sport": "run", "distance": "10k", "week": 2, "day": "Sunday"})
    assert short_long_sessions(build) is not None


def test_the_spike_coach_writes_its_spike_as_a_long_run_even_from_a_run_walk() -> None:
    from planforge.testing.bad_coaches.flaws import spike

    run_walk = [w.model_copy(update={"workout_sub_type": "interval-run"}) for w in written(3, (30, 30, 30, 35))]
    plan = weeks_of(written(1, (30, 30, 30, 35)), written(2, (30, 30, 30, 35)), run_walk, written(4, (30, 30, 30, 35)))
    metadata = CaseExpectationsV2.model_validate({"golden_draft": "-" * 10, "goal": "fitness", "language": "en"})
    spiked = spike(CoachCase(DraftRequest(weeks=4, level="beginner", org_id="eval"), metadata, plan))
    assert spiked is not None
    [changed] = [w for w in spiked if w not in plan.content]
    assert (changed.week, changed.workout_sub_type, changed.target_duration_in_seconds) == (3, "long-run", 35 * 150)

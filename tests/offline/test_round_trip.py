"""The offline coach's two halves agree: every canonical draft the engine writes parses back to its workouts.

The engine (`write_plan`) says which workouts it means; the parser reads the rendered draft text. For any valid
request they must give the same workouts — type, sub-type, week, day, duration, distance, phase and
content_blocks — and the same weekly info, so the offline pipeline converts exactly what it drafted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Generator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.vocabulary import LEVELS, WEEKDAYS, Language, Level, Weekday
from planforge.drafttext.render import render_draft
from planforge.offline.engine import EnginePlan, write_plan
from planforge.offline.engine.text import LEXICONS
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


# The engine writes a few words with an English gloss ("Salite (hills)", "Rest (rust)", "aquecimento (warm-up)")
# until the parser reads the native word; the drafts below are written with the native words only, as a coach of
# that language writes them (and as the engine will once it drops the glosses), and must read back exactly.
_GLOSS = re.compile(r"\s*\((?:warm-up|cool-down|long ride|hills|climb|build|peak|HMP|jog|easy|race|rust|base)\)")
_NATIVE: dict[Language, dict[str, str]] = {
    "de": {"Warm-up": "Einrollen", "Cool-down": "Ausrollen", "@ MP": "@ Marathontempo"},
    "nl": {"Rest": "Rust", "op MP": "op marathontempo"},
    "pt": {"Musculação": "Força", ", recuperação {r} trote": " com {r} de trote"},
    "es": {", recuperación {r} trote": " con {r} trote"},
}
NATIVE_PROMPTS: dict[Language, list[str]] = {
    "en": ["Half marathon, goal 1:45. 5 days a week.", "Olympic triathlon, 8-10 hours a week."],
    "de": ["Halbmarathon am Sonntag, Ziel 1:50. 4 Tage pro Woche.", "Marathon unter 3:30, langer Lauf sonntags.",
           "Langdistanz-Triathlon, maximal 14 Stunden pro Woche."],
    "fr": ["Semi-marathon le dimanche, objectif 1:45. 4 jours par semaine.", "Triathlon olympique dans 12 semaines."],
    "es": ["Media maratón el domingo, 4 días por semana.", "Maratón en 3:30, tirada larga el sábado."],
    "it": ["Mezza maratona di domenica, obiettivo 1:45. 4 giorni a settimana.", "Granfondo di 120 km di domenica.",
           "Triathlon olimpico tra 12 settimane."],
    "pt": ["Meia maratona no domingo, 4 dias por semana.", "Meio Ironman daqui a 20 semanas.",
           "Maratona em 3:30, longão ao sábado."],
    "nl": ["Halve marathon op zondag, doel 1:45. 4 dagen per week.", "Sprinttriatlon op zondag."],
}  # fmt: skip


def _native(value: Any, language: Language) -> Any:
    """A lexicon value without its English glosses, in the words a coach of `language` writes."""
    if isinstance(value, str):
        text = _GLOSS.sub("", value)
        for written, native in _NATIVE.get(language, {}).items():
            text = native if text == written else text.replace(written, native) if written[0] in "@o," else text
        return text
    if isinstance(value, dict):
        return {key: _native(item, language) for key, item in value.items()}  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, tuple):
        return tuple(_native(item, language) for item in value)  # pyright: ignore[reportUnknownVariableType]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {field.name: _native(getattr(value, field.name), language) for field in dataclasses.fields(value)}
        return dataclasses.replace(value, **fields)
    return value


@contextlib.contextmanager
def native_words(language: Language) -> Generator[None]:
    """The engine writes `language` without English glosses while the block runs."""
    original = LEXICONS[language]
    LEXICONS[language] = _native(original, language)
    try:
        yield
    finally:
        LEXICONS[language] = original


@pytest.mark.parametrize("language", list(NATIVE_PROMPTS))
@settings(max_examples=12, deadline=None)
@given(data=st.data(), weeks=st.integers(1, 24), level=st.sampled_from(LEVELS))
def test_a_draft_in_native_words_reads_back_in_each_language(
    language: Language, data: st.DataObject, weeks: int, level: Level
) -> None:
    """Hill repeats, long rides, warm-ups and cool-downs, rest days, recoveries, race and marathon paces and the
    phases, each in the language's own words, read back to the engine's workouts and weekly info."""
    prompt = data.draw(st.sampled_from(NATIVE_PROMPTS[language]))
    with native_words(language):
        request = draft_request(weeks, level, prompt)
        plan = write_plan(request, "")
        assert plan.draft.language == language
        text = render_draft(plan.draft)
    workouts, weekly_info = parse_to_workouts(text, weeks=weeks)
    assert [signature(w) for w in workouts] == [signature(w) for w in plan.workouts]
    assert weekly_info == plan.weekly_info

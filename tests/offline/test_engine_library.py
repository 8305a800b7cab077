"""The offline coach and the org's workout library: it looks at what the library holds, plans with it, and names
each library workout it uses ("… [lib:ID]"), so a strict plan keeps every training day and a prefer plan keeps
its build.
"""

from __future__ import annotations

import pytest

from planforge import PlanForge, PlanRequest, Settings
from planforge.domain.requests import DraftRequest
from planforge.library import InMemoryWorkoutLibrary, LibraryWorkout
from planforge.offline.engine import EnginePlan, write_plan
from planforge.offline.engine.library import LibraryCatalog, LibraryEntry
from planforge.offline.engine.library_search import marked_library_ids
from planforge.offline.model import OfflineCoachModel
from planforge.quality.measures import workout_seconds

pytestmark = pytest.mark.anyio


def _workout(library_id: str, workout_type: str, sub_type: str, minutes: int, name: str) -> LibraryWorkout:
    return LibraryWorkout(
        id=library_id,
        workout_name=name,
        workout_description=f"{name}, steady.",
        workout_type=workout_type,  # type: ignore[arg-type]
        workout_sub_type=sub_type,  # type: ignore[arg-type]
        target_duration_in_seconds=minutes * 60,
    )


# A club library with no interval run, no tempo run and no swim: runs of three roles only.
CLUB = [
    _workout("easy-30", "run", "easy-run", 30, "Easy Run 30 min"),
    _workout("easy-45", "run", "easy-run", 45, "Easy Run 45 min"),
    _workout("long-60", "run", "long-run", 60, "Long Run 60 min"),
    _workout("long-75", "run", "long-run", 75, "Long Run 75 min"),
    _workout("long-90", "run", "long-run", 90, "Long Run 90 min"),
    _workout("fartlek-35", "run", "fartlek", 35, "Fartlek 35 min"),
]


def _catalog(preference: str, workouts: list[LibraryWorkout] = CLUB) -> LibraryCatalog:
    entries = tuple(
        LibraryEntry(w.id, w.workout_type, w.workout_sub_type, (w.target_duration_in_seconds or 0) / 60, None)
        for w in workouts
    )
    return LibraryCatalog(preference, entries)  # type: ignore[arg-type]


def _request(prompt: str, weeks: int = 8, level: str = "intermediate", preference: str = "ai_generate") -> DraftRequest:
    return DraftRequest(
        weeks=weeks,
        level=level,  # type: ignore[arg-type]
        org_id="club",
        additional_prompt=prompt,
        workout_preference=preference,  # type: ignore[arg-type]
    )


TEN_K = "10K race on Sunday in 8 weeks. I run about 40 km a week, long run on Sunday."


def _training(plan: EnginePlan) -> list[tuple[int, str, str]]:
    return [(w.week, w.day, w.workout_type) for w in plan.workouts if w.workout_sub_type != "race"]


def test_a_strict_plan_takes_a_same_role_library_workout_where_the_library_lacks_the_sub_type() -> None:
    own = write_plan(_request(TEN_K), "")
    strict = write_plan(_request(TEN_K), "", _catalog("strict_existing"))
    # Every training day of the coach's own plan is still there, each session a workout of the library.
    assert _training(strict) == _training(own)
    known = {w.id: w for w in CLUB}
    used = [w for w in strict.workouts if w.workout_sub_type != "race"]
    assert all(w.library_workout_id in known for w in used)
    # Interval and tempo sessions (no such workout in the library) became the library's quality run, or an easy
    # run where a whole 35-minute fartlek would make the week too hard.
    quality = [w for w in own.workouts if w.workout_sub_type in {"interval-run", "tempo-run", "hill-repeats"}]
    assert quality
    by_place = {(w.week, w.day): w.library_workout_id for w in used}
    taken = [by_place[(w.week, w.day)] for w in quality]
    assert "fartlek-35" in taken
    assert set(taken) <= {"fartlek-35", "easy-30", "easy-45"}


def test_a_strict_plan_names_each_library_workout_in_the_draft_and_says_what_the_library_lacks() -> None:
    prompt = "Sprint triathlon on Sunday in 8 weeks."
    plan = write_plan(_request(prompt, preference="strict_existing"), "", _catalog("strict_existing"))
    lines = [day.session for week in plan.draft.weeks for day in week.days if day.session != "Rest"]
    assert not any(w.workout_type in {"swim", "bike"} for w in plan.workouts if w.workout_sub_type != "race")
    assert all("[lib:" in line or line.startswith("Race") for line in lines)
    assert "only workouts from your library" in plan.draft.overview
    assert "swims, rides (your library holds none)" in plan.draft.overview


def test_a_prefer_plan_takes_library_workouts_only_near_the_planned_size() -> None:
    own = write_plan(_request(TEN_K), "")
    prefer = write_plan(_request(TEN_K), "", _catalog("prefer_existing"))
    sizes = {w.id: (w.target_duration_in_seconds or 0) for w in CLUB}
    used = 0
    for mine, theirs in zip(own.workouts, prefer.workouts, strict=True):
        if theirs.library_workout_id is None:
            assert workout_seconds(theirs) == workout_seconds(mine)
            continue
        used += 1
        planned, taken = workout_seconds(mine), sizes[theirs.library_workout_id]
        shorter = 0.1 if mine.workout_sub_type == "long-run" else 0.15
        assert planned * (1 - shorter) <= taken <= planned * 1.1
    assert used > 0


def test_race_week_sessions_never_grow_past_their_planned_size() -> None:
    catalog = _catalog("strict_existing", [*CLUB, _workout("easy-60", "run", "easy-run", 60, "Easy Run 60 min")])
    own = write_plan(_request(TEN_K), "")
    strict = write_plan(_request(TEN_K), "", catalog)
    planned = {(w.week, w.day): workout_seconds(w) for w in own.workouts if w.week == 8}
    for workout in strict.workouts:
        if workout.week == 8 and workout.workout_sub_type != "race":
            assert workout_seconds(workout) <= planned[(workout.week, workout.day)]


def test_library_marks_are_read_per_day_and_taken_out_of_the_text() -> None:
    body = "- Tuesday: Hill repeats 40 min [lib:lib-hills-8x60] + Strength 30 min\n- Wednesday: Rest"
    text, ids = marked_library_ids(body)
    assert "[lib:" not in text
    assert ids == {"Tuesday": ["lib-hills-8x60", None]}


def _forge(workouts: list[LibraryWorkout]) -> PlanForge:
    return PlanForge(
        model=OfflineCoachModel(),
        settings=Settings(),
        library=InMemoryWorkoutLibrary({"club": workouts}),
    )


async def test_a_strict_plan_through_the_service_leaves_no_library_gap() -> None:
    forge = _forge(CLUB)
    request = _request(TEN_K, preference="strict_existing")
    drafted = await forge.generate_draft(request)
    plan = await forge.generate_plan(PlanRequest(**request.model_dump(), refined_draft=drafted.draft))
    assert [w for w in plan.warnings if w.code == "library_gap"] == []
    training = [w for w in plan.content if w.workout_sub_type != "race"]
    assert training
    assert all(w.library_workout_id in {c.id for c in CLUB} for w in training)
    own = write_plan(_request(TEN_K), "")  # every training day of the coach's own plan kept
    assert sorted((w.week, w.day) for w in training) == sorted((w, d) for w, d, _ in _training(own))


async def test_a_prefer_draft_names_its_library_workouts_and_the_plan_takes_them() -> None:
    forge = _forge(CLUB)
    request = _request(TEN_K, preference="prefer_existing")
    drafted = await forge.generate_draft(request)
    # A library workout the coach chose is named in the draft and taken whole by the plan.
    assert "[lib:" in drafted.draft
    plan = await forge.generate_plan(PlanRequest(**request.model_dump(), refined_draft=drafted.draft))
    assert any(w.library_workout_id is not None for w in plan.content)
    assert not any("[lib:" in w.workout_description for w in plan.content)


async def test_a_draft_naming_library_ids_converts_to_those_workouts() -> None:
    # An id with numbers in it ("8x60") is no quantity, and a session named in another language still takes the
    # workout its mark names, which matching by words alone would not find.
    hills = _workout("hills-8x60", "run", "hill-repeats", 40, "Hill Repeats 8 x 60 s")
    draft = """Week 1: Basis
- Maandag: Rust
- Dinsdag: Heuvels 40 min [lib:hills-8x60]
- Woensdag: Rust
- Donderdag: Rustige duurloop 45 min [lib:easy-45] + Krachttraining 20 min
- Vrijdag: Rust
- Zaterdag: Rust
- Zondag: Lange duurloop 75 min [lib:long-75]
"""
    request = PlanRequest(
        weeks=1, level="intermediate", org_id="club", refined_draft=draft, workout_preference="prefer_existing"
    )
    plan = await _forge([*CLUB, hills]).generate_plan(request)
    ids = {(w.day, w.workout_type): w.library_workout_id for w in plan.content}
    assert ids == {
        ("Tuesday", "run"): "hills-8x60",
        ("Thursday", "run"): "easy-45",
        ("Thursday", "strength"): None,
        ("Sunday", "run"): "long-75",
    }
    assert all("[lib:" not in w.workout_description for w in plan.content)
    assert {w.target_duration_in_seconds for w in plan.content if w.day == "Tuesday"} == {2400}


async def test_a_week_that_names_no_phase_goes_on_with_the_last_training_phase_of_its_chunk() -> None:
    # As `parse_to_workouts` reads a whole draft: "Stronger" after a build week and a recovery week is build.
    week = "- Monday: Rest\n- Tuesday: Easy run 30 min\n- Saturday: Long run 60 min\n"
    headers = ["Building the habit", "Easier week", "Stronger", "Build", "Build", "Peak", "Taper", "Race week"]
    draft = "\n".join(f"Week {n}: {header}\n{week}" for n, header in enumerate(headers, start=1))
    forge = PlanForge(model=OfflineCoachModel(), settings=Settings(chunk_weeks=8))
    request = PlanRequest(weeks=8, level="beginner", org_id="club", refined_draft=draft)
    plan = await forge.generate_plan(request)
    # By position alone week 3 of 8 would be base.
    assert [plan.weekly_info[str(w)].phase for w in (1, 2, 3)] == ["build", "recovery", "build"]


INTERVALS = _workout("intervals-45", "run", "interval-run", 45, "Intervals 6 x 800 m")
TEMPO = _workout("tempo-40", "run", "tempo-run", 40, "Tempo Run 40 min")


def test_a_strict_plan_keeps_its_quality_sessions_when_the_library_has_them() -> None:
    # A library quality workout is counted with the warm-up and cool-down a session of its role has, not as
    # 40 minutes of hard running: the weeks' quality stays.
    own = write_plan(_request(TEN_K), "")
    strict = write_plan(_request(TEN_K), "", _catalog("strict_existing", [*CLUB, INTERVALS, TEMPO]))
    quality = {"interval-run", "tempo-run", "hill-repeats", "fartlek", "race-pace-run"}
    planned = {(w.week, w.day) for w in own.workouts if w.workout_sub_type in quality}
    taken = {(w.week, w.day) for w in strict.workouts if w.library_workout_id in {"intervals-45", "tempo-40"}}
    taken |= {(w.week, w.day) for w in strict.workouts if w.library_workout_id == "fartlek-35"}
    assert planned
    assert taken == planned


def test_a_strict_plan_never_takes_a_library_workout_the_athletes_cautions_rule_out() -> None:
    # The library has no race-pace run: its same-role stand-in may be the tempo run, never the track intervals.
    prompt = "Half marathon on Sunday in 12 weeks, goal 1:55. Knee history: no track intervals, no downhill running."
    strict = write_plan(_request(prompt, weeks=12), "", _catalog("strict_existing", [*CLUB, INTERVALS, TEMPO]))
    assert not [w for w in strict.workouts if w.library_workout_id == "intervals-45"]
    assert any(w.library_workout_id == "tempo-40" for w in strict.workouts)

"""Library enforcement: sessions become library workouts, and the athlete's race never does."""

from __future__ import annotations

from typing import Any

import pytest

from planforge.domain.plan import Workout
from planforge.domain.vocabulary import WorkoutPreference
from planforge.evals.paths import load_library, sample_library_path
from planforge.library.enforcement import LibrarySnapshot


def session(sub_type: str, name: str, **fields: Any) -> Workout:
    return Workout.model_validate(
        {
            "week": 12,
            "phase": "taper",
            "day": "Sunday",
            "workout_name": name,
            "workout_description": name,
            "workout_type": "run",
            "workout_sub_type": sub_type,
            **fields,
        }
    )


@pytest.fixture
def snapshot() -> LibrarySnapshot:
    """The sample library, which holds a "Race: 10K" and a "Race: 5K" but no half marathon."""
    return LibrarySnapshot.build("eval", "v1", load_library(sample_library_path()), threshold=60)


@pytest.mark.parametrize("preference", ["prefer_existing", "strict_existing"])
def test_the_race_is_kept_as_planned_under_either_preference(
    snapshot: LibrarySnapshot, preference: WorkoutPreference
) -> None:
    race = session("race", "Race: half marathon", target_distance_in_meters=21097)
    enforced = snapshot.enforce([race], preference)
    assert enforced.workouts == [race]
    assert enforced.warnings == []
    assert enforced.problems == []


def test_a_strict_plan_keeps_the_race_even_when_no_library_workout_fits(snapshot: LibrarySnapshot) -> None:
    race = session("race", "Race: marathon", target_distance_in_meters=42195, workout_type="run")
    easy = session("easy-run", "Easy Run 45 min", target_duration_in_seconds=2700, day="Thursday")
    enforced = snapshot.enforce([easy, race], "strict_existing")
    assert [w.library_workout_id for w in enforced.workouts] == ["lib-easy-45", None]
    assert enforced.workouts[1] == race


def test_training_sessions_still_become_library_workouts(snapshot: LibrarySnapshot) -> None:
    tempo = session("tempo-run", "Tempo Run 40 min", target_duration_in_seconds=2400, day="Tuesday")
    enforced = snapshot.enforce([tempo], "prefer_existing")
    assert enforced.workouts[0].library_workout_id == "lib-tempo-40"


def test_an_invented_library_id_on_a_race_is_still_sent_back(snapshot: LibrarySnapshot) -> None:
    race = session("race", "Race: 10K", target_distance_in_meters=10000, library_workout_id="lib-made-up")
    enforced = snapshot.enforce([race], "strict_existing")
    assert enforced.workouts == []
    assert "lib-made-up" in enforced.problems[0]


def test_a_session_given_by_distance_matches_a_library_workout_given_by_time(snapshot: LibrarySnapshot) -> None:
    long_run = session("long-run", "Long run 12 km", target_distance_in_meters=12000)  # ≈ 72 min at 6:00/km
    enforced = snapshot.enforce([long_run], "strict_existing")
    assert [w.library_workout_id for w in enforced.workouts] == ["lib-long-75"]
    assert enforced.warnings == []


def test_a_library_workout_of_twice_the_size_is_no_match(snapshot: LibrarySnapshot) -> None:
    shake_out = session("easy-run", "Easy Run 15 min", target_duration_in_seconds=900, day="Saturday")
    kept = snapshot.enforce([shake_out], "prefer_existing")
    assert kept.workouts == [shake_out]  # not the library's "Easy Run 45 min"
    strict = snapshot.enforce([shake_out], "strict_existing")
    assert strict.workouts == []
    assert [w.code for w in strict.warnings] == ["library_gap"]

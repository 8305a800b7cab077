"""Library enforcement: sessions become library workouts, and the athlete's race never does."""

from __future__ import annotations

from typing import Any

import pytest

from planforge.domain.plan import Workout
from planforge.domain.vocabulary import WorkoutPreference
from planforge.evals.paths import load_library, sample_library_path
from planforge.library.enforcement import LibrarySnapshot
from planforge.library.models import LibraryWorkout


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


def test_prefer_existing_uses_a_library_workout_only_where_it_fits_the_planned_size(snapshot: LibrarySnapshot) -> None:
    # The library's nearest fartlek is 35 min: for a planned 20 min it would add 75 % to the session's load.
    fartlek = session("fartlek", "Fartlek 20 min", target_duration_in_seconds=1200, day="Wednesday")
    assert snapshot.enforce([fartlek], "prefer_existing").workouts == [fartlek]
    # Strict plans may only hold library workouts, so anything short of twice the size stands in.
    assert [w.library_workout_id for w in snapshot.enforce([fartlek], "strict_existing").workouts] == ["lib-fartlek-35"]
    # A few minutes off, the library's workout is taken under either preference.
    fartlek_32 = session("fartlek", "Fartlek 32 min", target_duration_in_seconds=1920, day="Wednesday")
    for preference in ("prefer_existing", "strict_existing"):
        assert [w.library_workout_id for w in snapshot.enforce([fartlek_32], preference).workouts] == ["lib-fartlek-35"]


def test_prefer_existing_takes_the_library_workout_that_fits_not_the_best_worded() -> None:
    long_runs = [
        LibraryWorkout.model_validate(
            {
                "id": f"long-{minutes}",
                "workout_name": name,
                "workout_description": name,
                "workout_type": "run",
                "workout_sub_type": "long-run",
                "target_duration_in_seconds": minutes * 60,
            }
        )
        for minutes, name in [(90, "Long Run 90 min"), (120, "Long Run 2 h")]
    ]
    library = LibrarySnapshot.build("club", "v1", long_runs, threshold=60)
    # "Long Run 90 min" is worded closer, but for a planned 110 min it would cut the long run and make next
    # week's read as a jump; the 2-hour long run is within 12 %.
    long_run = session("long-run", "Long run 110 min", target_duration_in_seconds=6600, day="Saturday")
    assert [w.library_workout_id for w in library.enforce([long_run], "prefer_existing").workouts] == ["long-120"]
    long_run_104 = session("long-run", "Long run 104 min", target_duration_in_seconds=6240, day="Saturday")
    assert library.enforce([long_run_104], "prefer_existing").workouts == [long_run_104]  # both > 12 % off

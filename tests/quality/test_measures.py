"""How a session's time and hard time are measured when it states only distances."""

from __future__ import annotations

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.vocabulary import PaceZone
from planforge.quality.measures import SECONDS_PER_KM, hard_seconds, workout_seconds


def run(blocks: list[ContentBlock], **targets: float) -> Workout:
    return Workout.model_validate(
        {
            "week": 1,
            "phase": "base",
            "day": "Tuesday",
            "workout_name": "Session",
            "workout_description": "Session",
            "workout_type": "run",
            "workout_sub_type": "interval-run",
            "content_blocks": blocks,
            **{f"target_{key}": value for key, value in targets.items()},
        }
    )


def steps(meters: float, pace: PaceZone, repeat: int = 1) -> ContentBlock:
    return ContentBlock(
        type="run",
        block_length_target="distance",
        block_distance_in_meters=meters,
        block_pace=pace,
        block_repeat=repeat,
    )


def test_a_stated_total_distance_comes_before_the_steps_read_from_the_text() -> None:
    # "Fahrtspiel 9 km: 2 km locker, 8 x (1 min zügig, 1 min locker), locker auslaufen" read as 2 km + 1 min + 10 min:
    # the coach's 9 km is the session's size, not the 23 minutes of its misread steps.
    misread = [
        steps(2000, "z2"),
        ContentBlock(type="run", block_length_target="duration", block_duration_in_seconds=60, block_pace="z3"),
        ContentBlock(type="cool-down", block_length_target="duration", block_duration_in_seconds=600, block_pace="z1"),
    ]
    fahrtspiel = run(misread, distance_in_meters=9000)
    assert workout_seconds(fahrtspiel) == 9 * SECONDS_PER_KM["run"]
    assert workout_seconds(run(misread)) == 2 * SECONDS_PER_KM["run"] + 660  # no total stated: the steps


def test_fast_distance_steps_take_less_time_than_easy_ones() -> None:
    easy = run([steps(800, "z2", repeat=6)])
    fast = run([steps(800, "z5", repeat=6)])
    assert workout_seconds(fast) < workout_seconds(easy) == 4.8 * SECONDS_PER_KM["run"]
    assert hard_seconds(fast) == workout_seconds(fast) == 4.8 * SECONDS_PER_KM["run"] * 0.73  # Daniels' I pace
    assert hard_seconds(easy) == 0.0

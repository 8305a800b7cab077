"""A race's sport is the one its name states, whatever its warm-up advice mentions; a reading the plan's rules
refuse fails naming its week and day, never as a raw validation error."""

from __future__ import annotations

import pytest

from planforge.exceptions import DraftStructureError
from planforge.offline.model import _workout  # pyright: ignore[reportPrivateUsage]
from planforge.offline.parser import ParsedSession
from planforge.offline.parser.races import race_day_sessions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Race: parkrun 5K (5 min brisk walk to warm up, walk breaks are fine)", [("run", 5000.0)]),
        ("Race day: open-water swim 5 km (walk in slowly)", [("swim", 5000.0)]),
        (
            "Race day: Olympic triathlon (1.5 km swim, 40 km bike, 10 km run)",
            [("swim", 1500.0), ("bike", 40000.0), ("run", 10000.0)],
        ),
    ],
)
def test_a_race_is_of_the_sport_its_name_states(text: str, expected: list[tuple[str, float]]) -> None:
    sessions = race_day_sessions(text) or []
    assert [(s.workout_type, s.distance_meters) for s in sessions] == expected
    assert {s.workout_sub_type for s in sessions} == {"race"}


def test_a_session_the_plan_rules_refuse_names_its_week_and_day() -> None:
    walk_race = ParsedSession(
        day="Saturday",
        text="Race: 5K walk",
        workout_type="walk",
        workout_sub_type="race",
        duration_seconds=None,
        distance_meters=5000.0,
        explicit_duration=False,
        explicit_distance=True,
        content_blocks=[],
        optional=False,
        confident=True,
    )
    with pytest.raises(DraftStructureError, match=r"week 9 Saturday: .*race.*walk.*'Race: 5K walk'"):
        _workout(walk_race, week=9, phase="race")

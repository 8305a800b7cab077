"""Reading additional_prompt and the training principle: table-driven, each case with its expectation."""

from __future__ import annotations

from typing import Any

import pytest

from planforge.offline.engine import read_requirements

DEFAULT_PRINCIPLE = "Progressive overload with 80/20 easy-hard split. Prioritize aerobic base before adding speed work."


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        pytest.param(None, {"goal": "general", "race": False}, id="no prompt"),
        pytest.param(
            "Athlete is targeting a half marathon. Prefers running 4 days per week.",
            {"goal": "half", "race": True, "days_per_week": 4},
            id="spec example",
        ),
        pytest.param(
            "Targeting a sub-4 hour marathon", {"goal": "marathon", "goal_time_seconds": 4 * 3600}, id="sub-4"
        ),
        pytest.param("Half marathon, goal time 1:45", {"goal": "half", "goal_time_seconds": 6300}, id="h:mm"),
        pytest.param("5K race, goal time 22:30", {"goal": "5k", "goal_time_seconds": 1350}, id="mm:ss for 5K"),
        pytest.param("Wants to run a sub-20 5K", {"goal": "5k", "goal_time_seconds": 1200}, id="bare minutes"),
        pytest.param("Marathon in under 3h30", {"goal": "marathon", "goal_time_seconds": 12600}, id="3h30"),
        pytest.param("Marathon, goal time 1:45", {"goal_time_seconds": None}, id="implausible time ignored"),
        pytest.param("First 10K in the spring", {"goal": "10k", "race": True}, id="10K"),
        pytest.param("Currently runs 10 km per week", {"goal": "general"}, id="a weekly volume is no race"),
        pytest.param("50K trail ultra in October", {"goal": "ultra"}, id="ultra"),
        pytest.param("Ironman 70.3 in June", {"goal": "triathlon-half"}, id="70.3"),
        pytest.param("First Ironman", {"goal": "triathlon-full"}, id="ironman"),
        pytest.param("Sprint triathlon", {"goal": "triathlon-sprint"}, id="sprint tri"),
        pytest.param("Olympic distance triathlon", {"goal": "triathlon-olympic"}, id="olympic tri"),
        pytest.param("Gran fondo in September", {"goal": "cycling", "race": True}, id="cycling event"),
        pytest.param("Wants to get fitter on the bike", {"goal": "cycling", "race": False}, id="cycling, no event"),
        pytest.param("Marathon base building, no race this block", {"goal": "marathon", "race": False}, id="no race"),
        pytest.param("Long run on Saturday please", {"long_run_day": "Saturday"}, id="long run on Saturday"),
        pytest.param("Sunday long runs with the club", {"long_run_day": "Sunday"}, id="Sunday long runs"),
        pytest.param("my long run is on Saturday", {"long_run_day": "Saturday"}, id="long run is on Saturday"),
        pytest.param("Saturdays are my long run days", {"long_run_day": "Saturday"}, id="Saturdays are long"),
        pytest.param("Can train three days a week", {"days_per_week": 3}, id="days in words"),
        pytest.param("Runs 5x per week", {"days_per_week": 5}, id="5x per week"),
        pytest.param("One trail run per week", {"recurring": ("trail-run",)}, id="trail run"),
        pytest.param(
            "Run 4 days per week including one trail run",
            {"days_per_week": 4, "recurring": ("trail-run",)},
            id="count of days is not a count of trail runs",
        ),
        pytest.param(
            "Two strength sessions a week and a weekly swim",
            {"recurring": ("strength", "strength", "swim")},
            id="two kinds",
        ),
        pytest.param("No strength work per week, hates the gym", {"recurring": ()}, id="negation"),
        pytest.param("Loves trails and hills", {"recurring": ()}, id="not weekly"),
        pytest.param(
            "Half marathon. Likes to dance on weekends.", {"goal": "half", "recurring": ()}, id="noise ignored"
        ),
    ],
)
def test_read_requirements_from_prompt(prompt: str | None, expected: dict[str, Any]) -> None:
    requirements = read_requirements(prompt, DEFAULT_PRINCIPLE)
    assert {name: getattr(requirements, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("principle", "easy_share", "step_back_every"),
    [
        pytest.param(DEFAULT_PRINCIPLE, 0.8, 4, id="spec default"),
        pytest.param("Polarized training, 3:1 loading", 0.8, 4, id="polarized 3:1"),
        pytest.param("90/10 intensity distribution", 0.9, 4, id="90/10"),
        pytest.param("Keep it 2:1 with lots of rest", 0.8, 3, id="2:1"),
        pytest.param("A step-back week every third week", 0.8, 3, id="every third week"),
        pytest.param("Recovery week every 4th week; 85/15 split", 0.85, 4, id="every 4th week"),
        pytest.param("Train hard every day", 0.8, 4, id="nothing recognisable"),
        pytest.param("50/50 split", 0.8, 4, id="implausible split ignored"),
    ],
)
def test_read_requirements_from_principle(principle: str, easy_share: float, step_back_every: int) -> None:
    requirements = read_requirements(None, principle)
    assert (requirements.easy_share, requirements.step_back_every) == (pytest.approx(easy_share), step_back_every)

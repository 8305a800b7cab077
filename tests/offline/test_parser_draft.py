"""Whole drafts: the canonical format, errors on bad structure, workouts and weekly info, the corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from planforge.drafttext.segment import segment_draft
from planforge.exceptions import DraftStructureError
from planforge.offline.parser import parse_draft, parse_to_workouts, parse_week, session_to_workout

CANONICAL = """\
8-Week Plan

Overview.

Phase 1 (Weeks 1–1): Base Building
Easy running.

Week 1: Aerobic foundation
- Monday: Rest
- Tuesday: Easy run 45 min
- Wednesday: Intervals: 15 min warm-up, 6 x 800m @ 5K pace w/ 400m jog, 10 min cool-down
- Thursday: Cross-training or rest
- Friday: Strength 30 min + Easy run 30 min
- Saturday: Long run 16 km
- Sunday: Rest

Phase 2 (Week 2): Taper
Less.

Week 2
- Monday: Rest
- Tuesday: Tempo run 30 min
- Wednesday: Rest
- Thursday: Rest
- Friday: Rest
- Saturday: Rest
- Sunday: Race: Half marathon
"""


def test_canonical_draft_parses_every_session_in_day_order() -> None:
    weeks = parse_draft(CANONICAL, weeks=2)
    first = weeks[0]
    assert (first.week, first.phase, first.focus) == (1, "base", "Aerobic foundation")
    assert [(s.day, s.workout_sub_type) for s in first.sessions] == [
        ("Tuesday", "easy-run"),
        ("Wednesday", "interval-run"),
        ("Thursday", "cross-training"),
        ("Friday", "strength-training"),
        ("Friday", "easy-run"),
        ("Saturday", "long-run"),
    ]
    assert first.rest_days == ["Monday", "Sunday"]
    assert weeks[1].phase == "taper"


def test_parse_to_workouts_names_describes_and_fills_weekly_info() -> None:
    workouts, info = parse_to_workouts(CANONICAL, weeks=2)
    names = [w.workout_name for w in workouts]
    assert names == [
        "Easy Run 45 min", "Intervals 6 × 800 m", "Cross-Training", "Strength 30 min", "Easy Run 30 min",
        "Long Run 16 km", "Tempo Run 30 min", "Race: Half Marathon",
    ]  # fmt: skip
    assert "Optional" in workouts[2].workout_description
    assert workouts[-1].target_distance_in_meters == 21097.5
    assert info["1"].focus == "Aerobic foundation"
    assert info["2"].phase == "taper"
    assert info["2"].focus  # derived from the sessions: never empty
    assert "Tempo Run 30 min" in info["2"].focus


def test_default_phase_applies_when_the_text_names_none() -> None:
    _, info = parse_to_workouts("Week 1\n- Monday: Easy run 30 min", default_phase="build")
    assert info["1"].phase == "build"


def test_session_to_workout_keeps_blocks() -> None:
    week = parse_week(segment_draft(CANONICAL).weeks[0])
    workout = session_to_workout(week.sessions[1], week=1, phase="base")
    assert [b.type for b in workout.content_blocks] == ["warm-up", "interval", "cool-down"]
    assert (workout.week, workout.day, workout.phase) == (1, "Wednesday", "base")


@pytest.mark.parametrize("text", ["", "Just run a lot and rest when tired.", "Monday: easy run 30 min"])
def test_text_without_weeks_is_a_structure_error(text: str) -> None:
    with pytest.raises(DraftStructureError, match="expected week headers"):
        parse_draft(text)


def test_week_without_days_is_an_error_naming_the_week() -> None:
    with pytest.raises(DraftStructureError, match=r"week 2: neither a day nor a session found \(it has 'Listen to"):
        parse_draft("Week 1\n- Monday: Easy run 30 min\nWeek 2\nListen to your body and adapt")


def test_wrong_week_count_is_an_error() -> None:
    with pytest.raises(DraftStructureError, match="missing week 2"):
        parse_draft("Week 1\n- Monday: Easy run 30 min", weeks=2)


def test_unreadable_day_lines_give_unconfident_sessions() -> None:
    [week] = parse_draft("Week 1\n- Monday: blorp florp\n- Tuesday: zzz")
    assert [(s.day, s.confident) for s in week.sessions] == [("Monday", False), ("Tuesday", False)]


def _benchmark() -> ModuleType:
    path = Path(__file__).parents[2] / "benchmarks" / "parser_accuracy.py"
    spec = importlib.util.spec_from_file_location("parser_accuracy", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


BENCHMARK = _benchmark()


@pytest.mark.parametrize(("name", "text", "expected"), [pytest.param(*plan, id=plan[0]) for plan in BENCHMARK.corpus()])
def test_corpus_plan_parses_above_target(name: str, text: str, expected: list[dict[str, object]]) -> None:
    result = BENCHMARK.score(text, expected)
    assert result.f1 >= 0.9, (name, result.missed, result.extra)


def test_corpus_has_the_promised_variety() -> None:
    assert len(BENCHMARK.corpus()) >= 8

"""Coaching-rule checks over structured workouts, shared by the offline engine's tests and the eval harness."""

from planforge.quality.measures import hard_seconds, weekly_seconds, workout_seconds
from planforge.quality.rules import (
    RULES,
    Rule,
    RuleResult,
    Status,
    check_all,
    easy_hard_split,
    hard_day_spacing,
    long_run_share,
    rest_days,
    step_back_weeks,
    taper,
    volume_jumps,
)

__all__ = [
    "RULES",
    "Rule",
    "RuleResult",
    "Status",
    "check_all",
    "easy_hard_split",
    "hard_day_spacing",
    "hard_seconds",
    "long_run_share",
    "rest_days",
    "step_back_weeks",
    "taper",
    "volume_jumps",
    "weekly_seconds",
    "workout_seconds",
]
